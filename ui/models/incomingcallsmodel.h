// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/service/call.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QPointer>

namespace herald::service {
class Engine;
}

namespace herald::ui {

// The PSAP queue: one row per inbound text call from the moment its INVITE is offered until
// the call ends. A call that is offered or ringing is *waiting*: the console alerts (sound,
// flashing row, urgency hint) while any call waits, and the operator accepts it from here.
class IncomingCallsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Received, // when the INVITE arrived (local time)
        Caller,   // the callback number, else the caller's URI
        Location, // the latest location (civic, else coordinates), or where its fetch stands
        State,    // waiting, in progress, ending
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        CallIdRole = Qt::UserRole + 1, // Call::Id (quint64)
        WaitingRole,                   // bool: offered or ringing, not accepted yet
        TestCallRole,                  // bool: urn:service:test.sos (RFC 6881 §15)
    };

    explicit IncomingCallsModel(service::Engine &engine, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The State column's text for a call state, in the console's language.
    static QString stateText(service::CallState state);
    // Every text the State column can show: the queue sizes the column for the widest, in
    // the bold of a waiting row, so no language's label is cut ("En espera").
    static QStringList stateTexts();

    // Calls not accepted yet.
    int waitingCount() const;
    // The row of a call, -1 when not in the queue.
    int rowOf(service::Call::Id id) const;
    service::Call *callAt(int row) const;
    // The call that has waited longest, or null.
    service::Call *oldestWaiting() const;

    // The flashing of waiting rows: the console toggles the phase on a timer; rows that wait
    // are painted in the alert colour while it is on. One dataChanged per toggle.
    void setFlashPhase(bool on);
    bool flashPhase() const { return m_flashOn; }

Q_SIGNALS:
    // The number of waiting calls changed (the alert starts at 1 and stops at 0).
    void waitingCountChanged(int count);

private:
    struct Row
    {
        QPointer<service::Call> call;
        service::Call::Id id = 0;
        QDateTime received;
        QString caller;
        QString location;
        bool test = false;
        service::CallState state = service::CallState::Offered;
    };

    void addCall(service::Call *call);
    void removeCall(service::Call *call);
    void updateState(service::Call::Id id, service::CallState state);
    void emitWaitingIfChanged();

    service::Engine &m_engine;
    QList<Row> m_rows;
    bool m_flashOn = false;
    int m_lastWaiting = 0;
};

// What the console shows as the caller: the callback number of P-Asserted-Identity
// (RFC 3325) when there is one, else the From URI without its scheme. Shared with the caller
// panel so the queue and the tab say the same.
QString callbackNumberOf(const service::Call &call);
QString displayUri(const QByteArray &uri);

} // namespace herald::ui
