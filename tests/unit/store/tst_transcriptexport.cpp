// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/store/sqlitestore.h"
#include "engine/store/transcriptexport.h"

#include "storetestdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;
using namespace herald::store;
using namespace herald::store::test;

namespace {

// An RFC 4180 reader written for this test, independent of the writer under test: records
// end with CRLF; a quoted field may hold commas, CR, LF and doubled quotes. Returns
// nullopt on anything RFC 4180 does not allow (a bare quote inside an unquoted field, text
// after a closing quote, a record not ended by CRLF).
std::optional<QList<QStringList>> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    qsizetype i = 0;
    const qsizetype n = text.size();
    bool fieldStarted = false;
    while (i < n) {
        const QChar c = text[i];
        if (!fieldStarted && c == u'"') {
            ++i;
            for (;;) {
                if (i >= n)
                    return std::nullopt; // unterminated
                if (text[i] == u'"') {
                    if (i + 1 < n && text[i + 1] == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
            fieldStarted = true;
            if (i < n && text[i] != u',' && text[i] != u'\r')
                return std::nullopt;
            continue;
        }
        if (c == u',') {
            record.append(field);
            field.clear();
            fieldStarted = false;
            ++i;
        } else if (c == u'\r') {
            if (i + 1 >= n || text[i + 1] != u'\n')
                return std::nullopt;
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            fieldStarted = false;
            i += 2;
        } else if (c == u'\n' || c == u'"') {
            return std::nullopt; // must have been quoted
        } else {
            field += c;
            fieldStarted = true;
            ++i;
        }
    }
    if (!record.isEmpty() || fieldStarted)
        return std::nullopt; // the last record lacks its CRLF
    return records;
}

QString tricky(int which)
{
    switch (which) {
    case 0:
        return QStringLiteral("plain words");
    case 1:
        return QStringLiteral("Smith, John, at the corner");
    case 2:
        return QStringLiteral("he said \"help\" twice: \"\"");
    case 3:
        return QStringLiteral("line one\nline two");
    case 4:
        return QStringLiteral("windows\r\nline end, and a \"quote\"");
    case 5:
        return QStringLiteral("Ayuda — ¿dónde estás? Ça va. 火事です 🚑");
    default:
        return QString();
    }
}

} // namespace

class TestTranscriptExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void csvField_data();
    void csvField();
    void csvDocumentFieldByField();
    void jsonDocumentFieldByField();
    void exportFromStore();

private:
    CallRecord m_call;
    QList<MessageRecord> m_messages;
};

void TestTranscriptExport::init()
{
    m_call = makeCall("call-7");
    m_messages.clear();
    for (int i = 0; i < 6; ++i) {
        MessageRecord m =
            makeMessage("m" + QByteArray::number(i), "call-7", "s1", tricky(i), 10 + i);
        m.sequence = 100 + i;
        if (i % 2 == 1) {
            m.direction = Direction::Outgoing;
            m.state = MessageState::Delivered;
            m.sentAt = at(10 + i, 5);
            m.acknowledgedAt = at(10 + i, 40);
            m.deliveredAt = at(10 + i, 900);
        }
        m_messages.append(m);
    }
    MessageRecord failed = makeMessage("m6", "call-7", "s1", QStringLiteral("unsent"), 20);
    failed.direction = Direction::Outgoing;
    failed.state = MessageState::Failed;
    failed.failureStatus = 481;
    failed.failureReason = QStringLiteral("Session does not exist, \"gone\"");
    failed.sequence = 106;
    m_messages.append(failed);
    MessageRecord file = makeMessage("m7", "call-7", "s1", QString(), 21);
    file.fileUri = QStringLiteral("file:///var/spool/herald/in/photo, 1.jpg");
    file.contentType = QStringLiteral("image/jpeg");
    file.byteSize = 2048;
    file.sequence = 107;
    m_messages.append(file);
}

void TestTranscriptExport::csvField_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("hello") << QStringLiteral("hello");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("spaces kept, not quoted") << QStringLiteral(" a b ") << QStringLiteral(" a b ");
    QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("only a quote") << QStringLiteral("\"") << QStringLiteral("\"\"\"\"");
    QTest::newRow("LF") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
    QTest::newRow("CR") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
    QTest::newRow("CRLF") << QStringLiteral("a\r\nb") << QStringLiteral("\"a\r\nb\"");
    QTest::newRow("non-ASCII") << QStringLiteral("¿dónde? 🚑") << QStringLiteral("¿dónde? 🚑");
    QTest::newRow("non-ASCII with comma") << QStringLiteral("ñ,ü") << QStringLiteral("\"ñ,ü\"");
}

void TestTranscriptExport::csvField()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(herald::store::csvField(value), expected);
}

void TestTranscriptExport::csvDocumentFieldByField()
{
    const QByteArray csv = transcriptToCsv(m_call, m_messages);

    // Exact bytes for one tricky row: quoting and UTF-8 as they go on disk.
    QVERIFY(csv.contains(QByteArrayLiteral(",\"he said \"\"help\"\" twice: \"\"\"\"\",")));
    QVERIFY(csv.contains(QStringLiteral("火事です 🚑").toUtf8()));
    QVERIFY(!csv.startsWith("\xEF\xBB\xBF")); // no byte order mark
    QVERIFY(csv.endsWith("\r\n"));

    const auto parsed = parseCsv(csv);
    QVERIFY2(parsed.has_value(), "not RFC 4180");
    QCOMPARE(parsed->size(), 1 + m_messages.size());
    QCOMPARE(parsed->at(0), transcriptCsvColumns());
    const QStringList columns = transcriptCsvColumns();
    const auto col = [&](const char *name) { return columns.indexOf(QLatin1String(name)); };
    for (qsizetype r = 0; r < m_messages.size(); ++r) {
        const QStringList &row = parsed->at(r + 1);
        const MessageRecord &m = m_messages[r];
        QCOMPARE(row.size(), columns.size());
        const bool in = m.direction == Direction::Incoming;
        QCOMPARE(row[col("sequence")], QString::number(m.sequence));
        QCOMPARE(row[col("queued_at")], formatTimestamp(m.queuedAt));
        QCOMPARE(row[col("direction")],
                 in ? QStringLiteral("incoming") : QStringLiteral("outgoing"));
        QCOMPARE(row[col("from")], in ? m_call.remoteUri : m_call.localUri);
        QCOMPARE(row[col("to")], in ? m_call.localUri : m_call.remoteUri);
        QCOMPARE(row[col("content_type")], m.contentType);
        QCOMPARE(row[col("text")], m.fileUri.isEmpty() ? m.text : QString());
        QCOMPARE(row[col("file_uri")], m.fileUri);
        QCOMPARE(row[col("state")], messageStateName(m.state));
        QCOMPARE(row[col("sent_at")], formatTimestamp(m.sentAt));
        QCOMPARE(row[col("acknowledged_at")], formatTimestamp(m.acknowledgedAt));
        QCOMPARE(row[col("delivered_at")], formatTimestamp(m.deliveredAt));
        QCOMPARE(row[col("msrp_message_id")], QString::fromUtf8(m.msrpMessageId));
        QCOMPARE(row[col("byte_size")], QString::number(m.byteSize));
        QCOMPARE(row[col("failure_status")],
                 m.failureStatus ? QString::number(m.failureStatus) : QString());
        QCOMPARE(row[col("failure_reason")], m.failureReason);
        QCOMPARE(row[col("message_id")], QString::fromUtf8(m.id));
        QCOMPARE(row[col("session_id")], QString::fromUtf8(m.sessionId));
    }
    // Spot checks against literal values, not only against the inputs.
    QCOMPARE(parsed->at(2)[col("text")], QStringLiteral("Smith, John, at the corner"));
    QCOMPARE(parsed->at(5)[col("text")], QStringLiteral("windows\r\nline end, and a \"quote\""));
    QCOMPARE(parsed->at(2)[col("delivered_at")], QStringLiteral("2026-03-01T12:00:11.900Z"));
    QCOMPARE(parsed->at(7)[col("failure_status")], QStringLiteral("481"));
}

void TestTranscriptExport::jsonDocumentFieldByField()
{
    const QByteArray json = transcriptToJson(m_call, m_messages);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject call = doc.object().value(QStringLiteral("call")).toObject();
    QCOMPARE(call.value(QStringLiteral("id")).toString(), QStringLiteral("call-7"));
    QCOMPARE(call.value(QStringLiteral("sipCallId")).toString(),
             QStringLiteral("call-7@esrp.example.net"));
    QCOMPARE(call.value(QStringLiteral("incidentId")).toString(),
             QString::fromUtf8(m_call.incidentId));
    QCOMPARE(call.value(QStringLiteral("direction")).toString(), QStringLiteral("incoming"));
    QCOMPARE(call.value(QStringLiteral("localUri")).toString(), m_call.localUri);
    QCOMPARE(call.value(QStringLiteral("remoteUri")).toString(), m_call.remoteUri);
    QCOMPARE(call.value(QStringLiteral("startedAt")).toString(),
             QStringLiteral("2026-03-01T12:00:00.000Z"));
    QVERIFY(call.value(QStringLiteral("endedAt")).isNull());
    QCOMPARE(call.value(QStringLiteral("state")).toString(), QStringLiteral("connected"));

    const QJsonArray messages = doc.object().value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.size(), m_messages.size());
    for (qsizetype i = 0; i < m_messages.size(); ++i) {
        const QJsonObject o = messages[i].toObject();
        const MessageRecord &m = m_messages[i];
        QCOMPARE(o.value(QStringLiteral("sequence")).toInteger(), m.sequence);
        QCOMPARE(o.value(QStringLiteral("id")).toString(), QString::fromUtf8(m.id));
        QCOMPARE(o.value(QStringLiteral("sessionId")).toString(), QStringLiteral("s1"));
        QCOMPARE(o.value(QStringLiteral("direction")).toString(), directionName(m.direction));
        QCOMPARE(o.value(QStringLiteral("contentType")).toString(), m.contentType);
        if (m.fileUri.isEmpty()) {
            QCOMPARE(o.value(QStringLiteral("text")).toString(), m.text);
            QVERIFY(o.value(QStringLiteral("fileUri")).isNull());
        } else {
            QVERIFY(o.value(QStringLiteral("text")).isNull());
            QCOMPARE(o.value(QStringLiteral("fileUri")).toString(), m.fileUri);
        }
        QCOMPARE(o.value(QStringLiteral("msrpMessageId")).toString(),
                 QString::fromUtf8(m.msrpMessageId));
        QCOMPARE(o.value(QStringLiteral("byteSize")).toInteger(), m.byteSize);
        QCOMPARE(o.value(QStringLiteral("queuedAt")).toString(), formatTimestamp(m.queuedAt));
        QCOMPARE(o.value(QStringLiteral("state")).toString(), messageStateName(m.state));
        if (m.deliveredAt.isValid())
            QCOMPARE(o.value(QStringLiteral("deliveredAt")).toString(),
                     formatTimestamp(m.deliveredAt));
        else
            QVERIFY(o.value(QStringLiteral("deliveredAt")).isNull());
    }
    QCOMPARE(messages[5].toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("Ayuda — ¿dónde estás? Ça va. 火事です 🚑"));
    QCOMPARE(messages[3].toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("line one\nline two"));
    QCOMPARE(messages[0].toObject().value(QStringLiteral("from")).toString(), m_call.remoteUri);
    QCOMPARE(messages[1].toObject().value(QStringLiteral("from")).toString(), m_call.localUri);
    QCOMPARE(messages[6].toObject().value(QStringLiteral("failureStatus")).toInt(), 481);
    QCOMPARE(messages[6].toObject().value(QStringLiteral("failureReason")).toString(),
             QStringLiteral("Session does not exist, \"gone\""));
    QVERIFY(messages[0].toObject().value(QStringLiteral("failureStatus")).isNull());
}

void TestTranscriptExport::exportFromStore()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ManualClock clock;
    SqliteStoreOptions options;
    options.path = dir.filePath(QStringLiteral("herald.db"));
    SqliteStore store(options, clock);
    QVERIFY(store.open().has_value());
    store.append(m_call);
    store.append(makeSession("s1", "call-7"));
    for (const MessageRecord &m : m_messages)
        store.append(m);
    QVERIFY(store.flush().has_value());

    const auto csv = exportTranscript(store, "call-7", TranscriptFormat::Csv);
    QVERIFY(csv.has_value());
    const auto parsed = parseCsv(*csv);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->size(), 1 + m_messages.size());
    const qsizetype text = transcriptCsvColumns().indexOf(QStringLiteral("text"));
    for (qsizetype i = 0; i < m_messages.size(); ++i)
        QCOMPARE(parsed->at(i + 1).at(text),
                 m_messages[i].fileUri.isEmpty() ? m_messages[i].text : QString());

    const auto json = exportTranscript(store, "call-7", TranscriptFormat::Json);
    QVERIFY(json.has_value());
    const QJsonArray messages =
        QJsonDocument::fromJson(*json).object().value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.size(), m_messages.size());
    QCOMPARE(messages[2].toObject().value(QStringLiteral("text")).toString(), tricky(2));

    const auto missing = exportTranscript(store, "no-such-call", TranscriptFormat::Json);
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);

    // The i3 log of the same call, as JSON lines.
    const auto lines = exportLogEvents(store, "call-7");
    QVERIFY(lines.has_value());
    const QList<QByteArray> split = lines->split('\n');
    QCOMPARE(split.size(), 1 + m_messages.size() + 1); // MediaStart + texts + trailing ""
    QCOMPARE(
        QJsonDocument::fromJson(split[0]).object().value(QStringLiteral("logEventType")).toString(),
        QStringLiteral("MediaStartLogEvent"));
    const QJsonObject sixth = QJsonDocument::fromJson(split[6]).object();
    QCOMPARE(sixth.value(QStringLiteral("logEventType")).toString(),
             QStringLiteral("MessageLogEvent"));
    QCOMPARE(sixth.value(QStringLiteral("text")).toString(), tricky(5));
    QCOMPARE(sixth.value(QStringLiteral("direction")).toString(), QStringLiteral("outgoing"));
    QCOMPARE(sixth.value(QStringLiteral("callIdSip")).toString(),
             QStringLiteral("call-7@esrp.example.net"));
    QCOMPARE(sixth.value(QStringLiteral("extension"))
                 .toObject()
                 .value(QStringLiteral("msrpMessageId"))
                 .toString(),
             QStringLiteral("mid-m5"));
}

QTEST_GUILESS_MAIN(TestTranscriptExport)
#include "tst_transcriptexport.moc"
