// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/models/cannedphrases.h"

#include <QSettings>

namespace herald::ui {

namespace {

QString key(const QString &language)
{
    return QStringLiteral("cannedPhrases/") + language;
}

} // namespace

QStringList CannedPhrases::languages()
{
    return {QStringLiteral("en"), QStringLiteral("es"), QStringLiteral("fr")};
}

QString CannedPhrases::nativeName(const QString &language)
{
    if (language == u"es")
        return QStringLiteral("Español");
    if (language == u"fr")
        return QStringLiteral("Français");
    return QStringLiteral("English");
}

// Not translated with tr(): they are what the *caller* reads, chosen by the caller's
// language, whatever language the console is shown in.
QStringList CannedPhrases::defaults(const QString &language)
{
    if (language == u"es")
        return {
            QStringLiteral("911, ¿cuál es la dirección de su emergencia?"),
            QStringLiteral("¿Está usted a salvo ahora?"),
            QStringLiteral("¿Puede hablar? Responda SÍ o NO."),
            QStringLiteral("¿Qué está pasando?"),
            QStringLiteral("La ayuda está en camino. Quédese en la conversación."),
            QStringLiteral("¿Hay alguien herido?"),
        };
    if (language == u"fr")
        return {
            QStringLiteral("911, quelle est l’adresse de votre urgence ?"),
            QStringLiteral("Êtes-vous en sécurité maintenant ?"),
            QStringLiteral("Pouvez-vous parler ? Répondez OUI ou NON."),
            QStringLiteral("Que se passe-t-il ?"),
            QStringLiteral("Les secours sont en route. Restez en ligne."),
            QStringLiteral("Y a-t-il des blessés ?"),
        };
    return {
        QStringLiteral("911, what is the address of your emergency?"),
        QStringLiteral("Are you safe right now?"),
        QStringLiteral("Can you talk? Reply YES or NO."),
        QStringLiteral("What is happening?"),
        QStringLiteral("Help is on the way. Stay in this conversation."),
        QStringLiteral("Is anyone hurt?"),
    };
}

QStringList CannedPhrases::load(const QSettings &settings, const QString &language)
{
    const QStringList stored = settings.value(key(language)).toStringList();
    return stored.isEmpty() ? defaults(language) : stored;
}

void CannedPhrases::save(QSettings &settings, const QString &language, const QStringList &phrases)
{
    QStringList cleaned;
    for (const QString &phrase : phrases)
        if (!phrase.trimmed().isEmpty())
            cleaned.append(phrase.trimmed());
    if (cleaned.isEmpty())
        settings.remove(key(language));
    else
        settings.setValue(key(language), cleaned);
}

} // namespace herald::ui
