// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>

class QSettings;

namespace herald::ui {

// The console's secrets (the SIP digest password, the REST token), kept out of the settings
// INI, which QSettings writes with the umask's mode (usually world-readable) and which people
// copy between desks and attach to tickets. One "key=value" line per secret, values
// percent-encoded, in a file of the user's own that only the user may read or write (0600),
// as ssh, .pgpass and .netrc keep theirs.
//
// Why not the desktop keyring (qtkeychain, libqt6keychain1 in Debian 12): it needs a Secret
// Service on the session D-Bus, absent on servers, in CI and on kiosk desks without a login
// keyring, and its unlock prompt would hold a 911 console's start behind a dialog.
class CredentialFile
{
    Q_DECLARE_TR_FUNCTIONS(herald::ui::CredentialFile)

public:
    explicit CredentialFile(QString path);
    // The file beside the settings file: herald.ini -> herald.credentials.
    static CredentialFile besideSettings(const QSettings &settings);

    const QString &path() const { return m_path; }

    // No file: no secrets. Refused (the error says why, for the operator): a symbolic link, not
    // a regular file, owned by another user, unreadable or malformed. A file others may read or
    // write is made 0600 first (*corrected says so).
    Result<QMap<QString, QString>> read(bool *corrected = nullptr) const;
    // Replaces the file atomically (a 0600 temporary file, fsync, rename), so that no moment
    // exists where the secrets lie in a file others may read, nor a half-written file. No
    // secrets (all empty): the file is removed.
    Result<void> write(const QMap<QString, QString> &secrets) const;

private:
    QString m_path;
};

} // namespace herald::ui
