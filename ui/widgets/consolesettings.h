// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QString>
#include <QtGlobal>

class QSettings;

namespace herald::ui {

// What the operator sets in the console's Settings dialog, persisted with QSettings (the
// console's own INI file; tests pass one in a temporary folder) except for the secrets (SIP
// password, REST token), which go to the owner-only CredentialFile beside it. main() applies
// the engine's part at start where the command line, environment and --config left the
// default, so a change there needs a restart; the alert sound and the language are the
// console's own.
struct ConsoleSettings
{
    QString sipIdentity; // our SIP URI (From of what we send); empty: the engine's default
    quint16 sipPort = 5060;
    QString outboundProxy; // SIP URI; empty: none
    QString sipUsername;   // digest credentials (RFC 3261 §22) for challenged requests
    QString sipPassword;
    quint16 msrpPort = 2855;
    quint16 restPort = 0; // the REST API on 127.0.0.1:restPort; 0: off
    QString restToken;
    QString mediaRoot;  // folder MSML plays files from
    QString alertSound; // a .wav for incoming calls; empty: the built-in chime
    QString language;   // "en", "es", "fr"; empty: the system's

    // Reads the INI and the credential file. A secret an older console left in the INI moves to
    // the credential file and leaves the INI. *problem (when given) tells the operator why the
    // credential file was not read or written; the rest is loaded all the same.
    static ConsoleSettings load(QSettings &settings, QString *problem = nullptr);
    // Writes the INI (secrets left out) and the credential file; the error says why the
    // secrets could not be stored (the INI is written all the same).
    Result<void> save(QSettings &settings) const;
    // Whether applying `other` instead of this needs the console restarted.
    bool needsRestartComparedTo(const ConsoleSettings &other) const;

    friend bool operator==(const ConsoleSettings &, const ConsoleSettings &) = default;

    // Field checks: empty when the value is acceptable, else why not, for the operator.
    static QString checkSipUri(const QString &uri, bool required);
    static QString checkPort(int port);
    // "" and "off" turn the API off; else a port from 1 to 65535 other than MSRP's and SIP's
    // (both listen on TCP too). *port (when given) receives it, 0 for off.
    static QString checkRestPort(const QString &text, quint16 msrpPort, quint16 sipPort,
                                 quint16 *port = nullptr);
    static QString checkCredentials(const QString &username, const QString &password);
    // `required`: the REST API is on, and refuses to start without a token.
    static QString checkToken(const QString &token, bool required = false);
    static QString checkFolder(const QString &path);
    static QString checkSound(const QString &path);
};

} // namespace herald::ui
