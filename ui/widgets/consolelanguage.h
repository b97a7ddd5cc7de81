// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QList>
#include <QLocale>
#include <QObject>
#include <QString>

#include <memory>

class QCoreApplication;
class QTranslator;

namespace herald::ui {

// The console's languages (translations/herald_<code>.ts): English in the sources, Spanish and
// French translated. Installs Herald's translation and Qt's own (standard buttons and dialogs)
// on the application for the language the operator chose, or the system locale's.
class ConsoleLanguage : public QObject
{
    Q_OBJECT

public:
    struct Language
    {
        QString code;       // "en", "es", "fr"
        QString nativeName; // as its speakers write it: "English", "Español", "Français"
    };
    // Every language the console speaks, English first.
    static QList<Language> available();
    // "es" for "es", "es_MX" or "es-419"; empty when the console does not speak it.
    static QString supportedCode(const QString &localeName);
    // The language for a setting: `preferred` when it is supported; empty or unsupported means
    // the system locale's first supported UI language, else English.
    static QString resolve(const QString &preferred, const QLocale &system = QLocale::system());

    explicit ConsoleLanguage(QCoreApplication &app, QObject *parent = nullptr);
    ~ConsoleLanguage() override;

    // Replaces the installed translators with `code`'s ("en": none). Herald's .qm is looked
    // for in share/herald/translations beside the executable (the .deb), then in the copy
    // embedded at :/i18n. False when a translated language has no .qm anywhere. A translated
    // language also becomes QLocale's default, for numbers and dates.
    bool install(const QString &code);
    QString current() const { return m_current; }

private:
    void removeTranslators();

    QCoreApplication &m_app;
    std::unique_ptr<QTranslator> m_herald;
    std::unique_ptr<QTranslator> m_qt;
    QString m_current = QStringLiteral("en");
};

} // namespace herald::ui
