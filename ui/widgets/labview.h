// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QWidget>

namespace herald::service {
class Engine;
}

namespace herald::ui {

class MsrpSessionsModel;
class PlaceholderTableView;
class SipDialogsModel;
class TcpConnectionsModel;

// The lab engineer's view: live tables of SIP dialogs, MSRP sessions and TCP connections,
// one above the other so all three stay in sight.
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

private:
    PlaceholderTableView *m_sipDialogs = nullptr;
    PlaceholderTableView *m_msrpSessions = nullptr;
    PlaceholderTableView *m_tcpConnections = nullptr;
    SipDialogsModel *m_sipDialogsModel = nullptr;
    MsrpSessionsModel *m_msrpSessionsModel = nullptr;
    TcpConnectionsModel *m_tcpConnectionsModel = nullptr;
};

} // namespace herald::ui
