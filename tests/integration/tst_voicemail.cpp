// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Voicemail delivery end to end with heraldd processes (DESIGN.md §1): an application server
// (a SIP user agent built on the engine, in this process) opens a control-only dialog to heraldd
// A and sends the transfer script of DESIGN.md §1; A delivers a 20 MB file through its outbound
// proxy to heraldd B, a delivery server with a spool. B's file has the source's SHA-256, A's
// source is gone, and the server gets transfer.objectdone then TransferEnd. Also: a bad script,
// a traversal src, an answerer that refuses with 486, B dying mid-file, and an https:// src
// whose certificate A verifies against the CA given by --http-fetch-ca.
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/msml/msmlparser.h"
#include "engine/service/engine.h"
#include "tests/support/httpresponder.h"
#include "tests/support/msmltestsupport.h"
#include "tests/support/testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>

using namespace herald;
using namespace herald::service;
using namespace std::chrono_literals;

namespace {

constexpr int waitMs = 20000;
using test::sha256Of;
using test::writeRandomFile;

using test::msmlValue;

// One heraldd child process with its own store and log files.
struct Heraldd
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    quint16 sipPort = 0;
    QString out;

    bool start(const QString &dir, const QString &name, QStringList arguments)
    {
        out = dir + QLatin1Char('/') + name + QStringLiteral(".out");
        process->setStandardOutputFile(out);
        process->setStandardErrorFile(dir + QLatin1Char('/') + name + QStringLiteral(".err"));
        arguments << QStringLiteral("--msrp-listen") << QStringLiteral("127.0.0.1:0")
                  << QStringLiteral("--sip-listen") << QStringLiteral("127.0.0.1:0")
                  << QStringLiteral("--store")
                  << dir + QLatin1Char('/') + name + QStringLiteral(".db");
        process->start(test::binDir() + QStringLiteral("/heraldd"), arguments);
        if (!process->waitForStarted(10000))
            return false;
        static const QRegularExpression sipLine(
            QStringLiteral(R"(^heraldd: SIP listening on 127\.0\.0\.1:(\d+) )"),
            QRegularExpression::MultilineOption);
        QRegularExpressionMatch match;
        // The match itself is the result (below); the wait only bounds it.
        (void)QTest::qWaitFor(
            [&] {
                match = sipLine.match(QString::fromUtf8(test::readFile(out)));
                return match.hasMatch() || process->state() == QProcess::NotRunning;
            },
            10000);
        sipPort = match.hasMatch() ? match.captured(1).toUShort() : 0;
        return sipPort != 0;
    }
    ~Heraldd()
    {
        if (process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(5000)) {
                process->kill();
                process->waitForFinished(5000);
            }
        }
    }
};

} // namespace

class TestVoicemail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void deliversThroughProxy();
    void badScript();
    void traversalSource();
    void answererBusy();
    void connectionDropsMidFile();
    void httpsSourceWithConfiguredCa();

private:
    bool startA(const QString &outboundProxy, const QStringList &extraArguments = {});
    msml::ResultDocument sendScript(const QByteArray &script) { return m_app->sendScript(script); }
    static QByteArray script(const QString &src, const QString &answerer)
    {
        return test::voicemailScript(src, answerer);
    }

    SystemClock m_clock;
    SeededRandomSource m_random{41};
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_media;
    QString m_spool;
    std::unique_ptr<Heraldd> m_a;
    std::unique_ptr<Heraldd> m_b;
    std::unique_ptr<Engine> m_as;
    std::unique_ptr<test::MsmlAppServer> m_app; // its events arrive in order
};

void TestVoicemail::init()
{
    if (!QFile::exists(test::binDir() + QStringLiteral("/heraldd")))
        QSKIP("heraldd is not built");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_media = m_dir->filePath(QStringLiteral("media"));
    m_spool = m_dir->filePath(QStringLiteral("spool"));
    QVERIFY(QDir().mkpath(m_media) && QDir().mkpath(m_spool));

    m_b = std::make_unique<Heraldd>();
    QVERIFY2(
        m_b->start(m_dir->path(), QStringLiteral("b"), {QStringLiteral("--spool-dir"), m_spool}),
        test::readFile(m_dir->filePath(QStringLiteral("b.err"))).constData());

    EngineConfig config = test::loopbackEngineConfig("appserver");
    config.answerPolicy = AnswerPolicy::Manual;
    m_as = std::make_unique<Engine>(config, m_clock, m_random);
    QVERIFY(m_as->start());
    m_app = std::make_unique<test::MsmlAppServer>(*m_as, waitMs);
}

void TestVoicemail::cleanup()
{
    if (m_as)
        test::stopEngine(*m_as, waitMs);
    m_app.reset();
    m_as.reset();
    m_a.reset();
    m_b.reset();
    m_dir.reset();
}

bool TestVoicemail::startA(const QString &outboundProxy, const QStringList &extraArguments)
{
    m_a = std::make_unique<Heraldd>();
    QStringList arguments =
        QStringList{QStringLiteral("--msml-control"), QStringLiteral("--media-root"), m_media} +
        extraArguments;
    if (!outboundProxy.isEmpty())
        arguments << QStringLiteral("--sip-outbound-proxy") << outboundProxy;
    if (!m_a->start(m_dir->path(), QStringLiteral("a"), arguments)) {
        qWarning() << test::readFile(m_dir->filePath(QStringLiteral("a.err")));
        return false;
    }
    return m_app->openControl("sip:msml@127.0.0.1:" + QByteArray::number(m_a->sipPort) +
                              ";transport=tcp") != 0;
}

void TestVoicemail::deliversThroughProxy()
{
    // B is A's outbound proxy (the IMS core's place); the answerer's host does not resolve.
    QVERIFY(startA(QStringLiteral("sip:127.0.0.1:%1;transport=tcp;lr").arg(m_b->sipPort)));
    const QString source = m_media + QStringLiteral("/msg1.amr");
    QVERIFY(writeRandomFile(source, 20 * 1024 * 1024, 3));
    const QByteArray sourceHash = sha256Of(source);

    const auto result = sendScript(script(QUrl::fromLocalFile(source).toString(),
                                          QStringLiteral("sip:vmds@vmds.invalid;transport=tcp")));
    QCOMPARE(result.response, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->events.size(), 2, waitMs);
    QCOMPARE(m_app->events.at(0).name, QStringLiteral("transfer.objectdone"));
    QCOMPARE(m_app->events.at(0).id, QStringLiteral("conn:abc/dialog:12345"));
    QCOMPARE(msmlValue(m_app->events.at(0), QStringLiteral("transfer.objid")),
             QStringLiteral("vm1"));
    bool numeric = false;
    msmlValue(m_app->events.at(0), QStringLiteral("transfer.duration")).toLongLong(&numeric);
    QVERIFY(numeric);
    QCOMPARE(m_app->events.at(1).name, QStringLiteral("TransferEnd"));
    QCOMPARE(msmlValue(m_app->events.at(1), QStringLiteral("transfer.end")),
             QStringLiteral("transfer.complete"));
    msmlValue(m_app->events.at(1), QStringLiteral("transfer.duration")).toLongLong(&numeric);
    QVERIFY(numeric);

    const QStringList spooled = QDir(m_spool).entryList(QDir::Files);
    QCOMPARE(spooled.size(), 1);
    QVERIFY(spooled.first().endsWith(QStringLiteral("-msg1.amr")));
    QCOMPARE(sha256Of(m_spool + QLatin1Char('/') + spooled.first()), sourceHash);
    QVERIFY(!QFile::exists(source));
}

void TestVoicemail::badScript()
{
    QVERIFY(startA({}));
    const auto result =
        sendScript("<msml version=\"1.1\"><dialogstart target=\"conn:abc\">"
                   "<transfer><fileobj objid=\"x\"/></transfer></dialogstart></msml>");
    QVERIFY2(result.response >= 400 && result.response < 500, qPrintable(result.description));
    QVERIFY(!result.description.isEmpty());
}

void TestVoicemail::traversalSource()
{
    QVERIFY(startA({}));
    const QString secret = m_dir->filePath(QStringLiteral("secret.amr"));
    QVERIFY(writeRandomFile(secret, 4096, 4));
    QVERIFY(QFile::link(secret, m_media + QStringLiteral("/link.amr")));
    const QString answerer =
        QStringLiteral("sip:vmds@127.0.0.1:%1;transport=tcp").arg(m_b->sipPort);
    const QStringList sources{
        QString(QStringLiteral("file://") + m_media + QStringLiteral("/../secret.amr")),
        QUrl::fromLocalFile(m_media + QStringLiteral("/link.amr")).toString()};
    for (const QString &src : sources) {
        const auto result = sendScript(script(src, answerer));
        QVERIFY2(result.response >= 400 && result.response < 500, qPrintable(src));
    }
    QVERIFY(QFile::exists(secret));
    QVERIFY(QDir(m_spool).entryList(QDir::Files).isEmpty());
    QVERIFY(m_app->events.isEmpty());
}

void TestVoicemail::answererBusy()
{
    QVERIFY(startA({}));
    // The answerer is the application server's own UA, which refuses with 486.
    connect(&m_as->calls(), &CallManager::callOffered, this,
            [this](Call *call) { QVERIFY(m_as->calls().reject(call->id(), 486)); });
    const QString source = m_media + QStringLiteral("/busy.amr");
    QVERIFY(writeRandomFile(source, 4096, 5));
    const auto result = sendScript(
        script(QUrl::fromLocalFile(source).toString(),
               QStringLiteral("sip:vmds@127.0.0.1:%1;transport=tcp").arg(m_as->sipListenPort())));
    QCOMPARE(result.response, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->events.size(), 1, waitMs);
    QCOMPARE(m_app->events.first().name, QStringLiteral("TransferEnd"));
    QCOMPARE(msmlValue(m_app->events.first(), QStringLiteral("transfer.end")),
             QStringLiteral("transfer.error"));
    QVERIFY(QFile::exists(source));
}

void TestVoicemail::connectionDropsMidFile()
{
    QVERIFY(startA(QStringLiteral("sip:127.0.0.1:%1;transport=tcp;lr").arg(m_b->sipPort)));
    // Large enough that B is still receiving when the test sees the first octets arrive.
    const QString source = m_media + QStringLiteral("/long.amr");
    QVERIFY(writeRandomFile(source, 96 * 1024 * 1024, 6));
    QCOMPARE(sendScript(script(QUrl::fromLocalFile(source).toString(),
                               QStringLiteral("sip:vmds@vmds.invalid;transport=tcp")))
                 .response,
             200);
    // B is killed (no goodbye on any connection) once part of the file is in its spool.
    const auto partial = [this] {
        for (const QFileInfo &entry : QDir(m_spool).entryInfoList(QDir::Files))
            if (entry.size() > 0)
                return true;
        return false;
    };
    QVERIFY(QTest::qWaitFor(partial, waitMs));
    m_b->process->kill();
    QVERIFY(m_b->process->waitForFinished(5000));

    QTRY_COMPARE_WITH_TIMEOUT(m_app->events.size(), 1, waitMs);
    QCOMPARE(m_app->events.first().name, QStringLiteral("TransferEnd"));
    QCOMPARE(msmlValue(m_app->events.first(), QStringLiteral("transfer.end")),
             QStringLiteral("transfer.error"));
    QVERIFY(QFile::exists(source)); // not delivered: kept despite delete="true"
    // Whatever B left is its ".part" file: nothing under a name presented as complete.
    const QStringList spooled = QDir(m_spool).entryList(QDir::Files);
    QVERIFY(!spooled.isEmpty());
    for (const QString &name : spooled)
        QVERIFY2(name.endsWith(QStringLiteral(".part")), qPrintable(name));
}

void TestVoicemail::httpsSourceWithConfiguredCa()
{
    // The voicemail store is an https server with a private CA: heraldd A trusts it through
    // --http-fetch-ca (and fetches into --http-fetch-dir), then delivers the file to B.
    test::TestCertificates certificates;
    if (!certificates.create())
        QSKIP(qPrintable(QStringLiteral("no https responder: ") + certificates.error()));
    const QString fetchDir = m_dir->filePath(QStringLiteral("fetch"));
    QVERIFY(QDir().mkpath(fetchDir));
    QVERIFY(startA(QStringLiteral("sip:127.0.0.1:%1;transport=tcp;lr").arg(m_b->sipPort),
                   {QStringLiteral("--http-fetch-ca"), certificates.caFile(),
                    QStringLiteral("--http-fetch-dir"), fetchDir}));
    const QSslConfiguration tls = certificates.serverConfiguration();
    test::HttpResponder https(&tls);
    QVERIFY(https.listen());
    QByteArray body(512 * 1024, Qt::Uninitialized);
    SeededRandomSource(17).fill(
        std::as_writable_bytes(std::span(body.data(), std::size_t(body.size()))));
    https.bodies.insert("/store/msg7.amr", body);

    QCOMPARE(sendScript(script(https.url(QStringLiteral("/store/msg7.amr")),
                               QStringLiteral("sip:vmds@vmds.invalid;transport=tcp")))
                 .response,
             200);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_app->events.size() == 2 ||
            msmlValue(m_app->events.value(0), QStringLiteral("transfer.end")) == u"transfer.error",
        waitMs);
    QVERIFY2(m_app->events.size() == 2 &&
                 msmlValue(m_app->events.at(1), QStringLiteral("transfer.end")) ==
                     u"transfer.complete",
             test::readFile(m_dir->filePath(QStringLiteral("a.err"))).constData());
    const QStringList spooled = QDir(m_spool).entryList(QDir::Files);
    QCOMPARE(spooled.size(), 1);
    QCOMPARE(sha256Of(m_spool + QLatin1Char('/') + spooled.first()),
             QCryptographicHash::hash(body, QCryptographicHash::Sha256));
    QCOMPARE(https.requests, QList<QByteArray>{"/store/msg7.amr"});
    // Nothing is left behind in --http-fetch-dir once delivered.
    QTRY_VERIFY_WITH_TIMEOUT(QDir(fetchDir).isEmpty(QDir::Files | QDir::Hidden), waitMs);
}

QTEST_GUILESS_MAIN(TestVoicemail)
#include "tst_voicemail.moc"
