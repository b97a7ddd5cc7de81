// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace herald::store {

// One step of the schema. A released migration is never edited: a change is a new step.
// The SQL is kept portable between SQLite and PostgreSQL (both reached through QtSql):
// TEXT, INTEGER and BIGINT columns, timestamps as BIGINT milliseconds since the epoch (UTC),
// no AUTOINCREMENT, SERIAL or driver-specific syntax.
struct Migration
{
    int version = 0; // 1, 2, 3 ... without gaps
    QString description;
    QStringList statements;
};

// Herald's schema, in order:
//  v1  calls, sessions, messages (unique per session + MSRP Message-ID + byte range), events
//  v2  NENA i3 incidentId on calls and events; indexes for history by call and by time
QList<Migration> schemaMigrations();

// Applies migrations to a database, each step in its own transaction together with its
// row in schema_version (version, description, applied_at), so a failed step leaves the
// database at the previous version.
class Migrator
{
public:
    explicit Migrator(QSqlDatabase database);

    // 0 for a database without a schema_version table.
    Result<int> currentVersion() const;
    // Brings the database to targetVersion (-1: the last migration given) and returns the
    // version reached. A database newer than the migrations given is refused (Unsupported):
    // an older Herald must not write to a schema it does not know.
    Result<int> migrate(const QList<Migration> &migrations, const QDateTime &now,
                        int targetVersion = -1);

private:
    QSqlDatabase m_database;
};

} // namespace herald::store
