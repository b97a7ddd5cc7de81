// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Message/CPIM (RFC 3862) wrap and unwrap, with RFC 7701 nicknames in From and the IMDN
// headers of RFC 5438 §6. Inputs: RFC 3862 §2's and RFC 5438 §8.1's messages as printed
// (tests/data/im), and every CPIM body printed in RFC 4975/5547/7701 (shared corpora).
#include "engine/im/cpimmessage.h"
#include "engine/im/imdn.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QTest>

using namespace herald;
using namespace herald::im;

Q_DECLARE_METATYPE(herald::ErrorCode)

namespace {

QByteArray dataFile(const char *name)
{
    return herald::test::readFile(herald::test::sourceDir() + QStringLiteral("/tests/data/im/") +
                                  QLatin1String(name));
}

const QByteArray minimal = "From: <sip:a@example.com>\r\nTo: <sip:b@example.com>\r\n\r\n"
                           "Content-Type: text/plain\r\n\r\nhi";

} // namespace

class TestCpimMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc3862Example()
    {
        const QByteArray bytes = dataFile("cpim-rfc3862.txt");
        // As printed it Require's a header Herald does not understand: RFC 3862 §5.10 says
        // the message must then not be processed.
        const auto required = parseCpim(bytes);
        QVERIFY(!required);
        QCOMPARE(required.problem().code, ErrorCode::Unsupported);
        QCOMPARE(required.raw(), bytes);

        const QByteArray relaxed =
            QByteArray(bytes).replace("Require: MyFeatures.VitalMessageOption\r\n", "");
        const auto m = parseCpim(relaxed);
        QVERIFY2(m, qPrintable(m.problem().detail));
        QCOMPARE(m->from.displayName, QStringLiteral("MR SANDERS"));
        QCOMPARE(m->from.uri, QByteArray("im:piglet@100akerwood.com"));
        QCOMPARE(m->to.size(), 1);
        QCOMPARE(m->to[0].displayName, QStringLiteral("Depressed Donkey"));
        QCOMPARE(m->dateTime.toUTC(), QDateTime(QDate(2000, 12, 13), QTime(21, 40), Qt::UTC));
        QCOMPARE(m->subjects.size(), 2);
        QCOMPARE(m->subjects[1].first, QByteArray("fr"));
        QCOMPARE(m->subjects[1].second, QStringLiteral("beau temps prevu pour aujourd'hui"));
        QCOMPARE(m->extension("mid:MessageFeatures@id.foo.com", "WackyMessageOption"),
                 QByteArray("Use-silly-font"));
        QCOMPARE(m->contentType, QByteArray("text/xml; charset=utf-8"));
        QCOMPARE(m->contentHeader("content-id"), QByteArray("<1234567890@foo.com>"));
        QCOMPARE(m->body, QByteArray("<body>\r\nHere is the text of my message.\r\n</body>\r\n"));
    }

    void imdnRequest()
    {
        const auto m = parseCpim(dataFile("cpim-rfc5438-request.txt"));
        QVERIFY2(m, qPrintable(m.problem().detail));
        QCOMPARE(imdnMessageId(*m), QByteArray("34jk324j"));
        const DispositionRequest r = dispositionRequest(*m);
        QVERIFY(r.positiveDelivery && r.display);
        QVERIFY(!r.negativeDelivery && !r.processing);
        QCOMPARE(m->body, QByteArray("Hello World\r\n"));
    }

    void corpusBodies()
    {
        const QString dir = herald::test::corporaDir() + QStringLiteral("/rfc-examples/msrp");
        if (herald::test::corporaDir().isEmpty() || !QDir(dir).exists())
            QSKIP(qPrintable(QStringLiteral("corpus %1 is absent").arg(dir)));
        int readable = 0, seen = 0;
        const QStringList files = QDir(dir).entryList({QStringLiteral("*.msrp")}, QDir::Files);
        for (const QString &name : files) {
            const QByteArray msrp = herald::test::readFile(dir + u'/' + name);
            const qsizetype headerEnd = msrp.indexOf("\r\n\r\n");
            if (headerEnd < 0 ||
                !msrp.left(headerEnd).toLower().contains("content-type: message/cpim"))
                continue;
            ++seen;
            // The body runs to the CRLF before the end-line (RFC 4975 §7.1).
            const qsizetype end = msrp.lastIndexOf("\r\n-------");
            const QByteArray body = msrp.mid(headerEnd + 4, end - headerEnd - 4);
            const auto m = parseCpim(body);
            QCOMPARE(m.raw(), body);
            if (!m) {
                QVERIFY(!m.problem().detail.isEmpty());
                continue;
            }
            ++readable;
            QVERIFY(!m->from.uri.isEmpty());
            QVERIFY(!m->contentType.isEmpty());
        }
        QVERIFY(seen >= 10);
        // The continuation chunks (RFC 4975 §11.4 "1234567890", RFC 5547's elided file data)
        // are not CPIM on their own; every complete message is read.
        qInfo("%d of %d printed CPIM bodies read", readable, seen);
        QVERIFY2(readable >= 6, qPrintable(QString::number(readable)));
    }

    void nicknameRoundTrip_data()
    {
        QTest::addColumn<QString>("nickname");
        QTest::newRow("plain") << QStringLiteral("Alice");
        QTest::newRow("spaces") << QStringLiteral("Call taker 12");
        QTest::newRow("needs quoting") << QStringLiteral("Dispatch \"North\", desk <3>");
        QTest::newRow("utf-8") << QStringLiteral("Zoë Ångström");
        QTest::newRow("none") << QString();
    }

    void nicknameRoundTrip()
    {
        QFETCH(QString, nickname);
        CpimMessage m;
        m.from = {nickname, "sip:ct12@psap.example.gov"};
        m.to = {{QStringLiteral("Caller"), "tel:+15555550123"}};
        m.dateTime = QDateTime(QDate(2026, 11, 26), QTime(1, 2, 3, 456), Qt::UTC);
        m.subjects = {{"en", QStringLiteral("911 text")}};
        requestDisposition(m, "msg-0001", {true, true, true, false});
        m.contentType = "text/plain;charset=UTF-8";
        m.body = "Where are you?\r\n\r\nStay on the line.";
        const auto bytes = serializeCpim(m);
        QVERIFY(bytes);
        const auto back = parseCpim(*bytes);
        QVERIFY2(back, qPrintable(back.problem().detail));
        QCOMPARE(back->from.displayName, nickname);
        QCOMPARE(*back, m);
        QCOMPARE(serializeCpim(*back).value(), *bytes);
    }

    void serializeRefuses()
    {
        CpimMessage m;
        m.from = {QStringLiteral("A"), "sip:a@example.com"};
        m.to = {{QString(), "sip:b@example.com"}};
        m.contentType = "text/plain";
        QVERIFY(serializeCpim(m));
        CpimMessage bad = m;
        bad.from.displayName = QStringLiteral("A\r\nTo: <sip:evil@example.com>");
        QVERIFY(!serializeCpim(bad));
        bad = m;
        bad.to[0].uri = "sip:b@example.com> x";
        QVERIFY(!serializeCpim(bad));
        bad = m;
        bad.contentType = "text/plain\r\nX: y";
        QVERIFY(!serializeCpim(bad));
        bad = m;
        bad.to.clear();
        QVERIFY(!serializeCpim(bad));
    }

    void unreadable_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("empty") << QByteArray() << ErrorCode::Malformed;
        QTest::newRow("plain text") << QByteArray("hello") << ErrorCode::Malformed;
        QTest::newRow("no From") << QByteArray(minimal).replace("From: <sip:a@example.com>\r\n", "")
                                 << ErrorCode::Malformed;
        QTest::newRow("no To") << QByteArray(minimal).replace("To: <sip:b@example.com>\r\n", "")
                               << ErrorCode::Malformed;
        QTest::newRow("two From") << QByteArray("From: <sip:c@example.com>\r\n" + minimal)
                                  << ErrorCode::Malformed;
        QTest::newRow("From without brackets")
            << QByteArray(minimal).replace("<sip:a@example.com>", "sip:a@example.com")
            << ErrorCode::Malformed;
        QTest::newRow("unterminated quote")
            << QByteArray(minimal).replace("From: ", "From: \"Al ") << ErrorCode::Malformed;
        QTest::newRow("bad DateTime")
            << QByteArray("DateTime: yesterday\r\n" + minimal) << ErrorCode::Malformed;
        QTest::newRow("undeclared prefix")
            << QByteArray("imdn.Message-ID: x\r\n" + minimal) << ErrorCode::Malformed;
        QTest::newRow("unknown header")
            << QByteArray("Priority: high\r\n" + minimal) << ErrorCode::Malformed;
        QTest::newRow("bare LF") << QByteArray(minimal).replace("\r\nTo:", "\nTo:")
                                 << ErrorCode::Malformed;
        QTest::newRow("no Content-Type")
            << QByteArray(minimal).replace("Content-Type: text/plain", "Content-ID: <x@y>")
            << ErrorCode::Malformed;
        QTest::newRow("headers only")
            << QByteArray("From: <sip:a@example.com>\r\nTo: <sip:b@example.com>\r\n\r\n")
            << ErrorCode::Malformed;
        QByteArray many;
        for (int i = 0; i < 60; ++i)
            many += "Subject: s" + QByteArray::number(i) + "\r\n";
        QTest::newRow("too many headers") << QByteArray(many + minimal) << ErrorCode::LimitExceeded;
        QTest::newRow("headers too long")
            << QByteArray("Subject: " + QByteArray(20000, 's') + "\r\n" + minimal)
            << ErrorCode::LimitExceeded;
        QTest::newRow("content too large")
            << QByteArray(minimal + QByteArray(1024 * 1024 + 1, 'x')) << ErrorCode::LimitExceeded;
    }

    void unreadable()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(ErrorCode, code);
        const auto m = parseCpim(bytes);
        QVERIFY(!m);
        QCOMPARE(m.raw(), bytes);
        QVERIFY(!m.problem().detail.isEmpty());
        QCOMPARE(errorCodeName(m.problem().code), errorCodeName(code));
    }
};

QTEST_GUILESS_MAIN(TestCpimMessage)
#include "tst_cpimmessage.moc"
