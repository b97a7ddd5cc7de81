// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/store/sqlsupport.h"

namespace herald::store::sql {

Error error(const QString &what, const QSqlError &error)
{
    QString detail = what + QStringLiteral(": ");
    const QString database = error.databaseText();
    const QString driver = error.driverText();
    detail += database.isEmpty() ? driver : database;
    if (database.isEmpty() && driver.isEmpty())
        detail += QStringLiteral("unknown database error");
    if (!database.isEmpty() && !driver.isEmpty() && driver != database)
        detail += QStringLiteral(" (") + driver + QStringLiteral(")");
    if (!error.nativeErrorCode().isEmpty())
        detail += QStringLiteral(" [code ") + error.nativeErrorCode() + QStringLiteral("]");
    return makeError(ErrorCode::Io, detail);
}

QVariant id(const QByteArray &value)
{
    return value.isEmpty() ? QVariant(QStringLiteral("")) : QVariant(QString::fromUtf8(value));
}

QVariant idOrNull(const QByteArray &value)
{
    return value.isEmpty() ? nullText() : id(value);
}

QVariant textOrNull(const QString &value)
{
    return value.isEmpty() ? nullText() : QVariant(value);
}

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant time(const QDateTime &value)
{
    return value.isValid() ? QVariant(value.toMSecsSinceEpoch()) : nullInt64();
}

// Typed NULLs: PostgreSQL wants to know what a NULL parameter is.
QVariant nullInt64()
{
    return QVariant(QMetaType::fromType<qint64>());
}

QVariant nullInt()
{
    return QVariant(QMetaType::fromType<int>());
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QByteArray toId(const QVariant &value)
{
    return value.isNull() ? QByteArray() : value.toString().toUtf8();
}

QDateTime toTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

} // namespace herald::store::sql
