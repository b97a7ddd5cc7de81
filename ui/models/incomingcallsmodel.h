// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QAbstractTableModel>

namespace herald::service {
class Engine;
}

namespace herald::ui {

// The PSAP queue of incoming text calls, one row per call waiting or in progress.
//
// The engine has no call registry yet (the SIP and session layers bring it), so the queue is
// empty; the columns are the ones a call-taker triages by.
class IncomingCallsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Received, // when the INVITE arrived
        Caller,   // the callback number or URI
        Location, // the civic address or coordinates from PIDF-LO, abridged
        State,    // ringing, accepted, ended
        ColumnCount
    };
    Q_ENUM(Column)

    explicit IncomingCallsModel(service::Engine &engine, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    service::Engine &m_engine;
};

} // namespace herald::ui
