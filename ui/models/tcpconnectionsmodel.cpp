// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/models/tcpconnectionsmodel.h"

#include "engine/msrp/session/msrpendpoint.h"

#include <QColor>

namespace herald::ui {

TcpConnectionsModel::TcpConnectionsModel(msrp::Endpoint &endpoint, QObject *parent)
    : LiveTableModel(parent)
{
    setPolling(true);
    connect(&endpoint, &msrp::Endpoint::connectionOpened, this, &TcpConnectionsModel::add);
    connect(&endpoint, &msrp::Endpoint::connectionClosed, this, &TcpConnectionsModel::close);
    for (msrp::Connection *connection : endpoint.connections())
        add(connection);
}

QStringList TcpConnectionsModel::headers() const
{
    return {tr("Direction"), tr("Peer"),      tr("State"),  tr("Sessions"),
            tr("Bytes in"),  tr("Bytes out"), tr("Frames"), tr("Pending")};
}

int TcpConnectionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

void TcpConnectionsModel::read(Row &row)
{
    const msrp::Connection *c = row.connection.data();
    if (!c)
        return;
    if (row.peer.isEmpty())
        row.peer = c->peerAddress();
    row.sessions = c->sessionCount();
    row.bytesIn = c->bytesIn();
    row.bytesOut = c->bytesOut();
    row.framesIn = c->framesIn();
    row.framesOut = c->framesOut();
    row.pending = c->transactionsInFlight();
}

QVariant TcpConnectionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    // Counters are read here, when a view asks (after a batched dataChanged): only the
    // visible rows cost anything.
    Row &row = m_rows[index.row()];
    read(row);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (static_cast<Column>(index.column())) {
        case Direction:
            return row.inbound ? tr("Inbound") : tr("Outbound");
        case Peer:
            return row.peer;
        case State:
            return row.closed ? tr("Closed") : tr("Open");
        case Sessions:
            return row.sessions;
        case BytesIn:
            return formatBytes(row.bytesIn);
        case BytesOut:
            return formatBytes(row.bytesOut);
        case Frames:
            return tr("%1 in / %2 out").arg(row.framesIn).arg(row.framesOut);
        case Pending:
            return row.pending;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ForegroundRole:
        return row.closed ? QVariant(QColor(0x6b, 0x77, 0x85)) : QVariant();
    case Qt::ToolTipRole:
        // The full text of a cell the Lab view had to elide.
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (index.column() == Sessions || index.column() == BytesIn || index.column() == BytesOut ||
            index.column() == Pending)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    default:
        return {};
    }
}

void TcpConnectionsModel::add(msrp::Connection *connection)
{
    if (!connection)
        return;
    for (const Row &row : m_rows)
        if (row.key == connection && !row.closed)
            return;
    Row row;
    row.connection = connection;
    row.key = connection;
    row.inbound = connection->direction() == msrp::Connection::Direction::Inbound;
    read(row);
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(row);
    endInsertRows();
    markChanged();
}

void TcpConnectionsModel::close(msrp::Connection *connection)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        if (row.key != connection || row.closed)
            continue;
        read(row);
        row.closed = true;
        row.connection = nullptr;
        row.key = nullptr;
        markChanged();
        break;
    }
    int closed = 0;
    for (const Row &row : m_rows)
        closed += row.closed ? 1 : 0;
    for (int i = 0; i < m_rows.size() && closed > historyLimit;) {
        if (!m_rows.at(i).closed) {
            ++i;
            continue;
        }
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
        --closed;
    }
}

} // namespace herald::ui
