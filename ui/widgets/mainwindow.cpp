// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/mainwindow.h"

#include "engine/service/engine.h"
#include "ui/models/incomingcallsmodel.h"
#include "ui/widgets/labview.h"
#include "ui/widgets/placeholdertableview.h"
#include "ui/widgets/psapview.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace herald::ui {

MainWindow::MainWindow(service::Engine &engine, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Herald"));

    m_psapView = new PsapView;
    m_labView = new LabView(engine);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setAccessibleName(tr("Views"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_psapView, tr("PSAP"));
    m_tabs->setTabToolTip(0, tr("Text calls: conversation, caller and location (Ctrl+1)"));
    m_tabs->addTab(m_labView, tr("Lab"));
    m_tabs->setTabToolTip(1, tr("SIP dialogs, MSRP sessions and TCP connections (Ctrl+2)"));

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(createIncomingQueue());
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({420, 860});
    setCentralWidget(splitter);

    createMenus();

    m_listenStatus = new QLabel;
    m_listenStatus->setObjectName(QStringLiteral("listenStatus"));
    m_listenStatus->setAccessibleName(tr("MSRP listener"));
    m_connectionCount = new QLabel;
    m_connectionCount->setObjectName(QStringLiteral("connectionCount"));
    m_connectionCount->setAccessibleName(tr("MSRP connections"));
    statusBar()->addWidget(m_listenStatus, 1);
    statusBar()->addPermanentWidget(m_connectionCount);

    connect(&m_engine, &service::Engine::started, this, &MainWindow::updateListenStatus);
    connect(&m_engine, &service::Engine::stopped, this, &MainWindow::updateListenStatus);
    connect(&m_engine, &service::Engine::msrpConnectionCountChanged, this,
            &MainWindow::updateConnectionCount);
    updateListenStatus();
    updateConnectionCount(m_engine.msrpConnectionCount());

    resize(1280, 800);
    m_incomingView->setFocus();
}

QWidget *MainWindow::createIncomingQueue()
{
    auto *panel = new QWidget;
    panel->setObjectName(QStringLiteral("incomingPanel"));

    auto *title = new QLabel(tr("&Incoming texts"), panel);
    title->setObjectName(QStringLiteral("viewTitle"));

    m_incomingModel = new IncomingCallsModel(m_engine, this);
    m_incomingView = new PlaceholderTableView(panel);
    m_incomingView->setObjectName(QStringLiteral("incomingView"));
    m_incomingView->setModel(m_incomingModel);
    m_incomingView->setPlaceholderText(tr("No incoming text calls"));
    m_incomingView->setAccessibleName(tr("Incoming text calls"));
    m_incomingView->horizontalHeader()->setSectionResizeMode(IncomingCallsModel::Received,
                                                             QHeaderView::ResizeToContents);
    title->setBuddy(m_incomingView);

    auto *accept = new QPushButton(tr("&Accept"), panel);
    accept->setObjectName(QStringLiteral("acceptButton"));
    accept->setToolTip(tr("Answer the selected text call"));
    // Enabled by a waiting call once the call registry exists.
    accept->setEnabled(false);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(9, 9, 0, 9);
    layout->addWidget(title);
    layout->addWidget(m_incomingView, 1);
    layout->addWidget(accept, 0, Qt::AlignRight);
    return panel;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *incoming = view->addAction(
        tr("&Incoming texts"), this, [this] { m_incomingView->setFocus(Qt::ShortcutFocusReason); });
    incoming->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction *psap = view->addAction(tr("&PSAP"), this, [this] { m_tabs->setCurrentIndex(0); });
    psap->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *lab = view->addAction(tr("&Lab"), this, [this] { m_tabs->setCurrentIndex(1); });
    lab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Herald"), this, [this] {
        QMessageBox::about(this, tr("About Herald"),
                           tr("<p><b>Herald</b> %1</p><p>Open-source MSRP media server and "
                              "operator console.</p><p>GPL-3.0-or-later</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

QString MainWindow::listenStatusText() const
{
    return m_listenStatus->text();
}

void MainWindow::updateListenStatus()
{
    m_listenStatus->setPalette(QPalette()); // undo showEngineError()'s colour
    if (m_engine.isRunning())
        m_listenStatus->setText(tr("MSRP listening on %1").arg(m_engine.msrpListenEndpoint()));
    else
        m_listenStatus->setText(tr("MSRP not listening"));
}

void MainWindow::showEngineError(const QString &detail)
{
    m_listenStatus->setText(tr("MSRP not listening: %1").arg(detail));
    QPalette palette = m_listenStatus->palette();
    palette.setColor(QPalette::WindowText, QColor(0x9b, 0x1c, 0x1c));
    m_listenStatus->setPalette(palette);
}

void MainWindow::updateConnectionCount(int count)
{
    m_connectionCount->setText(count == 1 ? tr("1 MSRP connection")
                                          : tr("%n MSRP connections", nullptr, count));
}

} // namespace herald::ui
