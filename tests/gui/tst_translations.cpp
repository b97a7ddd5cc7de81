// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The console speaks Spanish and French as well as English (issue 8, item 5): lupdate reads
// every tr() of the console's sources afresh into a scratch .ts, and each string must have a
// finished, non-empty translation in translations/herald_es.ts and herald_fr.ts that keeps its
// placeholders (%1, %n) and its mnemonic. A string someone adds without translating fails
// here; `cmake --build <dir> --target update_translations` brings it into the .ts files.

#include "ui/models/statenames.h"
#include "ui/widgets/consolelanguage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QLibraryInfo>
#include <QMetaEnum>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace herald;

namespace {

// One message of a .ts file, identified as QTranslator looks it up.
struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString translationType;  // "", "unfinished", "vanished", "obsolete"
    QStringList translations; // the text, or one per numerus form
};

QString keyOf(const TsMessage &message)
{
    return message.context + u'\x1f' + message.source + u'\x1f' + message.comment;
}

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    // Token by token: readNextStartElement() past the root's end reads beyond the document.
    while (xml.readNext() != QXmlStreamReader::EndDocument && !xml.hasError()) {
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = TsMessage();
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"comment") {
            message.comment = xml.readElementText();
        } else if (name == u"translation") {
            message.translationType = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.translations.append(xml.readElementText());
            } else {
                message.translations = {xml.readElementText()};
            }
            messages.append(message);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QString lupdatePath()
{
    const QString configured = QStringLiteral(HERALD_LUPDATE);
    if (QFile::exists(configured))
        return configured;
    return QStandardPaths::findExecutable(
        QStringLiteral("lupdate"),
        {QLibraryInfo::path(QLibraryInfo::BinariesPath), QStringLiteral("/usr/lib/qt6/bin")});
}

QStringList placeholdersIn(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%(?:n|[1-9])"));
    QStringList found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    found.removeDuplicates();
    return found;
}

bool hasMnemonic(QString text)
{
    return text.remove(QStringLiteral("&&")).contains(u'&');
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyStringTranslated_data();
    void everyStringTranslated();
    void stateNamesTranslated_data();
    void stateNamesTranslated();
    void loadsChosenLanguage_data();
    void loadsChosenLanguage();
    void resolvesFromLocale_data();
    void resolvesFromLocale();

private:
    QString m_sourceDir;
    QList<TsMessage> m_current; // what the sources say today
};

void TestTranslations::initTestCase()
{
    m_sourceDir = qEnvironmentVariable("HERALD_SOURCE_DIR", QStringLiteral(HERALD_SOURCE_DIR));
    const QString lupdate = lupdatePath();
    if (lupdate.isEmpty())
        QSKIP("lupdate (qt6-l10n-tools) is not installed: cannot list the console's strings");

    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString ts = scratch.filePath(QStringLiteral("herald_current.ts"));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate,
                  {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("-I"), m_sourceDir, m_sourceDir + QStringLiteral("/ui"),
                   m_sourceDir + QStringLiteral("/app/gui"), QStringLiteral("-ts"), ts});
    QVERIFY2(process.waitForFinished(60000), qPrintable(process.errorString()));
    QVERIFY2(process.exitCode() == 0, process.readAll().constData());
    QString error;
    m_current = readTs(ts, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // The console has well over a hundred strings; a handful means lupdate read nothing.
    QVERIFY2(m_current.size() > 100, qPrintable(QString::number(m_current.size())));
}

void TestTranslations::everyStringTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("Spanish") << QStringLiteral("es");
    QTest::newRow("French") << QStringLiteral("fr");
}

void TestTranslations::everyStringTranslated()
{
    QFETCH(QString, language);
    const QString path = m_sourceDir + QStringLiteral("/translations/herald_%1.ts").arg(language);
    QString error;
    const QList<TsMessage> committed = readTs(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(path + QStringLiteral(": ") + error));
    QHash<QString, TsMessage> byKey;
    for (const TsMessage &message : committed)
        byKey.insert(keyOf(message), message);

    QStringList problems;
    for (const TsMessage &wanted : m_current) {
        const QString where = wanted.context + QStringLiteral(": \"") + wanted.source + u'"';
        const auto it = byKey.constFind(keyOf(wanted));
        if (it == byKey.cend()) {
            problems.append(where + QStringLiteral(" is missing"));
            continue;
        }
        if (!it->translationType.isEmpty()) {
            problems.append(where + QStringLiteral(" is ") + it->translationType);
            continue;
        }
        const int forms = wanted.numerus ? 2 : 1; // both languages have two plural forms
        if (it->translations.size() < forms) {
            problems.append(where + QStringLiteral(" lacks plural forms"));
            continue;
        }
        for (const QString &translation : it->translations) {
            if (translation.trimmed().isEmpty())
                problems.append(where + QStringLiteral(" is empty"));
            else if (placeholdersIn(translation) != placeholdersIn(wanted.source) &&
                     !(wanted.numerus && translation == it->translations.first() &&
                       placeholdersIn(wanted.source) ==
                           placeholdersIn(translation + QStringLiteral("%n"))))
                problems.append(where + QStringLiteral(" changes placeholders: ") + translation);
            else if (hasMnemonic(wanted.source) != hasMnemonic(translation))
                problems.append(where + QStringLiteral(" loses or adds a mnemonic: ") +
                                translation);
        }
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 string(s) not translated in %2 (run the "
                                       "update_translations target, then translate):\n  ")
                            .arg(problems.size())
                            .arg(path) +
                        problems.join(QStringLiteral("\n  "))));
}

void TestTranslations::stateNamesTranslated_data()
{
    everyStringTranslated_data();
}

// The Lab's states are shown in the console's language (they were the engine's enum keys,
// English everywhere): each state has a translation in the compiled catalogue, and the
// models' display name is that translation.
void TestTranslations::stateNamesTranslated()
{
    QFETCH(QString, language);
    QTranslator catalogue;
    QVERIFY(catalogue.load(QStringLiteral(":/i18n/herald_%1.qm").arg(language)));
    ui::ConsoleLanguage installer(*QCoreApplication::instance());
    QVERIFY(installer.install(language));
    const auto restore = qScopeGuard([&installer] { installer.install(QStringLiteral("en")); });
    QStringList problems;
    const auto check = [&](ui::StateNames::Source source, const QString &shown) {
        const QString translated =
            catalogue.translate(ui::StateNames::context, source.text, source.comment);
        if (translated.isEmpty())
            problems.append(QString::fromLatin1(source.text) + QStringLiteral(" (") +
                            QString::fromLatin1(source.comment) +
                            QStringLiteral(") has no translation"));
        else if (shown != translated)
            problems.append(QString::fromLatin1(source.text) + QStringLiteral(" shows as ") +
                            shown);
    };
    for (int i = 0; i <= int(msrp::SessionState::Failed); ++i) {
        const auto state = msrp::SessionState(i);
        check(ui::StateNames::source(state), ui::StateNames::display(state));
    }
    for (int i = 0; i <= int(service::CallState::Failed); ++i) {
        const auto state = service::CallState(i);
        check(ui::StateNames::source(state), ui::StateNames::display(state));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("\n  "))));
    // In English the names are the sources; the enums keep their keys for logs and JSON.
    QVERIFY(installer.install(QStringLiteral("en")));
    QCOMPARE(ui::StateNames::display(service::CallState::Ringing), QStringLiteral("Ringing"));
    QCOMPARE(QMetaEnum::fromType<msrp::SessionState>().valueToKey(int(msrp::SessionState::Active)),
             "Active");
}

void TestTranslations::loadsChosenLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("accept");
    QTest::newRow("Spanish") << QStringLiteral("es") << QStringLiteral("Aten&der");
    QTest::newRow("French") << QStringLiteral("fr") << QStringLiteral("P&rendre");
    QTest::newRow("English") << QStringLiteral("en") << QStringLiteral("&Accept");
}

// The .qm compiled at build time is embedded and found by the console.
void TestTranslations::loadsChosenLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, accept);
    ui::ConsoleLanguage installer(*QCoreApplication::instance());
    QVERIFY(installer.install(language));
    QCOMPARE(installer.current(), language);
    QCOMPARE(QCoreApplication::translate("herald::ui::MainWindow", "&Accept"), accept);
    QVERIFY(installer.install(QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("herald::ui::MainWindow", "&Accept"),
             QStringLiteral("&Accept"));
}

void TestTranslations::resolvesFromLocale_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");
    QTest::newRow("system French (Canada)") << QString() << "fr_CA"
                                            << "fr";
    QTest::newRow("system Spanish (Mexico)") << QString() << "es_MX"
                                             << "es";
    QTest::newRow("system German: English") << QString() << "de_DE"
                                            << "en";
    QTest::newRow("setting overrides locale") << "es"
                                              << "fr_FR"
                                              << "es";
    QTest::newRow("setting English on a French desk") << "en"
                                                      << "fr_FR"
                                                      << "en";
    QTest::newRow("unknown setting: locale") << "xx"
                                             << "fr_FR"
                                             << "fr";
}

void TestTranslations::resolvesFromLocale()
{
    QFETCH(QString, setting);
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    QCOMPARE(ui::ConsoleLanguage::resolve(setting, QLocale(locale)), expected);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
