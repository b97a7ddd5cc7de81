// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/ng911/multipartbody.h"
#include "engine/sdp/msrpmedia.h"
#include "engine/sdp/offerbuilder.h"
#include "engine/service/call.h"
#include "engine/service/emergencydatafetcher.h"
#include "engine/service/engineconfig.h"
#include "engine/service/filespool.h"
#include "engine/sip/callstate.h"
#include "engine/sip/siptypes.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <chrono>

#include <functional>

namespace herald {
class RandomSource;
}
namespace herald::msrp {
class Endpoint;
}
namespace herald::sip {
class Agent;
}

namespace herald::service {

// How Herald offers an outbound call.
struct PlaceCallOptions
{
    // a=accept-types of the offer; empty: EngineConfig::msrpAcceptTypes.
    QList<QByteArray> acceptTypes;
    // RFC 6135 §4.2.2: actpass, as Herald can take connections; the answerer then normally
    // chooses passive and we connect (the offerer connects, RFC 4975 §5.4). Active or ActPass.
    sdp::Setup setup = sdp::Setup::ActPass;
    // From of the INVITE; empty: the SIP identity.
    QByteArray from;
    // The next hop as a preloaded loose Route (sip::RequestOptions::route): an ESRP's INVITE
    // urn:service:sos is routed this way to the PSAP (RFC 6881 §8).
    QByteArray route;
    sip::SipHeaders extraHeaders;
    // An RFC 5547 push offer (sendonly, a=file-selector ...; see describeFile()) instead of a
    // message session; send the file with Call::sendFile() once placed.
    std::optional<sdp::FileOffer> file;
    // Appended to the offered media section (e.g. a=x-herald-write, see FileWriteMode).
    QList<sdp::Attribute> mediaAttributes;
    // Sent beside the SDP offer in a multipart/mixed body (composeInviteBody), e.g. an
    // emergency call's PIDF-LO and additional data by value (RFC 6442 §4.1, RFC 7852 §4.1).
    QList<ng911::BodyPart> bodyParts;
};

// The call model (DESIGN.md §1 "Both emergency-text modes"): turns SIP INVITE dialogs from
// engine/sip into Calls carrying an MSRP session from engine/msrp, with Herald's own SDP
// offer/answer from engine/sdp. Also hands page-mode MESSAGE and INFO to the application.
class CallManager : public QObject
{
    Q_OBJECT

public:
    // Decides whether an incoming MESSAGE may be acknowledged; the store installs one so that
    // a text is durable before its 200 leaves (DESIGN.md §2). `done` runs with success (200)
    // or an error (answered 500 instead). The default admits at once.
    using MessageAdmitter = std::function<void(const sip::IncomingRequest &message,
                                               std::function<void(Result<void>)> done)>;

    CallManager(sip::Agent &sip, msrp::Endpoint &msrp, const EngineConfig &config,
                RandomSource &random, QObject *parent = nullptr);
    ~CallManager() override;

    AnswerPolicy answerPolicy() const { return m_policy; }
    void setAnswerPolicy(AnswerPolicy policy) { m_policy = policy; }
    // false: every new INVITE is refused with 503 (RFC 3261 §21.5.4), e.g. while the server
    // shuts down; calls already up go on.
    void setAcceptingCalls(bool accepting) { m_acceptingCalls = accepting; }
    bool acceptsCalls() const { return m_acceptingCalls; }
    void setMessageAdmitter(MessageAdmitter admitter);

    Call *call(Call::Id id) const { return m_calls.value(id); }
    QList<Call *> calls() const { return m_calls.values(); }

    // Offers an MSRP session to `target` (a SIP URI; ";transport=tcp" keeps the dialog on TCP).
    Result<Call *> placeCall(const QByteArray &target, const PlaceCallOptions &options = {});
    // Answers an offered call with 200 and Herald's SDP, then sets the MSRP session up as
    // negotiated: passive waits for the peer's SEND, active connects (RFC 6135 §4.2).
    Result<void> answer(Call::Id id);
    // Refuses an offered call with a final response (486 Busy Here by default).
    Result<void> reject(Call::Id id, int status = 486, const QByteArray &reason = {});
    // BYE (CANCEL before the answer; a 603 for an inbound call not answered yet).
    Result<void> hangup(Call::Id id);
    // Hangs every call up (engine shutdown).
    void hangupAll();

    // Page mode (RFC 3428) outside any dialog.
    Result<sip::RequestId> sendPageMessage(const QByteArray &target, const QByteArray &contentType,
                                           const QByteArray &body);
    // MESSAGE inside the call's dialog (RFC 3428 §4; REST send_message mode="signalling");
    // its final response comes by pageMessageResponse().
    Result<sip::RequestId> sendDialogMessage(Call::Id id, const QByteArray &contentType,
                                             const QByteArray &body);
    // INFO in a call's dialog (RFC 6086), e.g. MSML; the answer comes by infoResponse().
    Result<sip::RequestId> sendInfo(Call::Id id, const QByteArray &contentType,
                                    const QByteArray &body);
    Result<void> respondInfo(sip::RequestId request, int status, const QByteArray &contentType = {},
                             const QByteArray &body = {});

Q_SIGNALS:
    // An acceptable INVITE arrived. With AnswerPolicy::Manual, answer() or reject() it; with
    // Automatic it is answered right after this signal.
    void callOffered(herald::service::Call *call);
    // placeCall() sent an INVITE.
    void callPlaced(herald::service::Call *call);
    // The call reached Ended or Failed; it is deleted after this event-loop turn.
    void callEnded(herald::service::Call *call);
    // An INVITE refused before it became a Call (no or bad SDP, no common MSRP stream).
    void callRefused(int status, const QByteArray &warning,
                     const herald::sip::IncomingInvite &invite);
    // An application server opened a control-only dialog (an INVITE without SDP, accepted
    // when EngineConfig::msmlControl is set); it carries INFO, no MSRP session.
    void controlDialogOpened(herald::service::Call *call);

    // A MESSAGE that was admitted and answered 200; callId 0 outside any dialog.
    void pageMessage(quint64 callId, const herald::sip::IncomingRequest &message);
    void pageMessageResponse(quint64 requestId, const herald::sip::SipResponse &response);
    // sendPageMessage() sent a MESSAGE (its response comes by pageMessageResponse()); the
    // store records each outgoing page-mode text once from this.
    void pageMessageSent(quint64 requestId, const QByteArray &target, const QByteArray &contentType,
                         const QByteArray &body);
    // sendDialogMessage() sent a MESSAGE in the call's dialog: the store records it once, in
    // the call's transcript.
    void dialogMessageSent(quint64 callId, quint64 requestId, const QByteArray &contentType,
                           const QByteArray &body);
    // An INFO in a call's dialog; answer it with respondInfo().
    void infoReceived(quint64 callId, quint64 requestId, const QByteArray &contentType,
                      const QByteArray &body);
    void infoResponse(quint64 callId, quint64 requestId, const herald::sip::SipResponse &response);

private:
    void onIncomingCall(sip::CallId id, const sip::IncomingInvite &invite);
    void onCallStateChanged(sip::CallId id, sip::CallState state);
    void onCallProgress(sip::CallId id, int status);
    void onCallAnswered(sip::CallId id, const QByteArray &body);
    void onCallFailed(sip::CallId id, int status, const QByteArray &reason,
                      const sip::SipResponse &response);
    void onCallEnded(sip::CallId id, const QByteArray &reason, bool byRemote);
    void onIncomingMessage(sip::RequestId request, sip::CallId call,
                           const sip::IncomingRequest &message);

    // Refuses an INVITE that never became a Call.
    void refuse(sip::CallId id, const sip::IncomingInvite &invite, int status,
                const QByteArray &reason, const QByteArray &warning,
                const sip::SipHeaders &extraHeaders = {});
    // `receiver`: the inbound call whose file offer this session may receive into the spool.
    msrp::Session *newSession(const QList<QByteArray> &acceptTypes, Call::Id receiver = 0);
    // The host of our MSRP URIs and of c= (RFC 4975 §8.1).
    QByteArray msrpHost() const;
    // Starts the MSRP session as negotiated.
    void startSession(Call &call);
    // Ends a call that failed on our side: BYE (or CANCEL), and Failed.
    void failLocally(Call &call, const QString &why);
    void onSessionClosed(Call::Id id, const QString &reason);
    // An INFO no handler answered within kInfoAnswerDeadline gets a default answer.
    void answerInfoNobodyTook(sip::RequestId request, const QByteArray &contentType);
    // callmanagerfiles.cpp: control-only dialogs and RFC 5547 file reception.
    void acceptControlDialog(sip::CallId id, const sip::IncomingInvite &invite);
    // Checks an accepted push offer against the spool; the 488 warning when refused.
    Result<void> admitFileOffer(Call &call, const sdp::SessionDescription &offer);
    Result<std::unique_ptr<msrp::MessageSink>> sinkFor(Call::Id id);
    // What an inbound session accepts: any type for a file push the spool may take (its
    // file-selector names the type; size and hash guard the content), else the configured.
    QList<QByteArray> sessionAcceptTypes(const sdp::SessionDescription &offer) const;

    sip::Agent &m_sip;
    msrp::Endpoint &m_msrp;
    const EngineConfig &m_config;
    RandomSource &m_random;
    AnswerPolicy m_policy;
    MessageAdmitter m_admitter;
    bool m_acceptingCalls = true;
    QHash<Call::Id, Call *> m_calls;
    FileSpool m_spool;
    EmergencyDataFetcher m_emergencyFetcher{m_config.emergencyFetchTimeout};
    // INFOs handed to infoReceived and not answered yet (respondInfo() takes them out).
    QSet<sip::RequestId> m_unansweredInfos;
    // How long a handler of infoReceived has to answer (a handler answers at once, or after
    // asking someone); well inside the sender's 32 s transaction timeout (RFC 3261 §17.1.2).
    static constexpr std::chrono::milliseconds kInfoAnswerDeadline{2000};
};

} // namespace herald::service
