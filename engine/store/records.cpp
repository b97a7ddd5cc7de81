// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/store/records.h"

#include <array>
#include <string>

namespace herald::store {

namespace {

struct StateName
{
    MessageState state;
    const char16_t *name;
};

constexpr std::array<StateName, 7> kStateNames{{
    {MessageState::Received, u"received"},
    {MessageState::Queued, u"queued"},
    {MessageState::Sending, u"sending"},
    {MessageState::Sent, u"sent"},
    {MessageState::Acknowledged, u"acknowledged"},
    {MessageState::Delivered, u"delivered"},
    {MessageState::Failed, u"failed"},
}};

Result<void> invalid(const char *what)
{
    return fail(ErrorCode::InvalidArgument, QString::fromLatin1(what));
}

Result<void> check(const CallRecord &call)
{
    if (call.id.isEmpty())
        return invalid("call record without a call id");
    if (!call.startedAt.isValid())
        return invalid("call record without a start time");
    return {};
}

Result<void> check(const CallUpdate &update)
{
    if (update.callId.isEmpty())
        return invalid("call update without a call id");
    return {};
}

Result<void> check(const SessionRecord &session)
{
    if (session.id.isEmpty() || session.callId.isEmpty())
        return invalid("session record without a session id or call id");
    if (!session.startedAt.isValid())
        return invalid("session record without a start time");
    return {};
}

Result<void> check(const SessionEnd &end)
{
    if (end.sessionId.isEmpty())
        return invalid("session end without a session id");
    if (!end.endedAt.isValid())
        return invalid("session end without an end time");
    return {};
}

Result<void> check(const MessageRecord &message)
{
    if (message.id.isEmpty() || message.callId.isEmpty())
        return invalid("message record without a message id or call id");
    if (!message.queuedAt.isValid())
        return invalid("message record without a queued/received time");
    // The duplicate check keys on (session, Message-ID, byte range): an MSRP Message-ID is
    // only unique within its session (RFC 4975 §7.1.1).
    if (!message.msrpMessageId.isEmpty() && message.sessionId.isEmpty())
        return invalid("message record with an MSRP Message-ID but no session");
    if (message.rangeStart < 1 || message.rangeEnd < message.rangeStart - 1 || message.byteSize < 0)
        return invalid("message record with an impossible byte range or size");
    return {};
}

Result<void> check(const MessageUpdate &update)
{
    if (update.messageId.isEmpty())
        return invalid("message update without a message id");
    return {};
}

Result<void> checkHeader(const LogEventHeader &header)
{
    if (!header.timestamp.isValid())
        return invalid("log event without a timestamp");
    return {};
}

Result<void> check(const MessageLogEvent &event)
{
    return checkHeader(event.header);
}

Result<void> check(const MalformedMessageLogEvent &event)
{
    return checkHeader(event.header);
}

Result<void> check(const SessionStartLogEvent &event)
{
    return checkHeader(event.header);
}

Result<void> check(const SessionEndLogEvent &event)
{
    return checkHeader(event.header);
}

} // namespace

QString messageStateName(MessageState state)
{
    for (const StateName &entry : kStateNames) {
        // Raw data: the names are static, and this runs for every stored text.
        if (entry.state == state)
            return QString::fromRawData(reinterpret_cast<const QChar *>(entry.name),
                                        qsizetype(std::char_traits<char16_t>::length(entry.name)));
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<MessageState> messageStateFromName(QStringView name)
{
    for (const StateName &entry : kStateNames) {
        if (name == QStringView(entry.name))
            return entry.state;
    }
    return std::nullopt;
}

Result<void> validate(const Record &record)
{
    return std::visit([](const auto &r) { return check(r); }, record);
}

MessageLogEvent messageLogEventFor(const MessageRecord &message, const QByteArray &sipCallId)
{
    MessageLogEvent event;
    // One log event per message, named after it, so that a duplicate message is also a
    // duplicate event.
    event.header.id = QByteArrayLiteral("message:") + message.id;
    event.header.timestamp = message.queuedAt;
    event.header.callId = message.callId;
    event.header.sipCallId = sipCallId;
    event.direction = message.direction;
    event.text = message.fileUri.isEmpty() ? message.text : message.fileUri;
    event.msrpMessageId = message.msrpMessageId;
    event.contentType = message.contentType;
    return event;
}

SessionStartLogEvent sessionStartLogEventFor(const SessionRecord &session,
                                             const QByteArray &sipCallId)
{
    SessionStartLogEvent event;
    event.header.id = QByteArrayLiteral("session-start:") + session.id;
    event.header.timestamp = session.startedAt;
    event.header.callId = session.callId;
    event.header.sipCallId = sipCallId;
    event.direction = session.direction;
    event.sdp = session.sdp;
    event.msrpSessionId = session.msrpSessionId;
    // MSRP media lines seldom carry a=label (RFC 4574); the session-id names the stream.
    event.mediaLabel = {QString::fromUtf8(session.msrpSessionId)};
    return event;
}

} // namespace herald::store
