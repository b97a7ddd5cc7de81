// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msrp/session/msrptypes.h"
#include "ui/models/livetablemodel.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>

#include <memory>
#include <vector>

namespace herald::msrp {
class Endpoint;
class Session;
} // namespace herald::msrp

namespace herald::ui {

// The Lab view's MSRP sessions (RFC 4975): one row per session of the endpoint, from
// creation to its end, with its state, peer, message counts, bytes, and the progress of its
// latest transfer by Byte-Range (ProgressRole, for the progress bar delegate).
class MsrpSessionsModel : public LiveTableModel
{
    Q_OBJECT

public:
    enum Column {
        Session,    // the session-id of our URI (RFC 4975 §6)
        State,      // SessionState
        Peer,       // the peer's MSRP URI (last hop of its path)
        Connection, // the TCP peer it is bound over
        Messages,   // sent / received
        Bytes,      // out / in
        Transfer,   // the latest message's progress
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SessionIdRole = Qt::UserRole + 1, // QByteArray
        ProgressRole,                     // int 0..100, -1 when no message was carried
        StateRole,                        // msrp::SessionState as int
        EndedRole,                        // bool
    };

    explicit MsrpSessionsModel(msrp::Endpoint &endpoint, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    int rowOf(const QByteArray &sessionId) const;

protected:
    QStringList headers() const override;

private:
    struct Row
    {
        QPointer<msrp::Session> session;
        QByteArray id;
        QByteArray peer;
        QString connection;
        msrp::SessionState state = msrp::SessionState::Idle;
        int sent = 0;
        int received = 0;
        quint64 bytesOut = 0;
        quint64 bytesIn = 0;
        // The latest message's progress (either direction).
        QByteArray transferId;
        quint64 transferred = 0;
        quint64 size = 0;
        msrp::DeliveryState transferState = msrp::DeliveryState::Queued;
        // Octets counted so far per unfinished message, to add only what is new.
        QHash<QByteArray, quint64> counted;
        QSet<QByteArray> outgoingSeen;
        bool ended = false;
    };

    void addSession(msrp::Session *session);
    void endSession(msrp::Session *session);
    void progress(const QByteArray &id, const msrp::MessageInfo &info);
    void refreshBinding(Row &row) const;
    void trimHistory();
    Row *rowFor(const QByteArray &sessionId) const { return m_byId.value(sessionId); }

    // Rows stay put in memory (a chunk's update finds its row by hash, not by a scan of a
    // thousand sessions).
    std::vector<std::unique_ptr<Row>> m_rows;
    QHash<QByteArray, Row *> m_byId;
};

} // namespace herald::ui
