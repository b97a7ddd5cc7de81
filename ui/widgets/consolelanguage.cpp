// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/consolelanguage.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace herald::ui {

QList<ConsoleLanguage::Language> ConsoleLanguage::available()
{
    // Native names, not translated: an operator who cannot read the current language must
    // still find their own.
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("es"), QStringLiteral("Español")},
            {QStringLiteral("fr"), QStringLiteral("Français")}};
}

QString ConsoleLanguage::supportedCode(const QString &localeName)
{
    const QString code = localeName.section(u'_', 0, 0).section(u'-', 0, 0).toLower();
    for (const Language &language : available())
        if (language.code == code)
            return code;
    return {};
}

QString ConsoleLanguage::resolve(const QString &preferred, const QLocale &system)
{
    if (const QString code = supportedCode(preferred); !code.isEmpty())
        return code;
    for (const QString &name : system.uiLanguages())
        if (const QString code = supportedCode(name); !code.isEmpty())
            return code;
    return QStringLiteral("en");
}

ConsoleLanguage::ConsoleLanguage(QCoreApplication &app, QObject *parent)
    : QObject(parent)
    , m_app(app)
{}

ConsoleLanguage::~ConsoleLanguage()
{
    removeTranslators();
}

void ConsoleLanguage::removeTranslators()
{
    if (m_herald)
        m_app.removeTranslator(m_herald.get());
    if (m_qt)
        m_app.removeTranslator(m_qt.get());
    m_herald.reset();
    m_qt.reset();
}

bool ConsoleLanguage::install(const QString &code)
{
    removeTranslators();
    m_current = QStringLiteral("en");
    if (supportedCode(code).isEmpty() || code == QLatin1String("en"))
        return supportedCode(code) == QLatin1String("en");

    const QString file = QStringLiteral("herald_") + code;
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .absoluteFilePath(QStringLiteral("../share/herald/translations"));
    auto herald = std::make_unique<QTranslator>();
    if (!herald->load(file, installed) && !herald->load(file, QStringLiteral(":/i18n")))
        return false;
    m_app.installTranslator(herald.get());
    m_herald = std::move(herald);

    // Qt's own strings (OK, Cancel, the file dialog) from qt6-translations-l10n when present.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_") + code,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        m_app.installTranslator(qt.get());
        m_qt = std::move(qt);
    }
    // Numbers and dates in the same language (614.406 bytes in Spanish), in the system's
    // country when it speaks that language (es_MX stays es_MX).
    const QLocale system = QLocale::system();
    QLocale::setDefault(system.language() == QLocale(code).language() ? system : QLocale(code));
    m_current = code;
    return true;
}

} // namespace herald::ui
