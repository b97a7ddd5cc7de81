// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QString>
#include <QStringList>

class QSettings;

namespace herald::ui {

// The call-taker's canned phrases, per language of the caller (not of the console): a
// Spanish-speaking caller gets Spanish phrases from an English-speaking call-taker. Defaults
// for English, Spanish and French follow common PSAP text-to-911 scripts; each list can be
// replaced in the settings ("cannedPhrases/<language>").
class CannedPhrases
{
public:
    // The languages with defaults, as ISO 639-1 codes: "en", "es", "fr".
    static QStringList languages();
    // The language's name in that language ("English", "Español", "Français").
    static QString nativeName(const QString &language);
    static QStringList defaults(const QString &language);

    // The phrases in effect: the settings' list when one is stored, else the defaults.
    static QStringList load(const QSettings &settings, const QString &language);
    // Stores a list; an empty list goes back to the defaults.
    static void save(QSettings &settings, const QString &language, const QStringList &phrases);
};

} // namespace herald::ui
