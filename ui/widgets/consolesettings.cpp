// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/consolesettings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

namespace herald::ui {

namespace {

// The INI keys: where herald's own settings table (app/common/settings.cpp) has the same
// setting, the same section and name.
const QString sipIdentityKey = QStringLiteral("sip/identity");
const QString sipPortKey = QStringLiteral("sip/port");
const QString outboundProxyKey = QStringLiteral("sip/outbound-proxy");
const QString sipUsernameKey = QStringLiteral("sip/username");
const QString sipPasswordKey = QStringLiteral("sip/password");
const QString msrpPortKey = QStringLiteral("msrp/port");
const QString restTokenKey = QStringLiteral("rest/token");
const QString mediaRootKey = QStringLiteral("msml/media-root");
const QString alertSoundKey = QStringLiteral("console/alert-sound");
const QString languageKey = QStringLiteral("console/language");

quint16 portValue(const QSettings &settings, const QString &key, quint16 fallback)
{
    bool ok = false;
    const int port = settings.value(key).toInt(&ok);
    return ok && port > 0 && port <= 65535 ? quint16(port) : fallback;
}

} // namespace

ConsoleSettings ConsoleSettings::load(const QSettings &settings)
{
    ConsoleSettings loaded;
    loaded.sipIdentity = settings.value(sipIdentityKey).toString();
    loaded.sipPort = portValue(settings, sipPortKey, loaded.sipPort);
    loaded.outboundProxy = settings.value(outboundProxyKey).toString();
    loaded.sipUsername = settings.value(sipUsernameKey).toString();
    loaded.sipPassword = settings.value(sipPasswordKey).toString();
    loaded.msrpPort = portValue(settings, msrpPortKey, loaded.msrpPort);
    loaded.restToken = settings.value(restTokenKey).toString();
    loaded.mediaRoot = settings.value(mediaRootKey).toString();
    loaded.alertSound = settings.value(alertSoundKey).toString();
    loaded.language = settings.value(languageKey).toString();
    return loaded;
}

void ConsoleSettings::save(QSettings &settings) const
{
    settings.setValue(sipIdentityKey, sipIdentity);
    settings.setValue(sipPortKey, sipPort);
    settings.setValue(outboundProxyKey, outboundProxy);
    settings.setValue(sipUsernameKey, sipUsername);
    settings.setValue(sipPasswordKey, sipPassword);
    settings.setValue(msrpPortKey, msrpPort);
    settings.setValue(restTokenKey, restToken);
    settings.setValue(mediaRootKey, mediaRoot);
    settings.setValue(alertSoundKey, alertSound);
    settings.setValue(languageKey, language);
    settings.sync();
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

QString ConsoleSettings::checkToken(const QString &token)
{
    if (token.isEmpty())
        return {};
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
