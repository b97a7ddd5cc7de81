// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/store/logevents.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace herald::store {

namespace {

template<class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
// clang 14 does not deduce aggregate template arguments by itself (P1816).
template<class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// The i3 logEventType names (NENA-STA-010.3 LogEventType registry).
QString messageType()
{
    return QStringLiteral("MessageLogEvent");
}
QString malformedType()
{
    return QStringLiteral("MalformedMessageLogEvent");
}
QString mediaStartType()
{
    return QStringLiteral("MediaStartLogEvent");
}
QString mediaEndType()
{
    return QStringLiteral("MediaEndLogEvent");
}

QString ascii(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

// Optional i3 members are left out when empty rather than sent as "".
void putOptional(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

void putHeader(QJsonObject &object, const QString &type, const LogEventHeader &header)
{
    object.insert(QStringLiteral("logEventType"), type);
    object.insert(QStringLiteral("timestamp"), formatTimestamp(header.timestamp));
    // Required by the i3 LogEvent schema even when unknown.
    object.insert(QStringLiteral("elementId"), header.elementId);
    object.insert(QStringLiteral("agencyId"), header.agencyId);
    putOptional(object, QStringLiteral("clientAssignedIdentifier"), ascii(header.id));
    putOptional(object, QStringLiteral("agencyAgentId"), header.agencyAgentId);
    putOptional(object, QStringLiteral("agencyPositionId"), header.agencyPositionId);
    putOptional(object, QStringLiteral("callId"), ascii(header.callId));
    putOptional(object, QStringLiteral("incidentId"), ascii(header.incidentId));
    putOptional(object, QStringLiteral("callIdSip"), ascii(header.sipCallId));
    putOptional(object, QStringLiteral("ipAddressPort"), header.ipAddressPort);
}

LogEventHeader readHeader(const QJsonObject &object)
{
    LogEventHeader header;
    const auto str = [&](const char *key) { return object.value(QLatin1String(key)).toString(); };
    header.id = str("clientAssignedIdentifier").toUtf8();
    header.timestamp = parseTimestamp(str("timestamp"));
    header.elementId = str("elementId");
    header.agencyId = str("agencyId");
    header.agencyAgentId = str("agencyAgentId");
    header.agencyPositionId = str("agencyPositionId");
    header.callId = str("callId").toUtf8();
    header.incidentId = str("incidentId").toUtf8();
    header.sipCallId = str("callIdSip").toUtf8();
    header.ipAddressPort = str("ipAddressPort");
    return header;
}

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

QStringList fromArray(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

Result<Direction> readDirection(const QJsonObject &object)
{
    const QString name = object.value(QStringLiteral("direction")).toString();
    if (const auto direction = directionFromName(name))
        return *direction;
    return fail(ErrorCode::Malformed,
                QStringLiteral("log event has no valid direction: \"%1\"").arg(name));
}

QJsonObject messageJson(const MessageLogEvent &event)
{
    QJsonObject object;
    putHeader(object, messageType(), event.header);
    object.insert(QStringLiteral("direction"), directionName(event.direction));
    object.insert(QStringLiteral("text"), event.text);
    QJsonObject extension;
    putOptional(extension, QStringLiteral("msrpMessageId"), ascii(event.msrpMessageId));
    putOptional(extension, QStringLiteral("msrpSessionId"), ascii(event.msrpSessionId));
    putOptional(extension, QStringLiteral("contentType"), event.contentType);
    if (!extension.isEmpty())
        object.insert(QStringLiteral("extension"), extension);
    return object;
}

QJsonObject malformedJson(const MalformedMessageLogEvent &event)
{
    QJsonObject object;
    putHeader(object, malformedType(), event.header);
    const QString text = QString::fromUtf8(event.text);
    object.insert(QStringLiteral("text"), text);
    object.insert(QStringLiteral("ipAddress"), event.ipAddress);
    putOptional(object, QStringLiteral("explanationText"), event.explanationText);
    // Invalid UTF-8 decodes to U+FFFD and no longer encodes back to the same bytes.
    if (text.toUtf8() != event.text) {
        QJsonObject extension;
        extension.insert(QStringLiteral("textBase64"), QString::fromLatin1(event.text.toBase64()));
        object.insert(QStringLiteral("extension"), extension);
    }
    return object;
}

QJsonObject sessionStartJson(const SessionStartLogEvent &event)
{
    QJsonObject object;
    putHeader(object, mediaStartType(), event.header);
    object.insert(QStringLiteral("direction"), directionName(event.direction));
    object.insert(QStringLiteral("sdp"), event.sdp);
    object.insert(QStringLiteral("mediaLabel"), toArray(event.mediaLabel));
    QJsonObject extension;
    putOptional(extension, QStringLiteral("msrpSessionId"), ascii(event.msrpSessionId));
    if (!extension.isEmpty())
        object.insert(QStringLiteral("extension"), extension);
    return object;
}

QJsonObject sessionEndJson(const SessionEndLogEvent &event)
{
    QJsonObject object;
    putHeader(object, mediaEndType(), event.header);
    object.insert(QStringLiteral("mediaLabel"), toArray(event.mediaLabel));
    QJsonObject extension;
    putOptional(extension, QStringLiteral("msrpSessionId"), ascii(event.msrpSessionId));
    putOptional(extension, QStringLiteral("reason"), event.reason);
    if (!extension.isEmpty())
        object.insert(QStringLiteral("extension"), extension);
    return object;
}

} // namespace

QString directionName(Direction direction)
{
    return direction == Direction::Incoming ? QStringLiteral("incoming")
                                            : QStringLiteral("outgoing");
}

std::optional<Direction> directionFromName(QStringView name)
{
    if (name == u"incoming")
        return Direction::Incoming;
    if (name == u"outgoing")
        return Direction::Outgoing;
    return std::nullopt;
}

QString logEventTypeName(const LogEvent &event)
{
    return std::visit(Overloaded{
                          [](const MessageLogEvent &) { return messageType(); },
                          [](const MalformedMessageLogEvent &) { return malformedType(); },
                          [](const SessionStartLogEvent &) { return mediaStartType(); },
                          [](const SessionEndLogEvent &) { return mediaEndType(); },
                      },
                      event);
}

const LogEventHeader &headerOf(const LogEvent &event)
{
    return std::visit([](const auto &e) -> const LogEventHeader & { return e.header; }, event);
}

LogEventHeader &headerOf(LogEvent &event)
{
    return std::visit([](auto &e) -> LogEventHeader & { return e.header; }, event);
}

QJsonObject toJson(const LogEvent &event)
{
    return std::visit(Overloaded{
                          [](const MessageLogEvent &e) { return messageJson(e); },
                          [](const MalformedMessageLogEvent &e) { return malformedJson(e); },
                          [](const SessionStartLogEvent &e) { return sessionStartJson(e); },
                          [](const SessionEndLogEvent &e) { return sessionEndJson(e); },
                      },
                      event);
}

Result<LogEvent> logEventFromJson(const QJsonObject &object)
{
    const QString type = object.value(QStringLiteral("logEventType")).toString();
    const QJsonObject extension = object.value(QStringLiteral("extension")).toObject();
    const auto str = [](const QJsonObject &o, const char *key) {
        return o.value(QLatin1String(key)).toString();
    };
    LogEventHeader header = readHeader(object);
    if (!header.timestamp.isValid())
        return fail(ErrorCode::Malformed, QStringLiteral("log event has no valid timestamp"));

    if (type == messageType()) {
        const auto direction = readDirection(object);
        if (!direction)
            return tl::unexpected(direction.error());
        MessageLogEvent event;
        event.header = std::move(header);
        event.direction = *direction;
        event.text = str(object, "text");
        event.msrpMessageId = str(extension, "msrpMessageId").toUtf8();
        event.msrpSessionId = str(extension, "msrpSessionId").toUtf8();
        event.contentType = str(extension, "contentType");
        return event;
    }
    if (type == malformedType()) {
        MalformedMessageLogEvent event;
        event.header = std::move(header);
        const QString exact = str(extension, "textBase64");
        event.text = exact.isEmpty() ? str(object, "text").toUtf8()
                                     : QByteArray::fromBase64(exact.toLatin1());
        event.ipAddress = str(object, "ipAddress");
        event.explanationText = str(object, "explanationText");
        return event;
    }
    if (type == mediaStartType()) {
        const auto direction = readDirection(object);
        if (!direction)
            return tl::unexpected(direction.error());
        SessionStartLogEvent event;
        event.header = std::move(header);
        event.direction = *direction;
        event.sdp = str(object, "sdp");
        event.mediaLabel = fromArray(object.value(QStringLiteral("mediaLabel")));
        event.msrpSessionId = str(extension, "msrpSessionId").toUtf8();
        return event;
    }
    if (type == mediaEndType()) {
        SessionEndLogEvent event;
        event.header = std::move(header);
        event.mediaLabel = fromArray(object.value(QStringLiteral("mediaLabel")));
        event.msrpSessionId = str(extension, "msrpSessionId").toUtf8();
        event.reason = str(extension, "reason");
        return event;
    }
    return fail(ErrorCode::Unsupported, QStringLiteral("unknown logEventType \"%1\"").arg(type));
}

namespace {

// RFC 8259 §7 string escaping as QJsonDocument writes it: '"', '\\' and the C0 controls are
// escaped (\b \f \n \r \t by name, others as \u00XX); everything else, non-ASCII included,
// is written as is.
void appendJsonString(QString &out, QStringView text)
{
    static const char16_t hex[] = u"0123456789abcdef";
    out.append(u'"');
    qsizetype plainFrom = 0;
    const qsizetype size = text.size();
    const QChar *data = text.data();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = data[i].unicode();
        if (c >= 0x20 && c != u'"' && c != u'\\')
            continue;
        out.append(text.mid(plainFrom, i - plainFrom));
        plainFrom = i + 1;
        switch (c) {
        case u'"':
            out.append(u"\\\"");
            break;
        case u'\\':
            out.append(u"\\\\");
            break;
        case u'\b':
            out.append(u"\\b");
            break;
        case u'\f':
            out.append(u"\\f");
            break;
        case u'\n':
            out.append(u"\\n");
            break;
        case u'\r':
            out.append(u"\\r");
            break;
        case u'\t':
            out.append(u"\\t");
            break;
        default: {
            const char16_t escaped[] = {u'\\', u'u', u'0', u'0', hex[c >> 4], hex[c & 0xf]};
            out.append(QStringView(escaped, 6));
        }
        }
    }
    out.append(text.mid(plainFrom));
    out.append(u'"');
}

void appendAscii(QString &out, const QByteArray &bytes)
{
    // Identifiers are ASCII tokens; anything else goes the long way (UTF-8 decoding).
    for (const char c : bytes) {
        if (uchar(c) >= 0x80) {
            appendJsonString(out, QString::fromUtf8(bytes));
            return;
        }
    }
    out.append(u'"');
    const qsizetype start = out.size();
    out.append(QLatin1String(bytes));
    // Escaping only matters for '"', '\\' and controls, which no token holds; check anyway.
    for (qsizetype i = start; i < out.size(); ++i) {
        const char16_t c = out.at(i).unicode();
        if (c < 0x20 || c == u'"' || c == u'\\') {
            out.truncate(start - 1);
            appendJsonString(out, QString::fromLatin1(bytes));
            return;
        }
    }
    out.append(u'"');
}

// The members are written in the order QJsonObject keeps them: sorted by key.
class ObjectWriter
{
public:
    explicit ObjectWriter(QString &out)
        : m_out(out)
    {
        m_out.append(u'{');
    }
    void key(QLatin1String name)
    {
        if (!m_first)
            m_out.append(u',');
        m_first = false;
        m_out.append(u'"');
        m_out.append(name);
        m_out.append(u"\":");
    }
    void string(QLatin1String name, QStringView value)
    {
        key(name);
        appendJsonString(m_out, value);
    }
    void optional(QLatin1String name, QStringView value)
    {
        if (!value.isEmpty())
            string(name, value);
    }
    void optionalId(QLatin1String name, const QByteArray &value)
    {
        if (!value.isEmpty()) {
            key(name);
            appendAscii(m_out, value);
        }
    }
    void end() { m_out.append(u'}'); }

private:
    QString &m_out;
    bool m_first = true;
};

void appendTwo(QString &out, int value)
{
    out.append(QChar(u'0' + value / 10));
    out.append(QChar(u'0' + value % 10));
}

// formatTimestamp() without QDateTime's formatting: days to a civil date (the proleptic
// Gregorian calendar, H. Hinnant's days_from_civil inverse), for years 1..9999.
bool appendTimestamp(QString &out, const QDateTime &time)
{
    if (!time.isValid())
        return true;
    const qint64 ms = time.toMSecsSinceEpoch();
    constexpr qint64 msPerDay = 86400000;
    qint64 days = ms / msPerDay;
    qint64 rest = ms % msPerDay;
    if (rest < 0) {
        rest += msPerDay;
        --days;
    }
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 1 || year > 9999)
        return false;
    appendTwo(out, int(year / 100));
    appendTwo(out, int(year % 100));
    out.append(u'-');
    appendTwo(out, month);
    out.append(u'-');
    appendTwo(out, day);
    out.append(u'T');
    const int seconds = int(rest / 1000);
    appendTwo(out, seconds / 3600);
    out.append(u':');
    appendTwo(out, seconds / 60 % 60);
    out.append(u':');
    appendTwo(out, seconds % 60);
    out.append(u'.');
    const int millis = int(rest % 1000);
    out.append(QChar(u'0' + millis / 100));
    appendTwo(out, millis % 100);
    out.append(u'Z');
    return true;
}

bool appendMessageJson(QString &out, const MessageLogEvent &event)
{
    const LogEventHeader &h = event.header;
    ObjectWriter o(out);
    o.optional(QLatin1String("agencyAgentId"), h.agencyAgentId);
    o.string(QLatin1String("agencyId"), h.agencyId);
    o.optional(QLatin1String("agencyPositionId"), h.agencyPositionId);
    o.optionalId(QLatin1String("callId"), h.callId);
    o.optionalId(QLatin1String("callIdSip"), h.sipCallId);
    o.optionalId(QLatin1String("clientAssignedIdentifier"), h.id);
    o.key(QLatin1String("direction"));
    out.append(event.direction == Direction::Incoming ? u"\"incoming\"" : u"\"outgoing\"");
    o.string(QLatin1String("elementId"), h.elementId);
    if (!event.msrpMessageId.isEmpty() || !event.msrpSessionId.isEmpty() ||
        !event.contentType.isEmpty()) {
        o.key(QLatin1String("extension"));
        ObjectWriter e(out);
        e.optional(QLatin1String("contentType"), event.contentType);
        e.optionalId(QLatin1String("msrpMessageId"), event.msrpMessageId);
        e.optionalId(QLatin1String("msrpSessionId"), event.msrpSessionId);
        e.end();
    }
    o.optionalId(QLatin1String("incidentId"), h.incidentId);
    o.optional(QLatin1String("ipAddressPort"), h.ipAddressPort);
    o.string(QLatin1String("logEventType"), u"MessageLogEvent");
    o.string(QLatin1String("text"), event.text);
    o.key(QLatin1String("timestamp"));
    out.append(u'"');
    if (!appendTimestamp(out, h.timestamp))
        return false;
    out.append(u'"');
    o.end();
    return true;
}

} // namespace

QString toCompactJson(const LogEvent &event)
{
    if (const auto *message = std::get_if<MessageLogEvent>(&event)) {
        QString out;
        out.reserve(256 + message->text.size() + message->text.size() / 8);
        if (appendMessageJson(out, *message))
            return out;
    }
    return QString::fromUtf8(QJsonDocument(toJson(event)).toJson(QJsonDocument::Compact));
}

QByteArray toJsonLine(const LogEvent &event)
{
    // Compact JSON escapes CR and LF inside strings, so one object is one line.
    QByteArray line = QJsonDocument(toJson(event)).toJson(QJsonDocument::Compact);
    line.append('\n');
    return line;
}

QByteArray toJsonLines(const QList<LogEvent> &events)
{
    QByteArray out;
    for (const LogEvent &event : events)
        out.append(toJsonLine(event));
    return out;
}

QString formatTimestamp(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTimestamp(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

} // namespace herald::store
