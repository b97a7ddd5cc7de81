// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/labview.h"

#include "ui/models/labtablemodel.h"
#include "ui/widgets/placeholdertableview.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace herald::ui {

namespace {

// A titled table; the title's mnemonic (Alt+letter) moves the focus to the table.
PlaceholderTableView *addSection(QSplitter *splitter, LabTableModel *model,
                                 const QString &objectName, const QString &title,
                                 const QString &accessibleName, const QString &placeholder)
{
    auto *section = new QWidget(splitter);
    auto *label = new QLabel(title, section);
    label->setObjectName(QStringLiteral("sectionTitle"));
    auto *view = new PlaceholderTableView(section);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setPlaceholderText(placeholder);
    view->setAccessibleName(accessibleName);
    label->setBuddy(view);

    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(label);
    layout->addWidget(view, 1);
    splitter->addWidget(section);
    return view;
}

} // namespace

LabView::LabView(service::Engine &engine, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("labView"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);

    using Table = LabTableModel::Table;
    m_sipDialogs = addSection(splitter, new LabTableModel(Table::SipDialogs, engine, this),
                              QStringLiteral("sipDialogsView"), tr("SIP &dialogs"),
                              tr("SIP dialogs"), tr("No SIP dialogs"));
    m_msrpSessions = addSection(splitter, new LabTableModel(Table::MsrpSessions, engine, this),
                                QStringLiteral("msrpSessionsView"), tr("&MSRP sessions"),
                                tr("MSRP sessions"), tr("No MSRP sessions"));
    m_tcpConnections = addSection(splitter, new LabTableModel(Table::TcpConnections, engine, this),
                                  QStringLiteral("tcpConnectionsView"), tr("&TCP connections"),
                                  tr("TCP connections"), tr("No TCP connections"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
}

} // namespace herald::ui
