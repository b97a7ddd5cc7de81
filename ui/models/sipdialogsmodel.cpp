// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/models/sipdialogsmodel.h"

#include "engine/core/clock.h"
#include "engine/service/callmanager.h"
#include "ui/models/statenames.h"

#include <QColor>
#include <QLocale>

namespace herald::ui {

SipDialogsModel::SipDialogsModel(service::CallManager &calls, Clock &clock, QObject *parent)
    : LiveTableModel(parent)
    , m_clock(clock)
{
    connect(&calls, &service::CallManager::callOffered, this, &SipDialogsModel::add);
    connect(&calls, &service::CallManager::callPlaced, this, &SipDialogsModel::add);
    connect(&calls, &service::CallManager::callEnded, this, &SipDialogsModel::end);
    for (service::Call *call : calls.calls())
        add(call);
}

QStringList SipDialogsModel::headers() const
{
    return {tr("Call-ID"),   tr("Direction"),    tr("Remote"), tr("State"),
            tr("Transport"), tr("MSRP session"), tr("Started")};
}

int SipDialogsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SipDialogsModel::rowOf(service::Call::Id id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id && !m_rows.at(i).ended)
            return i;
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

void SipDialogsModel::refresh(Row &row) const
{
    const service::Call *call = row.call.data();
    if (!call)
        return;
    row.state = call->state();
    if (!call->sipCallId().isEmpty())
        row.sipCallId = call->sipCallId();
    if (!call->sipTransport().isEmpty())
        row.transport = call->sipTransport();
    if (call->session())
        row.session = call->session()->id();
}

QVariant SipDialogsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    Row &row = m_rows[index.row()];
    refresh(row);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (static_cast<Column>(index.column())) {
        case CallId:
            return row.sipCallId.isEmpty() ? tr("—") : QString::fromLatin1(row.sipCallId);
        case Direction:
            return row.inbound ? tr("Inbound") : tr("Outbound");
        case Remote:
            return QString::fromUtf8(row.remote);
        case State:
            return StateNames::display(row.state);
        case Transport:
            return row.transport.isEmpty() ? tr("—") : QString::fromLatin1(row.transport);
        case MsrpSession:
            return row.session.isEmpty() ? tr("—") : QString::fromLatin1(row.session);
        case Started:
            return QLocale().toString(row.started.toLocalTime().time(), QLocale::LongFormat);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ForegroundRole:
        if (row.state == service::CallState::Failed)
            return QColor(0xa3, 0x1f, 0x1f);
        return row.ended ? QVariant(QColor(0x6b, 0x77, 0x85)) : QVariant();
    case Qt::ToolTipRole:
        // The Lab view elides long ids and URIs in the middle: the full text on hover.
        return data(index, Qt::DisplayRole);
    case CallIdRole:
        return QVariant::fromValue<quint64>(row.id);
    default:
        return {};
    }
}

void SipDialogsModel::add(service::Call *call)
{
    if (!call)
        return;
    const int existing = rowOf(call->id());
    if (existing >= 0 && !m_rows.at(existing).ended)
        return;
    Row row;
    row.call = call;
    row.id = call->id();
    row.inbound = call->direction() == service::CallDirection::Inbound;
    row.remote = call->remoteUri();
    row.started = m_clock.wallNow();
    refresh(row);
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(row);
    endInsertRows();
    connect(call, &service::Call::stateChanged, this, [this] { markChanged(); });
    connect(call, &service::Call::sessionStateChanged, this, [this] { markChanged(); });
}

void SipDialogsModel::end(service::Call *call)
{
    const int at = call ? rowOf(call->id()) : -1;
    if (at < 0)
        return;
    Row &row = m_rows[at];
    refresh(row);
    row.ended = true;
    row.call = nullptr;
    markChanged();
    int ended = 0;
    for (const Row &r : m_rows)
        ended += r.ended ? 1 : 0;
    for (int i = 0; i < m_rows.size() && ended > historyLimit;) {
        if (!m_rows.at(i).ended) {
            ++i;
            continue;
        }
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
        --ended;
    }
}

} // namespace herald::ui
