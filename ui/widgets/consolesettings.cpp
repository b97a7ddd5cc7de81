// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/consolesettings.h"

#include "ui/widgets/credentialfile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSettings>

namespace herald::ui {

namespace {

Q_LOGGING_CATEGORY(lcConsoleSettings, "herald.ui.settings", QtInfoMsg)

// The INI keys: where herald's own settings table (app/common/settings.cpp) has the same
// setting, the same section and name.
const QString sipIdentityKey = QStringLiteral("sip/identity");
const QString sipPortKey = QStringLiteral("sip/port");
const QString outboundProxyKey = QStringLiteral("sip/outbound-proxy");
const QString sipUsernameKey = QStringLiteral("sip/username");
const QString sipPasswordKey = QStringLiteral("sip/password");
const QString msrpPortKey = QStringLiteral("msrp/port");
const QString restPortKey = QStringLiteral("rest/port");
const QString restTokenKey = QStringLiteral("rest/token");
// Kept in the CredentialFile under the same keys, never in the INI.
const QStringList secretKeys = {sipPasswordKey, restTokenKey};
const QString mediaRootKey = QStringLiteral("msml/media-root");
const QString alertSoundKey = QStringLiteral("console/alert-sound");
const QString languageKey = QStringLiteral("console/language");

quint16 portValue(const QSettings &settings, const QString &key, quint16 fallback)
{
    bool ok = false;
    const int port = settings.value(key).toInt(&ok);
    return ok && port > 0 && port <= 65535 ? quint16(port) : fallback;
}

// The secrets: the credential file's, plus any an older console saved in the INI in plain
// text, which move to the file and leave the INI once the file holds them.
QMap<QString, QString> loadSecrets(QSettings &settings, QString *problem)
{
    const CredentialFile file = CredentialFile::besideSettings(settings);
    QMap<QString, QString> legacy;
    for (const QString &key : secretKeys)
        if (settings.contains(key))
            legacy.insert(key, settings.value(key).toString());
    bool corrected = false;
    auto stored = file.read(&corrected);
    if (corrected)
        qCWarning(lcConsoleSettings, "%s could be read by other users; its mode is now 0600",
                  qUtf8Printable(file.path()));
    if (!stored) {
        // Unreadable or refused: what the INI still holds is all there is, and it stays there
        // until the file can be written.
        if (problem)
            *problem = stored.error().detail;
        return legacy;
    }
    if (legacy.isEmpty())
        return *stored;
    QMap<QString, QString> merged = *stored;
    for (auto it = legacy.cbegin(); it != legacy.cend(); ++it)
        if (!it.value().isEmpty() && !merged.contains(it.key())) // the file's is the newer
            merged.insert(it.key(), it.value());
    if (merged != *stored) {
        if (auto written = file.write(merged); !written) {
            if (problem)
                *problem = written.error().detail;
            return merged;
        }
    }
    for (const QString &key : legacy.keys())
        settings.remove(key);
    settings.sync();
    qCInfo(lcConsoleSettings, "moved the secrets out of %s into %s",
           qUtf8Printable(settings.fileName()), qUtf8Printable(file.path()));
    return merged;
}

} // namespace

ConsoleSettings ConsoleSettings::load(QSettings &settings, QString *problem)
{
    ConsoleSettings loaded;
    loaded.sipIdentity = settings.value(sipIdentityKey).toString();
    loaded.sipPort = portValue(settings, sipPortKey, loaded.sipPort);
    loaded.outboundProxy = settings.value(outboundProxyKey).toString();
    loaded.sipUsername = settings.value(sipUsernameKey).toString();
    loaded.msrpPort = portValue(settings, msrpPortKey, loaded.msrpPort);
    loaded.restPort = portValue(settings, restPortKey, loaded.restPort);
    loaded.mediaRoot = settings.value(mediaRootKey).toString();
    loaded.alertSound = settings.value(alertSoundKey).toString();
    loaded.language = settings.value(languageKey).toString();
    const QMap<QString, QString> secrets = loadSecrets(settings, problem);
    loaded.sipPassword = secrets.value(sipPasswordKey);
    loaded.restToken = secrets.value(restTokenKey);
    return loaded;
}

Result<void> ConsoleSettings::save(QSettings &settings) const
{
    settings.setValue(sipIdentityKey, sipIdentity);
    settings.setValue(sipPortKey, sipPort);
    settings.setValue(outboundProxyKey, outboundProxy);
    settings.setValue(sipUsernameKey, sipUsername);
    settings.setValue(msrpPortKey, msrpPort);
    settings.setValue(restPortKey, restPort);
    settings.setValue(mediaRootKey, mediaRoot);
    settings.setValue(alertSoundKey, alertSound);
    settings.setValue(languageKey, language);
    auto stored = CredentialFile::besideSettings(settings).write(
        {{sipPasswordKey, sipPassword}, {restTokenKey, restToken}});
    // Only once the file holds them: a plaintext secret an older console left is not lost.
    if (stored)
        for (const QString &key : secretKeys)
            settings.remove(key);
    settings.sync();
    return stored;
}

bool ConsoleSettings::needsRestartComparedTo(const ConsoleSettings &other) const
{
    // The alert sound applies at once; everything else is read when the engine and the
    // window are built.
    ConsoleSettings a = *this;
    a.alertSound = other.alertSound;
    return !(a == other);
}

QString ConsoleSettings::checkSipUri(const QString &uri, bool required)
{
    if (uri.isEmpty())
        return required ? QCoreApplication::translate("herald::ui::ConsoleSettings", "Required")
                        : QString();
    // RFC 3261 §19.1: sip: or sips:, then a host; no spaces or angle brackets in the URI.
    static const QRegularExpression shape(QStringLiteral("^sips?:[^\\s<>\"]+$"));
    if (!shape.match(uri).hasMatch())
        return QCoreApplication::translate("herald::ui::ConsoleSettings",
                                           "Not a SIP URI: write it as sip:user@host or sip:host");
    return {};
}

QString ConsoleSettings::checkPort(int port)
{
    if (port < 1 || port > 65535)
        return QCoreApplication::translate("herald::ui::ConsoleSettings",
                                           "A port is a number from 1 to 65535");
    return {};
}

QString ConsoleSettings::checkCredentials(const QString &username, const QString &password)
{
    // sofia-sip's credential syntax cannot carry a ':' in either (engine/sip/agentconfig.h).
    if (username.contains(u':') || password.contains(u':'))
        return QCoreApplication::translate("herald::ui::ConsoleSettings",
                                           "The user name and the password cannot contain ':'");
    if (username.isEmpty() != password.isEmpty())
        return QCoreApplication::translate("herald::ui::ConsoleSettings",
                                           "Give both the user name and the password, or neither");
    return {};
}

QString ConsoleSettings::checkRestPort(const QString &text, quint16 msrpPort, quint16 sipPort,
                                       quint16 *port)
{
    if (port)
        *port = 0;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0)
        return {};
    bool ok = false;
    const int number = trimmed.toInt(&ok);
    // 0 would be "any free port": a PSAP application could not be told where to connect.
    if (!ok || number < 1 || number > 65535)
        return QCoreApplication::translate("herald::ui::ConsoleSettings",
                                           "A port is a number from 1 to 65535, or off");
    if (number == msrpPort)
        return QCoreApplication::translate("herald::ui::ConsoleSettings",
                                           "MSRP listens on this port");
    // RFC 3261 §18: SIP listens on TCP as well as UDP.
    if (number == sipPort)
        return QCoreApplication::translate("herald::ui::ConsoleSettings",
                                           "SIP listens on this port");
    if (port)
        *port = quint16(number);
    return {};
}

QString ConsoleSettings::checkToken(const QString &token, bool required)
{
    if (token.isEmpty())
        return required ? QCoreApplication::translate(
                              "herald::ui::ConsoleSettings",
                              "The REST API needs a token: every request must present it")
                        : QString();
    if (token.size() < 16)
        return QCoreApplication::translate("herald::ui::ConsoleSettings",
                                           "Use at least 16 characters");
    for (const QChar c : token)
        if (c.isSpace() || c.unicode() < 0x21 || c.unicode() > 0x7e)
            return QCoreApplication::translate(
                "herald::ui::ConsoleSettings",
                "Printable ASCII only, without spaces (it travels in an HTTP header)");
    return {};
}

QString ConsoleSettings::checkFolder(const QString &path)
{
    if (path.isEmpty())
        return {};
    const QFileInfo info(path);
    if (!info.isAbsolute())
        return QCoreApplication::translate("herald::ui::ConsoleSettings", "Give an absolute path");
    if (!info.isDir())
        return QCoreApplication::translate("herald::ui::ConsoleSettings", "No such folder");
    return {};
}

QString ConsoleSettings::checkSound(const QString &path)
{
    if (path.isEmpty())
        return {};
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        return QCoreApplication::translate("herald::ui::ConsoleSettings", "Cannot read this file");
    if (info.suffix().compare(QLatin1String("wav"), Qt::CaseInsensitive) != 0)
        return QCoreApplication::translate("herald::ui::ConsoleSettings",
                                           "The alert plays WAV files only");
    return {};
}

} // namespace herald::ui
