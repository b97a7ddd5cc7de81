// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/store/logevents.h"

#include "storetestdata.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace herald;
using namespace herald::store;
using herald::store::test::at;

Q_DECLARE_METATYPE(herald::store::LogEvent)

namespace {

LogEventHeader header()
{
    LogEventHeader h;
    h.id = "ev-1";
    h.timestamp = at(5, 250);
    h.elementId = QStringLiteral("herald1.psap.example.net");
    h.agencyId = QStringLiteral("psap.example.net");
    h.callId = "call-1";
    h.incidentId = "urn:emergency:uid:incidentid:42:esrp.example.net";
    h.sipCallId = "a84b4c76e66710@esrp.example.net";
    return h;
}

QJsonObject parse(const char *json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    Q_ASSERT(error.error == QJsonParseError::NoError);
    return document.object();
}

} // namespace

class TestLogEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toJsonFieldByField_data();
    void toJsonFieldByField();
    void roundTrip_data();
    void roundTrip();
    void jsonLinesAreOneObjectPerLine();
    void compactJsonIsQJsonDocumentsOutput_data();
    void compactJsonIsQJsonDocumentsOutput();
    void malformedTextKeepsInvalidUtf8Exactly();
    void unreadableEventsAreErrors_data();
    void unreadableEventsAreErrors();
};

void TestLogEvents::toJsonFieldByField_data()
{
    QTest::addColumn<LogEvent>("event");
    QTest::addColumn<QJsonObject>("expected");

    MessageLogEvent message;
    message.header = header();
    message.direction = Direction::Incoming;
    message.text = QStringLiteral("Help, \"fire\" at 3rd St,\nhurry ¿dónde? 🚒");
    message.msrpMessageId = "87652491";
    message.msrpSessionId = "iau39soe2843z";
    message.contentType = QStringLiteral("text/plain");
    QTest::newRow("MessageLogEvent") << LogEvent(message) << parse(R"json({
        "logEventType": "MessageLogEvent",
        "clientAssignedIdentifier": "ev-1",
        "timestamp": "2026-03-01T12:00:05.250Z",
        "elementId": "herald1.psap.example.net",
        "agencyId": "psap.example.net",
        "callId": "call-1",
        "incidentId": "urn:emergency:uid:incidentid:42:esrp.example.net",
        "callIdSip": "a84b4c76e66710@esrp.example.net",
        "direction": "incoming",
        "text": "Help, \"fire\" at 3rd St,\nhurry ¿dónde? 🚒",
        "extension": {"msrpMessageId": "87652491", "msrpSessionId": "iau39soe2843z",
                      "contentType": "text/plain"}
    })json");

    MessageLogEvent outgoing;
    outgoing.header.timestamp = at(0);
    outgoing.direction = Direction::Outgoing;
    outgoing.text = QStringLiteral("What is your emergency?");
    // Required i3 members stay even when empty; optional ones are left out.
    QTest::newRow("MessageLogEvent minimal") << LogEvent(outgoing) << parse(R"json({
        "logEventType": "MessageLogEvent",
        "timestamp": "2026-03-01T12:00:00.000Z",
        "elementId": "",
        "agencyId": "",
        "direction": "outgoing",
        "text": "What is your emergency?"
    })json");

    MalformedMessageLogEvent malformed;
    malformed.header = header();
    malformed.header.incidentId.clear();
    malformed.text = QByteArrayLiteral("MSRP a786hjs2 SEND\r\nTo-Path: garbage\r\n");
    malformed.ipAddress = QStringLiteral("192.0.2.7:7394");
    malformed.explanationText = QStringLiteral("To-Path is not an MSRP URI (RFC 4975 §9)");
    QTest::newRow("MalformedMessageLogEvent") << LogEvent(malformed) << parse(R"json({
        "logEventType": "MalformedMessageLogEvent",
        "clientAssignedIdentifier": "ev-1",
        "timestamp": "2026-03-01T12:00:05.250Z",
        "elementId": "herald1.psap.example.net",
        "agencyId": "psap.example.net",
        "callId": "call-1",
        "callIdSip": "a84b4c76e66710@esrp.example.net",
        "text": "MSRP a786hjs2 SEND\r\nTo-Path: garbage\r\n",
        "ipAddress": "192.0.2.7:7394",
        "explanationText": "To-Path is not an MSRP URI (RFC 4975 §9)"
    })json");

    SessionStartLogEvent start;
    start.header = header();
    start.direction = Direction::Incoming;
    start.sdp = QStringLiteral("v=0\r\nm=message 7394 TCP/MSRP *\r\n");
    start.mediaLabel = {QStringLiteral("iau39soe2843z")};
    start.msrpSessionId = "iau39soe2843z";
    QTest::newRow("SessionStart as MediaStartLogEvent") << LogEvent(start) << parse(R"json({
        "logEventType": "MediaStartLogEvent",
        "clientAssignedIdentifier": "ev-1",
        "timestamp": "2026-03-01T12:00:05.250Z",
        "elementId": "herald1.psap.example.net",
        "agencyId": "psap.example.net",
        "callId": "call-1",
        "incidentId": "urn:emergency:uid:incidentid:42:esrp.example.net",
        "callIdSip": "a84b4c76e66710@esrp.example.net",
        "direction": "incoming",
        "sdp": "v=0\r\nm=message 7394 TCP/MSRP *\r\n",
        "mediaLabel": ["iau39soe2843z"],
        "extension": {"msrpSessionId": "iau39soe2843z"}
    })json");

    SessionEndLogEvent end;
    end.header = header();
    end.mediaLabel = {QStringLiteral("iau39soe2843z")};
    end.msrpSessionId = "iau39soe2843z";
    end.reason = QStringLiteral("BYE");
    QTest::newRow("SessionEnd as MediaEndLogEvent") << LogEvent(end) << parse(R"json({
        "logEventType": "MediaEndLogEvent",
        "clientAssignedIdentifier": "ev-1",
        "timestamp": "2026-03-01T12:00:05.250Z",
        "elementId": "herald1.psap.example.net",
        "agencyId": "psap.example.net",
        "callId": "call-1",
        "incidentId": "urn:emergency:uid:incidentid:42:esrp.example.net",
        "callIdSip": "a84b4c76e66710@esrp.example.net",
        "mediaLabel": ["iau39soe2843z"],
        "extension": {"msrpSessionId": "iau39soe2843z", "reason": "BYE"}
    })json");
}

void TestLogEvents::toJsonFieldByField()
{
    QFETCH(LogEvent, event);
    QFETCH(QJsonObject, expected);

    const QJsonObject actual = toJson(event);
    // Key by key first, so a failure names the field.
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        QVERIFY2(actual.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(actual.value(it.key()), it.value());
    }
    for (auto it = actual.constBegin(); it != actual.constEnd(); ++it)
        QVERIFY2(expected.contains(it.key()), qPrintable(QStringLiteral("unexpected ") + it.key()));
    QCOMPARE(actual.value(QStringLiteral("logEventType")).toString(), logEventTypeName(event));
}

void TestLogEvents::roundTrip_data()
{
    toJsonFieldByField_data();
}

void TestLogEvents::roundTrip()
{
    QFETCH(LogEvent, event);
    const auto back = logEventFromJson(toJson(event));
    QVERIFY2(back.has_value(), back ? "" : qPrintable(back.error().detail));
    QVERIFY(*back == event);
}

void TestLogEvents::jsonLinesAreOneObjectPerLine()
{
    QList<LogEvent> events;
    const QStringList texts = {
        QStringLiteral("line one\nline two\r\nline three"),
        QStringLiteral("comma, \"quotes\" and \\ backslash"),
        QStringLiteral("日本語のテキスト — ½ café"),
    };
    for (qsizetype i = 0; i < texts.size(); ++i) {
        MessageLogEvent e;
        e.header.timestamp = at(int(i));
        e.header.id = "e" + QByteArray::number(i);
        e.text = texts[i];
        events.append(e);
    }
    MalformedMessageLogEvent bad;
    bad.header.timestamp = at(9);
    bad.text = "\x01\x02\n";
    events.append(bad);

    const QByteArray lines = toJsonLines(events);
    QVERIFY(lines.endsWith('\n'));
    const QList<QByteArray> split = lines.split('\n');
    QCOMPARE(split.size(), events.size() + 1); // + the empty tail after the last "\n"
    QVERIFY(split.last().isEmpty());
    for (qsizetype i = 0; i < events.size(); ++i) {
        QVERIFY(!split[i].contains('\r'));
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(split[i], &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object(), toJson(events[i]));
        QCOMPARE(split[i] + '\n', toJsonLine(events[i]));
    }
    // Non-ASCII goes out as UTF-8 text.
    QVERIFY(lines.contains(QStringLiteral("日本語のテキスト — ½ café").toUtf8()));
    QCOMPARE(QJsonDocument::fromJson(split[0]).object().value(QStringLiteral("text")).toString(),
             texts[0]);
}

void TestLogEvents::compactJsonIsQJsonDocumentsOutput_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("timestamp");
    QTest::addColumn<bool>("withExtension");
    QTest::addColumn<bool>("optionalHeader");

    const QDateTime noon = QDateTime(QDate(2026, 3, 1), QTime(12, 34, 56, 789), Qt::UTC);
    QTest::newRow("plain") << QStringLiteral("help, at 5th and Main") << noon << true << false;
    QTest::newRow("quotes and backslashes")
        << QStringLiteral("say \"hi\" \\ or \\\"") << noon << true << true;
    QString controls;
    for (char16_t c = 0; c < 0x20; ++c)
        controls.append(QChar(c)).append(u'.');
    controls.append(QChar(0x7f));
    QTest::newRow("every C0 control and DEL") << controls << noon << false << false;
    QTest::newRow("non-ASCII") << QStringLiteral("é 911 \u2028 \u00a0 😀 日本")
                               << noon.addDays(-20000) << true << true;
    QTest::newRow("empty text, no time") << QString() << QDateTime() << false << false;
    QTest::newRow("leap day, first ms")
        << QStringLiteral("x") << QDateTime(QDate(2024, 2, 29), QTime(0, 0, 0, 1), Qt::UTC) << true
        << false;
    QTest::newRow("before 1970") << QStringLiteral("x")
                                 << QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 999), Qt::UTC)
                                 << true << false;
    QTest::newRow("local time zone")
        << QStringLiteral("x")
        << QDateTime(QDate(2026, 7, 4), QTime(9, 5, 7, 30), QTimeZone("America/New_York")) << true
        << true;
}

void TestLogEvents::compactJsonIsQJsonDocumentsOutput()
{
    // The store writes the payload of each text's event by hand (its write path's hot spot);
    // it must be exactly what QJsonDocument makes of toJson().
    QFETCH(QString, text);
    QFETCH(QDateTime, timestamp);
    QFETCH(bool, withExtension);
    QFETCH(bool, optionalHeader);
    MessageLogEvent event;
    event.header.id = "message:sess/\"odd\"";
    event.header.timestamp = timestamp;
    event.header.elementId = QStringLiteral("herald.example.net");
    event.header.agencyId = QStringLiteral("psap.example.net");
    event.header.callId = "call1";
    event.header.sipCallId = "a84b4c76e66710@pc33.example.com";
    if (optionalHeader) {
        event.header.agencyAgentId = QStringLiteral("agent\t7");
        event.header.agencyPositionId = QStringLiteral("pos 3");
        event.header.incidentId = "urn:emergency:uid:incidentid:é:esrp";
        event.header.ipAddressPort = QStringLiteral("[2001:db8::1]:7394");
    }
    event.direction = optionalHeader ? Direction::Outgoing : Direction::Incoming;
    event.text = text;
    if (withExtension) {
        event.msrpMessageId = "87652491";
        event.msrpSessionId = "iau39soe2843z";
        event.contentType = QStringLiteral("text/plain;charset=\"UTF-8\"");
    }
    const QString expected =
        QString::fromUtf8(QJsonDocument(toJson(LogEvent(event))).toJson(QJsonDocument::Compact));
    QCOMPARE(toCompactJson(LogEvent(event)), expected);
    // And it reads back as the event it was made from (an event needs its time).
    if (!timestamp.isValid())
        return;
    const auto parsed =
        logEventFromJson(QJsonDocument::fromJson(toCompactJson(event).toUtf8()).object());
    QVERIFY(parsed);
    QCOMPARE(std::get<MessageLogEvent>(*parsed).text, text);
}

void TestLogEvents::malformedTextKeepsInvalidUtf8Exactly()
{
    MalformedMessageLogEvent event;
    event.header.timestamp = at(1);
    event.text = QByteArray("MSRP x SEND\r\n\xff\xfe\xc3(", 19);
    event.ipAddress = QStringLiteral("192.0.2.9:5000");
    const QJsonObject json = toJson(event);
    const QJsonObject extension = json.value(QStringLiteral("extension")).toObject();
    QCOMPARE(
        QByteArray::fromBase64(extension.value(QStringLiteral("textBase64")).toString().toLatin1()),
        event.text);
    QVERIFY(
        json.value(QStringLiteral("text")).toString().startsWith(QStringLiteral("MSRP x SEND")));
    const auto back = logEventFromJson(json);
    QVERIFY(back.has_value());
    QCOMPARE(std::get<MalformedMessageLogEvent>(*back).text, event.text);

    // Valid UTF-8 needs no copy.
    event.text = QStringLiteral("¿qué?").toUtf8();
    QVERIFY(!toJson(event).contains(QStringLiteral("extension")));
}

void TestLogEvents::unreadableEventsAreErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("code");
    QTest::newRow("unknown type")
        << QByteArray(R"({"logEventType":"CallStartLogEvent","timestamp":"2026-03-01T12:00:00Z"})")
        << int(ErrorCode::Unsupported);
    QTest::newRow("no timestamp")
        << QByteArray(R"({"logEventType":"MessageLogEvent","direction":"incoming"})")
        << int(ErrorCode::Malformed);
    QTest::newRow("bad direction")
        << QByteArray(
               R"({"logEventType":"MessageLogEvent","timestamp":"2026-03-01T12:00:00Z","direction":"sideways"})")
        << int(ErrorCode::Malformed);
}

void TestLogEvents::unreadableEventsAreErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(int, code);
    const auto event = logEventFromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!event.has_value());
    QCOMPARE(int(event.error().code), code);
}

QTEST_GUILESS_MAIN(TestLogEvents)
#include "tst_logevents.moc"
