// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/error.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlError>
#include <QString>
#include <QVariant>

#include <optional>

// How values cross the QtSql boundary, the same way for SQLite and PostgreSQL.
namespace herald::store::sql {

// A database failure as an Io error whose detail says what was being done and what the
// driver reported, with its native code (SQLite's result code, PostgreSQL's SQLSTATE).
Error error(const QString &what, const QSqlError &error);

// Identifiers are ASCII bytes; they are bound as text, never as a BLOB, or SQLite would
// compare them unequal to the same characters stored as text.
QVariant id(const QByteArray &value);
QVariant idOrNull(const QByteArray &value);
QVariant textOrNull(const QString &value);
// For NOT NULL columns: a null QString would be bound as NULL and break the constraint.
QVariant text(const QString &value);
// Timestamps are BIGINT milliseconds since the epoch, UTC; invalid is NULL.
QVariant time(const QDateTime &value);
QVariant nullInt64();
QVariant nullInt();
QVariant nullText();

QByteArray toId(const QVariant &value);
QDateTime toTime(const QVariant &value);

} // namespace herald::store::sql
