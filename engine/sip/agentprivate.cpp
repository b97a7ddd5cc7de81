// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sip/agentprivate.h"

#include "engine/sip/sipheaders.h"
#include "engine/sip/siplogging.h"

#include <sofia-sip/nta_tag.h>
#include <sofia-sip/sip_header.h>
#include <sofia-sip/sip_status.h>
#include <sofia-sip/tport_tag.h>

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>

namespace herald::sip {

namespace {

// Requests the application answers itself (the stack would answer 200 with no body).
constexpr const char *applicationMethods = "INFO, MESSAGE, OPTIONS";

QByteArray hostForUri(const QString &host)
{
    const QByteArray h = host.toUtf8();
    return h.contains(':') && !h.startsWith('[') ? QByteArrayLiteral("[") + h + ']' : h;
}

} // namespace

// --- Shared helpers --------------------------------------------------------------------------

// "Name: value\r\n..." for SIPTAG_HEADER_STR, refusing anything that could inject a header.
Result<QByteArray> headerBlock(const SipHeaders &headers)
{
    QByteArray block;
    for (const SipHeader &h : headers) {
        if (!isToken(h.name) || !isSafeHeaderValue(h.value))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("bad extra header %1").arg(QString::fromUtf8(h.name)));
        block += h.name + QByteArrayLiteral(": ") + h.value + QByteArrayLiteral("\r\n");
    }
    return block;
}

bool isServiceUrn(QByteArrayView uri)
{
    // URNs compare case-insensitively in their NID (RFC 8141 §3.1).
    return uri.size() > 12 && uri.first(12).toByteArray().toLower() == "urn:service:";
}

Result<void> checkUri(const QByteArray &uri)
{
    // RFC 5031 §4: a service URN is a valid Request-URI; an ESRP sends INVITE
    // urn:service:sos to the PSAP with a Route naming it (RFC 6881 §8, NENA i3 §4.1).
    if (!isSafeHeaderValue(uri) || uri.contains(' ') || uri.contains('<') ||
        !(uri.startsWith("sip:") || uri.startsWith("sips:") || uri.startsWith("tel:") ||
          isServiceUrn(uri)))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("not a SIP URI: %1").arg(QString::fromUtf8(uri)));
    return {};
}

const char *orNull(const QByteArray &value)
{
    return value.isEmpty() ? nullptr : value.constData();
}

// --- SavedEvent / SofiaHome ------------------------------------------------------------------

SavedEvent::SavedEvent(SavedEvent &&other) noexcept
{
    m_event[0] = other.m_event[0];
    other.m_event[0] = nullptr;
}

SavedEvent &SavedEvent::operator=(SavedEvent &&other) noexcept
{
    if (this != &other) {
        release();
        m_event[0] = other.m_event[0];
        other.m_event[0] = nullptr;
    }
    return *this;
}

bool SavedEvent::save(nua_t *nua)
{
    release();
    return nua_save_event(nua, m_event) != 0 && m_event[0] != nullptr;
}

void SavedEvent::release()
{
    if (m_event[0]) {
        nua_destroy_event(m_event);
        m_event[0] = nullptr;
    }
}

SofiaHome::SofiaHome()
    : m_home(static_cast<su_home_t *>(su_home_new(sizeof(su_home_t))))
{}

SofiaHome::~SofiaHome()
{
    su_home_unref(m_home);
}

// --- Lifecycle -------------------------------------------------------------------------------

AgentPrivate::AgentPrivate(Agent *agent, AgentConfig cfg)
    : q(agent)
    , config(std::move(cfg))
{
    // The ladder: what parses with our message class runs in our stack thread (sipwiretap.h).
    m_messageClass.setParseObserver(
        [](void *tap) { static_cast<SipWireTap *>(tap)->claimCurrentThread(); }, &wireTap);
}

AgentPrivate::~AgentPrivate()
{
    shutdownNow();
}

Result<void> AgentPrivate::start()
{
    if (phase != Phase::Idle)
        return fail(ErrorCode::Conflict, QStringLiteral("the SIP agent is already running"));
    // PLATFORM.md §1: sofia's GSource is only dispatched by Qt's GLib event dispatcher.
    const QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    if (!QCoreApplication::instance() || !dispatcher ||
        !dispatcher->inherits("QEventDispatcherGlib"))
        return fail(ErrorCode::Unsupported,
                    QStringLiteral("sofia-sip needs Qt's GLib event dispatcher; this thread "
                                   "uses %1 (is QT_NO_GLIB set?)")
                        .arg(dispatcher ? QString::fromLatin1(dispatcher->metaObject()->className())
                                        : QStringLiteral("none")));
    if (!config.udp && !config.tcp)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("neither UDP nor TCP enabled"));
    const bool tls = !config.tlsCertificateFile.isEmpty() && !config.tlsPrivateKeyFile.isEmpty();
    if (!config.identity.isEmpty() && !isSafeHeaderValue(config.identity.toUtf8()))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("bad identity"));
    const SipCredentials &credentials = config.credentials;
    if (!credentials.username.isEmpty() &&
        digestCredentials(credentials.realm.isEmpty() ? QByteArray("x")
                                                      : credentials.realm.toUtf8(),
                          credentials.username.toUtf8(), credentials.password.toUtf8())
            .isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("SIP credentials with ':' in the user or password, or '\"' in "
                                   "the realm, cannot be used"));
    if (!config.outboundProxy.isEmpty()) {
        if (auto ok = checkUri(config.outboundProxy.toUtf8()); !ok)
            return tl::unexpected(ok.error());
    }

    QByteArray url = "sip:" + hostForUri(config.bindHost) + ':' + QByteArray::number(config.port);
    if (config.udp && !config.tcp)
        url += ";transport=udp";
    else if (config.tcp && !config.udp)
        url += ";transport=tcp";

    QByteArray sipsUrl;
    QByteArray certificateDir;
    if (tls) {
        // sofia reads "agent.pem" (key and certificate) and "cafile.pem" from one directory
        // (TPTAG_CERTIFICATE); compose it privately from the configured files.
        m_tlsDir = std::make_unique<QTemporaryDir>();
        QFile agentPem(m_tlsDir->filePath(QStringLiteral("agent.pem")));
        QFile caPem(m_tlsDir->filePath(QStringLiteral("cafile.pem")));
        QFile key(config.tlsPrivateKeyFile), cert(config.tlsCertificateFile), ca(config.tlsCaFile);
        if (!m_tlsDir->isValid() || !key.open(QIODevice::ReadOnly) ||
            !cert.open(QIODevice::ReadOnly) ||
            !agentPem.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return fail(ErrorCode::Io, QStringLiteral("cannot read the TLS key or certificate"));
        agentPem.write(key.readAll() + '\n' + cert.readAll());
        agentPem.close();
        if (!config.tlsCaFile.isEmpty()) {
            if (!ca.open(QIODevice::ReadOnly) || !caPem.open(QIODevice::WriteOnly))
                return fail(ErrorCode::Io, QStringLiteral("cannot read the TLS CA file"));
            caPem.write(ca.readAll());
            caPem.close();
        }
        certificateDir = QFile::encodeName(m_tlsDir->path());
        tlsPort = config.tlsPort;
        if (tlsPort == 0) {
            // sofia reports only the primary (UDP/TCP) contact; pick the TLS port ourselves.
            QTcpServer probe;
            if (!probe.listen(QHostAddress(config.bindHost), 0))
                return fail(ErrorCode::Io, QStringLiteral("no free TLS port"));
            tlsPort = probe.serverPort();
        }
        sipsUrl = "sips:" + hostForUri(config.bindHost) + ':' + QByteArray::number(tlsPort);
    }

    m_runtime.emplace();
    m_root = su_glib_root_create(this);
    if (!m_root) {
        teardown();
        return fail(ErrorCode::Io, QStringLiteral("su_glib_root_create failed"));
    }
    m_source = su_glib_root_gsource(m_root);
    // The thread-default context is the one this thread's Qt loop iterates (nullptr, i.e. the
    // default context, on the main thread).
    g_source_attach(m_source, g_main_context_get_thread_default());
    // PLATFORM.md §1: the stack runs in its own thread; callbacks come to this one.
    su_root_threading(m_root, 1);

    const QByteArray userAgent = config.userAgent.toUtf8();
    const QByteArray identity =
        config.identity.isEmpty() ? QByteArray() : nameAddr(config.identity.toUtf8());
    const unsigned t1 = unsigned(config.t1.count());
    const unsigned t1x64 = unsigned(config.t1x64.count());
    m_nua = nua_create(
        m_root, &AgentPrivate::callback, this, NUTAG_URL(url.constData()),
        TAG_IF(tls, NUTAG_SIPS_URL(sipsUrl.constData())),
        TAG_IF(tls, TPTAG_CERTIFICATE(certificateDir.constData())),
        TAG_IF(tls, TPTAG_TLS_VERIFY_POLICY(TPTLS_VERIFY_ALL)),
        NUTAG_MEDIA_ENABLE(0), // PLATFORM.md §10: no remote SDP reaches sofia
        TAG_IF(m_messageClass.get(), NTATAG_MCLASS(m_messageClass.get())),
        SIPTAG_ALLOW_STR(allowedMethods), NUTAG_APPL_METHOD(applicationMethods), NUTAG_AUTOALERT(0),
        NUTAG_AUTOANSWER(0), NUTAG_SESSION_TIMER(0), SIPTAG_USER_AGENT_STR(userAgent.constData()),
        TAG_IF(!identity.isEmpty(), SIPTAG_FROM_STR(identity.constData())),
        TAG_IF(t1 > 0, NTATAG_SIP_T1(t1)), TAG_IF(t1x64 > 0, NTATAG_SIP_T1X64(t1x64)),
        NTATAG_MAXSIZE(config.maxMessageSize),
        // Always on at creation: tport then allocates every message with an extract copy,
        // which the dump of a received message needs; applyWireTrace() below switches the
        // dump itself to follow herald.sip.wire, at once and again on every SIGHUP.
        TPTAG_LOG(1), TAG_NULL());
    if (!m_nua) {
        teardown();
        return fail(
            ErrorCode::Io,
            QStringLiteral("cannot start SIP on %1 (address in use?)").arg(QString::fromUtf8(url)));
    }
    phase = Phase::Running;
    applyWireTrace();

    // The bound port: sofia reports it only asynchronously (NTATAG_CONTACT of
    // nua_r_get_params). start() runs once at startup, so wait here, bounded.
    port = config.port;
    if (port == 0) {
        QEventLoop loop;
        m_waitLoop = &loop;
        m_gotParams = false;
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        nua_get_params(m_nua, TAG_ANY(), TAG_END());
        if (!m_gotParams)
            loop.exec(QEventLoop::ExcludeUserInputEvents);
        m_waitLoop = nullptr;
        if (port == 0) {
            shutdownNow();
            return fail(ErrorCode::Timeout, QStringLiteral("sofia did not report its port"));
        }
    }
    // The ladder: a stack that sends before it receives is known by its Via (sipwiretap.h).
    wireTap.setLocalAddress(config.bindHost.toUtf8(), {port, tlsPort});
    qCInfo(lcSip).noquote() << QStringLiteral("SIP agent listening on %1:%2 (%3%4)")
                                   .arg(config.bindHost)
                                   .arg(port)
                                   .arg(QString::fromUtf8(url))
                                   .arg(tls ? QStringLiteral(", TLS port %1").arg(tlsPort)
                                            : QString());
    return {};
}

void AgentPrivate::applyWireTrace()
{
    if (phase != Phase::Running || !m_nua)
        return;
    // nua passes the tag to nta_agent_set_params(), which hands it to tport_set_params() on
    // the master transport; that re-runs tport_open_log(), which sets the master's log flag
    // (TPORT_LOG in the environment still forces it on). tport checks the flag per message.
    // Received messages are dumped only if they were parsed with an extract copy, a flag
    // Debian's 1.12.11 fixes when the transports are created: hence TPTAG_LOG(1) there.
    // The Lab view's ladder reads the same dump (SipWireTap), so it stays on while recording.
    const bool dump = lcSipWire().isDebugEnabled() || recorder.isEnabled();
    nua_set_params(m_nua, TPTAG_LOG(dump ? 1 : 0), TAG_END());
}

void AgentPrivate::shutdown()
{
    if (phase != Phase::Running) {
        if (phase == Phase::Idle)
            QMetaObject::invokeMethod(q, &Agent::stopped, Qt::QueuedConnection);
        return;
    }
    phase = Phase::ShuttingDown;
    // Answer what the application still holds, so that no saved event outlives the stack.
    std::vector<RequestId> ids;
    for (const auto &[id, request] : pending)
        ids.push_back(id);
    for (RequestId id : ids)
        respondToRequest(id, pending.at(id)->kind, 503, QByteArrayLiteral("Service Unavailable"),
                         {}, {});
    for (auto &[id, call] : calls) {
        if (call->invite.isValid()) {
            nua_respond(call->handle, 503, "Service Unavailable",
                        NUTAG_WITH_SAVED(call->invite.get()), TAG_END());
            call->invite.release();
        }
    }
    m_shutdownDone = false;
    nua_shutdown(m_nua);
}

void AgentPrivate::finishShutdown()
{
    if (phase != Phase::ShuttingDown)
        return;
    std::vector<CallId> ids;
    for (const auto &[id, call] : calls)
        ids.push_back(id);
    for (CallId id : ids) {
        if (CallRecord *call = callFor(id); call && !call->ended)
            endCall(*call, QByteArrayLiteral("shutdown"), false);
    }
    teardown();
    Q_EMIT q->stopped();
}

void AgentPrivate::shutdownNow()
{
    if (phase == Phase::Idle)
        return;
    const QSignalBlocker blocker(q);
    if (phase == Phase::Running)
        shutdown();
    if (!m_shutdownDone && m_nua) {
        QEventLoop loop;
        m_waitLoop = &loop;
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
        m_waitLoop = nullptr;
    }
    teardown();
}

void AgentPrivate::teardown()
{
    // PLATFORM.md §1: nua_shutdown -> nua_destroy (never inside a nua callback) ->
    // g_source_destroy -> su_root_destroy. Saved events go before the nua they belong to.
    pending.clear();
    for (auto &[id, call] : calls)
        call->invite.release();
    calls.clear();
    callByHandle.clear();
    sentByHandle.clear();
    if (m_nua) {
        nua_destroy(m_nua);
        m_nua = nullptr;
    }
    if (m_source) {
        g_source_destroy(m_source);
        m_source = nullptr;
    }
    if (m_root) {
        su_root_destroy(m_root);
        m_root = nullptr;
    }
    m_runtime.reset();
    m_tlsDir.reset();
    port = 0;
    tlsPort = 0;
    wireTap.setLocalAddress({}, {});
    phase = Phase::Idle;
}

// --- Helpers ---------------------------------------------------------------------------------

const char *AgentPrivate::stablePhrase(int status, const QByteArray &reason)
{
    const char *standard = sip_status_phrase(status);
    if (!standard)
        standard = "Unknown";
    if (reason.isEmpty() || reason == standard)
        return standard;
    if (const auto it = m_phrases.find(reason); it != m_phrases.end())
        return it->constData();
    if (m_phrases.size() >= 128)
        return standard;
    return m_phrases.insert(reason).first->constData();
}

Result<void> AgentPrivate::checkRunning() const
{
    if (phase != Phase::Running)
        return fail(ErrorCode::Conflict, QStringLiteral("the SIP agent is not running"));
    return {};
}

CallRecord *AgentPrivate::callFor(nua_handle_t *nh)
{
    const auto it = callByHandle.constFind(nh);
    return it == callByHandle.cend() ? nullptr : callFor(it.value());
}

CallRecord *AgentPrivate::callFor(CallId id)
{
    const auto it = calls.find(id);
    return it == calls.end() ? nullptr : it->second.get();
}

bool AgentPrivate::applyEvent(CallRecord &call, CallEvent event)
{
    const std::optional<CallState> next = nextCallState(call.direction, call.state, event);
    if (!next) {
        qCDebug(lcSip) << "call" << call.id << "ignores" << event << "in" << call.state;
        return false;
    }
    if (*next != call.state) {
        call.state = *next;
        qCDebug(lcSip) << "call" << call.id << event << "->" << call.state;
        Q_EMIT q->callStateChanged(call.id, call.state);
    }
    return true;
}

void AgentPrivate::endCall(CallRecord &call, const QByteArray &reason, bool byRemote)
{
    if (call.ended)
        return;
    call.ended = true;
    if (call.state != CallState::Terminated) {
        call.state = CallState::Terminated;
        Q_EMIT q->callStateChanged(call.id, call.state);
    }
    qCInfo(lcSip) << "call" << call.id << "ended:" << reason << (byRemote ? "(remote)" : "(local)");
    Q_EMIT q->callEnded(call.id, reason, byRemote);
}

void AgentPrivate::releaseCall(CallId id)
{
    CallRecord *call = callFor(id);
    if (!call)
        return;
    // Requests the application still holds in this dialog can no longer be answered.
    std::vector<RequestId> stale;
    for (const auto &[rid, request] : pending) {
        if (request->call == id)
            stale.push_back(rid);
    }
    for (RequestId rid : stale)
        pending.erase(rid);
    call->invite.release();
    nua_handle_t *nh = call->handle;
    callByHandle.remove(nh);
    calls.erase(id);
    if (m_nua)
        nua_handle_destroy(nh);
}

RequestId AgentPrivate::addPending(RequestKind kind, nua_handle_t *nh, CallId call, bool ownsHandle,
                                   SavedEvent saved)
{
    const RequestId id = m_nextRequestId++;
    auto request = std::make_unique<PendingRequest>();
    request->id = id;
    request->kind = kind;
    request->handle = nh;
    request->call = call;
    request->ownsHandle = ownsHandle;
    request->saved = std::move(saved);
    pending.emplace(id, std::move(request));
    QTimer::singleShot(config.applicationResponseTimeout, q, [this, id] { expirePending(id); });
    return id;
}

void AgentPrivate::expirePending(RequestId id)
{
    const auto it = pending.find(id);
    if (it == pending.end())
        return;
    qCWarning(lcSip) << "request" << id << "not answered by the application in time: 500";
    respondToRequest(id, it->second->kind, 500, QByteArrayLiteral("Server Internal Error"), {}, {});
}

} // namespace herald::sip
