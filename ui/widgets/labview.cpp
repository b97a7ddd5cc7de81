// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/labview.h"

#include "engine/service/engine.h"
#include "ui/models/msrpsessionsmodel.h"
#include "ui/models/msrptracemodel.h"
#include "ui/models/sipdialogsmodel.h"
#include "ui/models/sipladdermodel.h"
#include "ui/models/tcpconnectionsmodel.h"
#include "ui/widgets/msrptraceview.h"
#include "ui/widgets/placeholdertableview.h"
#include "ui/widgets/progressdelegate.h"
#include "ui/widgets/sipladderview.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace herald::ui {

namespace {

constexpr int fitRowLimit = 50;
constexpr int widestColumnChars = 17;

// A titled table; the title's mnemonic (Alt+letter) moves the focus to the table.
PlaceholderTableView *addSection(QSplitter *splitter, QAbstractItemModel *model,
                                 const QString &objectName, const QString &title,
                                 const QString &accessibleName, const QString &placeholder,
                                 const QList<int> &identifierColumns)
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
    // Only identifiers (long random ids and URIs) are capped and elided: counts, states and
    // addresses are read in full (at 1280 px they were cut: "2 sent…ceived").
    const auto fit = [view, model, identifierColumns] {
        if (model->rowCount() == 0 || model->rowCount() > fitRowLimit)
            return;
        const int widest = view->fontMetrics().averageCharWidth() * widestColumnChars;
        for (int column = 0; column + 1 < model->columnCount(); ++column) {
            view->resizeColumnToContents(column); // the header's text counts too
            if (!identifierColumns.contains(column))
                continue;
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
    m_sipDialogs = addSection(
        splitter, m_sipDialogsModel, QStringLiteral("sipDialogsView"), tr("SIP &dialogs"),
        tr("SIP dialogs"), tr("No SIP dialogs"),
        {SipDialogsModel::CallId, SipDialogsModel::Remote, SipDialogsModel::MsrpSession});
    m_msrpSessions = addSection(splitter, m_msrpSessionsModel, QStringLiteral("msrpSessionsView"),
                                tr("&MSRP sessions"), tr("MSRP sessions"), tr("No MSRP sessions"),
                                {MsrpSessionsModel::Session, MsrpSessionsModel::Peer});
    m_tcpConnections =
        addSection(splitter, m_tcpConnectionsModel, QStringLiteral("tcpConnectionsView"),
                   tr("&TCP connections"), tr("TCP connections"), tr("No TCP connections"), {});
    m_msrpSessions->setItemDelegateForColumn(
        MsrpSessionsModel::Transfer,
        new ProgressDelegate(MsrpSessionsModel::ProgressRole, m_msrpSessions));
    m_msrpSessions->horizontalHeader()->setSectionResizeMode(MsrpSessionsModel::Session,
                                                             QHeaderView::Interactive);
    m_msrpSessions->setColumnWidth(MsrpSessionsModel::Transfer,
                                   fontMetrics().averageCharWidth() * 22);

    // The chosen session's frames and the chosen dialog's messages, recorded from now on.
    m_traceModel = new MsrpTraceModel(engine.msrp(), this);
    m_traceModel->setRecording(true);
    m_ladderModel = new SipLadderModel(engine.sip(), this);
    m_ladderModel->setRecording(true);
    m_details = new QTabWidget(splitter);
    m_details->setObjectName(QStringLiteral("labDetails"));
    m_traceView = new MsrpTraceView(m_traceModel, m_details);
    m_ladderView = new SipLadderView(m_ladderModel, m_details);
    m_details->addTab(m_traceView, tr("MSRP tra&ce"));
    m_details->addTab(m_ladderView, tr("SIP &ladder"));
    splitter->addWidget(m_details);
    connect(m_msrpSessions->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_traceView->setSession(
                    current.data(MsrpSessionsModel::SessionIdRole).toByteArray());
                m_details->setCurrentWidget(m_traceView);
            });
    connect(m_sipDialogs->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QString callId =
                    current.siblingAtColumn(SipDialogsModel::CallId).data().toString();
                m_ladderView->setCall(current.data(SipDialogsModel::CallIdRole).toULongLong(),
                                      tr("Call-ID %1").arg(callId));
                m_details->setCurrentWidget(m_ladderView);
            });
    // The tables keep the height their rows need; the details take what is left.
    for (int i = 0; i < 3; ++i)
        splitter->setStretchFactor(i, 3);
    splitter->setStretchFactor(3, 4);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
}

} // namespace herald::ui
