// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The console's main window over a running Engine: its title, tabs and empty tables, what
// the status bar says about the MSRP listener, and that it can be driven from the keyboard.

#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/service/engine.h"
#include "ui/widgets/labview.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/placeholdertableview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QTabBar>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace herald;

namespace {
constexpr int waitMs = 5000;
}

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void titleAndTabs();
    void emptyTables_data();
    void emptyTables();
    void accessibleNames_data();
    void accessibleNames();
    void statusFollowsEngine();
    void statusCountsConnections();
    void keyboard_data();
    void keyboard();

private:
    ManualClock m_clock;
    SeededRandomSource m_random{7};
    std::unique_ptr<service::Engine> m_engine;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestMainWindow::init()
{
    service::EngineConfig config;
    config.msrpListenPort = 0;
    config.sip.port = 0;
    m_engine = std::make_unique<service::Engine>(config, m_clock, m_random);
    QVERIFY(m_engine->start());
    m_window = std::make_unique<ui::MainWindow>(*m_engine);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_engine.reset();
}

void TestMainWindow::titleAndTabs()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Herald"));
    QTabWidget *tabs = m_window->tabs();
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(tabs->tabText(0), QStringLiteral("PSAP"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Lab"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("Voicemail"));
    QCOMPARE(tabs->currentIndex(), 0); // the call-taker's view first
    QVERIFY(m_window->incomingView()->isVisible());
}

void TestMainWindow::emptyTables_data()
{
    QTest::addColumn<QString>("objectName");
    QTest::addColumn<int>("tab"); // the tab that shows it; -1: always visible
    QTest::addColumn<QString>("placeholder");
    QTest::newRow("incoming texts")
        << QStringLiteral("incomingView") << -1 << QStringLiteral("No incoming text calls");
    QTest::newRow("SIP dialogs") << QStringLiteral("sipDialogsView") << 1
                                 << QStringLiteral("No SIP dialogs");
    QTest::newRow("MSRP sessions")
        << QStringLiteral("msrpSessionsView") << 1 << QStringLiteral("No MSRP sessions");
    QTest::newRow("TCP connections")
        << QStringLiteral("tcpConnectionsView") << 1 << QStringLiteral("No TCP connections");
}

void TestMainWindow::emptyTables()
{
    QFETCH(QString, objectName);
    QFETCH(int, tab);
    QFETCH(QString, placeholder);

    auto *view = m_window->findChild<ui::PlaceholderTableView *>(objectName);
    QVERIFY2(view, qPrintable(objectName));
    if (tab >= 0) {
        QVERIFY(m_window->tabs()->widget(tab)->isAncestorOf(view));
        m_window->tabs()->setCurrentIndex(tab);
    }
    QTRY_VERIFY_WITH_TIMEOUT(view->isVisible(), waitMs);

    QVERIFY(view->model());
    QAbstractItemModelTester tester(view->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(view->model()->rowCount(), 0);
    QVERIFY(view->model()->columnCount() > 0);
    QVERIFY(view->isShowingPlaceholder());
    QCOMPARE(view->placeholderText(), placeholder);

    // The placeholder is painted: the same view without it renders differently.
    const QImage withText = view->grab().toImage();
    view->setPlaceholderText(QString());
    const QImage without = view->grab().toImage();
    view->setPlaceholderText(placeholder);
    QVERIFY(!withText.isNull());
    QVERIFY(withText != without);
}

void TestMainWindow::accessibleNames_data()
{
    QTest::addColumn<QString>("objectName");
    for (const char *name :
         {"incomingView", "sipDialogsView", "msrpSessionsView", "tcpConnectionsView", "mainTabs",
          "acceptButton", "callTabs", "listenStatus", "sipStatus", "connectionCount",
          "voicemailFile", "voicemailLocal", "voicemailRemote", "voicemailUri", "voicemailProxy",
          "voicemailSend", "voicemailProgress", "voicemailChunks"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestMainWindow::accessibleNames()
{
    QFETCH(QString, objectName);
    auto *widget = m_window->findChild<QWidget *>(objectName);
    QVERIFY2(widget, qPrintable(objectName));
    QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(objectName));
}

void TestMainWindow::statusFollowsEngine()
{
    const QString listening =
        QStringLiteral("MSRP listening on 127.0.0.1:%1").arg(m_engine->msrpListenPort());
    QVERIFY(m_engine->msrpListenPort() != 0);
    QCOMPARE(m_window->listenStatusText(), listening);
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("listenStatus"))->text(), listening);

    m_engine->stop();
    QCOMPARE(m_window->listenStatusText(), QStringLiteral("MSRP not listening"));

    QVERIFY(m_engine->start());
    QVERIFY(
        m_window->listenStatusText().startsWith(QStringLiteral("MSRP listening on 127.0.0.1:")));

    m_window->showEngineError(QStringLiteral("cannot listen on 127.0.0.1:1: denied"));
    QCOMPARE(m_window->listenStatusText(),
             QStringLiteral("MSRP not listening: cannot listen on 127.0.0.1:1: denied"));
}

void TestMainWindow::statusCountsConnections()
{
    auto *count = m_window->findChild<QLabel *>(QStringLiteral("connectionCount"));
    QVERIFY(count);
    QCOMPARE(count->text(), QStringLiteral("0 MSRP connections"));

    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), m_engine->msrpListenPort());
    QVERIFY(socket.waitForConnected(waitMs));
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), QStringLiteral("1 MSRP connection"), waitMs);

    socket.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), QStringLiteral("0 MSRP connections"), waitMs);
}

void TestMainWindow::keyboard_data()
{
    QTest::addColumn<int>("startTab");
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<int>("expectedTab");
    QTest::addColumn<QString>("expectedFocus"); // empty: not checked

    QTest::newRow("Ctrl+2 shows Lab")
        << 0 << int(Qt::Key_2) << int(Qt::ControlModifier) << 1 << QString();
    QTest::newRow("Ctrl+3 shows Voicemail")
        << 0 << int(Qt::Key_3) << int(Qt::ControlModifier) << 2 << QString();
    QTest::newRow("Alt+E goes to the voicemail's file")
        << 2 << int(Qt::Key_E) << int(Qt::AltModifier) << 2 << QStringLiteral("voicemailFile");
    QTest::newRow("Ctrl+1 shows PSAP")
        << 1 << int(Qt::Key_1) << int(Qt::ControlModifier) << 0 << QString();
    QTest::newRow("Ctrl+0 goes to the queue")
        << 1 << int(Qt::Key_0) << int(Qt::ControlModifier) << 1 << QStringLiteral("incomingView");
    QTest::newRow("Alt+I goes to the queue")
        << 0 << int(Qt::Key_I) << int(Qt::AltModifier) << 0 << QStringLiteral("incomingView");
    QTest::newRow("Alt+M goes to MSRP sessions")
        << 1 << int(Qt::Key_M) << int(Qt::AltModifier) << 1 << QStringLiteral("msrpSessionsView");
    QTest::newRow("Alt+T goes to TCP connections")
        << 1 << int(Qt::Key_T) << int(Qt::AltModifier) << 1 << QStringLiteral("tcpConnectionsView");
}

void TestMainWindow::keyboard()
{
    QFETCH(int, startTab);
    QFETCH(int, key);
    QFETCH(int, modifiers);
    QFETCH(int, expectedTab);
    QFETCH(QString, expectedFocus);

    QTabWidget *tabs = m_window->tabs();
    tabs->setCurrentIndex(startTab);
    tabs->tabBar()->setFocus();
    QTRY_VERIFY_WITH_TIMEOUT(tabs->tabBar()->hasFocus(), waitMs);

    QTest::keyClick(m_window.get(), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QCOMPARE(tabs->currentIndex(), expectedTab);
    if (!expectedFocus.isEmpty()) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        QCOMPARE(focus->objectName(), expectedFocus);
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
