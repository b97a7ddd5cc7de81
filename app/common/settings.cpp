// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "app/common/settings.h"

#include "app/common/commandline.h"
#include "app/common/logoutput.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSslCertificate>

namespace herald::app {

namespace {

using namespace std::chrono_literals;

Result<void> invalid(const QString &why)
{
    return fail(ErrorCode::InvalidArgument, why);
}

Result<void> assignListen(const QString &value, ListenAddress &target)
{
    auto listen = parseListen(value);
    if (!listen)
        return tl::unexpected(listen.error());
    target = *listen;
    return {};
}

} // namespace

QString Setting::environmentName() const
{
    return QStringLiteral("HERALD_") + QString(option).toUpper().replace(u'-', u'_');
}

const QList<Setting> &settingTable()
{
    // Constant data, built once; the one place that knows every setting's three names.
    static const QList<Setting> table = {
        {QStringLiteral("msrp/listen"), QStringLiteral("msrp-listen"),
         QStringLiteral("ADDRESS:PORT"),
         QStringLiteral("Accept MSRP connections on ADDRESS:PORT (default %1; IPv6 as "
                        "[::1]:2855; port 0 picks a free port).")
             .arg(CommonOptions{}.msrpListen.toString()),
         [](const QString &v, CommonOptions &o) { return assignListen(v, o.msrpListen); }},
        {QStringLiteral("sip/listen"), QStringLiteral("sip-listen"), QStringLiteral("ADDRESS:PORT"),
         QStringLiteral("Accept SIP over UDP and TCP on ADDRESS:PORT (default %1; port 0 picks a "
                        "free port).")
             .arg(CommonOptions{}.sipListen.toString()),
         [](const QString &v, CommonOptions &o) { return assignListen(v, o.sipListen); }},
        {QStringLiteral("store/path"), QStringLiteral("store"), QStringLiteral("PATH"),
         QStringLiteral("SQLite database where every text is stored before it is acknowledged "
                        "(default: herald.db in the data directory)."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             if (v.isEmpty())
                 return invalid(QStringLiteral("the path is empty"));
             o.storePath = v;
             o.noStore = false;
             return {};
         },
         QStringLiteral("no-store")},
        {QStringLiteral("store/disabled"), QStringLiteral("no-store"), QString(),
         QStringLiteral("Run without a store: texts are acknowledged without being persisted "
                        "(tests and demos only)."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             auto on = parseSwitch(v);
             if (!on)
                 return tl::unexpected(on.error());
             o.noStore = *on;
             if (*on)
                 o.storePath.clear();
             return {};
         },
         QStringLiteral("store")},
        {QStringLiteral("log/rules"), QStringLiteral("log-rules"), QStringLiteral("RULES"),
         QStringLiteral("Logging rules, as QT_LOGGING_RULES: category[.level]=true|false "
                        "separated by ';', e.g. \"herald.sip.wire.debug=true\" for a SIP wire "
                        "trace, \"herald.msrp.wire.debug=true\" for MSRP. Reloaded on SIGHUP."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             auto rules = normalizeLogRules(v);
             if (!rules)
                 return tl::unexpected(rules.error());
             o.logRules = *rules;
             return {};
         }},
        {QStringLiteral("log/target"), QStringLiteral("log-target"), QStringLiteral("TARGET"),
         QStringLiteral("stderr, journal (stderr with sd-daemon <N> priority prefixes) or auto "
                        "(journal when started by systemd with its stderr on the journal; the "
                        "default). Reloaded on SIGHUP."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             auto target = parseLogTarget(v);
             if (!target)
                 return tl::unexpected(target.error());
             o.logTarget = *target;
             return {};
         }},
        {QStringLiteral("shutdown/grace"), QStringLiteral("shutdown-grace"),
         QStringLiteral("DURATION"),
         QStringLiteral("On SIGTERM, how long transfers in progress may take to finish before "
                        "they are failed (default 30s; e.g. 500ms, 2m; 0 fails them at once). "
                        "Reloaded on SIGHUP."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             auto grace = parseDuration(v);
             if (!grace)
                 return tl::unexpected(grace.error());
             o.shutdownGrace = *grace;
             return {};
         }},
        {QStringLiteral("sip/outbound-proxy"), QStringLiteral("sip-outbound-proxy"),
         QStringLiteral("URI"),
         QStringLiteral("Send the INVITEs Herald originates (voicemail delivery) through this "
                        "proxy, e.g. an IMS P-CSCF: sip:pcscf.example:5060;transport=tcp."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             if (!v.isEmpty() && !v.startsWith(QStringLiteral("sip:")) &&
                 !v.startsWith(QStringLiteral("sips:")))
                 return invalid(QStringLiteral("not a sip: or sips: URI"));
             o.outboundProxy = v;
             return {};
         }},
        {QStringLiteral("msml/control"), QStringLiteral("msml-control"), QString(),
         QStringLiteral("Execute MSML (application/msml+xml) INFO requests from an application "
                        "server, and take an INVITE without SDP as a control-only dialog."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             auto on = parseSwitch(v);
             if (!on)
                 return tl::unexpected(on.error());
             o.msmlControl = *on;
             return {};
         }},
        {QStringLiteral("msml/media-root"), QStringLiteral("media-root"), QStringLiteral("DIR"),
         QStringLiteral("Directory that MSML file:// sources must lie in (symlinks followed); "
                        "without it file:// sources are refused."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             o.mediaRoot = v;
             return {};
         }},
        {QStringLiteral("msml/http-fetch-max"), QStringLiteral("http-fetch-max"),
         QStringLiteral("SIZE"),
         QStringLiteral("Largest http(s):// MSML source fetched (default 512M)."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             auto size = parseByteSize(v);
             if (!size)
                 return tl::unexpected(size.error());
             o.httpFetchMaxBytes = *size;
             return {};
         }},
        {QStringLiteral("msml/http-fetch-idle-timeout"), QStringLiteral("http-fetch-idle-timeout"),
         QStringLiteral("DURATION"),
         QStringLiteral("An http(s):// MSML source fetch is abandoned when no octet arrives for "
                        "this long (default 30s)."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             auto idle = parseDuration(v);
             if (!idle)
                 return tl::unexpected(idle.error());
             if (idle->count() == 0)
                 return invalid(QStringLiteral("0 would abandon every fetch at once"));
             o.httpFetchIdleTimeout = *idle;
             return {};
         }},
        {QStringLiteral("msml/http-fetch-dir"), QStringLiteral("http-fetch-dir"),
         QStringLiteral("DIR"),
         QStringLiteral("Directory an http(s):// MSML source is streamed into before it is sent "
                        "(default: the system's temporary directory)."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             if (!v.isEmpty() && !QFileInfo(v).isDir())
                 return invalid(QStringLiteral("\"%1\" is not a directory").arg(v));
             o.httpFetchDirectory = v;
             return {};
         }},
        {QStringLiteral("msml/http-fetch-ca"), QStringLiteral("http-fetch-ca"),
         QStringLiteral("FILE"),
         QStringLiteral("PEM file of CA certificates trusted for https:// MSML sources besides "
                        "the system's (certificates are always verified)."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             if (!v.isEmpty() && QSslCertificate::fromPath(v).isEmpty())
                 return invalid(
                     QStringLiteral("no PEM certificate could be read from \"%1\"").arg(v));
             o.httpFetchCaFile = v;
             return {};
         }},
        {QStringLiteral("spool/directory"), QStringLiteral("spool-dir"), QStringLiteral("DIR"),
         QStringLiteral("Accept RFC 5547 file offers into DIR (a delivery server); without it "
                        "file offers are refused."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             o.spoolDirectory = v;
             return {};
         }},
        {QStringLiteral("spool/max-file-size"), QStringLiteral("max-file-size"),
         QStringLiteral("SIZE"),
         QStringLiteral("Largest file accepted into the spool, refused before any octet is "
                        "stored (default 512M)."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             auto size = parseByteSize(v);
             if (!size)
                 return tl::unexpected(size.error());
             o.maxFileSize = *size;
             return {};
         }},
        {QStringLiteral("rest/listen"), QStringLiteral("rest-listen"),
         QStringLiteral("ADDRESS:PORT"),
         QStringLiteral("Serve the REST API on ADDRESS:PORT (e.g. 127.0.0.1:8081; off if unset; "
                        "herald: else the Settings dialog's port), heraldd also /healthz and "
                        "/metrics on it. Needs rest/token."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             auto listen = parseListen(v);
             if (!listen)
                 return tl::unexpected(listen.error());
             o.restListen = *listen;
             return {};
         }},
        {QStringLiteral("rest/token"), QStringLiteral("rest-token"), QStringLiteral("TOKEN"),
         QStringLiteral("The token REST clients must present (Bearer, or Basic with it as the "
                        "password; herald: else the Settings dialog's)."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             o.restToken = v;
             return {};
         },
         QString(), true},
        {QStringLiteral("ops/listen"), QStringLiteral("ops-listen"), QStringLiteral("ADDRESS:PORT"),
         QStringLiteral("heraldd: serve only /healthz (no token) and /metrics (Prometheus) on "
                        "ADDRESS:PORT, e.g. 127.0.0.1:9102; off if unset."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             auto listen = parseListen(v);
             if (!listen)
                 return tl::unexpected(listen.error());
             o.opsListen = *listen;
             return {};
         }},
        {QStringLiteral("ops/metrics-token"), QStringLiteral("metrics-token"),
         QStringLiteral("TOKEN"),
         QStringLiteral("heraldd: /metrics wants \"Authorization: Bearer TOKEN\" when set. "
                        "Unset: open on ops/listen, and the REST token on rest/listen."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             o.metricsToken = v;
             return {};
         },
         QString(), true},
        {QStringLiteral("demo/enabled"), QStringLiteral("demo"), QString(),
         QStringLiteral("Demo: a simulated ESRP in this process places scripted 911 text calls "
                        "(with location and call data) to Herald, and a simulated voicemail "
                        "delivery server takes files; all on 127.0.0.1, listening ports and store "
                        "left at their defaults become free ports and a temporary store."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             auto on = parseSwitch(v);
             if (!on)
                 return tl::unexpected(on.error());
             o.demo = *on;
             return {};
         }},
        {QStringLiteral("demo/pace"), QStringLiteral("demo-pace"), QStringLiteral("DURATION"),
         QStringLiteral("Demo: time between two texts of a simulated caller (default 4s; tests "
                        "use e.g. 100ms)."),
         [](const QString &v, CommonOptions &o) -> Result<void> {
             auto pace = parseDuration(v);
             if (!pace)
                 return tl::unexpected(pace.error());
             if (pace->count() < 10)
                 return invalid(QStringLiteral("below 10ms"));
             o.demoPace = *pace;
             return {};
         }},
    };
    return table;
}

const Setting *findSettingByKey(const QString &key)
{
    for (const Setting &setting : settingTable()) {
        if (setting.key == key)
            return &setting;
    }
    return nullptr;
}

Result<bool> parseSwitch(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"true" || t == u"yes" || t == u"on" || t == u"1")
        return true;
    if (t == u"false" || t == u"no" || t == u"off" || t == u"0")
        return false;
    return fail(ErrorCode::InvalidArgument,
                QStringLiteral("\"%1\" is not true or false (or yes/no, on/off, 1/0)").arg(text));
}

Result<std::chrono::milliseconds> parseDuration(const QString &text)
{
    static const QRegularExpression format(QStringLiteral(R"(^\s*(\d{1,9})\s*(ms|s|m|h)?\s*$)"));
    const auto match = format.match(text);
    if (!match.hasMatch())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("\"%1\" is not a duration (e.g. 30s, 500ms, 2m, 1h)").arg(text));
    const qint64 n = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    if (unit == u"ms")
        return std::chrono::milliseconds(n);
    if (unit == u"m")
        return std::chrono::milliseconds(std::chrono::minutes(n));
    if (unit == u"h")
        return std::chrono::milliseconds(std::chrono::hours(n));
    return std::chrono::milliseconds(std::chrono::seconds(n));
}

Result<quint64> parseByteSize(const QString &text)
{
    static const QRegularExpression format(QStringLiteral(R"(^\s*(\d{1,15})\s*([KMG]?)i?B?\s*$)"),
                                           QRegularExpression::CaseInsensitiveOption);
    const auto match = format.match(text);
    if (!match.hasMatch())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("\"%1\" is not a size (e.g. 1048576, 512K, 10M, 2G)").arg(text));
    quint64 n = match.captured(1).toULongLong();
    const QString unit = match.captured(2).toUpper();
    const int shift = unit == u"K" ? 10 : unit == u"M" ? 20 : unit == u"G" ? 30 : 0;
    if (shift && n > (quint64(1) << (63 - shift)))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("\"%1\" is too large").arg(text));
    return n << shift;
}

Result<ListenAddress> parseListen(const QString &text)
{
    return ListenAddress::parse(text);
}

} // namespace herald::app
