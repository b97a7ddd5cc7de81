// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/service/call.h"
#include "ui/models/livetablemodel.h"

#include <QDateTime>
#include <QList>
#include <QPointer>

namespace herald {
class Clock;
}
namespace herald::service {
class CallManager;
}

namespace herald::ui {

// The Lab view's SIP dialogs: every INVITE dialog the CallManager carries, both directions,
// from the INVITE to its end (RFC 3261 §12), with the MSRP session it negotiated.
class SipDialogsModel : public LiveTableModel
{
    Q_OBJECT

public:
    enum Column { CallId, Direction, Remote, State, Transport, MsrpSession, Started, ColumnCount };
    Q_ENUM(Column)

    enum Role { CallIdRole = Qt::UserRole + 1 };

    SipDialogsModel(service::CallManager &calls, Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    int rowOf(service::Call::Id id) const;

protected:
    QStringList headers() const override;

private:
    struct Row
    {
        QPointer<service::Call> call;
        service::Call::Id id = 0;
        QByteArray sipCallId;
        bool inbound = true;
        QByteArray remote;
        QByteArray transport;
        QByteArray session;
        service::CallState state = service::CallState::Offered;
        QDateTime started;
        bool ended = false;
    };

    void add(service::Call *call);
    void end(service::Call *call);
    void refresh(Row &row) const;

    Clock &m_clock;
    mutable QList<Row> m_rows;
};

} // namespace herald::ui
