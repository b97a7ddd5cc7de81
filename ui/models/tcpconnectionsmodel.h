// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "ui/models/livetablemodel.h"

#include <QList>
#include <QPointer>

namespace herald::msrp {
class Connection;
class Endpoint;
} // namespace herald::msrp

namespace herald::ui {

// The Lab view's TCP connections of the MSRP endpoint: direction, peer, how many sessions
// share it (RFC 4975 §7.3 connection reuse), octets and frames both ways, transactions
// waiting for a response. The counters are read once per round while connections are open.
class TcpConnectionsModel : public LiveTableModel
{
    Q_OBJECT

public:
    enum Column {
        Direction,
        Peer,
        State,
        Sessions,
        BytesIn,
        BytesOut,
        Frames,
        Pending,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit TcpConnectionsModel(msrp::Endpoint &endpoint, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    QStringList headers() const override;

private:
    struct Row
    {
        QPointer<msrp::Connection> connection;
        const msrp::Connection *key = nullptr;
        bool inbound = false;
        QString peer;
        // The last counters read (kept after the connection closes).
        int sessions = 0;
        quint64 bytesIn = 0;
        quint64 bytesOut = 0;
        quint64 framesIn = 0;
        quint64 framesOut = 0;
        int pending = 0;
        bool closed = false;
    };

    void add(msrp::Connection *connection);
    void close(msrp::Connection *connection);
    static void read(Row &row);

    // Mutable: data() refreshes a row's counters when a view reads it.
    mutable QList<Row> m_rows;
};

} // namespace herald::ui
