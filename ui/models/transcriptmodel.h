// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/msrp/session/msrptypes.h"
#include "engine/service/imtypes.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>

namespace herald {
class Clock;
}
namespace herald::service {
class Call;
}

namespace herald::ui {

// One call's conversation as the call-taker sees it: every text both ways in the order it
// was received or typed, who sent it, when, and for our own texts how far delivery got.
// It outlives the Call (deleted when the call ends) so an ended conversation stays on screen
// and can still be exported.
class TranscriptModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Time,     // local time the text arrived or was sent
        Sender,   // "Caller" or "Call-taker"
        Text,     // the text; files and other content by type and size
        Delivery, // our texts: ticks for sent, acknowledged, delivered; failed
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        OutgoingRole = Qt::UserRole + 1, // bool
        DeliveryStateRole,               // msrp::DeliveryState as int; -1 for incoming
        MessageIdRole,                   // QByteArray
        TimestampRole,                   // QDateTime (UTC)
    };

    struct Entry
    {
        bool outgoing = false;
        QByteArray messageId;
        QDateTime time; // UTC
        QString text;
        msrp::DeliveryState delivery = msrp::DeliveryState::Queued;
        // RFC 5438 §7.2: the caller's device said the text was displayed.
        bool read = false;
    };

    TranscriptModel(service::Call &call, Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const QList<Entry> &entries() const { return m_entries; }

    // Sends a text on the call (text/plain; UTF-8, asking for a success report so that
    // "delivered" can be shown, RFC 4975 §7.1.1) and appends it. Fails when the call is over.
    Result<QByteArray> send(const QString &text);

    // The ticks and word for a delivery state, as the view and the PDF export show them.
    static QString deliveryText(msrp::DeliveryState state);
    // As the Status column shows an outgoing entry: "Read" once displayed, else its state.
    static QString deliveryText(const Entry &entry);
    static QString senderName(bool outgoing);

private:
    void received(const service::ReceivedText &message);
    void deliveryChanged(const msrp::MessageInfo &info);
    // An IMDN (RFC 5438) for one of our texts: delivered and failed move the ticks as a
    // REPORT would; displayed marks the text read.
    void dispositionChanged(const QByteArray &messageId, service::Disposition disposition);
    void advance(const QByteArray &messageId, msrp::DeliveryState state);
    void append(Entry entry);

    QPointer<service::Call> m_call;
    Clock &m_clock;
    QList<Entry> m_entries;
    // Delivery updates of a text seen before send() appended it (the session may report
    // synchronously from sendText()).
    QHash<QByteArray, msrp::DeliveryState> m_early;
};

} // namespace herald::ui
