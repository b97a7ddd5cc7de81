// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// heraldd runs on servers without a display: it must not need Qt Gui, Widgets or OpenGL, nor
// any X11 or GL library (DESIGN.md §1 "Headless server"). Read from the ELF itself.

#include "tests/support/testsupport.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace {

QString executable(const QString &name)
{
    return herald::test::binDir() + u'/' + name;
}

// Runs a tool and returns its standard output; fails the test if it cannot run.
QString runTool(const QString &program, const QStringList &arguments, bool *ok)
{
    QProcess process;
    process.start(program, arguments);
    *ok = process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit &&
          process.exitCode() == 0;
    if (!*ok)
        qWarning("%s failed: %s", qUtf8Printable(program),
                 process.readAllStandardError().constData());
    return QString::fromLocal8Bit(process.readAllStandardOutput());
}

// The DT_NEEDED entries, from `readelf -d`: " 0x... (NEEDED)  Shared library: [libQt6Core.so.6]".
QStringList neededLibraries(const QString &path, bool *ok)
{
    const QString dynamic =
        runTool(QStringLiteral("readelf"), {QStringLiteral("-d"), QStringLiteral("-W"), path}, ok);
    QStringList libraries;
    static const QRegularExpression needed(
        QStringLiteral(R"(\(NEEDED\)\s+Shared library: \[([^\]]+)\])"));
    for (auto it = needed.globalMatch(dynamic); it.hasNext();)
        libraries.append(it.next().captured(1));
    return libraries;
}

// Every library the loader maps, directly or not, from `ldd`: "\tlibfoo.so.1 => /path (0x...)".
QStringList loadedLibraries(const QString &path, bool *ok)
{
    const QString output = runTool(QStringLiteral("ldd"), {path}, ok);
    QStringList libraries;
    for (const QString &line : output.split(u'\n', Qt::SkipEmptyParts)) {
        const QString name = line.trimmed().section(u' ', 0, 0);
        if (!name.isEmpty())
            libraries.append(QFileInfo(name).fileName());
    }
    return libraries;
}

} // namespace

class TestHeralddLinkage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void needsNoGuiLibrary_data();
    void needsNoGuiLibrary();
    void checkSeesWhatIsThere_data();
    void checkSeesWhatIsThere();

private:
    QStringList m_needed;
    QStringList m_loaded;
};

void TestHeralddLinkage::initTestCase()
{
    const QString heraldd = executable(QStringLiteral("heraldd"));
    QVERIFY2(QFileInfo(heraldd).isExecutable(), qPrintable(heraldd + QStringLiteral(" missing")));
    bool ok = false;
    m_needed = neededLibraries(heraldd, &ok);
    QVERIFY2(ok, "readelf -d heraldd failed");
    m_loaded = loadedLibraries(heraldd, &ok);
    QVERIFY2(ok, "ldd heraldd failed");
}

void TestHeralddLinkage::needsNoGuiLibrary_data()
{
    QTest::addColumn<QString>("prefix");
    for (const char *prefix :
         {"libQt6Gui", "libQt6Widgets", "libQt6OpenGL", "libX11", "libxcb", "libGL", "libEGL"})
        QTest::newRow(prefix) << QString::fromLatin1(prefix);
}

void TestHeralddLinkage::needsNoGuiLibrary()
{
    QFETCH(QString, prefix);
    for (const QString &library : std::as_const(m_needed))
        QVERIFY2(!library.startsWith(prefix),
                 qPrintable(QStringLiteral("heraldd NEEDS %1").arg(library)));
    // Nothing it needs may pull one in either.
    for (const QString &library : std::as_const(m_loaded))
        QVERIFY2(!library.startsWith(prefix),
                 qPrintable(QStringLiteral("heraldd loads %1 indirectly").arg(library)));
}

// The check must be able to fail: the same parsing finds the libraries that are there.
void TestHeralddLinkage::checkSeesWhatIsThere_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("heraldd needs Qt Core")
        << QStringLiteral("heraldd") << QStringLiteral("libQt6Core");
    QTest::newRow("heraldd needs Qt Network")
        << QStringLiteral("heraldd") << QStringLiteral("libQt6Network");
#ifdef HERALD_HAS_GUI
    QTest::newRow("herald needs Qt Widgets")
        << QStringLiteral("herald") << QStringLiteral("libQt6Widgets");
    QTest::newRow("herald needs Qt Gui") << QStringLiteral("herald") << QStringLiteral("libQt6Gui");
#endif
}

void TestHeralddLinkage::checkSeesWhatIsThere()
{
    QFETCH(QString, program);
    QFETCH(QString, prefix);
    bool ok = false;
    const QStringList needed = neededLibraries(executable(program), &ok);
    QVERIFY(ok);
    const bool found = std::any_of(needed.cbegin(), needed.cend(), [&](const QString &library) {
        return library.startsWith(prefix);
    });
    QVERIFY2(found, qPrintable(program + QStringLiteral(" NEEDED: ") + needed.join(u' ')));
}

QTEST_GUILESS_MAIN(TestHeralddLinkage)
#include "tst_heralddlinkage.moc"
