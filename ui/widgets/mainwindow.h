// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/service/call.h"

#include <QMainWindow>

class QLabel;
class QPushButton;
class QSettings;
class QTabWidget;

namespace herald::service {
class Engine;
}

namespace herald::ui {

class CallPanel;
class IncomingAlert;
class IncomingCallsModel;
class LabView;
class PlaceholderTableView;
class PsapView;
class SettingsDialog;
class VoicemailView;

// The console: the queue of incoming text calls on the left, the PSAP and Lab views in tabs
// beside it, and what the engine listens on in the status bar. It reads the Engine it is
// given; it holds no protocol state of its own.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(service::Engine &engine, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    PlaceholderTableView *incomingView() const { return m_incomingView; }
    LabView *labView() const { return m_labView; }
    VoicemailView *voicemailView() const { return m_voicemailView; }
    PsapView *psapView() const { return m_psapView; }
    IncomingCallsModel *incomingModel() const { return m_incomingModel; }
    IncomingAlert *incomingAlert() const { return m_alert; }
    QPushButton *acceptButton() const { return m_accept; }

    // Answers a waiting call and opens its tab in the PSAP view. Fails when the call is not
    // waiting any more or PsapView::maxCalls calls are open.
    Result<CallPanel *> acceptCall(service::Call::Id id);
    // Accepts the selected waiting call, else the one that has waited longest.
    void acceptSelectedOrOldest();
    // The status bar's account of the MSRP listener.
    QString listenStatusText() const;

    // For main() when start() failed: the status bar shows why the engine is not listening.
    void showEngineError(const QString &detail);
    // Where File > Settings reads and writes (main(): the user's; tests: a temporary file).
    // Without one the menu entry is disabled.
    void setSettings(QSettings *settings);
    // Opens the Settings dialog (modal); null without settings.
    SettingsDialog *openSettings();

private:
    QWidget *createIncomingQueue();
    void createMenus();
    void updateListenStatus();
    void updateConnectionCount(int count);
    void updateAcceptButton();

    service::Engine &m_engine;
    IncomingCallsModel *m_incomingModel = nullptr;
    PlaceholderTableView *m_incomingView = nullptr;
    QTabWidget *m_tabs = nullptr;
    PsapView *m_psapView = nullptr;
    LabView *m_labView = nullptr;
    VoicemailView *m_voicemailView = nullptr;
    QLabel *m_listenStatus = nullptr;
    QLabel *m_connectionCount = nullptr;
    QLabel *m_sipStatus = nullptr;
    QPushButton *m_accept = nullptr;
    IncomingAlert *m_alert = nullptr;
    QSettings *m_settings = nullptr;
    QAction *m_settingsAction = nullptr;
};

} // namespace herald::ui
