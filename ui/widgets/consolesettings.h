// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QString>
#include <QtGlobal>

class QSettings;

namespace herald::ui {

// What the operator sets in the console's Settings dialog, persisted with QSettings (the
// console's own INI file; tests pass one in a temporary folder). main() applies the engine's
// part at start where the command line, environment and --config left the default, so a
// change there needs a restart; the alert sound and the language are the console's own.
struct ConsoleSettings
{
    QString sipIdentity; // our SIP URI (From of what we send); empty: the engine's default
    quint16 sipPort = 5060;
    QString outboundProxy; // SIP URI; empty: none
    QString sipUsername;   // digest credentials (RFC 3261 §22) for challenged requests
    QString sipPassword;
    quint16 msrpPort = 2855;
    QString restToken;
    QString mediaRoot;  // folder MSML plays files from
    QString alertSound; // a .wav for incoming calls; empty: the built-in chime
    QString language;   // "en", "es", "fr"; empty: the system's

    static ConsoleSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
    // Whether applying `other` instead of this needs the console restarted.
    bool needsRestartComparedTo(const ConsoleSettings &other) const;

    friend bool operator==(const ConsoleSettings &, const ConsoleSettings &) = default;

    // Field checks: empty when the value is acceptable, else why not, for the operator.
    static QString checkSipUri(const QString &uri, bool required);
    static QString checkPort(int port);
    static QString checkCredentials(const QString &username, const QString &password);
    static QString checkToken(const QString &token);
    static QString checkFolder(const QString &path);
    static QString checkSound(const QString &path);
};

} // namespace herald::ui
