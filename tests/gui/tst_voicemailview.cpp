// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The voicemail demo tab (issue 8, item 3): it offers a file in an RFC 5547 push to the
// built-in local delivery endpoint (DemoDeliveryServer, preselected), shows its progress by
// Byte-Range up to 100 %, and the endpoint stores the same bytes (SHA-256). Bad input is
// refused beside the Send button without placing a call.

#include "app/common/demo/demodeliveryserver.h"
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/service/engine.h"
#include "tests/support/msmltestsupport.h"
#include "tests/support/testsupport.h"
#include "ui/widgets/voicemailview.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace herald;
using namespace std::chrono_literals;

namespace {
constexpr int waitMs = 20000;
}

class TestVoicemailView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void localEndpointPreselected();
    void deliversToLocalEndpoint();
    void routesThroughOutboundProxy();
    void refusesBadInput_data();
    void refusesBadInput();

private:
    SystemClock m_clock;
    SeededRandomSource m_random{31};
    SeededRandomSource m_serverRandom{32};
    QTemporaryDir m_dir;
    std::unique_ptr<service::Engine> m_engine;
    std::unique_ptr<app::DemoDeliveryServer> m_server;
    std::unique_ptr<ui::VoicemailView> m_view;
    int m_endpointStarts = 0;
};

void TestVoicemailView::init()
{
    QVERIFY(m_dir.isValid());
    const service::EngineConfig config = test::loopbackEngineConfig("console");
    m_engine = std::make_unique<service::Engine>(config, m_clock, m_random);
    QVERIFY(m_engine->start());
    m_server = std::make_unique<app::DemoDeliveryServer>(m_clock, m_serverRandom);
    m_view = std::make_unique<ui::VoicemailView>(*m_engine);
    m_endpointStarts = 0;
}

void TestVoicemailView::cleanup()
{
    m_view.reset();
    m_server.reset();
    if (m_engine)
        m_engine->stop();
    m_engine.reset();
}

void TestVoicemailView::localEndpointPreselected()
{
    // Without a local endpoint the operator types a SIP URI.
    QVERIFY(!m_view->localButton()->isEnabled());
    QVERIFY(m_view->uriButton()->isChecked());
    QVERIFY(m_view->uriEdit()->isEnabled());

    m_view->setLocalEndpoint([] { return QByteArray("sip:vmds@127.0.0.1"); });
    QVERIFY(m_view->localButton()->isEnabled());
    QVERIFY(m_view->localButton()->isChecked());
    QVERIFY(!m_view->uriEdit()->isEnabled());
    QVERIFY(!m_view->proxyEdit()->isEnabled()); // loopback: no proxy
    // Nothing chosen yet: nothing to send.
    QVERIFY(!m_view->sendButton()->isEnabled());
    m_view->fileEdit()->setText(m_dir.filePath(QStringLiteral("message.amr")));
    QVERIFY(m_view->sendButton()->isEnabled());
}

void TestVoicemailView::deliversToLocalEndpoint()
{
    m_view->setLocalEndpoint([this]() -> Result<QByteArray> {
        ++m_endpointStarts;
        if (m_server->uri().isEmpty())
            if (auto started = m_server->start(); !started)
                return tl::unexpected(started.error());
        return m_server->uri();
    });
    connect(m_server.get(), &app::DemoDeliveryServer::fileReceived, m_view.get(),
            &ui::VoicemailView::showReceived);
    QSignalSpy received(m_server.get(), &app::DemoDeliveryServer::fileReceived);
    QSignalSpy finished(m_view.get(), &ui::VoicemailView::transferFinished);

    // Big enough for several progress steps of the session (and several chunks).
    const QString path = m_dir.filePath(QStringLiteral("voicemail-demo.amr"));
    const qint64 size = 700 * 1024 + 17;
    QVERIFY(test::writeRandomFile(path, size, 5547));
    m_view->fileEdit()->setText(path);
    QVERIFY(m_view->sendButton()->isEnabled());
    QTest::mouseClick(m_view->sendButton(), Qt::LeftButton);
    QCOMPARE(m_endpointStarts, 1);
    QVERIFY(m_view->isSending());
    QVERIFY(!m_view->sendButton()->isEnabled()); // one transfer at a time

    QVERIFY(finished.wait(waitMs) || finished.size() == 1);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(m_view->progressBar()->value(), m_view->progressBar()->maximum());
    QVERIFY2(m_view->progressBar()->text().startsWith(QStringLiteral("100")),
             qPrintable(m_view->progressBar()->text()));
    QVERIFY2(m_view->stateLabel()->text().contains(QStringLiteral("voicemail-demo.amr")),
             qPrintable(m_view->stateLabel()->text()));

    // Progress by Byte-Range: ranges follow one another from octet 1 to the last.
    QTreeWidget *log = m_view->chunkLog();
    quint64 next = 1;
    for (int i = 0; i < log->topLevelItemCount(); ++i) {
        const QString range = log->topLevelItem(i)->text(1);
        if (!range.contains(u'-'))
            continue;
        const QStringList parts = range.split(u'/');
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts[1], QString::number(size));
        QCOMPARE(parts[0].section(u'-', 0, 0).toULongLong(), next);
        next = parts[0].section(u'-', 1, 1).toULongLong() + 1;
    }
    QCOMPARE(next, quint64(size) + 1);

    // The endpoint stored the file once the call ended (BYE after delivery, RFC 5547 §9).
    QVERIFY(received.size() == 1 || received.wait(waitMs));
    const QString stored = received.first().at(0).toString();
    QCOMPARE(received.first().at(1).toLongLong(), size);
    QCOMPARE(test::sha256Of(stored), test::sha256Of(path));
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->isSending() && m_view->sendButton()->isEnabled(), waitMs);
    const QString last = log->topLevelItem(log->topLevelItemCount() - 1)->text(3);
    QVERIFY2(last.contains(stored), qPrintable(last));
}

// RFC 3261 §8.1.2: with an outbound proxy the INVITE goes to the proxy (a preloaded Route),
// whatever host the destination names. The delivery server stands in for the proxy here: the
// destination is a documentation address (RFC 5737) nothing listens on.
void TestVoicemailView::routesThroughOutboundProxy()
{
    QVERIFY(m_server->start());
    QSignalSpy finished(m_view.get(), &ui::VoicemailView::transferFinished);
    const QString path = m_dir.filePath(QStringLiteral("routed.wav"));
    QVERIFY(test::writeRandomFile(path, 20000, 3261));
    m_view->fileEdit()->setText(path);
    m_view->uriButton()->setChecked(true);
    m_view->uriEdit()->setText(QStringLiteral("sip:voicemail@192.0.2.1;transport=tcp"));
    m_view->proxyEdit()->setText(QString::fromUtf8(m_server->uri()));
    QVERIFY(m_view->send());
    QVERIFY(finished.wait(waitMs) || finished.size() == 1);
    QVERIFY2(finished.first().first().toBool(), qPrintable(m_view->stateLabel()->text()));
}

void TestVoicemailView::refusesBadInput_data()
{
    QTest::addColumn<bool>("fileExists");
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("proxy");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no such file") << false << "sip:vm@127.0.0.1"
                                  << ""
                                  << "Cannot read";
    QTest::newRow("not a SIP URI") << true << "voicemail@example.org"
                                   << ""
                                   << "SIP URI";
    QTest::newRow("proxy not a SIP URI") << true << "sip:vm@127.0.0.1"
                                         << "proxy.example"
                                         << "outbound proxy";
}

void TestVoicemailView::refusesBadInput()
{
    QFETCH(bool, fileExists);
    QFETCH(QString, uri);
    QFETCH(QString, proxy);
    QFETCH(QString, reason);
    const QString path = m_dir.filePath(QStringLiteral("short.wav"));
    QFile::remove(path);
    if (fileExists)
        QVERIFY(test::writeRandomFile(path, 1000, 1));
    m_view->fileEdit()->setText(path);
    m_view->uriButton()->setChecked(true);
    m_view->uriEdit()->setText(uri);
    m_view->proxyEdit()->setText(proxy);
    const auto sent = m_view->send();
    QVERIFY(!sent);
    QVERIFY(!m_view->isSending());
    QVERIFY2(m_view->stateLabel()->text().contains(reason),
             qPrintable(m_view->stateLabel()->text()));
    QCOMPARE(m_engine->calls().calls().size(), 0);
}

QTEST_MAIN(TestVoicemailView)
#include "tst_voicemailview.moc"
