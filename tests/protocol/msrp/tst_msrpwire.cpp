// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Herald's MSRP traffic is well-formed MSRP as an independent dissector sees it: two endpoints
// on 127.0.0.1 exchange texts, a success REPORT, a fixed-chunk transfer and an interruptible
// one while tshark captures the loopback; tshark's MSRP dissector must find the requests,
// responses, REPORT, Byte-Ranges and continuation flags, and Herald's own parser must account
// for every byte of every TCP stream in the capture.
//
// tshark quirks (PLATFORM.md §7): two MSRP messages in one TCP segment are not split (the
// second is swallowed), so tshark assertions are "present at least once", never counts; the
// exact accounting is done by re-parsing the reassembled streams with msrp::Parser.
#include "engine/msrp/codec/msrpframecollector.h"
#include "engine/msrp/codec/msrpserializer.h"
#include "engine/msrp/session/msrpendpoint.h"
#include "engine/msrp/transport/msrpconnection.h"
#include "tests/protocol/msrp/msrptestpeer.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <map>
#include <memory>
#include <sys/types.h>
#include <unistd.h>

using namespace herald;
using namespace herald::msrp;

namespace {

constexpr quint64 kFixedSize = 3 * 1024 * 1024;         // sent in 2048-octet chunks
constexpr qsizetype kChunk = 2048;                      // SessionOptions::chunkSize
constexpr quint64 kInterruptibleSize = 3 * 1024 * 1024; // > one 1 MB block: an open chunk
constexpr int kDecodeTimeoutMs = 60000;

// The last state each outgoing message reached, by Message-ID.
struct DeliveryLog : QObject
{
    QHash<QByteArray, MessageInfo> last;
    void watch(Session *s)
    {
        connect(s, &Session::outgoingChanged, this,
                [this](const MessageInfo &i) { last.insert(i.messageId, i); });
    }
    DeliveryState state(const QByteArray &id) const { return last.value(id).state; }
};

// Printable, line-free filler that cannot contain an end-line ("-------" never occurs).
QByteArray filler(quint64 size, char seed)
{
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    for (qsizetype i = 0; i < out.size(); ++i)
        out[i] = char('a' + (i * 7 + seed) % 26);
    return out;
}

// One MSRP message as tshark's dissector reports it (fields of the first PDU of a packet).
struct DissectedPdu
{
    QByteArray requestLine;
    QByteArray responseLine;
    QByteArray transactionId;
    QByteArray method;
    QByteArray statusCode;
    QByteArray byteRange;
    QByteArray messageId;
    QByteArray flag;
    QByteArray contentType;
    QByteArray status;
};

// The first value of a field tshark aggregated with ',' (the transaction id, for one, is in
// both the start line and the end-line).
QByteArray firstValue(const QByteArray &field)
{
    const qsizetype comma = field.indexOf(',');
    return comma < 0 ? field : field.left(comma);
}

int countValues(const QByteArray &field)
{
    return field.isEmpty() ? 0 : int(field.count(',')) + 1;
}

// One direction of one TCP stream, rebuilt from the captured segments in sequence order.
struct StreamDirection
{
    QByteArray bytes;
    quint32 nextSeq = 0;
    bool started = false;
    QString gap; // non-empty: the capture lost a segment
};

struct RunResult
{
    QByteArray stdoutText;
    QString error;
};

RunResult runTool(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return {{},
                QStringLiteral("cannot start ") + program + QStringLiteral(": ") + p.errorString()};
    if (!p.waitForFinished(kDecodeTimeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return {{}, program + QStringLiteral(" did not finish within 60 s")};
    }
    const QByteArray out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return {out, program + QStringLiteral(" failed (exit ") + QString::number(p.exitCode()) +
                         QStringLiteral("): ") +
                         QString::fromUtf8(p.readAllStandardError().right(2000))};
    return {out, {}};
}

} // namespace

class TestMsrpWire : public QObject
{
    Q_OBJECT

private:
    QString m_tshark;
    QTemporaryDir m_dir;
    QString m_pcap;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_capture;
    QByteArray m_captureLog;
    SystemClock m_clock;
    SystemRandomSource m_random;
    std::unique_ptr<Endpoint> m_ea;
    std::unique_ptr<Endpoint> m_eb;

    // What was sent.
    QByteArray m_textWithReport; // A -> B, Success-Report: yes
    QByteArray m_textReportOnly; // A -> B, Success-Report: yes, Failure-Report: no
    QByteArray m_textBack;       // B -> A
    QByteArray m_fixedId;        // A -> B, 2048-octet chunks
    QByteArray m_fixedBody;
    QByteArray m_interruptibleId; // A -> B, open chunks with "*" ends
    QByteArray m_interruptibleBody;
    QByteArray m_textDuring; // A -> B on the interruptible message's session
    quint64 m_bytesAtoB = 0; // Connection::bytesOut() of each side
    quint64 m_bytesBtoA = 0;
    QByteArray m_sentinelTid; // the last request on the wire, to an unknown session: 481
    quint16 m_sentinelPort = 0;
    quint64 m_capturedAtoB = 0; // payload octets in the capture, sentinel left out
    quint64 m_capturedBtoA = 0;

    // What tshark saw, and what Herald's parser found in the reassembled streams.
    QList<DissectedPdu> m_dissected;
    int m_dissectedCount = 0; // request + response lines, all PDUs of all packets
    QList<Frame> m_parsed;    // every frame of every stream direction
    QList<QPair<QString, QList<Frame>>> m_directions;

    void startCapture()
    {
        m_capture = std::make_unique<QProcess>();
        connect(m_capture.get(), &QProcess::readyReadStandardError, this,
                [this] { m_captureLog += m_capture->readAllStandardError(); });
        // -B: a 64 MiB kernel buffer, so that a 4 MB burst on lo is not dropped.
        m_capture->start(
            m_tshark, {QStringLiteral("-i"), QStringLiteral("lo"), QStringLiteral("-f"),
                       QStringLiteral("tcp port ") + QString::number(m_port), QStringLiteral("-B"),
                       QStringLiteral("64"), QStringLiteral("-w"), m_pcap});
    }

    bool captureRunning() const { return m_capture && m_capture->state() != QProcess::NotRunning; }

    void stopCapture()
    {
        if (!captureRunning())
            return;
        // SIGINT (not terminate()'s SIGTERM) makes tshark stop dumpcap and finish the file.
        ::kill(static_cast<pid_t>(m_capture->processId()), SIGINT);
        if (!m_capture->waitForFinished(20000)) {
            m_capture->kill();
            m_capture->waitForFinished(5000);
        }
        m_captureLog += m_capture->readAllStandardError();
    }

    // Runs all the traffic between the two endpoints while tshark captures B's port.
    void captureTraffic()
    {
        Endpoint &ea = *m_ea;
        Endpoint &eb = *m_eb;

        // 1. Texts both ways, one with a success report (RFC 4975 §7.1.2).
        test::SessionPair texts = test::connectPair(ea, eb);
        QVERIFY(test::waitActive({texts.a, texts.b}));
        DeliveryLog sentByA;
        sentByA.watch(texts.a);
        QSignalSpy atB(texts.b, &Session::messageReceived);
        QSignalSpy atA(texts.a, &Session::messageReceived);
        SendOptions report;
        report.successReport = true;
        m_textWithReport = texts.a->sendText("text/plain", "Hello B, report this", report);
        QTRY_COMPARE_WITH_TIMEOUT(sentByA.state(m_textWithReport), DeliveryState::Delivered, 5000);
        QCOMPARE(atB.size(), 1);
        // With Failure-Report: no there is no 200 (RFC 4975 §7.1.1), so the REPORT leaves in a
        // TCP segment of its own, where tshark can see it (a REPORT right behind its 200 is
        // swallowed by tshark, PLATFORM.md §7).
        SendOptions reportOnly;
        reportOnly.successReport = true;
        reportOnly.failureReport = ReportMode::No;
        m_textReportOnly = texts.a->sendText("text/plain", "No 200 please", reportOnly);
        QTRY_COMPARE_WITH_TIMEOUT(sentByA.state(m_textReportOnly), DeliveryState::Delivered, 5000);
        QCOMPARE(atB.size(), 2);
        m_textBack = texts.b->sendText("text/plain", "Hello A, got it");
        QTRY_COMPARE_WITH_TIMEOUT(atA.size(), 1, 5000);

        // 2. A 3 MB message in fixed 2048-octet chunks: "+" on all but the last, then "$".
        SessionOptions fixed;
        fixed.chunkSize = kChunk;
        SessionOptions roomy; // keep the 3 MB in memory (the default cap is 1 MB)
        roomy.maxInMemory = 2 * qsizetype(kFixedSize);
        test::SessionPair chunked = test::connectPair(ea, eb, fixed, roomy);
        QVERIFY(test::waitActive({chunked.a, chunked.b}));
        DeliveryLog chunkedLog;
        chunkedLog.watch(chunked.a);
        QSignalSpy chunkedAtB(chunked.b, &Session::messageReceived);
        m_fixedBody = filler(kFixedSize, 3);
        m_fixedId = chunked.a->sendText("text/plain", m_fixedBody);
        QTRY_COMPARE_WITH_TIMEOUT(chunkedAtB.size(), 1, 20000);
        QCOMPARE(chunkedAtB.front().front().value<ReceivedMessage>().size, kFixedSize);
        QTRY_COMPARE_WITH_TIMEOUT(chunkedLog.state(m_fixedId), DeliveryState::Acknowledged, 10000);

        // 3. An interruptible message: its first chunk opens with "1-*/N" and is ended with "+"
        // when a text of the same session queues behind it (RFC 4975 §7.1), then it resumes.
        test::SessionPair open = test::connectPair(ea, eb, {}, roomy);
        QVERIFY(test::waitActive({open.a, open.b}));
        DeliveryLog openLog;
        openLog.watch(open.a);
        QSignalSpy openAtB(open.b, &Session::messageReceived);
        m_interruptibleBody = filler(kInterruptibleSize, 11);
        m_interruptibleId = open.a->sendText("text/plain", m_interruptibleBody);
        m_textDuring = open.a->sendText("text/plain", "a text cuts in");
        QTRY_COMPARE_WITH_TIMEOUT(openAtB.size(), 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(openLog.state(m_interruptibleId), DeliveryState::Acknowledged,
                                  10000);
        QTRY_COMPARE_WITH_TIMEOUT(openLog.state(m_textDuring), DeliveryState::Acknowledged, 10000);

        // What Herald says it wrote; the capture must hold exactly these octets.
        for (Connection *c : ea.connections())
            m_bytesAtoB += c->bytesOut();
        for (Connection *c : eb.connections())
            m_bytesBtoA += c->bytesOut();

        // Close the sessions so that every connection ends with its FIN.
        for (Session *s : {texts.a, chunked.a, open.a})
            s->close(QStringLiteral("BYE"));
        QTRY_COMPARE_WITH_TIMEOUT(ea.connections().size(), 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(eb.connections().size(), 0, 5000);
    }

    // dumpcap stops at SIGINT without draining the kernel's ring buffer, so the last packets
    // would be lost; it writes packets in order and flushes the file a few times a second.
    // A last request on a connection of its own, to an unknown session, is answered with 481
    // (RFC 4975 §7.3.1): once that answer is in the file, everything before it is too.
    void sendSentinel()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(5000));
        m_sentinelPort = socket.localPort();
        m_sentinelTid = "sentinel" + QByteArray::number(QRandomGenerator::global()->generate());
        Uri to;
        to.host = "127.0.0.1";
        to.port = m_port;
        to.sessionId = "nosuchsession";
        to.transport = "tcp";
        Uri from = to;
        from.port = m_sentinelPort;
        from.sessionId = "sentinel";
        Frame send;
        send.method = "SEND";
        send.transactionId = m_sentinelTid;
        send.toPath = {to};
        send.fromPath = {from};
        send.messageId = m_sentinelTid;
        send.byteRange = ByteRange{1, 14, 14};
        send.setBody("text/plain", "end of capture");
        socket.write(Serializer::serialize(send));
        const QByteArray answer = "MSRP " + m_sentinelTid + " 481";
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains(answer), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(test::readFile(m_pcap).contains(answer), 10000);
        socket.disconnectFromHost();
    }

    // tshark's MSRP dissector on the capture, one line per packet with MSRP in it.
    void dissect()
    {
        const RunResult r =
            runTool(m_tshark, {QStringLiteral("-r"),
                               m_pcap,
                               QStringLiteral("-d"),
                               QStringLiteral("tcp.port==") + QString::number(m_port) +
                                   QStringLiteral(",msrp"),
                               QStringLiteral("-Y"),
                               QStringLiteral("msrp"),
                               QStringLiteral("-T"),
                               QStringLiteral("fields"),
                               QStringLiteral("-E"),
                               QStringLiteral("separator=|"),
                               QStringLiteral("-e"),
                               QStringLiteral("msrp.request.line"),
                               QStringLiteral("-e"),
                               QStringLiteral("msrp.response.line"),
                               QStringLiteral("-e"),
                               QStringLiteral("msrp.transaction.id"),
                               QStringLiteral("-e"),
                               QStringLiteral("msrp.method"),
                               QStringLiteral("-e"),
                               QStringLiteral("msrp.status.code"),
                               QStringLiteral("-e"),
                               QStringLiteral("msrp.byte.range"),
                               QStringLiteral("-e"),
                               QStringLiteral("msrp.messageid"),
                               QStringLiteral("-e"),
                               QStringLiteral("msrp.cnt.flg"),
                               QStringLiteral("-e"),
                               QStringLiteral("msrp.content.type"),
                               QStringLiteral("-e"),
                               QStringLiteral("msrp.status")});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        for (const QByteArray &line : r.stdoutText.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const QList<QByteArray> f = line.split('|');
            QVERIFY2(f.size() == 10, line.constData());
            m_dissectedCount += countValues(f[0]) + countValues(f[1]);
            m_dissected.append({firstValue(f[0]), firstValue(f[1]), firstValue(f[2]),
                                firstValue(f[3]), firstValue(f[4]), firstValue(f[5]),
                                firstValue(f[6]), firstValue(f[7]), firstValue(f[8]),
                                firstValue(f[9])});
        }
        QVERIFY2(!m_dissected.isEmpty(), "tshark dissected no MSRP at all");
    }

    // Every TCP payload in capture order, rebuilt per stream and direction, then parsed.
    void reassembleAndParse()
    {
        const RunResult r = runTool(
            m_tshark, {QStringLiteral("-r"), m_pcap,
                       QStringLiteral("-o"), QStringLiteral("tcp.desegment_tcp_streams:FALSE"),
                       QStringLiteral("-Y"), QStringLiteral("tcp.len > 0"),
                       QStringLiteral("-T"), QStringLiteral("fields"),
                       QStringLiteral("-E"), QStringLiteral("separator=|"),
                       QStringLiteral("-e"), QStringLiteral("tcp.stream"),
                       QStringLiteral("-e"), QStringLiteral("tcp.srcport"),
                       QStringLiteral("-e"), QStringLiteral("tcp.seq_raw"),
                       QStringLiteral("-e"), QStringLiteral("tcp.len"),
                       QStringLiteral("-e"), QStringLiteral("tcp.payload")});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        std::map<std::pair<int, int>, StreamDirection> streams;
        for (const QByteArray &line : r.stdoutText.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const QList<QByteArray> f = line.split('|');
            QVERIFY2(f.size() == 5, line.left(200).constData());
            StreamDirection &d = streams[{f[0].toInt(), f[1].toInt()}];
            const quint32 seq = f[2].toUInt();
            const QByteArray payload = QByteArray::fromHex(f[4]);
            QCOMPARE(payload.size(), f[3].toInt());
            if (!d.started) {
                d.started = true;
                d.nextSeq = seq;
            }
            // Signed distance modulo 2^32: < 0 is a retransmission of what we have.
            const qint32 ahead = static_cast<qint32>(seq - d.nextSeq);
            if (ahead > 0) {
                d.gap = QStringLiteral("%1 octets missing before seq %2").arg(ahead).arg(seq);
                continue;
            }
            const qsizetype skip = -qsizetype(ahead);
            if (skip < payload.size()) {
                d.bytes.append(payload.mid(skip));
                d.nextSeq = seq + quint32(payload.size());
            }
        }
        QVERIFY2(!streams.empty(), "no TCP payload in the capture");
        QSet<int> sentinelStreams;
        for (const auto &[key, d] : streams)
            if (key.second == m_sentinelPort)
                sentinelStreams.insert(key.first);
        for (const auto &[key, d] : streams) {
            if (!sentinelStreams.contains(key.first))
                (key.second == m_port ? m_capturedBtoA : m_capturedAtoB) += quint64(d.bytes.size());
            const QString name = QStringLiteral("stream %1 from port %2 (%3 octets)")
                                     .arg(key.first)
                                     .arg(key.second)
                                     .arg(d.bytes.size());
            QVERIFY2(d.gap.isEmpty(), qPrintable(name + QStringLiteral(": ") + d.gap));
            auto frames = parseFrames(d.bytes);
            QVERIFY2(frames.has_value(), qPrintable(name + QStringLiteral(": ") +
                                                    (frames ? QString() : frames.error().detail)));
            m_directions.append({name, *frames});
            m_parsed += *frames;
        }
    }

    // Frames Herald's parser found with this Message-ID, in wire order.
    QList<Frame> parsedChunks(const QByteArray &method, const QByteArray &messageId) const
    {
        QList<Frame> out;
        for (const Frame &f : m_parsed)
            if (f.isRequest() && f.method == method && f.messageId == messageId)
                out.append(f);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
        if (m_tshark.isEmpty())
            QSKIP("tshark not found in PATH (scripts/install-deps.sh installs it)");
        QVERIFY(m_dir.isValid());
        m_pcap = m_dir.filePath(QStringLiteral("msrp.pcap"));
        m_ea = std::make_unique<Endpoint>(test::loopbackEndpoint(), m_clock, m_random);
        m_eb = std::make_unique<Endpoint>(test::loopbackEndpoint(), m_clock, m_random);
        QVERIFY(m_ea->listen());
        QVERIFY(m_eb->listen());
        m_port = m_eb->serverPort();

        startCapture();
        QVERIFY2(m_capture->waitForStarted(10000),
                 qPrintable(QStringLiteral("cannot start tshark: ") + m_capture->errorString()));
        // tshark says "Capturing on 'Loopback: lo'" before dumpcap opens the device (it says
        // so even when that fails); dumpcap creates the output file only once the device is
        // open with its filter set, so both together mean the capture is live.
        QTRY_VERIFY_WITH_TIMEOUT(
            (m_captureLog.contains("Capturing on") && QFileInfo(m_pcap).size() > 0) ||
                !captureRunning(),
            20000);
        if (!captureRunning()) {
            const QString why = QString::fromUtf8(m_captureLog.right(1000)).trimmed();
            if (::geteuid() != 0)
                QSKIP(qPrintable(QStringLiteral("capturing on lo is not permitted (not root): ") +
                                 why));
            QFAIL(qPrintable(QStringLiteral("tshark did not start capturing on lo: ") + why));
        }

        captureTraffic();
        if (!QTest::currentTestFailed())
            sendSentinel();
        stopCapture();
        m_ea.reset();
        m_eb.reset();
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(m_capture->exitStatus() == QProcess::NormalExit,
                 qPrintable(QString::fromUtf8(m_captureLog.right(1000))));
        QVERIFY2(QFileInfo(m_pcap).size() > 0, "tshark wrote no capture file");
        dissect();
        reassembleAndParse();
        qInfo("tshark dissected %d MSRP messages; Herald's parser found %lld frames in %lld "
              "stream directions",
              m_dissectedCount, qlonglong(m_parsed.size()), qlonglong(m_directions.size()));
    }

    void cleanupTestCase() { stopCapture(); }

    // --- tshark's view -------------------------------------------------------------------

    void dissectorSeesSend_data()
    {
        QTest::addColumn<QByteArray>("messageId");
        QTest::newRow("text with Success-Report, A to B") << m_textWithReport;
        QTest::newRow("text back, B to A") << m_textBack;
        QTest::newRow("fixed-chunk message") << m_fixedId;
        QTest::newRow("interruptible message") << m_interruptibleId;
    }

    void dissectorSeesSend()
    {
        QFETCH(QByteArray, messageId);
        QVERIFY(!messageId.isEmpty());
        const bool seen = std::any_of(m_dissected.begin(), m_dissected.end(), [&](const auto &p) {
            return p.method == "SEND" && p.messageId == messageId &&
                   p.requestLine == "MSRP " + p.transactionId + " SEND";
        });
        QVERIFY2(seen, messageId.constData());
    }

    void dissectorPairsResponsesWithRequests_data()
    {
        QTest::addColumn<QByteArray>("messageId");
        QTest::newRow("text with Success-Report") << m_textWithReport;
        QTest::newRow("text back") << m_textBack;
    }

    void dissectorPairsResponsesWithRequests()
    {
        // The request and its 200 travel in different directions, so neither can be swallowed
        // by the other: tshark must show both, with the same transaction id (RFC 4975 §7.2).
        QFETCH(QByteArray, messageId);
        auto request = std::find_if(m_dissected.begin(), m_dissected.end(), [&](const auto &p) {
            return p.method == "SEND" && p.messageId == messageId;
        });
        QVERIFY(request != m_dissected.end());
        const bool answered =
            std::any_of(m_dissected.begin(), m_dissected.end(), [&](const auto &p) {
                return !p.responseLine.isEmpty() && p.statusCode == "200" &&
                       p.transactionId == request->transactionId &&
                       p.responseLine.startsWith(
                           QByteArray("MSRP " + request->transactionId + " 200"));
            });
        QVERIFY2(answered, request->transactionId.constData());
    }

    void dissectorResponsesAnswerRealRequests()
    {
        // Every response tshark shows answers a request that was on the wire.
        QSet<QByteArray> requests;
        for (const Frame &f : m_parsed)
            if (f.isRequest())
                requests.insert(f.transactionId);
        int responses = 0;
        for (const DissectedPdu &p : m_dissected) {
            if (p.responseLine.isEmpty())
                continue;
            ++responses;
            QVERIFY2(requests.contains(p.transactionId), p.responseLine.constData());
            QCOMPARE(p.statusCode, QByteArray(p.transactionId == m_sentinelTid ? "481" : "200"));
        }
        QVERIFY(responses > 0);
    }

    void dissectorSeesSuccessReport()
    {
        // RFC 4975 §7.1.2: the REPORT covers the whole message and says 000 200 OK.
        const bool seen = std::any_of(m_dissected.begin(), m_dissected.end(), [&](const auto &p) {
            return p.method == "REPORT" && p.requestLine == "MSRP " + p.transactionId + " REPORT" &&
                   p.messageId == m_textReportOnly && p.status == "000 200 OK" &&
                   p.byteRange == "1-13/13";
        });
        QVERIFY2(seen, "no REPORT with Status 000 200 OK for the text that asked for one");
    }

    void dissectorSeesByteRange_data()
    {
        QTest::addColumn<QByteArray>("messageId");
        QTest::addColumn<QByteArray>("byteRange");
        const QByteArray fixedTotal = QByteArray::number(kFixedSize);
        const QByteArray openTotal = QByteArray::number(kInterruptibleSize);
        QTest::newRow("first fixed chunk") << m_fixedId << QByteArray("1-2048/" + fixedTotal);
        QTest::newRow("interruptible chunk, end unknown")
            << m_interruptibleId << QByteArray("1-*/" + openTotal);
        QTest::newRow("short text, whole") << m_textBack << QByteArray("1-15/15");
    }

    void dissectorSeesByteRange()
    {
        QFETCH(QByteArray, messageId);
        QFETCH(QByteArray, byteRange);
        const bool seen = std::any_of(m_dissected.begin(), m_dissected.end(), [&](const auto &p) {
            return p.messageId == messageId && p.byteRange == byteRange;
        });
        QVERIFY2(seen, byteRange.constData());
    }

    void dissectorByteRangesAreConsistent()
    {
        // Whatever chunk of the fixed-size message tshark shows: start-end/total with
        // end - start + 1 == 2048 (or the remainder), start on a chunk boundary.
        int checked = 0;
        for (const DissectedPdu &p : m_dissected) {
            if (p.messageId != m_fixedId || p.method != "SEND")
                continue;
            auto range = ByteRange::parse(p.byteRange);
            QVERIFY2(range.has_value(), p.byteRange.constData());
            QCOMPARE(range->total, std::optional<quint64>(kFixedSize));
            QVERIFY(range->end.has_value());
            QCOMPARE((range->start - 1) % kChunk, 0u);
            QCOMPARE(*range->end, std::min<quint64>(range->start + kChunk - 1, kFixedSize));
            ++checked;
        }
        QVERIFY(checked > 0);
    }

    void dissectorSeesContinuationFlag_data()
    {
        QTest::addColumn<QByteArray>("flag");
        QTest::newRow("more chunks follow") << QByteArray("+");
        QTest::newRow("last chunk") << QByteArray("$");
    }

    void dissectorSeesContinuationFlag()
    {
        QFETCH(QByteArray, flag);
        const bool seen = std::any_of(m_dissected.begin(), m_dissected.end(), [&](const auto &p) {
            return p.method == "SEND" && p.flag == flag;
        });
        QVERIFY2(seen, flag.constData());
        // A '+' on the fixed message's chunks, except the last.
        if (flag == "+")
            QVERIFY(std::any_of(m_dissected.begin(), m_dissected.end(), [&](const auto &p) {
                return p.messageId == m_fixedId && p.flag == "+" &&
                       !p.byteRange.endsWith(QByteArray(QByteArray::number(kFixedSize) + "/" +
                                                        QByteArray::number(kFixedSize)));
            }));
    }

    void dissectorSeesContentType()
    {
        const bool seen = std::any_of(m_dissected.begin(), m_dissected.end(), [&](const auto &p) {
            return p.method == "SEND" && p.contentType == "text/plain";
        });
        QVERIFY(seen);
    }

    // --- Herald's parser on the same bytes ------------------------------------------------

    void captureHoldsEveryOctetSent()
    {
        // The streams in the capture are exactly what the connections wrote: nothing lost,
        // nothing added (so the checks below see all of Herald's traffic).
        QVERIFY(m_bytesAtoB > kFixedSize + kInterruptibleSize);
        QCOMPARE(m_capturedAtoB, m_bytesAtoB);
        QCOMPARE(m_capturedBtoA, m_bytesBtoA);
    }

    void everyByteParses()
    {
        // initTestCase parsed every stream direction whole (parseFrames fails on leftovers);
        // the parser must find at least what tshark found, which misses coalesced messages.
        QVERIFY(m_directions.size() >= 2);
        for (const auto &[name, frames] : m_directions)
            QVERIFY2(!frames.isEmpty(), qPrintable(name));
        QVERIFY2(m_parsed.size() >= m_dissectedCount,
                 qPrintable(QStringLiteral("parser %1 < tshark %2")
                                .arg(m_parsed.size())
                                .arg(m_dissectedCount)));
    }

    void everyRequestIsAnswered()
    {
        // RFC 4975 §7.2, §7.1.1: every SEND with Failure-Report yes (the default) gets one
        // response with its transaction id; REPORTs and SENDs with Failure-Report no get none.
        QHash<QByteArray, int> responses;
        for (const Frame &f : m_parsed)
            if (f.isResponse())
                ++responses[f.transactionId];
        for (const Frame &f : m_parsed) {
            if (f.isResponse()) {
                QCOMPARE(f.statusCode, f.transactionId == m_sentinelTid ? 481 : 200);
                continue;
            }
            QVERIFY2(checkHead(f).has_value(), f.transactionId.constData());
            const bool wantsAnswer =
                f.method == "SEND" && f.failureReport.value_or(ReportMode::Yes) == ReportMode::Yes;
            const int expected = wantsAnswer ? 1 : 0;
            QVERIFY2(responses.value(f.transactionId) == expected,
                     QByteArray(f.method + " " + f.transactionId).constData());
        }
    }

    void successReportOnTheWire_data()
    {
        QTest::addColumn<QByteArray>("messageId");
        QTest::addColumn<quint64>("size");
        QTest::newRow("after the 200") << m_textWithReport << quint64(20);
        QTest::newRow("Failure-Report: no, no 200") << m_textReportOnly << quint64(13);
    }

    void successReportOnTheWire()
    {
        QFETCH(QByteArray, messageId);
        QFETCH(quint64, size);
        const QList<Frame> reports = parsedChunks("REPORT", messageId);
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.front().status, (StatusHeader{0, 200, "OK"}));
        QCOMPARE(reports.front().byteRange, (ByteRange{1, size, size}));
    }

    void chunksReassemble_data()
    {
        QTest::addColumn<QByteArray>("messageId");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("fixedChunks");
        QTest::addColumn<int>("minChunks");
        QTest::newRow("fixed 2048-octet chunks")
            << m_fixedId << m_fixedBody << true << int(kFixedSize / kChunk);
        QTest::newRow("interruptible chunks")
            << m_interruptibleId << m_interruptibleBody << false << 2;
    }

    void chunksReassemble()
    {
        QFETCH(QByteArray, messageId);
        QFETCH(QByteArray, body);
        QFETCH(bool, fixedChunks);
        QFETCH(int, minChunks);
        const QList<Frame> chunks = parsedChunks("SEND", messageId);
        QVERIFY(chunks.size() >= minChunks);
        QByteArray joined;
        for (int i = 0; i < chunks.size(); ++i) {
            const Frame &c = chunks[i];
            QVERIFY(c.byteRange.has_value());
            QCOMPARE(c.byteRange->start, quint64(joined.size()) + 1);
            QCOMPARE(c.byteRange->total, std::optional<quint64>(quint64(body.size())));
            if (fixedChunks) {
                QVERIFY(c.body.size() <= kChunk);
                QCOMPARE(c.byteRange->end,
                         std::optional<quint64>(c.byteRange->start + quint64(c.body.size()) - 1));
            } else {
                // RFC 4975 §7.1: an interruptible chunk does not know its end when it starts.
                QCOMPARE(c.byteRange->end, std::nullopt);
            }
            const bool last = i == chunks.size() - 1;
            QCOMPARE(c.continuation, last ? Continuation::Complete : Continuation::More);
            QCOMPARE(c.contentType, QByteArray("text/plain"));
            joined += c.body;
        }
        QCOMPARE(joined.size(), body.size());
        QVERIFY(joined == body);
    }
};

QTEST_GUILESS_MAIN(TestMsrpWire)
#include "tst_msrpwire.moc"
