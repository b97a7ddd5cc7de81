// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// CallManager, the parts for MSML control and voicemail delivery: control-only dialogs from an
// application server, and RFC 5547 files received into the spool. Kept apart from
// callmanager.cpp so that the message-session logic stays readable.
#include "engine/core/logging.h"
#include "engine/core/randomsource.h"
#include "engine/msrp/session/msrpendpoint.h"
#include "engine/sdp/offeranswer.h"
#include "engine/service/callmanager.h"
#include "engine/sip/agent.h"

namespace herald::service {

// An application server that only wants to send MSML (RFC 5707 §4: the control channel is a
// SIP dialog) may INVITE without any SDP. RFC 3261 §13.2.1 then needs the offer in our 2xx; an
// offer with no m= line at all (RFC 3264 §5 lets an offer hold zero media streams) opens the
// dialog without media, and the ACK's answer, whatever it says, changes nothing.
void CallManager::acceptControlDialog(sip::CallId id, const sip::IncomingInvite &invite)
{
    const QByteArray host = msrpHost();
    const QByteArray family =
        host.contains(':') ? QByteArrayLiteral("IP6") : QByteArrayLiteral("IP4");
    const QByteArray sessionId = QByteArray::number(m_random.next64() >> 1);
    const QByteArray offer = "v=0\r\no=- " + sessionId + ' ' + sessionId + " IN " + family + ' ' +
                             host + "\r\ns=-\r\nt=0 0\r\n";

    auto *call = new Call(id, CallDirection::Inbound, this);
    call->m_controlOnly = true;
    call->m_remoteUri = invite.from;
    call->m_localUri = invite.to;
    call->m_sipCallId = invite.callId;
    call->m_sipTransport = invite.transport;
    call->m_answerBody = offer;
    m_calls.insert(id, call);
    if (auto answered = m_sip.answer(id, 200, offer); !answered) {
        qCWarning(lcService) << "control dialog" << id
                             << "not answered:" << answered.error().detail;
        m_calls.remove(id);
        delete call;
        return;
    }
    call->apply(CallEvent::AnswerSent);
    qCInfo(lcService) << "control dialog" << id << "opened by" << invite.from;
    Q_EMIT controlDialogOpened(call);
}

Result<void> CallManager::admitFileOffer(Call &call, const sdp::SessionDescription &offer)
{
    if (!call.m_negotiated || call.m_negotiated->fileRole != sdp::FileRole::Receiver)
        return {};
    if (!call.m_negotiated->fileSelector)
        return fail(ErrorCode::Malformed, QStringLiteral("A file offer without a=file-selector"));
    if (auto admitted = m_spool.admit(*call.m_negotiated->fileSelector); !admitted)
        return admitted;
    const qsizetype index = call.m_negotiated->mediaIndex;
    if (index >= 0 && index < offer.media.size())
        if (const sdp::Attribute *write = offer.media.at(index).attribute("x-herald-write");
            write && write->value)
            call.m_fileWriteMode = fileWriteModeFromToken(*write->value);
    return {};
}

QList<QByteArray> CallManager::sessionAcceptTypes(const sdp::SessionDescription &offer) const
{
    if (m_spool.isEnabled())
        for (const sdp::MediaDescription &media : offer.media)
            if (media.media == "message" && media.attribute("file-selector"))
                return {QByteArrayLiteral("*")};
    return m_config.msrpAcceptTypes;
}

Result<std::unique_ptr<msrp::MessageSink>> CallManager::sinkFor(Call::Id id)
{
    const Call *call = m_calls.value(id);
    if (call && call->m_negotiated && call->m_negotiated->fileRole == sdp::FileRole::Receiver &&
        call->m_negotiated->fileSelector)
        return m_spool.openSink(*call->m_negotiated->fileSelector, call->m_fileWriteMode, m_random);
    // Texts on a message session: in memory, as without a sink factory.
    return std::unique_ptr<msrp::MessageSink>(
        std::make_unique<msrp::MemorySink>(msrp::SessionOptions{}.maxInMemory));
}

} // namespace herald::service
