// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/labview.h"

#include "engine/service/engine.h"
#include "ui/models/msrpsessionsmodel.h"
#include "ui/models/sipdialogsmodel.h"
#include "ui/models/tcpconnectionsmodel.h"
#include "ui/widgets/placeholdertableview.h"
#include "ui/widgets/progressdelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace herald::ui {

namespace {

constexpr int fitRowLimit = 50;
constexpr int widestColumnChars = 17;

// A titled table; the title's mnemonic (Alt+letter) moves the focus to the table.
PlaceholderTableView *addSection(QSplitter *splitter, QAbstractItemModel *model,
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
    // Identifiers keep their start and end in sight.
    view->setTextElideMode(Qt::ElideMiddle);
    // Columns follow their contents while a table is small (a lab session or a demo); with
    // hundreds of rows they stay as they are, so a batch of updates costs no re-measuring.
    const auto fit = [view, model] {
        if (model->rowCount() == 0 || model->rowCount() > fitRowLimit)
            return;
        const int widest = view->fontMetrics().averageCharWidth() * widestColumnChars;
        for (int column = 0; column + 1 < model->columnCount(); ++column) {
            view->resizeColumnToContents(column); // the header's text counts too
            const int header = view->horizontalHeader()->sectionSizeHint(column);
            if (view->columnWidth(column) > std::max(widest, header))
                view->setColumnWidth(column, std::max(widest, header));
        }
    };
    QObject::connect(model, &QAbstractItemModel::rowsInserted, view, fit);
    QObject::connect(model, &QAbstractItemModel::dataChanged, view, fit);

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

    m_sipDialogsModel = new SipDialogsModel(engine.calls(), engine.clock(), this);
    m_msrpSessionsModel = new MsrpSessionsModel(engine.msrp(), this);
    m_tcpConnectionsModel = new TcpConnectionsModel(engine.msrp(), this);
    m_sipDialogs = addSection(splitter, m_sipDialogsModel, QStringLiteral("sipDialogsView"),
                              tr("SIP &dialogs"), tr("SIP dialogs"), tr("No SIP dialogs"));
    m_msrpSessions = addSection(splitter, m_msrpSessionsModel, QStringLiteral("msrpSessionsView"),
                                tr("&MSRP sessions"), tr("MSRP sessions"), tr("No MSRP sessions"));
    m_tcpConnections =
        addSection(splitter, m_tcpConnectionsModel, QStringLiteral("tcpConnectionsView"),
                   tr("&TCP connections"), tr("TCP connections"), tr("No TCP connections"));
    m_msrpSessions->setItemDelegateForColumn(
        MsrpSessionsModel::Transfer,
        new ProgressDelegate(MsrpSessionsModel::ProgressRole, m_msrpSessions));
    m_msrpSessions->horizontalHeader()->setSectionResizeMode(MsrpSessionsModel::Session,
                                                             QHeaderView::Interactive);
    m_msrpSessions->setColumnWidth(MsrpSessionsModel::Transfer,
                                   fontMetrics().averageCharWidth() * 26);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
}

} // namespace herald::ui
