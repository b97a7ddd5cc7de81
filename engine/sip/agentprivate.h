// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

// Private to herald_sip: the only header that pulls in sofia-sip and GLib.
#include "engine/sip/agent.h"
#include "engine/sip/serviceurnclass.h"
#include "engine/sip/sipmessagerecorder.h"
#include "engine/sip/sofiaruntime.h"

#include <sofia-sip/nua.h>
#include <sofia-sip/nua_tag.h>
#include <sofia-sip/sip.h>
#include <sofia-sip/su_glib.h>

#include <QHash>

#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

class QEventLoop;
class QTemporaryDir;

namespace herald::sip {

// An incoming request kept for a later response (nua_save_event / NUTAG_WITH_SAVED,
// PLATFORM.md §1: the API takes a nua_saved_event_t[1]). Move-only; destroys the saved event.
class SavedEvent
{
public:
    SavedEvent() = default;
    SavedEvent(const SavedEvent &) = delete;
    SavedEvent &operator=(const SavedEvent &) = delete;
    SavedEvent(SavedEvent &&other) noexcept;
    SavedEvent &operator=(SavedEvent &&other) noexcept;
    ~SavedEvent() { release(); }

    bool save(nua_t *nua);
    bool isValid() const { return m_event[0] != nullptr; }
    nua_saved_event_t *get() { return m_event; }
    void release();

private:
    nua_saved_event_t m_event[1] = {nullptr};
};

// A su_home for the temporary objects (payloads) built while making one request.
class SofiaHome
{
public:
    SofiaHome();
    ~SofiaHome();
    SofiaHome(const SofiaHome &) = delete;
    SofiaHome &operator=(const SofiaHome &) = delete;
    su_home_t *get() const { return m_home; }

private:
    su_home_t *m_home;
};

// The methods Herald implements (RFC 3261 §20.5), for Allow. INFO is not in sofia's default
// Allow (PLATFORM.md §2); SUBSCRIBE/NOTIFY/REFER/PRACK/UPDATE are not Herald's business.
inline constexpr const char *allowedMethods = "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, MESSAGE";

enum class RequestKind { Info, Message, Options };

// Helpers shared by the AgentPrivate sources (agentprivate.cpp).
// "Name: value\r\n..." for SIPTAG_HEADER_STR; refuses names that are not tokens and values
// with CR/LF (header injection).
Result<QByteArray> headerBlock(const SipHeaders &headers);
// A sip:, sips: or tel: URI, or a service URN (urn:service:..., RFC 5031), with nothing that
// could break the request line or a header.
Result<void> checkUri(const QByteArray &uri);
bool isServiceUrn(QByteArrayView uri);
// For optional string tags: nullptr for an empty value.
const char *orNull(const QByteArray &value);

struct CallRecord
{
    CallId id = 0;
    CallDirection direction = CallDirection::Outgoing;
    CallState state = CallState::Calling;
    nua_handle_t *handle = nullptr;
    SavedEvent invite;    // UAS: the INVITE until its final response
    QByteArray localBody; // our offer or answer, repeated to a re-INVITE
    QByteArray localContentType;
    // Requests we sent in this dialog, in order; sofia sends one non-INVITE request at a time
    // per handle and reports the responses in the same order.
    std::deque<std::pair<RequestId, RequestKind>> sent;
    bool ended = false; // callEnded was emitted
    bool cancelledLocally = false;
    int authAttempts = 0;
};

// An incoming INFO or MESSAGE waiting for the application.
struct PendingRequest
{
    RequestId id = 0;
    RequestKind kind = RequestKind::Message;
    nua_handle_t *handle = nullptr;
    CallId call = 0;
    bool ownsHandle = false; // out of dialog: the handle dies with the response
    SavedEvent saved;
};

// An out-of-dialog request we sent (MESSAGE, OPTIONS) on a handle of its own.
struct SentRequest
{
    RequestId id = 0;
    RequestKind kind = RequestKind::Message;
    int authAttempts = 0;
};

class AgentPrivate
{
public:
    AgentPrivate(Agent *agent, AgentConfig config);
    ~AgentPrivate();

    enum class Phase { Idle, Running, ShuttingDown };

    // Lifecycle (agentprivate.cpp).
    Result<void> start();
    void shutdown();
    void applyWireTrace();
    void finishShutdown();
    void shutdownNow(); // synchronous, for the destructor
    void teardown();

    // Requests from the application (agentprivate.cpp).
    Result<CallId> invite(const QByteArray &target, const QByteArray &body,
                          const InviteOptions &options);
    Result<void> respondToInvite(CallId call, int status, const QByteArray &reason,
                                 const QByteArray &contentType, const QByteArray &body,
                                 const QByteArray &warning, const SipHeaders &extraHeaders);
    Result<void> reinvite(CallId call, const QByteArray &body, const InviteOptions &options);
    Result<void> cancel(CallId call);
    Result<void> bye(CallId call);
    Result<RequestId> sendInDialog(CallId call, RequestKind kind, const QByteArray &contentType,
                                   const QByteArray &body);
    Result<RequestId> sendOutOfDialog(RequestKind kind, const QByteArray &target,
                                      const QByteArray &contentType, const QByteArray &body,
                                      const RequestOptions &options);
    Result<void> respondToRequest(RequestId request, RequestKind kind, int status,
                                  const QByteArray &reason, const QByteArray &contentType,
                                  const QByteArray &body);
    // The preloaded Route of a new request: options.route, else the outbound proxy when the
    // request asks for it, else none. A service-URN target without either cannot be sent.
    Result<QByteArray> routeFor(const QByteArray &target, const RequestOptions &options) const;

    // sofia's events (agentevents.cpp).
    static void callback(nua_event_t event, int status, char const *phrase, nua_t *nua,
                         nua_magic_t *magic, nua_handle_t *nh, nua_hmagic_t *hmagic,
                         sip_t const *sip, tagi_t tags[]);
    void onEvent(nua_event_t event, int status, const char *phrase, nua_handle_t *nh,
                 const sip_t *sip, tagi_t tags[]);

    Agent *q;
    AgentConfig config;
    Phase phase = Phase::Idle;
    quint16 port = 0;
    quint16 tlsPort = 0;
    QByteArray optionsContentType;
    QByteArray optionsBody;

    std::unordered_map<CallId, std::unique_ptr<CallRecord>> calls;
    QHash<nua_handle_t *, CallId> callByHandle;
    std::unordered_map<RequestId, std::unique_ptr<PendingRequest>> pending;
    QHash<nua_handle_t *, SentRequest> sentByHandle;

    // Lab view ladder (agentrecording.cpp), opt-in: each call's messages as on the wire, taken
    // from sofia's transport dump in the stack thread (wireTap), in batches.
    SipMessageRecorder recorder{
        [this](const QList<SipMessageRecord> &records) { Q_EMIT q->messagesRecorded(records); }};
    SipWireTap wireTap{[this] {
        QMetaObject::invokeMethod(
            q, [this] { onWireMessages(); }, Qt::QueuedConnection);
    }};
    void setMessageRecording(bool on);
    void onWireMessages();

private:
    friend class LadderScope; // agentrecording.h

    // agentevents.cpp
    void onGetParams(tagi_t tags[]);
    void onIncomingInvite(nua_handle_t *nh, const sip_t *sip);
    void onReInvite(CallRecord &call, nua_handle_t *nh, const sip_t *sip);
    void onIncomingCancel(nua_handle_t *nh);
    void onIncomingBye(nua_handle_t *nh);
    void onInviteResponse(nua_handle_t *nh, int status, const char *phrase, const sip_t *sip);
    void onByeResponse(nua_handle_t *nh, int status, const char *phrase);
    void onCallState(nua_handle_t *nh, int status, const char *phrase, tagi_t tags[]);
    void onIncomingInfo(nua_handle_t *nh, int status, const sip_t *sip);
    void onIncomingMessage(nua_handle_t *nh, int status, const sip_t *sip);
    void onIncomingOptions(nua_handle_t *nh, int status, const sip_t *sip);
    void onRequestResponse(nua_event_t event, nua_handle_t *nh, int status, const char *phrase,
                           const sip_t *sip);
    void onOtherRequest(nua_event_t event, nua_handle_t *nh, int status);
    bool tryAuthenticate(nua_handle_t *nh, int status, const sip_t *sip, int &attempts);

    template<typename T>
    T describeRequest(const sip_t *sip) const;
    SipResponse describeResponse(int status, const char *phrase, const sip_t *sip) const;

    // agentprivate.cpp
    CallRecord *callFor(nua_handle_t *nh);
    CallRecord *callFor(CallId id);
    // Applies an event to a call; emits callStateChanged when the state changes. False when
    // the transition function refuses the event.
    bool applyEvent(CallRecord &call, CallEvent event);
    void endCall(CallRecord &call, const QByteArray &reason, bool byRemote);
    void releaseCall(CallId id);
    RequestId addPending(RequestKind kind, nua_handle_t *nh, CallId call, bool ownsHandle,
                         SavedEvent saved);
    void expirePending(RequestId id);
    Result<void> checkRunning() const;
    // nua_respond() keeps the phrase pointer, not a copy, and reads it later in the stack
    // thread: phrases must outlive the call. The standard phrases are static in sofia; the
    // application's own ones are kept here (a bounded set; past it, the standard phrase).
    const char *stablePhrase(int status, const QByteArray &reason);

    std::optional<SofiaRuntime> m_runtime;
    // Lets INVITE urn:service:sos through sofia's URI check; outlives the stack that uses it.
    ServiceUrnMessageClass m_messageClass;
    su_root_t *m_root = nullptr;
    GSource *m_source = nullptr;
    nua_t *m_nua = nullptr;
    std::unique_ptr<QTemporaryDir> m_tlsDir;
    std::set<QByteArray> m_phrases;
    QEventLoop *m_waitLoop = nullptr;
    bool m_gotParams = false;
    bool m_shutdownDone = false;
    CallId m_nextCallId = 1;
    RequestId m_nextRequestId = 1;
};

} // namespace herald::sip
