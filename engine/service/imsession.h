// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/ids.h"
#include "engine/core/result.h"
#include "engine/im/cpimmessage.h"
#include "engine/im/imdn.h"
#include "engine/msrp/session/msrptypes.h"
#include "engine/service/composingtracker.h"
#include "engine/service/imtypes.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace herald {
class Clock;
class RandomSource;
} // namespace herald

namespace herald::service {

class Call;

// The instant-message layer of one call's message session, above MSRP: CPIM wrapping
// (RFC 3862) with RFC 7701 nicknames when offer/answer negotiated it, isComposing (RFC 3994)
// both ways, and IMDN (RFC 5438) delivery and display notifications. Owned by its Call, which
// forwards its signals; the application uses the Call's methods.
class ImSession : public QObject
{
    Q_OBJECT

public:
    ImSession(Call &call, Clock &clock, RandomSource &random, QString nickname,
              ComposingTimers timers = {});
    ~ImSession() override;

    // Sends content on the call's session: inside CPIM (From us with our nickname, To the peer,
    // DateTime, an imdn.Message-ID asking for positive-delivery and display notifications)
    // when negotiated, bare otherwise. Returns the MSRP Message-ID. Also ends our composing
    // state (RFC 3994 §3.2).
    Result<QByteArray> sendText(QByteArray contentType, QByteArray body, msrp::SendOptions options);
    // See Call::setComposing.
    Result<void> setComposing(bool composing);
    // See Call::markDisplayed.
    Result<void> markDisplayed(const QByteArray &messageId);

    ComposingState localComposing() const { return m_tracker.localState(); }
    ComposingState remoteComposing() const { return m_tracker.remoteState(); }
    std::optional<Disposition> disposition(const QByteArray &messageId) const;
    const QString &nickname() const { return m_nickname; }
    void setNickname(QString nickname) { m_nickname = std::move(nickname); }

Q_SIGNALS:
    void textReceived(const herald::service::ReceivedText &text);
    void remoteComposingChanged(herald::service::ComposingState state);
    void dispositionChanged(const QByteArray &messageId, herald::service::Disposition disposition);

private:
    void onMessageReceived(const msrp::ReceivedMessage &message);
    void onTimer();
    void rearm();
    // Sends what a tracker transition asks for.
    void sendStatus(ComposingTracker::Send send);
    // Sends an IMDN about a message the peer sent us (RFC 5438 §7.1.1).
    void sendNotification(const im::CpimAddress &to, const QByteArray &imdnMessageId,
                          const QDateTime &sent, bool display);
    void applyNotification(const im::ImdnNotification &notification);
    // Us and the peer as CPIM addresses.
    im::CpimAddress localAddress() const;
    im::CpimAddress remoteAddress() const;
    // Wraps and queues a message that is not a text for the person (status, notification).
    void sendControl(const QByteArray &contentType, const QByteArray &body, bool allowBare);

    // What we remember of a received message that asked for a display notification.
    struct Displayable
    {
        QByteArray imdnMessageId;
        QDateTime sent;
        im::CpimAddress from;
    };

    Call &m_call;
    Clock &m_clock;
    IdGenerator m_ids;
    QString m_nickname;
    ComposingTracker m_tracker;
    QTimer m_timer;
    QHash<QByteArray, QByteArray> m_sentByImdnId;  // imdn.Message-ID -> MSRP Message-ID
    QHash<QByteArray, Disposition> m_dispositions; // MSRP Message-ID -> furthest state
    QHash<QByteArray, Displayable> m_displayable;  // MSRP Message-ID -> display request
    QList<QByteArray> m_sentOrder;                 // oldest first, to bound the maps
    QList<QByteArray> m_displayableOrder;
};

} // namespace herald::service
