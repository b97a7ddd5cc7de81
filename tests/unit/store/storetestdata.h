// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/store/records.h"
#include "engine/store/store.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <optional>

// Records the store tests share: a call with one MSRP session and texts on it.
namespace herald::store::test {

inline QDateTime at(int second, int msec = 0)
{
    return QDateTime(QDate(2026, 3, 1), QTime(12, 0, 0), Qt::UTC).addSecs(second).addMSecs(msec);
}

inline CallRecord makeCall(const QByteArray &id, int startSecond = 0)
{
    CallRecord call;
    call.id = id;
    call.sipCallId = id + "@esrp.example.net";
    call.direction = Direction::Incoming;
    call.localUri = QStringLiteral("sip:psap@herald.example.net");
    call.remoteUri = QStringLiteral("sip:+15555550100@carrier.example.com");
    call.incidentId = "urn:emergency:uid:incidentid:" + id + ":esrp.example.net";
    call.startedAt = at(startSecond);
    call.state = QStringLiteral("connected");
    return call;
}

inline SessionRecord makeSession(const QByteArray &id, const QByteArray &callId)
{
    SessionRecord session;
    session.id = id;
    session.callId = callId;
    session.msrpSessionId = "msrp" + id;
    session.localPath =
        QStringLiteral("msrp://127.0.0.1:2855/msrp%1;tcp").arg(QString::fromUtf8(id));
    session.remotePath = QStringLiteral("msrp://192.0.2.7:7394/remote;tcp");
    session.startedAt = at(1);
    session.direction = Direction::Incoming;
    session.sdp = QStringLiteral("v=0\r\nm=message 7394 TCP/MSRP *\r\n");
    return session;
}

inline MessageRecord makeMessage(const QByteArray &id, const QByteArray &callId,
                                 const QByteArray &sessionId, const QString &text, int second = 2)
{
    MessageRecord message;
    message.id = id;
    message.callId = callId;
    message.sessionId = sessionId;
    message.direction = Direction::Incoming;
    message.text = text;
    message.contentType = QStringLiteral("text/plain;charset=UTF-8");
    message.msrpMessageId = "mid-" + id;
    const qint64 size = text.toUtf8().size();
    message.rangeStart = 1;
    message.rangeEnd = size;
    message.byteSize = size;
    message.queuedAt = at(second);
    message.state = MessageState::Received;
    return message;
}

// A second, independent connection to the same file: what another process would see,
// i.e. only what has been committed.
class Observer
{
public:
    explicit Observer(const QString &path)
        : m_name(QStringLiteral("observer.%1").arg(reinterpret_cast<quintptr>(this), 0, 16))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_ok = db.open();
    }
    ~Observer()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Observer(const Observer &) = delete;
    Observer &operator=(const Observer &) = delete;

    bool ok() const { return m_ok; }
    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

    // The first column of the first row, or nullopt on error / no row.
    std::optional<QVariant> scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        QSqlQuery q(database());
        q.prepare(sql);
        for (const QVariant &bind : binds)
            q.addBindValue(bind);
        if (!q.exec() || !q.next())
            return std::nullopt;
        return q.value(0);
    }

    qint64 count(const QString &table) const
    {
        const auto value = scalar(QStringLiteral("SELECT COUNT(*) FROM ") + table);
        return value ? value->toLongLong() : -1;
    }

private:
    QString m_name;
    bool m_ok = false;
};

} // namespace herald::store::test
