// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// heraldd's settings as an operator meets them: an INI file (--config or $HERALD_CONFIG),
// HERALD_* variables and options, in that order of precedence; --check-config prints the
// effective values with their origin; a bad value stops it with exit 2 naming where the value
// was (file:line and key, variable or option) and why. Also the pieces below: the INI reader,
// the log rule check, value parsers, and the shipped sample config, which must pass.

#include "app/common/commandline.h"
#include "app/common/engineoptions.h"
#include "app/common/inifile.h"
#include "app/common/logoutput.h"
#include "app/common/settings.h"
#include "engine/service/engineconfig.h"
#include "tests/support/httpresponder.h"
#include "tests/support/testsupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

namespace {

constexpr int exitTimeoutMs = 15000;

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

Outcome runHeraldd(const QStringList &arguments, const QStringList &environment = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(QStringLiteral("HERALD_")))
            env.remove(name); // the test's own HERALD_BIN_DIR etc. are not settings
    }
    for (const QString &assignment : environment)
        env.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    process.setProcessEnvironment(env);
    process.start(test::binDir() + QStringLiteral("/heraldd"), arguments);
    if (!process.waitForFinished(exitTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text);
    return file.fileName();
}

// "msrp/listen = 127.0.0.1:7 (origin)" as --check-config prints it.
QString effectiveLine(const QString &out, const QString &key)
{
    for (const QString &line : out.split(u'\n')) {
        if (line.startsWith(key + QStringLiteral(" = ")))
            return line;
    }
    return {};
}

} // namespace

class TestConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void iniSyntax_data();
    void iniSyntax();
    void logRules_data();
    void logRules();
    void values();
    void journalFormat();
    void precedence_data();
    void precedence();
    void refused_data();
    void refused();
    void configFromEnvironment();
    void sampleConfigPasses();
    void fetchSettingsReachTheEngine();
    void startsFromFile();
    void readableSecretsWarned();
};

void TestConfig::iniSyntax_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("entries"); // "key=value@line"; empty with an error
    QTest::addColumn<QString>("error");

    QTest::newRow("sections, comments, spaces, CRLF")
        << QByteArray("; comment\r\n# another\r\n\r\ntop = 1\r\n[msrp]\r\n  listen =  "
                      "127.0.0.1:1  \r\n[log]\r\nrules = a.b=true;c.*=false\r\n")
        << QStringList{QStringLiteral("top=1@4"), QStringLiteral("msrp/listen=127.0.0.1:1@6"),
                       QStringLiteral("log/rules=a.b=true;c.*=false@8")}
        << QString();
    QTest::newRow("quotes keep spaces") << QByteArray("[a]\nb = \" x \"\n")
                                        << QStringList{QStringLiteral("a/b= x @2")} << QString();
    QTest::newRow("empty value") << QByteArray("[a]\nb =\n")
                                 << QStringList{QStringLiteral("a/b=@2")} << QString();
    QTest::newRow("no equals") << QByteArray("[a]\nlisten 1\n") << QStringList{}
                               << QStringLiteral("line 2: expected name = value");
    QTest::newRow("unterminated section")
        << QByteArray("\n\n[msrp\n") << QStringList{} << QStringLiteral("line 3: a section");
    QTest::newRow("bad name") << QByteArray("[a]\nb c = 1\n") << QStringList{}
                              << QStringLiteral("line 2: bad name \"b c\"");
    QTest::newRow("twice") << QByteArray("[a]\nb=1\n[a]\nb=2\n") << QStringList{}
                           << QStringLiteral("line 4: a/b is set twice");
    QTest::newRow("not UTF-8") << QByteArray("[a]\nb=\xff\xfe\n") << QStringList{}
                               << QStringLiteral("UTF-8");
}

void TestConfig::iniSyntax()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, entries);
    QFETCH(QString, error);
    const auto parsed = app::IniFile::parse(text);
    if (!error.isEmpty()) {
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().detail.contains(error), qPrintable(parsed.error().detail));
        return;
    }
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
    QStringList got;
    for (const app::IniEntry &entry : *parsed)
        got << QStringLiteral("%1=%2@%3").arg(entry.key, entry.value).arg(entry.line);
    QCOMPARE(got, entries);
}

void TestConfig::logRules_data()
{
    QTest::addColumn<QString>("rules");
    QTest::addColumn<QString>("normalized"); // null: refused

    QTest::newRow("one") << QStringLiteral("herald.sip.wire.debug=true")
                         << QStringLiteral("herald.sip.wire.debug=true");
    QTest::newRow("several, spaces, wildcards")
        << QStringLiteral(" herald.*.debug = true ; *.info=false;herald.msrp.wire=true ")
        << QStringLiteral("herald.*.debug=true\n*.info=false\nherald.msrp.wire=true");
    QTest::newRow("empty") << QString() << QStringLiteral("");
    QTest::newRow("no value") << QStringLiteral("herald.sip.wire.debug") << QString();
    QTest::newRow("not a boolean") << QStringLiteral("herald.sip=yes") << QString();
    QTest::newRow("star inside") << QStringLiteral("her*ald.sip=true") << QString();
    QTest::newRow("space in name") << QStringLiteral("herald sip=true") << QString();
}

void TestConfig::logRules()
{
    QFETCH(QString, rules);
    QFETCH(QString, normalized);
    const auto result = app::normalizeLogRules(rules);
    if (normalized.isNull()) {
        QVERIFY(!result);
        QVERIFY2(result.error().detail.contains(QStringLiteral("bad rule")),
                 qPrintable(result.error().detail));
        return;
    }
    QVERIFY(result);
    QCOMPARE(*result, normalized);
}

void TestConfig::values()
{
    using namespace std::chrono_literals;
    QCOMPARE(app::parseDuration(QStringLiteral("30")).value(), 30000ms);
    QCOMPARE(app::parseDuration(QStringLiteral("500ms")).value(), 500ms);
    QCOMPARE(app::parseDuration(QStringLiteral(" 2m ")).value(), 120000ms);
    QCOMPARE(app::parseDuration(QStringLiteral("1h")).value(), 3600000ms);
    QCOMPARE(app::parseDuration(QStringLiteral("0")).value(), 0ms);
    QVERIFY(!app::parseDuration(QStringLiteral("-1s")));
    QVERIFY(!app::parseDuration(QStringLiteral("5 days")));
    QCOMPARE(app::parseByteSize(QStringLiteral("512K")).value(), 512ULL * 1024);
    QCOMPARE(app::parseByteSize(QStringLiteral("10MiB")).value(), 10ULL << 20);
    QCOMPARE(app::parseByteSize(QStringLiteral("7")).value(), 7ULL);
    QVERIFY(!app::parseByteSize(QStringLiteral("lots")));
    QVERIFY(!app::parseByteSize(QStringLiteral("999999999999999G")));
    QCOMPARE(app::parseSwitch(QStringLiteral("Yes")).value(), true);
    QCOMPARE(app::parseSwitch(QStringLiteral("off")).value(), false);
    QVERIFY(!app::parseSwitch(QStringLiteral("maybe")));

    // The three names of a setting come from one table entry.
    const app::Setting *listen = app::findSettingByKey(QStringLiteral("msrp/listen"));
    QVERIFY(listen);
    QCOMPARE(listen->option, QStringLiteral("msrp-listen"));
    QCOMPARE(listen->environmentName(), QStringLiteral("HERALD_MSRP_LISTEN"));
    QSet<QString> keys, options;
    for (const app::Setting &setting : app::settingTable()) {
        QVERIFY2(!keys.contains(setting.key), qPrintable(setting.key));
        QVERIFY2(!options.contains(setting.option), qPrintable(setting.option));
        keys.insert(setting.key);
        options.insert(setting.option);
        QVERIFY2(setting.apply, qPrintable(setting.key));
    }
}

void TestConfig::journalFormat()
{
    QCOMPARE(
        app::formatLogMessage(QtInfoMsg, "herald.service", QStringLiteral("engine started"), true),
        QByteArray("<6>herald.service: engine started\n"));
    QCOMPARE(app::formatLogMessage(QtWarningMsg, "herald.sip.wire", QStringLiteral("a\nb"), true),
             QByteArray("<4>herald.sip.wire: a\n<4>herald.sip.wire: b\n"));
    QCOMPARE(app::formatLogMessage(QtDebugMsg, "x", QStringLiteral("m"), true),
             QByteArray("<7>x: m\n"));
    QCOMPARE(app::formatLogMessage(QtCriticalMsg, "x", QStringLiteral("m"), true),
             QByteArray("<3>x: m\n"));
    const QByteArray plain =
        app::formatLogMessage(QtWarningMsg, "herald.msrp", QStringLiteral("lost"), false);
    QVERIFY2(QRegularExpression(
                 QStringLiteral(
                     R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\S* warning herald\.msrp: lost\n$)"))
                 .match(QString::fromUtf8(plain))
                 .hasMatch(),
             plain.constData());
}

void TestConfig::precedence_data()
{
    QTest::addColumn<QStringList>("arguments"); // besides --config and --check-config
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected"); // the whole effective line after "key = "

    QTest::newRow("file") << QStringList{} << QStringList{} << QStringLiteral("msrp/listen")
                          << QStringLiteral("127.0.0.1:1001  (FILE:2)");
    QTest::newRow("environment over file")
        << QStringList{} << QStringList{QStringLiteral("HERALD_MSRP_LISTEN=127.0.0.1:1002")}
        << QStringLiteral("msrp/listen") << QStringLiteral("127.0.0.1:1002  (HERALD_MSRP_LISTEN)");
    QTest::newRow("command line over both")
        << QStringList{QStringLiteral("--msrp-listen"), QStringLiteral("127.0.0.1:1003")}
        << QStringList{QStringLiteral("HERALD_MSRP_LISTEN=127.0.0.1:1002")}
        << QStringLiteral("msrp/listen") << QStringLiteral("127.0.0.1:1003  (--msrp-listen)");
    QTest::newRow("default") << QStringList{} << QStringList{} << QStringLiteral("sip/listen")
                             << QStringLiteral("  (default)");
    QTest::newRow("file switch") << QStringList{} << QStringList{}
                                 << QStringLiteral("store/disabled")
                                 << QStringLiteral("yes  (FILE:4)");
    QTest::newRow("--store overrides the file's disabled")
        << QStringList{QStringLiteral("--store"), QStringLiteral("/tmp/x.db")} << QStringList{}
        << QStringLiteral("store/path") << QStringLiteral("/tmp/x.db  (--store)");
    QTest::newRow("environment switch off")
        << QStringList{} << QStringList{QStringLiteral("HERALD_NO_STORE=false")}
        << QStringLiteral("store/disabled") << QStringLiteral("false  (HERALD_NO_STORE)");
    QTest::newRow("grace from the environment")
        << QStringList{} << QStringList{QStringLiteral("HERALD_SHUTDOWN_GRACE=2m")}
        << QStringLiteral("shutdown/grace") << QStringLiteral("2m  (HERALD_SHUTDOWN_GRACE)");
    QTest::newRow("log rules from the file")
        << QStringList{} << QStringList{} << QStringLiteral("log/rules")
        << QStringLiteral("herald.msrp.wire.debug=true  (FILE:6)");
}

void TestConfig::precedence()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString file = writeFile(dir, QStringLiteral("heraldd.ini"),
                                   "[msrp]\nlisten = 127.0.0.1:1001\n[store]\ndisabled = yes\n"
                                   "[log]\nrules = herald.msrp.wire.debug=true\n");
    const Outcome run = runHeraldd(
        QStringList{QStringLiteral("--config"), file, QStringLiteral("--check-config")} + arguments,
        environment);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.startsWith(QStringLiteral("heraldd: configuration OK (") + file + u')'),
             qPrintable(run.out));
    expected.replace(QStringLiteral("FILE"), file);
    QCOMPARE(effectiveLine(run.out, key), key + QStringLiteral(" = ") + expected);
}

void TestConfig::refused_data()
{
    QTest::addColumn<QByteArray>("ini"); // empty: no file
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QStringList>("stderrHas"); // FILE stands for the INI path

    QTest::newRow("port out of range")
        << QByteArray("[msrp]\nlisten = 127.0.0.1:99999\n") << QStringList{} << QStringList{}
        << QStringList{QStringLiteral("FILE:2: msrp/listen: "), QStringLiteral("port")};
    QTest::newRow("bad address") << QByteArray("[sip]\nlisten = nowhere:5060\n") << QStringList{}
                                 << QStringList{}
                                 << QStringList{QStringLiteral("FILE:2: sip/listen: ")};
    QTest::newRow("unknown key") << QByteArray("[msrp]\nlisen = 127.0.0.1:1\n") << QStringList{}
                                 << QStringList{}
                                 << QStringList{QStringLiteral("FILE:2: msrp/lisen: unknown key")};
    QTest::newRow("syntax") << QByteArray("[msrp]\n\nlisten\n") << QStringList{} << QStringList{}
                            << QStringList{QStringLiteral("FILE: line 3: expected")};
    QTest::newRow("bad log rule") << QByteArray("[log]\nrules = herald.sip.wire.debug=on\n")
                                  << QStringList{} << QStringList{}
                                  << QStringList{QStringLiteral("FILE:2: log/rules: bad rule"),
                                                 QStringLiteral("true or false")};
    QTest::newRow("bad log target")
        << QByteArray("[log]\ntarget = syslog\n") << QStringList{} << QStringList{}
        << QStringList{QStringLiteral("FILE:2: log/target: \"syslog\" is not one of")};
    QTest::newRow("bad grace") << QByteArray("[shutdown]\ngrace = soon\n") << QStringList{}
                               << QStringList{}
                               << QStringList{QStringLiteral("FILE:2: shutdown/grace: "),
                                              QStringLiteral("not a duration")};
    QTest::newRow("store and disabled in one file")
        << QByteArray("[store]\npath = /tmp/a.db\ndisabled = true\n") << QStringList{}
        << QStringList{} << QStringList{QStringLiteral("exclude each other")};
    QTest::newRow("bad value overridden still refused")
        << QByteArray("[msrp]\nlisten = 127.0.0.1:x\n")
        << QStringList{QStringLiteral("--msrp-listen"), QStringLiteral("127.0.0.1:1")}
        << QStringList{} << QStringList{QStringLiteral("FILE:2: msrp/listen")};
    QTest::newRow("bad environment switch")
        << QByteArray() << QStringList{} << QStringList{QStringLiteral("HERALD_NO_STORE=maybe")}
        << QStringList{QStringLiteral("HERALD_NO_STORE: \"maybe\" is not true or false")};
    QTest::newRow("bad environment listen")
        << QByteArray() << QStringList{}
        << QStringList{QStringLiteral("HERALD_SIP_LISTEN=127.0.0.1:65536")}
        << QStringList{QStringLiteral("HERALD_SIP_LISTEN: ")};
    QTest::newRow("bad option") << QByteArray()
                                << QStringList{QStringLiteral("--shutdown-grace"),
                                               QStringLiteral("1y")}
                                << QStringList{}
                                << QStringList{QStringLiteral("--shutdown-grace: ")};
    QTest::newRow("zero fetch idle timeout")
        << QByteArray("[msml]\nhttp-fetch-idle-timeout = 0\n") << QStringList{} << QStringList{}
        << QStringList{
               QStringLiteral("FILE:2: msml/http-fetch-idle-timeout: 0 would abandon every fetch")};
    QTest::newRow("bad fetch idle timeout")
        << QByteArray() << QStringList{}
        << QStringList{QStringLiteral("HERALD_HTTP_FETCH_IDLE_TIMEOUT=soon")}
        << QStringList{
               QStringLiteral("HERALD_HTTP_FETCH_IDLE_TIMEOUT: \"soon\" is not a duration")};
    QTest::newRow("fetch directory missing")
        << QByteArray()
        << QStringList{QStringLiteral("--http-fetch-dir"), QStringLiteral("/nonexistent/f")}
        << QStringList{}
        << QStringList{QStringLiteral("--http-fetch-dir: \"/nonexistent/f\" is not a directory")};
    QTest::newRow("fetch CA file missing")
        << QByteArray() << QStringList{}
        << QStringList{QStringLiteral("HERALD_HTTP_FETCH_CA=/nonexistent/ca.pem")}
        << QStringList{QStringLiteral("HERALD_HTTP_FETCH_CA: no PEM certificate could be read "
                                      "from \"/nonexistent/ca.pem\"")};
    QTest::newRow("fetch CA file without a certificate")
        << QByteArray("[msml]\nhttp-fetch-ca = /dev/null\n") << QStringList{} << QStringList{}
        << QStringList{QStringLiteral("FILE:2: msml/http-fetch-ca: no PEM certificate")};
    QTest::newRow("missing file") << QByteArray()
                                  << QStringList{QStringLiteral("--config"),
                                                 QStringLiteral("/nonexistent/h.ini")}
                                  << QStringList{}
                                  << QStringList{QStringLiteral("/nonexistent/h.ini: ")};
}

void TestConfig::refused()
{
    QFETCH(QByteArray, ini);
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QStringList, stderrHas);
    QTemporaryDir dir;
    QString file;
    if (!ini.isEmpty()) {
        file = writeFile(dir, QStringLiteral("heraldd.ini"), ini);
        arguments = QStringList{QStringLiteral("--config"), file} + arguments;
    }
    // Both with --check-config and when starting for real: refused before anything listens.
    for (const bool check : {true, false}) {
        QStringList args = arguments;
        if (check)
            args << QStringLiteral("--check-config");
        else
            args << QStringLiteral("--msrp-listen") << QStringLiteral("127.0.0.1:0")
                 << QStringLiteral("--sip-listen") << QStringLiteral("127.0.0.1:0");
        const Outcome run = runHeraldd(args, environment);
        QVERIFY2(run.exitCode == 2, qPrintable(run.out + run.err));
        QVERIFY(!run.out.contains(QStringLiteral("listening")));
        for (QString expected : stderrHas) {
            expected.replace(QStringLiteral("FILE"), file);
            QVERIFY2(run.err.contains(expected),
                     qPrintable(QStringLiteral("stderr lacks \"%1\": %2").arg(expected, run.err)));
        }
    }
}

void TestConfig::configFromEnvironment()
{
    QTemporaryDir dir;
    const QString file = writeFile(dir, QStringLiteral("h.ini"), "[shutdown]\ngrace = 250ms\n");
    Outcome run =
        runHeraldd({QStringLiteral("--check-config")}, {QStringLiteral("HERALD_CONFIG=") + file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(effectiveLine(run.out, QStringLiteral("shutdown/grace")),
             QStringLiteral("shutdown/grace = 250ms  (%1:2)").arg(file));
    // --config wins over HERALD_CONFIG.
    const QString other = writeFile(dir, QStringLiteral("o.ini"), "[shutdown]\ngrace = 1s\n");
    run = runHeraldd({QStringLiteral("--config"), other, QStringLiteral("--check-config")},
                     {QStringLiteral("HERALD_CONFIG=") + file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(effectiveLine(run.out, QStringLiteral("shutdown/grace")),
             QStringLiteral("shutdown/grace = 1s  (%1:2)").arg(other));
}

void TestConfig::sampleConfigPasses()
{
    const QString sample = test::sourceDir() + QStringLiteral("/resources/heraldd.ini");
    QVERIFY2(QFile::exists(sample), qPrintable(sample));
    // Every commented-out "name = value" line of the sample, switched on, must pass too.
    QByteArray text = test::readFile(sample);
    QByteArray enabled;
    for (const QByteArray &line : text.split('\n')) {
        static const QRegularExpression commentedSetting(QStringLiteral(R"(^;([a-z-]+) = ?(.*)$)"));
        const auto match = commentedSetting.match(QString::fromUtf8(line));
        enabled +=
            (match.hasMatch() && match.captured(1) != u"disabled" ? line.mid(1) : line) + '\n';
    }
    QTemporaryDir dir;
    for (const QString &file : {sample, writeFile(dir, QStringLiteral("all.ini"), enabled)}) {
        const Outcome run =
            runHeraldd({QStringLiteral("--config"), file, QStringLiteral("--check-config")});
        QVERIFY2(run.exitCode == 0, qPrintable(file + u' ' + run.err));
        QVERIFY2(run.out.contains(QStringLiteral("store/path = /var/lib/herald/herald.db")),
                 qPrintable(run.out));
    }
    // And every key of the table appears in the sample, so operators can find it.
    for (const app::Setting &setting : app::settingTable()) {
        const QString name = setting.key.section(u'/', 1);
        const QString section = setting.key.section(u'/', 0, 0);
        QVERIFY2(text.contains(QStringLiteral("[%1]").arg(section).toUtf8()) &&
                     QRegularExpression(QStringLiteral("\n;?%1 =").arg(name))
                         .match(QString::fromUtf8(text))
                         .hasMatch(),
                 qPrintable(setting.key + QStringLiteral(" is not in resources/heraldd.ini")));
    }
}

void TestConfig::fetchSettingsReachTheEngine()
{
    // The three http(s) fetch settings (issue 5 item 4), from the file, the environment and
    // the command line, end up in the engine's configuration as given.
    test::TestCertificates certificates;
    if (!certificates.create())
        QSKIP(qPrintable(QStringLiteral("no CA file to trust: ") + certificates.error()));
    QTemporaryDir dir;
    const QString file =
        writeFile(dir, QStringLiteral("h.ini"), "[msml]\nhttp-fetch-idle-timeout = 5s\n");
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HERALD_HTTP_FETCH_CA"), certificates.caFile());
    app::CommandLine commandLine(QStringLiteral("test"));
    const auto action = commandLine.parse({QStringLiteral("heraldd"), QStringLiteral("--config"),
                                           file, QStringLiteral("--http-fetch-dir"), dir.path(),
                                           QStringLiteral("--no-store")},
                                          environment);
    QVERIFY2(action, action ? "" : qPrintable(action.error().detail));
    const service::EngineConfig config = app::engineConfigFrom(commandLine.options());
    QCOMPARE(config.httpFetchIdleTimeout, std::chrono::milliseconds(5000));
    QCOMPARE(config.httpFetchDirectory, dir.path());
    QCOMPARE(config.httpFetchCaFile, certificates.caFile());
    // Unset, they keep the engine's defaults.
    app::CommandLine defaults(QStringLiteral("test"));
    // --no-store: engineConfigFrom() would create the per-user data directory otherwise.
    QVERIFY(defaults.parse({QStringLiteral("heraldd"), QStringLiteral("--no-store")},
                           QProcessEnvironment()));
    const service::EngineConfig plain = app::engineConfigFrom(defaults.options());
    QCOMPARE(plain.httpFetchIdleTimeout, service::EngineConfig{}.httpFetchIdleTimeout);
    QVERIFY(plain.httpFetchDirectory.isEmpty() && plain.httpFetchCaFile.isEmpty());
}

void TestConfig::startsFromFile()
{
    // The settings of the file are the ones the server runs with.
    QTemporaryDir dir;
    const QString file = writeFile(dir, QStringLiteral("heraldd.ini"),
                                   "[msrp]\nlisten = 127.0.0.1:0\n[sip]\nlisten = 127.0.0.1:0\n"
                                   "[store]\npath = " +
                                       dir.filePath(QStringLiteral("s.db")).toUtf8() + "\n");
    QProcess process;
    process.start(test::binDir() + QStringLiteral("/heraldd"), {QStringLiteral("--config"), file});
    QVERIFY(process.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += process.readAllStandardOutput()).contains("storing texts in"),
                             10000);
    QVERIFY2(out.contains("MSRP listening on 127.0.0.1:"), out.constData());
    QVERIFY2(out.contains(dir.filePath(QStringLiteral("s.db")).toUtf8()), out.constData());
    process.terminate();
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

// A token in a configuration file that every local user can read is named at start (heraldd
// prints it as a warning); the packaged mode (0640) or no secret at all gives no warning.
void TestConfig::readableSecretsWarned()
{
    QTemporaryDir dir;
    const QString withToken = writeFile(dir, QStringLiteral("token.ini"),
                                        "[rest]\nlisten = 127.0.0.1:0\ntoken = s3cret-token\n");
    const QString withoutToken =
        writeFile(dir, QStringLiteral("plain.ini"), "[msrp]\nlisten = 127.0.0.1:0\n");
    const auto warningsFor = [](const QString &file, QFileDevice::Permissions mode) {
        QFile::setPermissions(file, mode);
        app::CommandLine commandLine(QStringLiteral("test"));
        const auto parsed =
            commandLine.parse({QStringLiteral("heraldd"), QStringLiteral("--config"), file,
                               QStringLiteral("--no-store")},
                              QProcessEnvironment());
        return parsed ? commandLine.warnings() : QStringList{QStringLiteral("parse failed")};
    };
    const auto owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    const QStringList open =
        warningsFor(withToken, owner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    QCOMPARE(open.size(), 1);
    QVERIFY2(open.first().contains(withToken) &&
                 open.first().contains(QStringLiteral("rest/token")),
             qPrintable(open.first()));
    QVERIFY2(!open.first().contains(QStringLiteral("s3cret")), qPrintable(open.first()));
    QCOMPARE(warningsFor(withToken, owner | QFileDevice::ReadGroup), QStringList());
    QCOMPARE(warningsFor(withoutToken, owner | QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QStringList());
}

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
