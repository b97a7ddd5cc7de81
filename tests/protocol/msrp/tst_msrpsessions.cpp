// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Two MSRP endpoints in one process on 127.0.0.1, port 0: sessions, multiplexing, chunking,
// reports, limits, timeouts and failures, end to end through real sockets and the real codec.
#include "engine/msrp/codec/msrpserializer.h"
#include "engine/msrp/session/msrpendpoint.h"
#include "engine/msrp/transport/msrpconnection.h"
#include "tests/protocol/msrp/msrptestpeer.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace herald;
using namespace herald::msrp;
using namespace std::chrono_literals;

namespace {

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

// A 256 MB file streaming from a to b, caught once more than 1 MB has arrived: what the
// abort and dropped-connection tests share. b streams it to sinkPath().
struct MidTransfer : QObject
{
    QTemporaryDir dir;
    SystemClock clock;
    SystemRandomSource random;
    Endpoint ea{test::loopbackEndpoint(), clock, random};
    Endpoint eb{test::loopbackEndpoint(), clock, random};
    test::SessionPair p;
    DeliveryLog sent;
    QHash<QByteArray, MessageInfo> incoming;
    std::unique_ptr<QSignalSpy> received;
    QByteArray id;

    QString sinkPath() const { return dir.filePath(QStringLiteral("sink.bin")); }

    bool start(quint32 seed)
    {
        const QString source = dir.filePath(QStringLiteral("big.bin"));
        if (!test::writeRandomFile(source, 256 * 1024 * 1024, seed) || !ea.listen() || !eb.listen())
            return false;
        SessionOptions ob;
        ob.sinkFactory = test::fileSinkAt(sinkPath());
        p = test::connectPair(ea, eb, {}, ob);
        if (!test::waitActive({p.a, p.b}))
            return false;
        sent.watch(p.a);
        connect(p.b, &Session::incomingChanged, this,
                [this](const MessageInfo &i) { incoming.insert(i.messageId, i); });
        received = std::make_unique<QSignalSpy>(p.b, &Session::messageReceived);
        auto sending = p.a->sendFile(source, "application/octet-stream");
        if (!sending)
            return false;
        id = *sending;
        return QTest::qWaitFor([this] { return incoming.value(id).transferred > 1024 * 1024; },
                               10000);
    }
};

Frame rawSend(const Uri &to, const Uri &from, const QByteArray &tid,
              const QByteArray &body = "hello")
{
    Frame f;
    f.method = "SEND";
    f.transactionId = tid;
    f.toPath = {to};
    f.fromPath = {from};
    f.messageId = "raw" + tid;
    f.byteRange = ByteRange{1, quint64(body.size()), quint64(body.size())};
    f.setBody("text/plain", body);
    return f;
}

// An endpoint with one session waiting for the raw peer's session `peerSession` (the passive
// side after SDP), and a raw client connected to the endpoint to play that peer or another.
struct WaitingSession
{
    SystemClock clock;
    SystemRandomSource random;
    Endpoint endpoint{test::loopbackEndpoint(), clock, random};
    test::RawMsrpPeer peer;
    Session *session = nullptr;
    std::unique_ptr<test::RawMsrpClient> client;

    bool start(const QByteArray &peerSession)
    {
        if (!endpoint.listen())
            return false;
        session = endpoint.createSession();
        endpoint.acceptSession(session, {peer.uri(peerSession)});
        client = std::make_unique<test::RawMsrpClient>(endpoint.serverPort());
        return client->socket.state() == QAbstractSocket::ConnectedState;
    }
};

} // namespace

class TestMsrpSessions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void textBothWays()
    {
        SystemClock clock;
        SystemRandomSource random;
        Endpoint ea(test::loopbackEndpoint(), clock, random),
            eb(test::loopbackEndpoint(), clock, random);
        QVERIFY(ea.listen() && eb.listen());
        test::SessionPair p = test::connectPair(ea, eb);
        QVERIFY(test::waitActive({p.a, p.b}));

        QSignalSpy atB(p.b, &Session::messageReceived);
        QSignalSpy atA(p.a, &Session::messageReceived);
        DeliveryLog log;
        log.watch(p.a);
        const QByteArray id = p.a->sendText("text/plain", "Hello from A, \xc3\xa9t\xc3\xa9 911");
        p.b->sendText("text/plain", "Hi A");
        QTRY_COMPARE_WITH_TIMEOUT(atB.size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(atA.size(), 1, 5000);
        const auto got = atB.front().front().value<ReceivedMessage>();
        QCOMPARE(got.body, QByteArray("Hello from A, \xc3\xa9t\xc3\xa9 911"));
        QCOMPARE(got.messageId, id);
        QCOMPARE(got.contentType, QByteArray("text/plain"));
        QTRY_COMPARE_WITH_TIMEOUT(log.state(id), DeliveryState::Acknowledged, 5000);
        QCOMPARE(atA.front().front().value<ReceivedMessage>().body, QByteArray("Hi A"));
    }

    void textsOfOneSessionKeepTheirOrder()
    {
        SystemClock clock;
        SystemRandomSource random;
        Endpoint ea(test::loopbackEndpoint(), clock, random),
            eb(test::loopbackEndpoint(), clock, random);
        QVERIFY(ea.listen() && eb.listen());
        test::SessionPair p = test::connectPair(ea, eb);
        QVERIFY(test::waitActive({p.a, p.b}));

        QSignalSpy atB(p.b, &Session::messageReceived);
        constexpr int kTexts = 200;
        QList<QByteArray> sent;
        for (int i = 0; i < kTexts; ++i)
            sent.append(p.a->sendText("text/plain", QByteArray::number(i)));
        QTRY_COMPARE_WITH_TIMEOUT(atB.size(), kTexts, 10000);
        for (int i = 0; i < kTexts; ++i) {
            const auto got = atB.at(i).front().value<ReceivedMessage>();
            QCOMPARE(got.messageId, sent.at(i));
            QCOMPARE(got.body, QByteArray::number(i));
        }
    }

    void sessionEndedWhileConnectingIsNeverBound()
    {
        // A BYE right after the 200 ends the session while its connection is still being set
        // up: the connection must let go of it, never bind it once connected.
        SystemClock clock;
        SystemRandomSource random;
        Endpoint ea(test::loopbackEndpoint(), clock, random);
        QVERIFY(ea.listen());
        test::RawMsrpPeer peer;
        Session *gone = ea.createSession({});
        ea.connectSession(gone, {peer.uri("rawpeer0001")});
        gone->close(QStringLiteral("BYE before the connection was up"));

        // A second session to the same peer: its binding SEND is the only one that may arrive.
        Session *kept = ea.createSession({});
        ea.connectSession(kept, {peer.uri("rawpeer0002")});
        QVERIFY(test::waitActive({kept}));
        QTRY_VERIFY_WITH_TIMEOUT(!peer.received.isEmpty(), 5000);
        for (const Frame &f : std::as_const(peer.received)) {
            QCOMPARE(f.fromPath.size(), 1);
            QCOMPARE(f.fromPath.front().sessionId, kept->localUri().sessionId);
        }
    }

    void successReportMakesDelivered()
    {
        SystemClock clock;
        SystemRandomSource random;
        Endpoint ea(test::loopbackEndpoint(), clock, random),
            eb(test::loopbackEndpoint(), clock, random);
        QVERIFY(ea.listen() && eb.listen());
        test::SessionPair p = test::connectPair(ea, eb);
        QVERIFY(test::waitActive({p.a, p.b}));
        DeliveryLog log;
        log.watch(p.a);
        SendOptions opts;
        opts.successReport = true;
        const QByteArray id = p.a->sendText("text/plain", "report me", opts);
        QTRY_COMPARE_WITH_TIMEOUT(log.state(id), DeliveryState::Delivered, 5000);
    }

    void thousandSessionsOverFourConnections()
    {
        SystemClock clock;
        SystemRandomSource random;
        EndpointConfig ca = test::loopbackEndpoint();
        ca.maxSessionsPerConnection = 250;
        Endpoint ea(ca, clock, random), eb(test::loopbackEndpoint(), clock, random);
        QVERIFY(ea.listen() && eb.listen());
        QList<test::SessionPair> pairs;
        QList<Session *> all;
        for (int i = 0; i < 1000; ++i) {
            pairs.append(test::connectPair(ea, eb));
            all << pairs.last().a << pairs.last().b;
        }
        QVERIFY(test::waitActive(all, 20000));
        QCOMPARE(ea.connections().size(), 4);
        QCOMPARE(eb.connections().size(), 4);

        int received = 0;
        QHash<Session *, QByteArray> expected;
        for (int i = 0; i < pairs.size(); ++i) {
            const test::SessionPair &p = pairs[i];
            for (Session *s : {p.a, p.b})
                connect(s, &Session::messageReceived, this, [&, s](const ReceivedMessage &m) {
                    QCOMPARE(m.body, expected.value(s));
                    ++received;
                });
            const QByteArray toB = "to b " + QByteArray::number(i);
            const QByteArray toA = "to a " + QByteArray::number(i);
            expected.insert(p.b, toB);
            expected.insert(p.a, toA);
            p.a->sendText("text/plain", toB);
            p.b->sendText("text/plain", toA);
        }
        QTRY_COMPARE_WITH_TIMEOUT(received, 2000, 20000);
    }

    void largeFileStreamsInBoundedMemory()
    {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("source.bin"));
        QVERIFY(test::writeRandomFile(source, 200 * 1024 * 1024, 11));
        const QByteArray sha = test::sha256Of(source);
        QVERIFY(!sha.isEmpty());

        SystemClock clock;
        SystemRandomSource random;
        Endpoint ea(test::loopbackEndpoint(), clock, random),
            eb(test::loopbackEndpoint(), clock, random);
        QVERIFY(ea.listen() && eb.listen());
        SessionOptions ob;
        ob.sinkFactory = test::fileSinkAt(dir.filePath(QStringLiteral("received.bin")));
        test::SessionPair p = test::connectPair(ea, eb, {}, ob);
        QVERIFY(test::waitActive({p.a, p.b}));
        QSignalSpy received(p.b, &Session::messageReceived);
        DeliveryLog log;
        log.watch(p.a);

        const qint64 rssBefore = test::currentRssBytes();
        qint64 peak = rssBefore;
        auto id = p.a->sendFile(source, "application/octet-stream");
        QVERIFY(id.has_value());
        QElapsedTimer t;
        t.start();
        while (received.isEmpty() && t.elapsed() < 120000) {
            QTest::qWait(20);
            peak = std::max(peak, test::currentRssBytes());
        }
        QCOMPARE(received.size(), 1);
        const auto m = received.front().front().value<ReceivedMessage>();
        QCOMPARE(m.size, quint64(200 * 1024 * 1024));
        QCOMPARE(test::sha256Of(m.filePath), sha);
        QVERIFY(!QFile::exists(m.filePath + QStringLiteral(".part")));
        QTRY_COMPARE_WITH_TIMEOUT(log.state(*id), DeliveryState::Acknowledged, 10000);
        qInfo("RSS grew by %lld KiB during the 200 MB transfer", (peak - rssBefore) / 1024);
        QVERIFY2(peak - rssBefore < 32 * 1024 * 1024, "RSS grew by 32 MB or more");
    }

    void textOvertakesStreamingFile()
    {
        // A text on session B is not stuck behind a file streaming on session A of the same
        // connection: the open chunk is interrupted (RFC 4975 §7.1).
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("big.bin"));
        QVERIFY(test::writeRandomFile(source, 300 * 1024 * 1024, 5));
        SystemClock clock;
        SystemRandomSource random;
        Endpoint ea(test::loopbackEndpoint(), clock, random),
            eb(test::loopbackEndpoint(), clock, random);
        QVERIFY(ea.listen() && eb.listen());
        SessionOptions discard;
        discard.sinkFactory = [&dir](const Frame &f) -> Result<std::unique_ptr<MessageSink>> {
            auto sink = FileSink::create(dir.filePath(QString::fromLatin1(f.messageId)));
            if (!sink)
                return tl::unexpected(sink.error());
            return std::unique_ptr<MessageSink>(std::move(*sink));
        };
        test::SessionPair fileSession = test::connectPair(ea, eb, {}, discard);
        test::SessionPair textSession = test::connectPair(ea, eb);
        QVERIFY(test::waitActive({fileSession.a, fileSession.b, textSession.a, textSession.b}));
        QCOMPARE(ea.connections().size(), 1);

        DeliveryLog fileLog, textLog;
        fileLog.watch(fileSession.a);
        textLog.watch(textSession.a);
        auto fileId = fileSession.a->sendFile(source, "application/octet-stream");
        QVERIFY(fileId.has_value());
        QTRY_VERIFY_WITH_TIMEOUT(fileLog.last.value(*fileId).transferred > 10 * 1024 * 1024, 10000);

        QList<qint64> latenciesUs;
        quint64 fileAcknowledgedAtFirstText = 0;
        QElapsedTimer t;
        qint64 ackedAtNs = 0;
        connect(textSession.a, &Session::outgoingChanged, this, [&](const MessageInfo &i) {
            if (i.state == DeliveryState::Acknowledged)
                ackedAtNs = t.nsecsElapsed();
        });
        for (int i = 0; i < 50 && fileLog.state(*fileId) == DeliveryState::Sending; ++i) {
            QSignalSpy changed(textSession.a, &Session::outgoingChanged);
            t.start();
            ackedAtNs = 0;
            const QByteArray id = textSession.a->sendText("text/plain", "help is on the way");
            while (!ackedAtNs && changed.wait(5000)) {
            }
            QCOMPARE(textLog.state(id), DeliveryState::Acknowledged);
            latenciesUs.append(ackedAtNs / 1000);
            if (i == 0)
                fileAcknowledgedAtFirstText = fileLog.last.value(*fileId).acknowledged;
        }
        QVERIFY(latenciesUs.size() >= 10);
        // The file was still on its way when the first text had made it: the text overtook it.
        QVERIFY(fileAcknowledgedAtFirstText < 300 * 1024 * 1024);
        std::sort(latenciesUs.begin(), latenciesUs.end());
        const qint64 median = latenciesUs[latenciesUs.size() / 2];
        const qint64 p99 =
            latenciesUs[std::min<qsizetype>(latenciesUs.size() - 1, latenciesUs.size() * 99 / 100)];
        qInfo("text SEND->200 while a file streams (%lld texts): median %lld us, p99 %lld us",
              qint64(latenciesUs.size()), median, p99);
        // Both endpoints share this one thread, so the bound is looser than the 5 ms p99
        // bench_msrptransfer measures with one thread per side.
        // Without interruptible chunks a text would wait for the whole 300 MB (~0.3 s here);
        // 50 ms leaves room for CI running two tests on two cores.
        QVERIFY2(median < 50000, "median text latency while streaming >= 50 ms");
        // Steadily, not only once: no text of the run waited for the file (its 300 MB take
        // seconds here), though a busy CI box may stall the loop now and then.
        QVERIFY2(p99 < 150000, "p99 text latency while streaming >= 150 ms");
        QTRY_COMPARE_WITH_TIMEOUT(fileLog.state(*fileId), DeliveryState::Acknowledged, 60000);
    }

    void unknownSessionGets481()
    {
        SystemClock clock;
        SystemRandomSource random;
        Endpoint eb(test::loopbackEndpoint(), clock, random);
        QVERIFY(eb.listen());
        test::RawMsrpClient raw(eb.serverPort());
        Uri to;
        to.host = "127.0.0.1";
        to.port = eb.serverPort();
        to.sessionId = "nosuchsession";
        to.transport = "tcp";
        test::RawMsrpPeer fake;
        raw.send(rawSend(to, fake.uri(), "tx481abc"));
        QTRY_COMPARE_WITH_TIMEOUT(raw.frames().size(), 1, 5000);
        QCOMPARE(raw.frames().front().statusCode, 481);
        QCOMPARE(raw.frames().front().transactionId, QByteArray("tx481abc"));
        QVERIFY(eb.sessions().isEmpty()); // no state was created
    }

    void sessionBoundElsewhereGets506()
    {
        SystemClock clock;
        SystemRandomSource random;
        Endpoint ea(test::loopbackEndpoint(), clock, random),
            eb(test::loopbackEndpoint(), clock, random);
        QVERIFY(ea.listen() && eb.listen());
        test::SessionPair p = test::connectPair(ea, eb);
        QVERIFY(test::waitActive({p.a, p.b}));
        // A second connection that claims the same session (with the right From-Path).
        test::RawMsrpClient intruder(eb.serverPort());
        intruder.send(rawSend(p.b->localUri(), p.a->localUri(), "tx506abc"));
        QTRY_COMPARE_WITH_TIMEOUT(intruder.frames().size(), 1, 5000);
        QCOMPARE(intruder.frames().front().statusCode, 506);
        QCOMPARE(p.b->state(), SessionState::Active);
    }

    void fastPathsWriteWhatTheSerializerWrites_data()
    {
        QTest::addColumn<bool>("successReport");
        QTest::addColumn<int>("failureReport"); // -1: absent
        QTest::addColumn<bool>("knownEnd");
        QTest::addColumn<bool>("mimeHeader");
        QTest::newRow("plain") << false << -1 << true << false;
        QTest::newRow("reports") << true << int(ReportMode::Partial) << true << false;
        QTest::newRow("open end") << false << int(ReportMode::No) << false << true;
    }

    void fastPathsWriteWhatTheSerializerWrites()
    {
        // The connection writes chunk heads from a per-message template and responses from
        // cached paths; both must be byte-for-byte what the serializer writes (RFC 4975 §9).
        QFETCH(bool, successReport);
        QFETCH(int, failureReport);
        QFETCH(bool, knownEnd);
        QFETCH(bool, mimeHeader);
        Uri to, from;
        to.host = "127.0.0.1";
        to.port = 2855;
        to.sessionId = "receiver0001";
        to.transport = "tcp";
        from = to;
        from.sessionId = "sender000001";
        Frame send;
        send.method = "SEND";
        send.transactionId = "tx9f3Kq";
        send.toPath = {to};
        send.fromPath = {from};
        send.messageId = "msg77";
        if (successReport)
            send.successReport = ReportMode::Yes;
        if (failureReport >= 0)
            send.failureReport = ReportMode(failureReport);
        if (mimeHeader)
            send.mimeHeaders = {Header{"Content-Disposition", "attachment"}};
        send.contentType = "application/octet-stream";
        send.hasBody = true;
        send.byteRange =
            ByteRange{2049, knownEnd ? std::optional<quint64>(4096) : std::nullopt, 1000000};

        QByteArray expected;
        Serializer::appendHead(expected, send);
        Frame templateHead = send;
        templateHead.transactionId.clear();
        templateHead.byteRange.reset();
        const auto t = Serializer::chunkHeadTemplate(templateHead, pathToBytes(send.toPath),
                                                     pathToBytes(send.fromPath));
        QByteArray fast = "prefix";
        Serializer::appendChunkHead(fast, send.transactionId, t, *send.byteRange);
        QCOMPARE(fast, "prefix" + expected);

        for (int status : {200, 413, 481}) {
            const Frame response = Serializer::makeResponse(send, status, statusComment(status));
            QByteArray viaCache;
            Serializer::appendResponse(viaCache, send.transactionId, status, statusComment(status),
                                       pathToBytes(response.toPath),
                                       pathToBytes(response.fromPath));
            QCOMPARE(viaCache, Serializer::serialize(response));
        }
    }

    void lastChunkIsAnsweredBeforeMessageReceived()
    {
        // The 200 for a message's last chunk is on the wire when messageReceived fires, so a
        // listener that ends the session or stops the process there loses nothing (#3 (d)).
        WaitingSession w;
        QVERIFY(w.start("answerpeer01"));
        Session *s = w.session;
        bool answeredInHandler = false;
        connect(s, &Session::messageReceived, this, [&](const ReceivedMessage &) {
            // No event loop runs here: the answer must have left already.
            answeredInHandler = w.client->socket.waitForReadyRead(2000) &&
                                !w.client->frames().isEmpty() &&
                                w.client->frames().back().statusCode == 200;
            s->close(QStringLiteral("done after one message"));
        });
        QSignalSpy closed(s, &Session::closed); // s is deleted once closed
        w.client->send(rawSend(s->localUri(), w.peer.uri("answerpeer01"), "txlast01"));
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 5000);
        QVERIFY2(answeredInHandler, "the 200 had not left when messageReceived was emitted");
        QCOMPARE(w.client->frames().size(), 1);
        QCOMPARE(w.client->frames().front().transactionId, QByteArray("txlast01"));
    }

    void wrongPeerGets403()
    {
        WaitingSession w;
        QVERIFY(w.start("expectedpeer"));
        w.client->send(rawSend(w.session->localUri(), w.peer.uri("someoneelse"), "tx403abc"));
        QTRY_COMPARE_WITH_TIMEOUT(w.client->frames().size(), 1, 5000);
        QCOMPARE(w.client->frames().front().statusCode, 403);
        QCOMPARE(w.session->state(), SessionState::Waiting);
    }

    void tooLargeGets413AndSenderStops()
    {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("big.bin"));
        QVERIFY(test::writeRandomFile(source, 64 * 1024 * 1024, 9));
        SystemClock clock;
        SystemRandomSource random;
        Endpoint ea(test::loopbackEndpoint(), clock, random),
            eb(test::loopbackEndpoint(), clock, random);
        QVERIFY(ea.listen() && eb.listen());
        SessionOptions small;
        small.maxSize = 1000;
        test::SessionPair p = test::connectPair(ea, eb, {}, small);
        QVERIFY(test::waitActive({p.a, p.b}));
        DeliveryLog log;
        log.watch(p.a);
        QSignalSpy received(p.b, &Session::messageReceived);

        const QByteArray text = p.a->sendText("text/plain", QByteArray(5000, 'x'));
        QTRY_COMPARE_WITH_TIMEOUT(log.state(text), DeliveryState::Failed, 5000);
        QCOMPARE(log.last.value(text).status, 413);

        auto file = p.a->sendFile(source, "application/octet-stream");
        QVERIFY(file.has_value());
        QTRY_COMPARE_WITH_TIMEOUT(log.state(*file), DeliveryState::Failed, 10000);
        QCOMPARE(log.last.value(*file).status, 413);
        // The sender stopped: far less than the file went out.
        QVERIFY(log.last.value(*file).transferred < 32 * 1024 * 1024);
        QVERIFY(received.isEmpty());
        // The session survives and still carries texts that fit.
        const QByteArray ok = p.a->sendText("text/plain", "small");
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(log.state(ok), DeliveryState::Acknowledged, 5000);
    }

    void unacceptableTypeGets415()
    {
        SystemClock clock;
        SystemRandomSource random;
        Endpoint ea(test::loopbackEndpoint(), clock, random),
            eb(test::loopbackEndpoint(), clock, random);
        QVERIFY(ea.listen() && eb.listen());
        SessionOptions textOnly;
        textOnly.acceptTypes = {"text/plain", "message/*"};
        test::SessionPair p = test::connectPair(ea, eb, {}, textOnly);
        QVERIFY(test::waitActive({p.a, p.b}));
        DeliveryLog log;
        log.watch(p.a);
        const QByteArray bad = p.a->sendText("image/png", "png");
        const QByteArray good = p.a->sendText("message/cpim", "cpim");
        QTRY_COMPARE_WITH_TIMEOUT(log.state(bad), DeliveryState::Failed, 5000);
        QCOMPARE(log.last.value(bad).status, 415);
        QTRY_COMPARE_WITH_TIMEOUT(log.state(good), DeliveryState::Acknowledged, 5000);
    }

    void abortEndsMessageAsAborted()
    {
        MidTransfer t;
        QVERIFY(t.start(4));
        t.p.a->abortMessage(t.id);
        QCOMPARE(t.sent.state(t.id), DeliveryState::Aborted);
        QTRY_COMPARE_WITH_TIMEOUT(t.incoming.value(t.id).state, DeliveryState::Aborted, 5000);
        QVERIFY(t.received->isEmpty());
        QVERIFY(!QFile::exists(t.sinkPath()));
        QVERIFY(!QFile::exists(t.sinkPath() + QStringLiteral(".part")));
        // The connection is still in order: another message gets through.
        t.p.a->sendText("text/plain", "after the abort");
        QTRY_COMPARE_WITH_TIMEOUT(t.received->size(), 1, 5000);
    }

    void noResponseTimesOutAfter30Seconds()
    {
        ManualClock clock;
        SystemRandomSource random;
        Endpoint ea(test::loopbackEndpoint(), clock, random);
        QVERIFY(ea.listen());
        test::RawMsrpPeer silent; // answers the binding SEND, then nothing
        Session *s = ea.createSession();
        ea.connectSession(s, {silent.uri()});
        QVERIFY(test::waitActive({s}));
        DeliveryLog log;
        log.watch(s);
        const QByteArray id = s->sendText("text/plain", "anyone?");
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(silent.received.begin(), silent.received.end(),
                                             [&](const Frame &f) { return f.messageId == id; }),
                                 5000);
        clock.advance(29s);
        ea.checkTimeouts();
        QCOMPARE(log.state(id), DeliveryState::Sending);
        clock.advance(2s);
        ea.checkTimeouts();
        QCOMPARE(log.state(id), DeliveryState::Failed);
        QCOMPARE(log.last.value(id).status, 408);
    }

    void droppedConnectionFailsBothSides()
    {
        MidTransfer t;
        QVERIFY(t.start(8));
        QSignalSpy closedA(t.p.a, &Session::closed);
        QSignalSpy closedB(t.p.b, &Session::closed);

        t.eb.connections().front()->close(QStringLiteral("test drops the line"), false);

        QTRY_COMPARE_WITH_TIMEOUT(closedA.size(), 1, 5000);
        QCOMPARE(closedB.size(), 1);
        QCOMPARE(t.sent.state(t.id), DeliveryState::Failed);
        QCOMPARE(t.incoming.value(t.id).state, DeliveryState::Failed);
        QVERIFY(t.received->isEmpty());
        QVERIFY(!QFile::exists(t.sinkPath()));
        QVERIFY(!QFile::exists(t.sinkPath() + QStringLiteral(".part")));
    }

    void fixedChunkSize()
    {
        SystemClock clock;
        SystemRandomSource random;
        Endpoint ea(test::loopbackEndpoint(), clock, random);
        QVERIFY(ea.listen());
        test::RawMsrpPeer peer;
        SessionOptions o;
        o.chunkSize = 2048;
        Session *s = ea.createSession(o);
        ea.connectSession(s, {peer.uri()});
        QVERIFY(test::waitActive({s}));
        QByteArray text(5000, 'z');
        const QByteArray id = s->sendText("text/plain", text);
        QTRY_COMPARE_WITH_TIMEOUT(peer.received.size(), 4, 5000); // the binding SEND + 3 chunks
        QList<Frame> chunks = peer.received.mid(1);
        QCOMPARE(chunks[0].byteRange, (ByteRange{1, 2048, 5000}));
        QCOMPARE(chunks[1].byteRange, (ByteRange{2049, 4096, 5000}));
        QCOMPARE(chunks[2].byteRange, (ByteRange{4097, 5000, 5000}));
        QCOMPARE(chunks[0].continuation, Continuation::More);
        QCOMPARE(chunks[2].continuation, Continuation::Complete);
        QCOMPARE(chunks[0].body + chunks[1].body + chunks[2].body, text);
        for (const Frame &c : chunks)
            QCOMPARE(c.messageId, id);
    }

    void outOfOrderChunksReassemble()
    {
        SystemClock clock;
        SystemRandomSource random;
        Endpoint eb(test::loopbackEndpoint(), clock, random);
        QVERIFY(eb.listen());
        Session *s = eb.createSession();
        test::RawMsrpPeer peerUri;
        eb.acceptSession(s, {peerUri.uri("sender01")});
        QSignalSpy received(s, &Session::messageReceived);
        test::RawMsrpClient raw(eb.serverPort());
        auto chunk = [&](const QByteArray &tid, quint64 start, const QByteArray &body,
                         std::optional<quint64> total, Continuation flag) {
            Frame f = rawSend(s->localUri(), peerUri.uri("sender01"), tid, body);
            f.messageId = "reassembled1";
            f.byteRange = ByteRange{start, start + quint64(body.size()) - 1, total};
            f.continuation = flag;
            raw.send(f);
        };
        // Last chunk first, total unknown until then; an overlapping retransmission in between.
        chunk("txc00003", 11, "KLMNO", std::nullopt, Continuation::Complete);
        chunk("txc00001", 1, "ABCDE", std::nullopt, Continuation::More);
        chunk("txc00001", 1, "ABCDE", std::nullopt, Continuation::More);
        chunk("txc00002", 6, "FGHIJ", 15, Continuation::More);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);
        QCOMPARE(received.front().front().value<ReceivedMessage>().body,
                 QByteArray("ABCDEFGHIJKLMNO"));
        QTRY_COMPARE_WITH_TIMEOUT(raw.frames().size(), 4, 5000);
        for (const Frame &r : raw.frames())
            QCOMPARE(r.statusCode, 200);
    }

    void malformedFrameClosesOnlyThatConnection()
    {
        SystemClock clock;
        SystemRandomSource random;
        Endpoint ea(test::loopbackEndpoint(), clock, random),
            eb(test::loopbackEndpoint(), clock, random);
        QVERIFY(ea.listen() && eb.listen());
        test::SessionPair p = test::connectPair(ea, eb);
        QVERIFY(test::waitActive({p.a, p.b}));
        test::RawMsrpClient garbage(eb.serverPort());
        garbage.socket.write("GET / HTTP/1.1\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(garbage.socket.state(), QAbstractSocket::UnconnectedState, 5000);
        QSignalSpy received(p.b, &Session::messageReceived);
        p.a->sendText("text/plain", "still here");
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);
    }

    void closingSessionReleasesConnection()
    {
        SystemClock clock;
        SystemRandomSource random;
        Endpoint ea(test::loopbackEndpoint(), clock, random),
            eb(test::loopbackEndpoint(), clock, random);
        QVERIFY(ea.listen() && eb.listen());
        test::SessionPair p = test::connectPair(ea, eb);
        test::SessionPair q = test::connectPair(ea, eb);
        QVERIFY(test::waitActive({p.a, p.b, q.a, q.b}));
        QCOMPARE(ea.connections().size(), 1);
        p.a->close(QStringLiteral("BYE"));
        QCOMPARE(ea.connections().size(), 1); // q still uses it
        QSignalSpy closedB(q.b, &Session::closed);
        q.a->close(QStringLiteral("BYE"));
        QTRY_COMPARE_WITH_TIMEOUT(ea.connections().size(), 0, 5000);
        // The peer sees the connection go and ends its side of the sessions.
        QTRY_COMPARE_WITH_TIMEOUT(closedB.size(), 1, 5000);
    }
};

QTEST_GUILESS_MAIN(TestMsrpSessions)
#include "tst_msrpsessions.moc"
