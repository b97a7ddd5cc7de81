// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/mainwindow.h"

#include "engine/service/engine.h"
#include "ui/models/incomingcallsmodel.h"
#include "ui/widgets/callpanel.h"
#include "ui/widgets/incomingalert.h"
#include "ui/widgets/labview.h"
#include "ui/widgets/placeholdertableview.h"
#include "ui/widgets/psapview.h"
#include "ui/widgets/replyedit.h"
#include "ui/widgets/settingsdialog.h"
#include "ui/widgets/voicemailview.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace herald::ui {

MainWindow::MainWindow(service::Engine &engine, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Herald"));

    m_psapView = new PsapView(engine);
    m_labView = new LabView(engine);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setAccessibleName(tr("Views"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_psapView, tr("PSAP"));
    m_tabs->setTabToolTip(0, tr("Text calls: conversation, caller and location (Ctrl+1)"));
    m_tabs->addTab(m_labView, tr("Lab"));
    m_tabs->setTabToolTip(1, tr("SIP dialogs, MSRP sessions and TCP connections (Ctrl+2)"));
    m_voicemailView = new VoicemailView(engine);
    m_tabs->addTab(m_voicemailView, tr("Voicemail"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_voicemailView),
                          tr("Send a file over MSRP and watch its chunks go (Ctrl+3)"));

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
    m_sipStatus = new QLabel;
    m_sipStatus->setObjectName(QStringLiteral("sipStatus"));
    m_sipStatus->setAccessibleName(tr("SIP listener"));
    statusBar()->addWidget(m_sipStatus);
    statusBar()->addWidget(m_listenStatus, 1);
    statusBar()->addPermanentWidget(m_connectionCount);

    connect(&m_engine, &service::Engine::started, this, &MainWindow::updateListenStatus);
    connect(&m_engine, &service::Engine::stopped, this, &MainWindow::updateListenStatus);
    connect(&m_engine, &service::Engine::msrpConnectionCountChanged, this,
            &MainWindow::updateConnectionCount);
    updateListenStatus();
    updateConnectionCount(m_engine.msrpConnectionCount());

    // The console answers calls by hand: the call-taker accepts each one.
    m_engine.calls().setAnswerPolicy(service::AnswerPolicy::Manual);
    m_alert = new IncomingAlert(*m_incomingModel, *this, this);
    connect(m_incomingModel, &IncomingCallsModel::waitingCountChanged, this,
            &MainWindow::updateAcceptButton);
    connect(m_psapView, &PsapView::liveCallCountChanged, this, &MainWindow::updateAcceptButton);
    updateAcceptButton();

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

    // The location is the long column (a civic address): it takes the room; a number fits.
    m_incomingView->horizontalHeader()->setStretchLastSection(false);
    m_incomingView->horizontalHeader()->setSectionResizeMode(IncomingCallsModel::Location,
                                                             QHeaderView::Stretch);
    // The State column is as wide as its widest label in the bold of a waiting row, whatever
    // the rows: sized from the contents it followed the rows present and cut the Spanish
    // "En espera" when the first waiting row came in.
    QFont bold = m_incomingView->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const int textMargin = 2 * (m_incomingView->style()->pixelMetric(QStyle::PM_FocusFrameHMargin,
                                                                     nullptr, m_incomingView) +
                                1);
    int stateWidth = m_incomingView->horizontalHeader()->sectionSizeHint(IncomingCallsModel::State);
    for (const QString &text : IncomingCallsModel::stateTexts())
        stateWidth = std::max(stateWidth, boldMetrics.horizontalAdvance(text) + textMargin + 4);
    m_incomingView->horizontalHeader()->setSectionResizeMode(IncomingCallsModel::State,
                                                             QHeaderView::Fixed);
    m_incomingView->setColumnWidth(IncomingCallsModel::State, stateWidth);
    // The caller's number too is measured in bold (sized from the contents, a waiting caller's
    // number was cut: "+14255550…"); a long URI is capped and elided.
    const int callerCap = m_incomingView->fontMetrics().averageCharWidth() * 22;
    const auto fitCaller = [this, boldMetrics, textMargin, callerCap] {
        int width = m_incomingView->horizontalHeader()->sectionSizeHint(IncomingCallsModel::Caller);
        for (int row = 0; row < m_incomingModel->rowCount(); ++row)
            width = std::max(
                width,
                std::min(
                    callerCap,
                    boldMetrics.horizontalAdvance(
                        m_incomingModel->index(row, IncomingCallsModel::Caller).data().toString()) +
                        textMargin + 4));
        m_incomingView->setColumnWidth(IncomingCallsModel::Caller, width);
    };
    connect(m_incomingModel, &QAbstractItemModel::rowsInserted, this, fitCaller);
    connect(m_incomingModel, &QAbstractItemModel::rowsRemoved, this, fitCaller);
    fitCaller();
    // Enter or a double click on a row answers it.
    connect(m_incomingView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const auto id = index.data(IncomingCallsModel::CallIdRole).value<quint64>();
        if (index.data(IncomingCallsModel::WaitingRole).toBool())
            acceptCall(id);
        else if (m_psapView->panelFor(id)) // in progress: go to its tab
            if (service::Call *call = m_engine.calls().call(id)) {
                m_psapView->openCall(*call);
                m_tabs->setCurrentWidget(m_psapView);
            }
    });
    connect(m_incomingView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::updateAcceptButton);

    m_accept = new QPushButton(tr("&Accept"), panel);
    auto *accept = m_accept;
    accept->setObjectName(QStringLiteral("acceptButton"));
    accept->setAccessibleName(tr("Accept call"));
    accept->setToolTip(tr("Answer the selected text call, or the one waiting longest"));
    accept->setMinimumWidth(accept->fontMetrics().horizontalAdvance(accept->text()) * 3);
    connect(accept, &QPushButton::clicked, this, &MainWindow::acceptSelectedOrOldest);

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
    m_settingsAction = file->addAction(tr("&Settings…"), this, [this] { openSettings(); });
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setEnabled(false);
    file->addSeparator();
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
    QAction *voicemail = view->addAction(tr("&Voicemail"), this,
                                         [this] { m_tabs->setCurrentWidget(m_voicemailView); });
    voicemail->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Herald"), this, [this] {
        QMessageBox::about(this, tr("About Herald"),
                           tr("<p><b>Herald</b> %1</p><p>Open-source MSRP media server and "
                              "operator console.</p><p>GPL-3.0-or-later</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

Result<CallPanel *> MainWindow::acceptCall(service::Call::Id id)
{
    service::Call *call = m_engine.calls().call(id);
    if (!call || (call->state() != service::CallState::Offered &&
                  call->state() != service::CallState::Ringing))
        return fail(ErrorCode::Conflict, tr("The call is no longer waiting"));
    if (!m_psapView->canTakeCall()) {
        const QString why = tr("%n text calls are open: end one before accepting another", nullptr,
                               PsapView::maxCalls);
        statusBar()->showMessage(why, 5000);
        return fail(ErrorCode::LimitExceeded, why);
    }
    if (const auto answered = m_engine.calls().answer(id); !answered) {
        statusBar()->showMessage(tr("Cannot answer: %1").arg(answered.error().detail), 5000);
        return tl::unexpected(answered.error());
    }
    CallPanel *panel = m_psapView->openCall(*call);
    m_tabs->setCurrentWidget(m_psapView);
    panel->replyEdit()->setFocus(Qt::OtherFocusReason);
    updateAcceptButton();
    return panel;
}

void MainWindow::acceptSelectedOrOldest()
{
    const QModelIndex current = m_incomingView->currentIndex();
    if (current.isValid() && current.data(IncomingCallsModel::WaitingRole).toBool()) {
        acceptCall(current.data(IncomingCallsModel::CallIdRole).value<quint64>());
        return;
    }
    if (service::Call *oldest = m_incomingModel->oldestWaiting())
        acceptCall(oldest->id());
}

void MainWindow::updateAcceptButton()
{
    const bool waiting = m_incomingModel->waitingCount() > 0;
    const bool room = m_psapView->canTakeCall();
    m_accept->setEnabled(waiting && room);
    m_accept->setToolTip(room ? tr("Answer the selected text call, or the one waiting longest")
                              : tr("%n text calls are open: end one before accepting another",
                                   nullptr, PsapView::maxCalls));
}

QString MainWindow::listenStatusText() const
{
    return m_listenStatus->text();
}

void MainWindow::updateListenStatus()
{
    m_listenStatus->setPalette(QPalette()); // undo showEngineError()'s colour
    m_sipStatus->setText(m_engine.isRunning() && m_engine.sipListenPort() != 0
                             ? tr("SIP port %1").arg(m_engine.sipListenPort())
                             : tr("SIP not listening"));
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

void MainWindow::setSettings(QSettings *settings)
{
    m_settings = settings;
    m_settingsAction->setEnabled(settings != nullptr);
}

SettingsDialog *MainWindow::openSettings()
{
    if (!m_settings)
        return nullptr;
    auto *dialog = new SettingsDialog(*m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::settingsSaved, this, [this](const ConsoleSettings &saved) {
        // The sound applies at once; empty: IncomingAlert's built-in chime.
        m_alert->setSoundSource(saved.alertSound.isEmpty()
                                    ? QUrl(QStringLiteral("qrc:/sounds/incoming-call.wav"))
                                    : QUrl::fromLocalFile(saved.alertSound));
    });
    dialog->open();
    return dialog;
}

void MainWindow::updateConnectionCount(int count)
{
    m_connectionCount->setText(count == 1 ? tr("1 MSRP connection")
                                          : tr("%n MSRP connections", nullptr, count));
}

} // namespace herald::ui
