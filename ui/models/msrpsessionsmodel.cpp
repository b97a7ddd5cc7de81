// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/models/msrpsessionsmodel.h"

#include "engine/msrp/session/msrpendpoint.h"
#include "ui/models/statenames.h"

#include <QColor>

namespace herald::ui {

MsrpSessionsModel::MsrpSessionsModel(msrp::Endpoint &endpoint, QObject *parent)
    : LiveTableModel(parent)
{
    connect(&endpoint, &msrp::Endpoint::sessionCreated, this, &MsrpSessionsModel::addSession);
    connect(&endpoint, &msrp::Endpoint::sessionEnded, this, &MsrpSessionsModel::endSession);
    for (msrp::Session *session : endpoint.sessions())
        addSession(session);
}

QStringList MsrpSessionsModel::headers() const
{
    return {tr("Session"),  tr("State"), tr("Peer"),    tr("Connection"),
            tr("Messages"), tr("Bytes"), tr("Transfer")};
}

int MsrpSessionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MsrpSessionsModel::rowOf(const QByteArray &sessionId) const
{
    const Row *row = rowFor(sessionId);
    for (size_t i = 0; row && i < m_rows.size(); ++i)
        if (m_rows[i].get() == row)
            return int(i);
    return -1;
}

QVariant MsrpSessionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = *m_rows.at(size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (static_cast<Column>(index.column())) {
        case Session:
            return QString::fromLatin1(row.id);
        case State:
            return StateNames::display(row.state);
        case Peer:
            return QString::fromUtf8(row.peer);
        case Connection:
            return row.connection.isEmpty() ? tr("—") : row.connection;
        case Messages:
            return tr("%1 out / %2 in").arg(row.sent).arg(row.received);
        case Bytes:
            return tr("%1 out / %2 in").arg(formatBytes(row.bytesOut), formatBytes(row.bytesIn));
        case Transfer:
            if (row.transferId.isEmpty())
                return tr("—");
            return row.size > 0
                       ? tr("%1 of %2").arg(formatBytes(row.transferred), formatBytes(row.size))
                       : formatBytes(row.transferred);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ForegroundRole:
        if (row.ended)
            return QColor(0x6b, 0x77, 0x85);
        if (index.column() == State && row.state == msrp::SessionState::Failed)
            return QColor(0xa3, 0x1f, 0x1f);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Transfer)
            return row.transferId.isEmpty()
                       ? QVariant()
                       : tr("Message-ID %1").arg(QString::fromLatin1(row.transferId));
        // The Lab view elides long ids and URIs in the middle: the full text on hover.
        if (index.column() == Peer && row.session && !row.session->remotePath().isEmpty())
            return QString::fromUtf8(row.session->remotePathText());
        return data(index, Qt::DisplayRole);
    case SessionIdRole:
        return row.id;
    case ProgressRole:
        if (row.transferId.isEmpty())
            return -1;
        if (row.size == 0)
            return row.transferState == msrp::DeliveryState::Queued ? 0 : 100;
        return int(qMin<quint64>(100, row.transferred * 100 / row.size));
    case StateRole:
        return int(row.state);
    case EndedRole:
        return row.ended;
    default:
        return {};
    }
}

void MsrpSessionsModel::refreshBinding(Row &row) const
{
    if (!row.session)
        return;
    if (!row.session->remotePath().isEmpty())
        row.peer = row.session->remotePathText().split(' ').last();
    if (msrp::Connection *connection = row.session->connection())
        row.connection = connection->peerAddress();
}

void MsrpSessionsModel::addSession(msrp::Session *session)
{
    if (!session || rowFor(session->id()))
        return;
    auto row = std::make_unique<Row>();
    row->session = session;
    row->id = session->id();
    row->state = session->state();
    refreshBinding(*row);
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_byId.insert(row->id, row.get());
    m_rows.push_back(std::move(row));
    endInsertRows();

    const QByteArray id = session->id();
    connect(session, &msrp::Session::stateChanged, this, [this, id](msrp::SessionState state) {
        if (Row *row = rowFor(id)) {
            row->state = state;
            refreshBinding(*row);
            markChanged();
        }
    });
    connect(session, &msrp::Session::outgoingChanged, this,
            [this, id](const msrp::MessageInfo &info) { progress(id, info); });
    connect(session, &msrp::Session::incomingChanged, this,
            [this, id](const msrp::MessageInfo &info) { progress(id, info); });
    connect(session, &msrp::Session::messageReceived, this,
            [this, id](const msrp::ReceivedMessage &message) {
                Row *found = rowFor(id);
                if (!found)
                    return;
                Row &row = *found;
                ++row.received;
                // Messages that came in one chunk may report no progress before this.
                const quint64 counted = row.counted.take(message.messageId);
                if (message.size > counted)
                    row.bytesIn += message.size - counted;
                row.transferId = message.messageId;
                row.size = message.size;
                row.transferred = message.size;
                row.transferState = msrp::DeliveryState::Delivered;
                markChanged();
            });
}

void MsrpSessionsModel::progress(const QByteArray &id, const msrp::MessageInfo &info)
{
    Row *found = rowFor(id);
    if (!found)
        return;
    Row &row = *found;
    quint64 &counted = row.counted[info.messageId];
    if (info.transferred > counted) {
        (info.outgoing ? row.bytesOut : row.bytesIn) += info.transferred - counted;
        counted = info.transferred;
    }
    const bool finished = msrp::isFinal(info.state) ||
                          (info.outgoing && info.state == msrp::DeliveryState::Acknowledged);
    if (info.outgoing && !row.outgoingSeen.contains(info.messageId)) {
        ++row.sent;
        row.outgoingSeen.insert(info.messageId);
    }
    // A whole incoming message is settled by messageReceived(), which follows.
    const bool incomplete =
        info.state == msrp::DeliveryState::Failed || info.state == msrp::DeliveryState::Aborted;
    if (finished && (info.outgoing || incomplete)) {
        row.counted.remove(info.messageId);
        row.outgoingSeen.remove(info.messageId);
    }
    row.transferId = info.messageId;
    row.transferred = info.transferred;
    row.size = info.size;
    row.transferState = info.state;
    markChanged();
}

void MsrpSessionsModel::endSession(msrp::Session *session)
{
    Row *found = session ? rowFor(session->id()) : nullptr;
    if (!found)
        return;
    Row &row = *found;
    row.state = session->state();
    row.ended = true;
    row.session = nullptr;
    row.counted.clear();
    row.outgoingSeen.clear();
    markChanged();
    trimHistory();
}

void MsrpSessionsModel::trimHistory()
{
    int ended = 0;
    for (const auto &row : m_rows)
        ended += row->ended ? 1 : 0;
    for (size_t i = 0; i < m_rows.size() && ended > historyLimit;) {
        if (!m_rows[i]->ended) {
            ++i;
            continue;
        }
        beginRemoveRows({}, int(i), int(i));
        m_byId.remove(m_rows[i]->id);
        m_rows.erase(m_rows.begin() + qsizetype(i));
        endRemoveRows();
        --ended;
    }
}

} // namespace herald::ui
