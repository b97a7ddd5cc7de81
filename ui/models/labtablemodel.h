// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace herald::service {
class Engine;
}

namespace herald::ui {

// The Lab view's live tables: SIP dialogs, MSRP sessions, TCP connections.
//
// Their registries arrive with the SIP and session layers; until then each table is empty
// and only its columns say what it will show. When a registry lands, its table becomes a
// model of its own with a Column enum, and this one goes.
class LabTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Table { SipDialogs, MsrpSessions, TcpConnections };
    Q_ENUM(Table)

    LabTableModel(Table table, service::Engine &engine, QObject *parent = nullptr);

    Table table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    static QStringList headersFor(Table table);

    Table m_table;
    service::Engine &m_engine;
    QStringList m_headers;
};

} // namespace herald::ui
