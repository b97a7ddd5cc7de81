// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// SofiaLogAssembler: sofia's su_log output (plain lines and tport's message dumps, written in
// fragments) becomes whole log entries. The dump format is tport_log_msg()'s.
#include "engine/sip/sofialogassembler.h"

#include <QTest>

using namespace herald::sip;
using Kind = SofiaLogAssembler::Kind;

namespace {

const QByteArray separator = QByteArray("   ") + QByteArray(72, '-') + '\n';

// The fragments tport_log_msg() hands to su_log() for one message.
QList<QByteArray> dumpFragments(const QByteArray &stamp, const QList<QByteArray> &lines)
{
    QList<QByteArray> out{stamp + '\n' + separator};
    for (const QByteArray &line : lines) {
        out.append("   " + line);
        out.append("\n");
    }
    out.append(separator);
    return out;
}

QList<SofiaLogAssembler::Entry> feedAll(SofiaLogAssembler &a, const QList<QByteArray> &pieces)
{
    QList<SofiaLogAssembler::Entry> out;
    for (const QByteArray &p : pieces)
        out += a.feed(p);
    return out;
}

} // namespace

class TestSofiaLogAssembler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wireMessage_data();
    void wireMessage();
    void plainLines();
    void fragmentsByteByByte();
    void stampWithoutSeparatorIsText();
    void longLineIsCut();
    void flushReturnsPending();
    void parseStamp_data();
    void parseStamp();
};

void TestSofiaLogAssembler::wireMessage_data()
{
    QTest::addColumn<QByteArray>("stamp");
    QTest::addColumn<QByteArray>("direction");
    QTest::addColumn<QByteArray>("transport");
    QTest::addColumn<QByteArray>("peer");
    QTest::addColumn<qint64>("size");
    // Debian's 1.12.11 puts the time last.
    QTest::newRow("debian recv udp")
        << QByteArray("recv 446 bytes from udp/[127.0.0.1]:59372 at 23:38:22.578320:")
        << QByteArray("recv") << QByteArray("udp") << QByteArray("127.0.0.1:59372") << qint64(446);
    QTest::newRow("debian send tcp")
        << QByteArray("send 7 bytes to tcp/[127.0.0.1]:5060 at 00:00:00.000001:")
        << QByteArray("send") << QByteArray("tcp") << QByteArray("127.0.0.1:5060") << qint64(7);
    QTest::newRow("recv udp") << QByteArray("2026-11-25 10:00:00.123456 recv 438 bytes from "
                                            "udp/[127.0.0.1]:5062")
                              << QByteArray("recv") << QByteArray("udp")
                              << QByteArray("127.0.0.1:5062") << qint64(438);
    QTest::newRow("send tcp") << QByteArray("2026-11-25 10:00:00.000001 send 1200 bytes to "
                                            "tcp/[127.0.0.1]:40000")
                              << QByteArray("send") << QByteArray("tcp")
                              << QByteArray("127.0.0.1:40000") << qint64(1200);
    QTest::newRow("ipv6 sigcomp") << QByteArray("2026-11-25 10:00:00.000001 send 9 bytes to "
                                                "udp/[::1]:5060;comp=sigcomp")
                                  << QByteArray("send") << QByteArray("udp")
                                  << QByteArray("[::1]:5060") << qint64(9);
}

void TestSofiaLogAssembler::wireMessage()
{
    QFETCH(QByteArray, stamp);
    QFETCH(QByteArray, direction);
    QFETCH(QByteArray, transport);
    QFETCH(QByteArray, peer);
    QFETCH(qint64, size);
    SofiaLogAssembler a;
    const QList<QByteArray> lines{"OPTIONS sip:a@b SIP/2.0", "Via: SIP/2.0/UDP h", "", "body line"};
    QList<QByteArray> pieces{"before\n"};
    pieces += dumpFragments(stamp, lines);
    pieces += "after\n";
    const QList<SofiaLogAssembler::Entry> entries = feedAll(a, pieces);
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0).kind, Kind::Text);
    QCOMPARE(entries.at(0).text, QByteArray("before"));
    QCOMPARE(entries.at(1).kind, Kind::WireMessage);
    QCOMPARE(entries.at(1).direction, direction);
    QCOMPARE(entries.at(1).transport, transport);
    QCOMPARE(entries.at(1).peer, peer);
    QCOMPARE(entries.at(1).size, size);
    QCOMPARE(entries.at(1).text,
             QByteArray("OPTIONS sip:a@b SIP/2.0\nVia: SIP/2.0/UDP h\n\nbody line"));
    QCOMPARE(entries.at(2).text, QByteArray("after"));
}

void TestSofiaLogAssembler::plainLines()
{
    SofiaLogAssembler a;
    auto entries = a.feed("nua: first line\nsecond ");
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).text, QByteArray("nua: first line"));
    entries = a.feed("half\r\n\n");
    QCOMPARE(entries.size(), 1); // the empty line is dropped
    QCOMPARE(entries.at(0).text, QByteArray("second half"));
    QCOMPARE(entries.at(0).kind, Kind::Text);
}

void TestSofiaLogAssembler::fragmentsByteByByte()
{
    SofiaLogAssembler a;
    QByteArray all;
    for (const QByteArray &p : dumpFragments(
             "2026-01-02 03:04:05.000006 recv 5 bytes from tcp/[10.0.0.1]:5060", {"A", "B"}))
        all += p;
    QList<SofiaLogAssembler::Entry> entries;
    for (char c : all)
        entries += a.feed(QByteArrayView(&c, 1));
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).kind, Kind::WireMessage);
    QCOMPARE(entries.at(0).text, QByteArray("A\nB"));
}

void TestSofiaLogAssembler::stampWithoutSeparatorIsText()
{
    SofiaLogAssembler a;
    const QByteArray stamp("2026-01-02 03:04:05.000006 recv 5 bytes from tcp/[10.0.0.1]:5060");
    const auto entries = a.feed(QByteArray(stamp + "\nnot a separator\n"));
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).kind, Kind::Text);
    QCOMPARE(entries.at(0).text, stamp);
    QCOMPARE(entries.at(1).text, QByteArray("not a separator"));
}

void TestSofiaLogAssembler::longLineIsCut()
{
    SofiaLogAssembler a;
    const QByteArray huge(SofiaLogAssembler::maxLineLength * 3, 'x');
    auto entries = a.feed(huge);
    QVERIFY(entries.isEmpty());
    entries = a.feed(QByteArray(huge + "\n"));
    QCOMPARE(entries.size(), 1);
    QVERIFY(entries.at(0).text.size() <= SofiaLogAssembler::maxLineLength + 16);
    QVERIFY(entries.at(0).text.endsWith("[...]"));
}

void TestSofiaLogAssembler::flushReturnsPending()
{
    SofiaLogAssembler a;
    QList<QByteArray> pieces =
        dumpFragments("2026-01-02 03:04:05.000006 send 5 bytes to udp/[1.2.3.4]:9", {"X"});
    pieces.removeLast(); // no closing separator
    QVERIFY(feedAll(a, pieces).isEmpty());
    const auto flushed = a.flush();
    QCOMPARE(flushed.size(), 1);
    QCOMPARE(flushed.at(0).kind, Kind::Text);
    QVERIFY(flushed.at(0).text.endsWith("X\n"));
    QVERIFY(a.flush().isEmpty());
}

void TestSofiaLogAssembler::parseStamp_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("ok");
    QTest::newRow("good") << QByteArray("2026-11-25 10:00:00.123456 recv 1 bytes from udp/[h]:1")
                          << true;
    QTest::newRow("good debian") << QByteArray("send 1 bytes to tcp/[h]:1 at 10:00:00.123456:")
                                 << true;
    QTest::newRow("debian without time") << QByteArray("send 1 bytes to tcp/[h]:1") << false;
    QTest::newRow("prose") << QByteArray("nta: recv 1 bytes from udp/[h]:1 at x") << false;
    QTest::newRow("bad verb") << QByteArray("2026-11-25 10:00:00.1 sent 1 bytes to udp/[h]:1")
                              << false;
    QTest::newRow("bad count") << QByteArray("2026-11-25 10:00:00.1 recv x bytes from udp/[h]:1")
                               << false;
    QTest::newRow("no port") << QByteArray("2026-11-25 10:00:00.1 recv 1 bytes from udp/[h]:")
                             << false;
    QTest::newRow("no date") << QByteArray("recv 1 bytes from udp/[h]:1 a b") << false;
    QTest::newRow("short") << QByteArray("2026-11-25") << false;
}

void TestSofiaLogAssembler::parseStamp()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, ok);
    SofiaLogAssembler::Entry e;
    QCOMPARE(SofiaLogAssembler::parseStamp(line, e), ok);
}

QTEST_APPLESS_MAIN(TestSofiaLogAssembler)
#include "tst_sofialogassembler.moc"
