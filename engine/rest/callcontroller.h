// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/rest/restmodel.h"
#include "engine/service/call.h"
#include "engine/service/thirdpartysession.h"

#include <QFileInfo>
#include <QHash>
#include <QObject>

namespace herald::service {
class Engine;
}

namespace herald::rest {

class EventHub;

// /default/calls over the Engine, without HTTP: each operation returns a typed result or a
// RestError the binding maps to a status. It also turns what the calls do into events
// (incoming, ringing, connected, message, end_send_message, hangup, info) for the EventHub.
class CallController : public QObject
{
    Q_OBJECT

public:
    // Files named by msg_payload_uri are sent only from below `payloadDirectory` (empty: none).
    CallController(service::Engine &engine, EventHub &events, QString payloadDirectory = {},
                   QObject *parent = nullptr);
    ~CallController() override;

    QList<CallView> list(const QString &appid) const;
    RestResult<CallView> get(const QString &id, const QString &appid) const;
    // POST: an outbound call (signaling yes) or a 3PCC session (signaling no, with sdp).
    RestResult<CallView> create(const QString &appid, const CallRequest &request);
    // PUT: answer / accept, and the call_action (send_message, hangup).
    RestResult<CallView> update(const QString &id, const QString &appid,
                                const CallRequest &request);
    // DELETE: hangs up (BYE / CANCEL / decline).
    RestResult<void> remove(const QString &id);

private:
    struct PendingSend
    {
        QString callId; // whose send it is: the REST call the client named
        bool wantSuccessReport = false;
        service::Call::Id offerCall = 0; // rfc5547: the file offer's own call, hung up when done
    };

    service::Call *findCall(const QString &id) const;
    service::ThirdPartySession *findThirdParty(const QString &id) const;
    CallView viewOf(const service::ThirdPartySession &session, const QString &appid) const;
    RestResult<CallView> createThirdParty(const QString &appid, const CallRequest &request);
    RestResult<CallView> updateThirdParty(service::ThirdPartySession &session, const QString &appid,
                                          const CallRequest &request);
    void watchThirdParty(service::ThirdPartySession *session);
    void publishMessage(const QString &callId, const service::ReceivedText &text);
    // The engine's store turned unhealthy: texts are refused from now on (DESIGN.md §2), which
    // the application learns as an alarm event.
    void watchStore();
    void onStoreUnhealthy(const Error &error);
    // The payload of a send_message, checked; `field` names what was wrong.
    RestResult<MessagePayload> payloadOf(const SendMessageAction &action) const;
    CallView viewOf(const service::Call &call, const QString &appid) const;
    void watch(service::Call *call);
    // location_update, composing and imdn events of a call (emergencyevents.h).
    void watchEmergency(service::Call *call, const QString &id);
    RestResult<QString> sendMessage(service::Call &call, const SendMessageAction &action);
    void onDelivery(const msrp::MessageInfo &info);
    // A msg_payload_uri checked: a readable file below the payload directory.
    RestResult<QFileInfo> payloadFile(const MessagePayload &payload) const;
    // mode rfc5547: the file in a session of its own, offered by a new INVITE (RFC 5547).
    RestResult<QString> sendFileOffer(service::Call &call, const MessagePayload &payload,
                                      const SendMessageAction &action);
    void publish(const QString &type, const QString &callId,
                 QList<std::pair<QString, QString>> data = {});

    QString m_payloadDirectory;
    service::Engine &m_engine;
    EventHub &m_events;
    // 3PCC sessions (signaling="no"): the application does the SIP, Herald the MSRP.
    service::ThirdPartySessions &m_thirdParty;
    // Sends whose end_send_message is still due, by MSRP Message-ID or SIP request id.
    QHash<QByteArray, PendingSend> m_pendingSends;
    QHash<quint64, QString> m_pendingPageMessages;
    // The appid that answered or created each call, reported in its call_response.
    QHash<QString, QString> m_owners;
};

} // namespace herald::rest
