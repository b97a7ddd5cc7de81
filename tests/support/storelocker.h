// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace herald::test {

// A failing store for fault tests: a second connection on an SQLite database holding BEGIN
// EXCLUSIVE, as another writer (a second heraldd, a backup tool) would, so every write of the
// engine's store fails while it lives; works as root, unlike chmod. Header-only: users link
// Qt6::Sql.
class StoreLocker
{
public:
    explicit StoreLocker(const QString &path,
                         QString connectionName = QStringLiteral("herald-store-locker"))
        : m_name(std::move(connectionName))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (db.open())
            m_locked = QSqlQuery(db).exec(QStringLiteral("BEGIN EXCLUSIVE"));
    }
    ~StoreLocker()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (m_locked)
                QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    StoreLocker(const StoreLocker &) = delete;
    StoreLocker &operator=(const StoreLocker &) = delete;

    bool locked() const { return m_locked; }

private:
    QString m_name;
    bool m_locked = false;
};

} // namespace herald::test
