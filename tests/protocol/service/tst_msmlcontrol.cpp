// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// MSML control and voicemail delivery with three Engines in one process on loopback: an
// application server (a bare SIP user agent on engine C) opens a control-only dialog to Herald A
// (INVITE without SDP), sends the transfer script of DESIGN.md §1 in an INFO and reads the
// result from the 200; A delivers the file to B, a delivery server with a spool, over an RFC
// 5547 session, deletes the source and reports transfer.objectdone then TransferEnd in INFOs.
// Also: bad scripts, sources outside the media root, a 486 with retry, dialogend stopping a
// transfer, a messageobj, and http:// and https:// sources fetched from a local responder
// (https with a CA and certificate made at test time by the openssl command).
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/msml/msmlparser.h"
#include "engine/service/engine.h"
#include "engine/service/msmlcontroller.h"
#include "engine/service/shutdowncoordinator.h"

#include "tests/support/httpresponder.h"
#include "tests/support/msmltestsupport.h"
#include "tests/support/testsupport.h"
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>
#include <optional>

using namespace herald;
using namespace herald::service;
using namespace std::chrono_literals;

namespace {

constexpr int waitMs = 20000;
using test::sha256Of;
using test::writeRandomFile;

using test::HttpResponder;
using test::msmlValue;

QByteArray randomBytes(qsizetype size, quint64 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    SeededRandomSource(seed).fill(
        std::as_writable_bytes(std::span(bytes.data(), std::size_t(bytes.size()))));
    return bytes;
}

} // namespace

class TestMsmlControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void controlDialogWithoutSdp();
    void voicemailDelivery();
    void badScripts_data();
    void badScripts();
    void sourceOutsideMediaRoot_data();
    void sourceOutsideMediaRoot();
    void answererRefusesWithRetry();
    void dialogendStopsTransfer();
    void messageObject();
    void httpSource_data();
    void httpSource();
    void httpSourceRefused_data();
    void httpSourceRefused();
    void httpsUntrustedCertificate_data();
    void httpsUntrustedCertificate();
    void maxtimeStopsTransfer();
    void iterateRepeatsDelivery();
    void exitInShadowHandler();
    void controlByeStopsTransfers();
    void shutdownWaitsForTransferCallingAnswerer();
    void shutdownGraceStopsUnansweredTransfer();

private:
    std::unique_ptr<Engine> makeEngine(const QByteArray &user, quint64 seed,
                                       std::function<void(EngineConfig &)> tune = {});
    // (Re)starts A, the media server under test, trusting `caFile` for https:// sources, and
    // has the application server open a control dialog to it (INVITE without SDP).
    bool startA(const QString &caFile);
    msml::ResultDocument sendScript(const QByteArray &script) { return m_app->sendScript(script); }
    QByteArray script(const QString &src, const QString &fileobjExtra = {},
                      const QString &transferExtra = {}) const
    {
        return test::voicemailScript(src, QString::fromUtf8(bUri()), fileobjExtra, transferExtra);
    }
    // The https:// responder's TLS side; skips the test when openssl could not make it.
    bool tlsReady() const { return m_tls.has_value(); }
    // The answerer of the dest: reached through A's outbound proxy only (RFC 6761: .invalid).
    QByteArray bUri() const { return "sip:vmds@vmds.invalid;transport=tcp"; }

    SystemClock m_clock;
    std::vector<std::unique_ptr<SeededRandomSource>> m_randoms;
    QTemporaryDir m_media;
    QTemporaryDir m_spool;
    QTemporaryDir m_outside;
    QTemporaryDir m_fetchDir;
    test::TestCertificates m_certs;
    std::optional<QSslConfiguration> m_tls;
    QString m_tlsError;
    std::unique_ptr<Engine> m_as;
    std::unique_ptr<Engine> m_a;
    std::unique_ptr<Engine> m_b;
    std::unique_ptr<test::MsmlAppServer> m_app; // its events arrive in order
    QList<Call *> m_bOffered;
};

std::unique_ptr<Engine> TestMsmlControl::makeEngine(const QByteArray &user, quint64 seed,
                                                    std::function<void(EngineConfig &)> tune)
{
    EngineConfig config = test::loopbackEngineConfig(user);
    if (tune)
        tune(config);
    m_randoms.push_back(std::make_unique<SeededRandomSource>(seed));
    auto engine = std::make_unique<Engine>(config, m_clock, *m_randoms.back());
    if (auto started = engine->start(); !started) {
        qWarning() << "engine did not start:" << started.error().detail;
        return nullptr;
    }
    return engine;
}

void TestMsmlControl::initTestCase()
{
    if (m_certs.create())
        m_tls = m_certs.serverConfiguration();
    else
        m_tlsError = m_certs.error();
}

void TestMsmlControl::init()
{
    QVERIFY(m_media.isValid() && m_spool.isValid() && m_outside.isValid() && m_fetchDir.isValid());
    for (QTemporaryDir *dir : {&m_media, &m_spool, &m_fetchDir})
        for (const QString &entry : QDir(dir->path()).entryList(QDir::Files | QDir::System))
            QFile::remove(dir->filePath(entry));
    m_bOffered.clear();
    m_as = makeEngine("appserver", 31);
    m_b = makeEngine("vmds", 33, [this](EngineConfig &c) { c.spoolDirectory = m_spool.path(); });
    QVERIFY(m_as && m_b);
    m_app = std::make_unique<test::MsmlAppServer>(*m_as, waitMs);
    connect(&m_b->calls(), &CallManager::callOffered, this,
            [this](Call *call) { m_bOffered.append(call); });
    QVERIFY(startA(tlsReady() ? m_certs.caFile() : QString()));
}

bool TestMsmlControl::startA(const QString &caFile)
{
    if (m_a && !test::stopEngine(*m_a, waitMs))
        return false;
    m_a.reset();
    // B is also the outbound proxy (the IMS core) of A: the answerer's host does not exist, so
    // a delivery arrives only if A routes it through the proxy.
    m_a = makeEngine("msml", 32, [this, caFile](EngineConfig &c) {
        c.msmlControl = true;
        c.mediaRoot = m_media.path();
        c.httpFetchDirectory = m_fetchDir.path();
        c.httpFetchMaxBytes = 1024 * 1024;
        c.httpFetchIdleTimeout = 500ms;
        c.httpFetchCaFile = caFile;
        c.sip.outboundProxy =
            QStringLiteral("sip:127.0.0.1:%1;transport=tcp;lr").arg(m_b->sipListenPort());
    });
    if (!m_a)
        return false;
    const QByteArray target =
        "sip:msml@127.0.0.1:" + QByteArray::number(m_a->sipListenPort()) + ";transport=tcp";
    if (!m_app->openControl(target))
        return false;
    // RFC 3261 §13.2.1: the 2xx to an INVITE without an offer carries one; Herald's has no
    // media line (RFC 3264 §5).
    return m_app->answerBody.startsWith("v=0\r\n") && !m_app->answerBody.contains("m=");
}

void TestMsmlControl::cleanup()
{
    for (auto *engine : {&m_as, &m_a, &m_b})
        if (*engine)
            QVERIFY(test::stopEngine(**engine, waitMs));
    m_app.reset();
    m_as.reset();
    m_a.reset();
    m_b.reset();
    m_randoms.clear();
}

void TestMsmlControl::controlDialogWithoutSdp()
{
    // init() opened it; A sees a control-only call and no MSRP session.
    QTRY_COMPARE_WITH_TIMEOUT(m_a->calls().calls().size(), 1, waitMs);
    Call *control = m_a->calls().calls().first();
    QVERIFY(control->isControlOnly());
    QVERIFY(!control->session());
    QTRY_COMPARE_WITH_TIMEOUT(control->state(), CallState::Active, waitMs); // after the ACK
}

void TestMsmlControl::voicemailDelivery()
{
    const QString source = m_media.filePath(QStringLiteral("msg1.amr"));
    QVERIFY(writeRandomFile(source, 20 * 1024 * 1024, 5));
    const QByteArray sourceHash = sha256Of(source);

    const msml::ResultDocument result = sendScript(script(QUrl::fromLocalFile(source).toString()));
    QCOMPARE(result.response, 200);

    QTRY_COMPARE_WITH_TIMEOUT(m_app->events.size(), 2, waitMs);
    const msml::EventDocument &done = m_app->events.at(0);
    QCOMPARE(done.name, QStringLiteral("transfer.objectdone"));
    QCOMPARE(done.id, QStringLiteral("conn:abc/dialog:12345"));
    QCOMPARE(msmlValue(done, QStringLiteral("transfer.objid")), QStringLiteral("vm1"));
    bool numeric = false;
    QVERIFY(msmlValue(done, QStringLiteral("transfer.duration")).toLongLong(&numeric) >= 0 &&
            numeric);
    const msml::EventDocument &end = m_app->events.at(1);
    QCOMPARE(end.name, QStringLiteral("TransferEnd"));
    QCOMPARE(end.id, QStringLiteral("conn:abc/dialog:12345"));
    QCOMPARE(msmlValue(end, QStringLiteral("transfer.end")), QStringLiteral("transfer.complete"));
    QVERIFY(msmlValue(end, QStringLiteral("transfer.duration")).toLongLong(&numeric) >= 0 &&
            numeric);

    // B holds the file under a generated name ending in the dest's file name, whole.
    const QStringList spooled = QDir(m_spool.path()).entryList(QDir::Files);
    QCOMPARE(spooled.size(), 1);
    QVERIFY2(spooled.first().endsWith(QStringLiteral("-msg1.amr")), qPrintable(spooled.first()));
    QCOMPARE(sha256Of(m_spool.filePath(spooled.first())), sourceHash);
    // delete="true": A's source is gone once delivered.
    QVERIFY(!QFile::exists(source));
    // A hung the delivery call up (BYE): only the control dialog is left.
    QTRY_COMPARE_WITH_TIMEOUT(m_a->calls().calls().size(), 1, waitMs);
}

void TestMsmlControl::badScripts_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("response");
    QTest::newRow("not XML") << QByteArray("<msml version=\"1.1\"><dialogstart") << 400;
    QTest::newRow("unknown element") << QByteArray("<msml version=\"1.1\"><bogus/></msml>") << 401;
    QTest::newRow("DTD") << QByteArray("<!DOCTYPE msml [<!ENTITY a \"b\">]><msml version=\"1.1\"/>")
                         << 400;
    QTest::newRow("dialogend of nothing")
        << QByteArray("<msml version=\"1.1\"><dialogend id=\"conn:abc/dialog:nope\"/></msml>")
        << 430;
}

void TestMsmlControl::badScripts()
{
    QFETCH(QByteArray, body);
    QFETCH(int, response);
    const msml::ResultDocument result = sendScript(body);
    QCOMPARE(result.response, response);
    QVERIFY(!result.description.isEmpty());
    QVERIFY(m_bOffered.isEmpty());
}

void TestMsmlControl::sourceOutsideMediaRoot_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("dot-dot") << "dotdot";
    QTest::newRow("outside path") << "outside";
    QTest::newRow("symlink out") << "symlink";
    QTest::newRow("missing") << "missing";
}

void TestMsmlControl::sourceOutsideMediaRoot()
{
    QFETCH(QString, kind);
    const QString secret = m_outside.filePath(QStringLiteral("secret.amr"));
    QVERIFY(writeRandomFile(secret, 1000, 6));
    QString src;
    if (kind == QLatin1String("dotdot"))
        src = QStringLiteral("file://") + m_media.path() + QStringLiteral("/../") +
              QFileInfo(m_outside.path()).fileName() + QStringLiteral("/secret.amr");
    else if (kind == QLatin1String("outside"))
        src = QUrl::fromLocalFile(secret).toString();
    else if (kind == QLatin1String("symlink")) {
        const QString link = m_media.filePath(QStringLiteral("link.amr"));
        QFile::remove(link);
        QVERIFY(QFile::link(secret, link));
        src = QUrl::fromLocalFile(link).toString();
    } else
        src = QUrl::fromLocalFile(m_media.filePath(QStringLiteral("none.amr"))).toString();
    const msml::ResultDocument result = sendScript(script(src));
    QVERIFY2(result.response >= 400 && result.response < 500, qPrintable(result.description));
    QVERIFY(!result.description.isEmpty());
    QVERIFY(QFile::exists(secret));
    QTest::qWait(200); // nothing may start: no INVITE reaches B, no event comes
    QVERIFY(m_bOffered.isEmpty());
    QVERIFY(m_app->events.isEmpty());
}

void TestMsmlControl::answererRefusesWithRetry()
{
    m_b->calls().setAnswerPolicy(AnswerPolicy::Manual);
    connect(&m_b->calls(), &CallManager::callOffered, this,
            [this](Call *call) { QVERIFY(m_b->calls().reject(call->id(), 486)); });
    const QString source = m_media.filePath(QStringLiteral("busy.amr"));
    QVERIFY(writeRandomFile(source, 4096, 7));
    const msml::ResultDocument result = sendScript(script(
        QUrl::fromLocalFile(source).toString(), QStringLiteral(" retry=\"1\" wait=\"50ms\"")));
    QCOMPARE(result.response, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->events.size(), 1, waitMs);
    QCOMPARE(m_app->events.first().name, QStringLiteral("TransferEnd"));
    QCOMPARE(msmlValue(m_app->events.first(), QStringLiteral("transfer.end")),
             QStringLiteral("transfer.error"));
    QCOMPARE(m_bOffered.size(), 2); // the first attempt and one retry
    QVERIFY(QFile::exists(source)); // not delivered: kept
    QVERIFY(QDir(m_spool.path()).entryList(QDir::Files).isEmpty());
}

void TestMsmlControl::dialogendStopsTransfer()
{
    // B is alerted but never answers: the transfer waits until the dialogend.
    m_b->calls().setAnswerPolicy(AnswerPolicy::Manual);
    const QString source = m_media.filePath(QStringLiteral("held.amr"));
    QVERIFY(writeRandomFile(source, 4096, 8));
    QCOMPARE(sendScript(script(QUrl::fromLocalFile(source).toString())).response, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_bOffered.size(), 1, waitMs);
    QCOMPARE(sendScript("<msml version=\"1.1\"><dialogend id=\"conn:abc/dialog:12345\"/></msml>")
                 .response,
             200);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->events.size(), 1, waitMs);
    QCOMPARE(m_app->events.first().name, QStringLiteral("TransferEnd"));
    QCOMPARE(msmlValue(m_app->events.first(), QStringLiteral("transfer.end")),
             QStringLiteral("dialogend"));
    QVERIFY(QFile::exists(source));
    // A cancelled its INVITE: B's offered call ends.
    QTRY_VERIFY_WITH_TIMEOUT(m_b->calls().calls().isEmpty(), waitMs);
}

void TestMsmlControl::messageObject()
{
    QList<msrp::ReceivedMessage> texts;
    connect(&m_b->calls(), &CallManager::callOffered, this, [&texts, this](Call *call) {
        connect(call, &Call::messageReceived, this,
                [&texts](const msrp::ReceivedMessage &m) { texts.append(m); });
    });
    const QByteArray body = QStringLiteral(R"(<msml version="1.1">
  <dialogstart name="m1" target="conn:abc">
    <transfer>
      <messageobj objid="t1" dest="xmsrp://?answerer=&lt;%1&gt;">
        <content contenttype="text/plain">You have a new voicemail.</content>
      </messageobj>
      <transferobjdone>
        <send event="transfer.objectdone" namelist="transfer.objid" target="source"/>
      </transferobjdone>
    </transfer>
  </dialogstart>
</msml>
)")
                                .arg(QString::fromUtf8(bUri()))
                                .toUtf8();
    QCOMPARE(sendScript(body).response, 200);
    QTRY_COMPARE_WITH_TIMEOUT(texts.size(), 1, waitMs);
    QCOMPARE(texts.first().body, QByteArray("You have a new voicemail."));
    QTRY_COMPARE_WITH_TIMEOUT(m_app->events.size(), 1, waitMs);
    QCOMPARE(msmlValue(m_app->events.first(), QStringLiteral("transfer.objid")),
             QStringLiteral("t1"));
}

void TestMsmlControl::httpSource_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("http") << false;
    QTest::newRow("https") << true;
}

void TestMsmlControl::httpSource()
{
    // Voicemail storage over HTTP: streamed to a temporary file under the cap, delivered whole;
    // delete="true" does not touch an http source, and the temporary copy goes afterwards.
    // Over https the certificate is verified against the CA A was given (init()).
    QFETCH(bool, tls);
    if (tls && !tlsReady())
        QSKIP(qPrintable(QStringLiteral("no https responder: ") + m_tlsError));
    HttpResponder http(tls ? &*m_tls : nullptr);
    QVERIFY(http.listen());
    const QByteArray body = randomBytes(1000 * 1000, 9);
    http.bodies.insert("/vm/msg1.amr", body);
    const QString url = http.url(QStringLiteral("/vm/msg1.amr"));
    QVERIFY(url.startsWith(tls ? QStringLiteral("https://") : QStringLiteral("http://")));
    QCOMPARE(sendScript(script(url)).response, 200);

    QTRY_COMPARE_WITH_TIMEOUT(m_app->events.size(), 2, waitMs);
    QCOMPARE(m_app->events.at(0).name, QStringLiteral("transfer.objectdone"));
    QCOMPARE(msmlValue(m_app->events.at(0), QStringLiteral("transfer.objid")),
             QStringLiteral("vm1"));
    QCOMPARE(msmlValue(m_app->events.at(1), QStringLiteral("transfer.end")),
             QStringLiteral("transfer.complete"));
    const QStringList spooled = QDir(m_spool.path()).entryList(QDir::Files);
    QCOMPARE(spooled.size(), 1);
    QCOMPARE(sha256Of(m_spool.filePath(spooled.first())),
             QCryptographicHash::hash(body, QCryptographicHash::Sha256));
    QCOMPARE(http.requests, QList<QByteArray>{"/vm/msg1.amr"});
    QTRY_VERIFY_WITH_TIMEOUT(QDir(m_fetchDir.path()).isEmpty(QDir::Files | QDir::Hidden), waitMs);
}

void TestMsmlControl::httpSourceRefused_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("size");
    // The cap is 1 MiB (init()).
    QTest::newRow("declared too large")
        << false << int(HttpResponder::Mode::Whole) << 2 * 1024 * 1024;
    QTest::newRow("undeclared too large")
        << false << int(HttpResponder::Mode::Undeclared) << 3 * 1024 * 1024;
    QTest::newRow("stalled") << false << int(HttpResponder::Mode::Stall) << 0;
    QTest::newRow("404") << false << int(HttpResponder::Mode::NotFound) << 0;
    QTest::newRow("https declared too large")
        << true << int(HttpResponder::Mode::Whole) << 2 * 1024 * 1024;
    QTest::newRow("https undeclared too large")
        << true << int(HttpResponder::Mode::Undeclared) << 3 * 1024 * 1024;
}

void TestMsmlControl::httpSourceRefused()
{
    QFETCH(bool, tls);
    QFETCH(int, mode);
    QFETCH(int, size);
    if (tls && !tlsReady())
        QSKIP(qPrintable(QStringLiteral("no https responder: ") + m_tlsError));
    HttpResponder http(tls ? &*m_tls : nullptr);
    QVERIFY(http.listen());
    http.bodies.insert("/vm/big.amr", randomBytes(size, 10));
    http.modes.insert("/vm/big.amr", HttpResponder::Mode(mode));
    QCOMPARE(sendScript(script(http.url(QStringLiteral("/vm/big.amr")))).response, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->events.size(), 1, waitMs);
    QCOMPARE(m_app->events.first().name, QStringLiteral("TransferEnd"));
    QCOMPARE(msmlValue(m_app->events.first(), QStringLiteral("transfer.end")),
             QStringLiteral("transfer.error"));
    QCOMPARE(http.requests, QList<QByteArray>{"/vm/big.amr"}); // refused by A, not unreached
    QVERIFY(m_bOffered.isEmpty());                             // nothing was offered to B
    QVERIFY(QDir(m_spool.path()).entryList(QDir::Files).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(QDir(m_fetchDir.path()).isEmpty(QDir::Files | QDir::Hidden), waitMs);
}

void TestMsmlControl::httpsUntrustedCertificate_data()
{
    QTest::addColumn<QString>("caFile");
    // A trusts only the system's CAs: the responder's certificate, from the test CA, is
    // refused in the handshake.
    QTest::newRow("no CA configured") << QString();
    // The CA file went away after start (heraldd checks it at start): no fetch at all.
    QTest::newRow("CA file gone") << QStringLiteral("/nonexistent/herald-ca.pem");
}

void TestMsmlControl::httpsUntrustedCertificate()
{
    // Either way no request is sent, the transfer fails and nothing is stored.
    QFETCH(QString, caFile);
    if (!tlsReady())
        QSKIP(qPrintable(QStringLiteral("no https responder: ") + m_tlsError));
    QVERIFY(startA(caFile));
    HttpResponder http(&*m_tls);
    QVERIFY(http.listen());
    http.bodies.insert("/vm/msg1.amr", randomBytes(4096, 16));
    QSignalSpy finished(m_a->msml(), &MsmlController::transferFinished);
    QCOMPARE(sendScript(script(http.url(QStringLiteral("/vm/msg1.amr")))).response, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->events.size(), 1, waitMs);
    QCOMPARE(m_app->events.first().name, QStringLiteral("TransferEnd"));
    QCOMPARE(msmlValue(m_app->events.first(), QStringLiteral("transfer.end")),
             QStringLiteral("transfer.error"));
    QVERIFY(finished.count() == 1 || finished.wait(waitMs));
    QCOMPARE(finished.first().at(1).toString(), QStringLiteral("transfer.error"));
    QVERIFY(http.requests.isEmpty()); // no GET crossed the refused handshake
    QVERIFY(m_bOffered.isEmpty());
    QVERIFY(QDir(m_spool.path()).entryList(QDir::Files).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(QDir(m_fetchDir.path()).isEmpty(QDir::Files | QDir::Hidden), waitMs);
}

void TestMsmlControl::maxtimeStopsTransfer()
{
    // B is alerted but never answers: only maxtime ends the transfer.
    m_b->calls().setAnswerPolicy(AnswerPolicy::Manual);
    const QString source = m_media.filePath(QStringLiteral("slow.amr"));
    QVERIFY(writeRandomFile(source, 4096, 11));
    QCOMPARE(sendScript(script(QUrl::fromLocalFile(source).toString(), {},
                               QStringLiteral(" maxtime=\"400ms\"")))
                 .response,
             200);
    QTRY_COMPARE_WITH_TIMEOUT(m_bOffered.size(), 1, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->events.size(), 1, waitMs);
    QCOMPARE(m_app->events.first().name, QStringLiteral("TransferEnd"));
    QCOMPARE(msmlValue(m_app->events.first(), QStringLiteral("transfer.end")),
             QStringLiteral("transfer.maxtime"));
    bool numeric = false;
    const qint64 duration =
        msmlValue(m_app->events.first(), QStringLiteral("transfer.duration")).toLongLong(&numeric);
    QVERIFY(numeric);
    QVERIFY2(duration >= 400, qPrintable(QString::number(duration)));
    QVERIFY(QFile::exists(source));
    QTRY_VERIFY_WITH_TIMEOUT(m_b->calls().calls().isEmpty(), waitMs); // the INVITE was cancelled
    QVERIFY(m_a->msml()->runningDialogs().isEmpty());
}

void TestMsmlControl::iterateRepeatsDelivery()
{
    const QString source = m_media.filePath(QStringLiteral("twice.amr"));
    QVERIFY(writeRandomFile(source, 64 * 1024, 12));
    const QByteArray hash = sha256Of(source);
    QCOMPARE(sendScript(script(QUrl::fromLocalFile(source).toString(), {},
                               QStringLiteral(" iterate=\"2\"")))
                 .response,
             200);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->events.size(), 3, waitMs);
    QCOMPARE(m_app->events.at(0).name, QStringLiteral("transfer.objectdone"));
    QCOMPARE(m_app->events.at(1).name, QStringLiteral("transfer.objectdone"));
    QCOMPARE(msmlValue(m_app->events.at(2), QStringLiteral("transfer.end")),
             QStringLiteral("transfer.complete"));
    const QStringList spooled = QDir(m_spool.path()).entryList(QDir::Files);
    QCOMPARE(spooled.size(), 2); // append="false": the second under a fresh name
    for (const QString &name : spooled)
        QCOMPARE(sha256Of(m_spool.filePath(name)), hash);
    // delete="true" took effect after the last round only (else the second would have failed).
    QVERIFY(!QFile::exists(source));
}

void TestMsmlControl::exitInShadowHandler()
{
    const QString first = m_media.filePath(QStringLiteral("first.amr"));
    const QString second = m_media.filePath(QStringLiteral("second.amr"));
    QVERIFY(writeRandomFile(first, 4096, 13) && writeRandomFile(second, 4096, 14));
    const QString dest = QStringLiteral("xmsrp://?answerer=&lt;%1&gt;;file=/inbox/x.amr")
                             .arg(QString::fromUtf8(bUri()));
    const QByteArray body = QStringLiteral(R"(<msml version="1.1">
  <dialogstart name="ex" target="conn:abc">
    <transfer>
      <fileobj objid="o1" src="%1" dest="%3"/>
      <fileobj objid="o2" src="%2" dest="%3"/>
      <transferobjdone>
        <exit namelist="transfer.objid"/>
      </transferobjdone>
      <transferexit>
        <send event="TransferEnd" namelist="transfer.end" target="source"/>
      </transferexit>
    </transfer>
  </dialogstart>
</msml>
)")
                                .arg(QUrl::fromLocalFile(first).toString(),
                                     QUrl::fromLocalFile(second).toString(), dest)
                                .toUtf8();
    QSignalSpy finished(m_a->msml(), &MsmlController::transferFinished);
    QCOMPARE(sendScript(body).response, 200);
    QVERIFY(finished.wait(waitMs));
    QCOMPARE(finished.first().at(1).toString(), QStringLiteral("moml.exit"));
    QTRY_COMPARE_WITH_TIMEOUT(m_app->events.size(), 1, waitMs);
    // RFC 5707 §7.4: the exit's event is moml.exit, with its namelist; the dialog ends there.
    QCOMPARE(m_app->events.first().name, QStringLiteral("moml.exit"));
    QCOMPARE(m_app->events.first().id, QStringLiteral("conn:abc/dialog:ex"));
    QCOMPARE(msmlValue(m_app->events.first(), QStringLiteral("transfer.objid")),
             QStringLiteral("o1"));
    QTest::qWait(300); // no TransferEnd and no second delivery may follow
    QCOMPARE(m_app->events.size(), 1);
    QCOMPARE(m_bOffered.size(), 1);
    QCOMPARE(QDir(m_spool.path()).entryList(QDir::Files).size(), 1);
}

void TestMsmlControl::controlByeStopsTransfers()
{
    // The application server hangs up its control dialog while A waits for B to answer.
    m_b->calls().setAnswerPolicy(AnswerPolicy::Manual);
    const QString source = m_media.filePath(QStringLiteral("orphan.amr"));
    QVERIFY(writeRandomFile(source, 4096, 15));
    QCOMPARE(sendScript(script(QUrl::fromLocalFile(source).toString())).response, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_bOffered.size(), 1, waitMs);
    QCOMPARE(m_a->msml()->runningDialogs(), QStringList{QStringLiteral("conn:abc/dialog:12345")});

    QSignalSpy finished(m_a->msml(), &MsmlController::transferFinished);
    QVERIFY(m_as->sip().bye(m_app->control));
    QVERIFY(finished.wait(waitMs));
    QCOMPARE(finished.first().at(0).toString(), QStringLiteral("conn:abc/dialog:12345"));
    QCOMPARE(finished.first().at(1).toString(), QStringLiteral("dialogend"));
    QVERIFY(m_a->msml()->runningDialogs().isEmpty());
    // A cancelled the delivery INVITE; nothing reached the spool; the source stays.
    QTRY_VERIFY_WITH_TIMEOUT(m_b->calls().calls().isEmpty(), waitMs);
    QVERIFY(QDir(m_spool.path()).entryList(QDir::Files).isEmpty());
    QVERIFY(QFile::exists(source));
    // No INFO on a dialog that no longer exists; A is left with no call at all.
    QTRY_VERIFY_WITH_TIMEOUT(m_a->calls().calls().isEmpty(), waitMs);
    QVERIFY(m_app->events.isEmpty());
}

// heraldd on SIGTERM (ShutdownCoordinator): a voicemail delivery still calling its answerer has
// no MSRP message yet, and must hold the shutdown like one that is streaming. Here B answers
// only after the shutdown began; the file must arrive before the coordinator says finished.
void TestMsmlControl::shutdownWaitsForTransferCallingAnswerer()
{
    m_b->calls().setAnswerPolicy(AnswerPolicy::Manual);
    const QString source = m_media.filePath(QStringLiteral("late.amr"));
    QVERIFY(writeRandomFile(source, 200 * 1024, 13));
    const QByteArray hash = sha256Of(source);
    ShutdownCoordinator shutdown(m_a->msrp(), m_a->calls());
    shutdown.followTransfers(m_a->msml());
    QCOMPARE(sendScript(script(QUrl::fromLocalFile(source).toString())).response, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_bOffered.size(), 1, waitMs);
    QCOMPARE(shutdown.inFlightCount(), 1); // the transfer calling B, nothing on MSRP yet

    qsizetype eventsAtFinish = -1;
    QStringList spooledAtFinish;
    QSignalSpy finished(&shutdown, &ShutdownCoordinator::finished);
    connect(&shutdown, &ShutdownCoordinator::finished, this, [&] {
        eventsAtFinish = m_app->events.size();
        spooledAtFinish = QDir(m_spool.path()).entryList(QDir::Files);
    });
    shutdown.begin(std::chrono::milliseconds(waitMs));
    QVERIFY(!finished.wait(300)); // held by the transfer
    QVERIFY(m_b->calls().answer(m_bOffered.first()->id()));
    QVERIFY(finished.wait(waitMs));
    QCOMPARE(finished.first().at(0).toInt(), 1); // the file's message completed
    QCOMPARE(finished.first().at(1).toInt(), 0);
    // The application server had heard the transfer's end: the events went out first.
    QVERIFY2(eventsAtFinish >= 1, "finished before the transfer's events were delivered");
    QCOMPARE(msmlValue(m_app->events.at(eventsAtFinish - 1), QStringLiteral("transfer.end")),
             QStringLiteral("transfer.complete"));
    QCOMPARE(spooledAtFinish.size(), 1);
    QCOMPARE(sha256Of(m_spool.filePath(spooledAtFinish.first())), hash);
}

// A delivery whose answerer never answers holds the shutdown for the grace period only; then
// its application server hears transfer.end = transfer.error (so it can deliver elsewhere) and
// the INVITE is cancelled.
void TestMsmlControl::shutdownGraceStopsUnansweredTransfer()
{
    m_b->calls().setAnswerPolicy(AnswerPolicy::Manual);
    const QString source = m_media.filePath(QStringLiteral("never.amr"));
    QVERIFY(writeRandomFile(source, 4096, 14));
    ShutdownCoordinator shutdown(m_a->msrp(), m_a->calls());
    shutdown.followTransfers(m_a->msml());
    QCOMPARE(sendScript(script(QUrl::fromLocalFile(source).toString())).response, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_bOffered.size(), 1, waitMs);
    QSignalSpy finished(&shutdown, &ShutdownCoordinator::finished);
    QElapsedTimer elapsed;
    elapsed.start();
    shutdown.begin(std::chrono::milliseconds(400));
    QVERIFY(finished.wait(waitMs));
    QVERIFY2(elapsed.elapsed() >= 380, qPrintable(QString::number(elapsed.elapsed())));
    QTRY_COMPARE_WITH_TIMEOUT(m_app->events.size(), 1, waitMs);
    QCOMPARE(msmlValue(m_app->events.first(), QStringLiteral("transfer.end")),
             QStringLiteral("transfer.error"));
    QVERIFY(m_a->msml()->runningDialogs().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_b->calls().calls().isEmpty(), waitMs); // the INVITE was cancelled
    QVERIFY(QDir(m_spool.path()).entryList(QDir::Files).isEmpty());
}

QTEST_GUILESS_MAIN(TestMsmlControl)
#include "tst_msmlcontrol.moc"
