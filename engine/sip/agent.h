// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/sip/agentconfig.h"
#include "engine/sip/callstate.h"
#include "engine/sip/sipmessagerecord.h"
#include "engine/sip/siptypes.h"

#include <QObject>

#include <memory>
#include <optional>

namespace herald::sip {

class AgentPrivate;

// A SIP user agent (UAC and UAS) on sofia-sip's NUA, running on Qt's event loop (the GLib
// dispatcher, PLATFORM.md §1). It handles INVITE/ACK/BYE/CANCEL, INFO, MESSAGE and OPTIONS
// over UDP and TCP (and TLS when configured) and leaves every decision and every body to the
// application: it never parses SDP (sofia's SDP engine is off, PLATFORM.md §10).
//
// Requests that need the application's answer (INVITE, INFO, MESSAGE) are reported by a
// signal and stay pending until the application calls answer()/reject()/respondInfo()/
// respondMessage(), so that Herald can store what it received before it acknowledges it.
//
// Signals are emitted from within sofia's callback on the Agent's thread. Slots may call any
// method of the Agent, including shutdown(), but must not delete it (use deleteLater()).
class Agent : public QObject
{
    Q_OBJECT
public:
    explicit Agent(AgentConfig config, QObject *parent = nullptr);
    ~Agent() override;

    // Binds the transports and starts the stack. Fails when the event dispatcher is not
    // GLib-based (QT_NO_GLIB set), when the configuration is unusable, or when binding fails.
    // With AgentConfig::port == 0 it runs the event loop for the few milliseconds sofia takes
    // to report the port it bound (its only way to tell is an asynchronous event).
    Result<void> start();
    // Ends every call and transaction (pending requests are answered 503), then tears the
    // stack down; emits stopped() when done. Returns at once.
    void shutdown();
    bool isRunning() const;
    // Makes sofia's message dump (TPTAG_LOG) follow whether herald.sip.wire is enabled now:
    // start() calls it; call it again after the logging rules changed (heraldd's SIGHUP). The
    // transport reads its log flag for every message, so the next one sent or received is
    // traced (or not). Asynchronous (a message to the stack thread); nothing while stopped.
    void applyWireTrace();
    // The UDP/TCP port actually bound (useful with AgentConfig::port == 0); 0 when stopped.
    quint16 listeningPort() const;
    quint16 tlsListeningPort() const;
    const AgentConfig &config() const;

    // --- Calls ------------------------------------------------------------------------------
    // Sends an INVITE with `body` (an SDP offer). A target with ";transport=tcp" keeps the
    // whole dialog on TCP. Progress is reported by callProgress/callAnswered/callFailed.
    Result<CallId> invite(const QByteArray &target, const QByteArray &body,
                          const InviteOptions &options = {});
    // Incoming call: 180 Ringing; then answer() with a 2xx and the SDP answer, or reject().
    Result<void> ringing(CallId call);
    Result<void> answer(CallId call, int status, const QByteArray &body,
                        const QByteArray &contentType = QByteArrayLiteral("application/sdp"));
    // A final non-2xx response; `warning` is a Warning header value (RFC 3261 §20.43) such as
    // `399 herald "Incompatible media"`; extraHeaders are added as given (e.g. a challenge).
    Result<void> reject(CallId call, int status, const QByteArray &reason = {},
                        const QByteArray &warning = {}, const SipHeaders &extraHeaders = {});
    // A re-INVITE in an established call (RFC 3261 §14.1) with `body`: the same description,
    // or a multipart/mixed one beside a new PIDF-LO (RFC 6442 §4.1). Its answer is not
    // reported: the session stays as it was either way (a failed re-INVITE leaves it, §14.1).
    Result<void> reinvite(CallId call, const QByteArray &body, const InviteOptions &options = {});
    // CANCEL an outgoing call that has no final response yet.
    Result<void> cancel(CallId call);
    // BYE an answered call (or an early outgoing one).
    Result<void> bye(CallId call);
    std::optional<CallState> callState(CallId call) const;
    QList<CallId> calls() const;

    // --- In-dialog INFO (RFC 6086) -------------------------------------------------------------
    Result<RequestId> info(CallId call, const QByteArray &contentType, const QByteArray &body);
    Result<void> respondInfo(RequestId request, int status, const QByteArray &contentType = {},
                             const QByteArray &body = {});

    // --- MESSAGE (RFC 3428), page mode ----------------------------------------------------------
    Result<RequestId> sendMessage(const QByteArray &target, const QByteArray &contentType,
                                  const QByteArray &body, const RequestOptions &options = {});
    // Inside the call's dialog.
    Result<RequestId> sendMessage(CallId call, const QByteArray &contentType,
                                  const QByteArray &body);
    Result<void> respondMessage(RequestId request, int status, const QByteArray &reason = {});

    // --- OPTIONS ----------------------------------------------------------------------------
    Result<RequestId> sendOptions(const QByteArray &target, const RequestOptions &options = {});
    // A body (e.g. SDP capabilities, RFC 3261 §11.2) added to the 200 OK for OPTIONS; empty =
    // none. Allow and Accept are always sent.
    void setOptionsBody(const QByteArray &contentType, const QByteArray &body);

    // --- Ladder (the console's Lab view) ------------------------------------------------------
    // Opt-in: while on, the messages of every call's dialog are reported by messagesRecorded,
    // as they crossed the wire (100 Trying and the stack's other own messages included). Like
    // applyWireTrace(), the switch reaches the stack as a message to its thread: it holds from
    // the next message the stack handles after it (always before a request made after it).
    void setMessageRecording(bool on);
    bool isRecordingMessages() const;

Q_SIGNALS:
    // A new INVITE. Answer with ringing()/answer()/reject().
    void incomingCall(herald::sip::CallId call, const herald::sip::IncomingInvite &invite);
    void callStateChanged(herald::sip::CallId call, herald::sip::CallState state);
    // A re-INVITE in an established call (RFC 3261 §14.2), already answered 200 with the
    // description Herald gave before; its headers and body are the application's to read
    // (e.g. a new PIDF-LO, RFC 6442 §4.1).
    void callUpdated(herald::sip::CallId call, const herald::sip::IncomingInvite &update);
    // A provisional response to our INVITE (100-199).
    void callProgress(herald::sip::CallId call, int status, const QByteArray &reason);
    // A 2xx to our INVITE with its body (the SDP answer); the stack has sent the ACK.
    void callAnswered(herald::sip::CallId call, const QByteArray &body,
                      const herald::sip::SipResponse &response);
    // A final error response to our INVITE (or a local failure such as 408); `response` holds
    // its headers (e.g. Warning) when it came from the peer.
    void callFailed(herald::sip::CallId call, int status, const QByteArray &reason,
                    const herald::sip::SipResponse &response);
    // The call is over, either way; emitted once per call, after which the CallId is dead.
    // byRemote: the peer sent BYE/CANCEL or refused the call.
    void callEnded(herald::sip::CallId call, const QByteArray &reason, bool byRemote);

    // An INFO in the call's dialog; answer with respondInfo().
    void incomingInfo(herald::sip::CallId call, herald::sip::RequestId request,
                      const QByteArray &contentType, const QByteArray &body,
                      const herald::sip::IncomingRequest &details);
    // The final response to our INFO.
    void infoResponse(herald::sip::CallId call, herald::sip::RequestId request,
                      const herald::sip::SipResponse &response);

    // A MESSAGE, in a call's dialog (call != 0) or outside any (call == 0); answer with
    // respondMessage() once the text is stored.
    void incomingMessage(herald::sip::RequestId request, herald::sip::CallId call,
                         const herald::sip::IncomingRequest &message);
    void messageResponse(herald::sip::RequestId request, const herald::sip::SipResponse &response);
    void optionsResponse(herald::sip::RequestId request, const herald::sip::SipResponse &response);
    // An OPTIONS was answered (200 with Allow/Accept); for monitoring.
    void optionsAnswered(const herald::sip::IncomingRequest &request);

    void stopped();

    // While message recording is on: the messages of calls' dialogs, oldest first, in batches
    // (at most one signal per SipMessageRecorder::batchIntervalMs).
    void messagesRecorded(const QList<herald::sip::SipMessageRecord> &records);

private:
    friend class AgentPrivate;
    std::unique_ptr<AgentPrivate> d;
};

} // namespace herald::sip
