// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QWidget>

class QSplitter;
class QTabWidget;

namespace herald::service {
class Engine;
}

namespace herald::ui {

class MsrpSessionsModel;
class MsrpTraceModel;
class MsrpTraceView;
class PlaceholderTableView;
class SipDialogsModel;
class SipLadderModel;
class SipLadderView;
class TcpConnectionsModel;

// The lab engineer's view: live tables of SIP dialogs, MSRP sessions and TCP connections,
// one above the other so all three stay in sight, and below them the details of the chosen
// row: the raw MSRP frames of a session (trace) or the SIP messages of a dialog (ladder).
// Recording both starts with the view; each can be switched off in its pane. Every column
// of every table stays inside its pane (identifiers elided in the middle, full on hover);
// the tables keep a few rows in sight and the details take the rest of the height.
class LabView : public QWidget
{
    Q_OBJECT

public:
    explicit LabView(service::Engine &engine, QWidget *parent = nullptr);

    PlaceholderTableView *sipDialogsView() const { return m_sipDialogs; }
    PlaceholderTableView *msrpSessionsView() const { return m_msrpSessions; }
    PlaceholderTableView *tcpConnectionsView() const { return m_tcpConnections; }
    SipDialogsModel *sipDialogsModel() const { return m_sipDialogsModel; }
    MsrpSessionsModel *msrpSessionsModel() const { return m_msrpSessionsModel; }
    TcpConnectionsModel *tcpConnectionsModel() const { return m_tcpConnectionsModel; }
    MsrpTraceModel *traceModel() const { return m_traceModel; }
    SipLadderModel *ladderModel() const { return m_ladderModel; }
    MsrpTraceView *traceView() const { return m_traceView; }
    SipLadderView *ladderView() const { return m_ladderView; }
    QTabWidget *details() const { return m_details; }
    QSplitter *splitter() const { return m_splitter; }

    // The heights of the tables and the details, for the console's settings; a restored
    // layout (or a handle moved by the user) replaces the default proportions.
    QByteArray saveLayout() const;
    bool restoreLayout(const QByteArray &state);
    // The height of one message (rung) of the SIP ladder.
    int ladderRungHeight() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyDefaultLayout();

    QSplitter *m_splitter = nullptr;
    bool m_layoutChosen = false;
    PlaceholderTableView *m_sipDialogs = nullptr;
    PlaceholderTableView *m_msrpSessions = nullptr;
    PlaceholderTableView *m_tcpConnections = nullptr;
    SipDialogsModel *m_sipDialogsModel = nullptr;
    MsrpSessionsModel *m_msrpSessionsModel = nullptr;
    TcpConnectionsModel *m_tcpConnectionsModel = nullptr;
    MsrpTraceModel *m_traceModel = nullptr;
    SipLadderModel *m_ladderModel = nullptr;
    MsrpTraceView *m_traceView = nullptr;
    SipLadderView *m_ladderView = nullptr;
    QTabWidget *m_details = nullptr;
};

} // namespace herald::ui
