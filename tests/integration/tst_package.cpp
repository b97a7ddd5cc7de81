// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The .deb that `make package` builds (CPack, cmake/Packaging.cmake): the test runs cpack
// with this build's CPackConfig.cmake into a temporary folder (it builds nothing: cpack only
// copies, strips and compresses what the build made), then reads the package with dpkg-deb:
// both executables, the systemd unit (sandboxed, with a state directory), the sample config
// marked as a conffile, the icons and the desktop file the source tree has, and dependencies.

#include "tests/support/testsupport.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;

namespace {

constexpr int cpackTimeoutMs = 90000;

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &arguments, int timeoutMs = 30000)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace

class TestPackage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void contents();
    void control();
    void unitIsSandboxed();

private:
    QTemporaryDir m_dir;
    QString m_deb;
    QByteArray m_listing;
};

void TestPackage::initTestCase()
{
    for (const char *tool : {"cpack", "dpkg-deb", "dpkg-shlibdeps"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            QSKIP(qPrintable(QStringLiteral("%1 is not installed (dpkg-dev, cmake)")
                                 .arg(QString::fromLatin1(tool))));
    }
    const QString config = QStringLiteral(HERALD_CPACK_CONFIG);
    QVERIFY2(QFile::exists(config), qPrintable(config));
    QVERIFY(m_dir.isValid());
    const Run cpack = run(QStringLiteral("cpack"),
                          {QStringLiteral("--config"), config, QStringLiteral("-G"),
                           QStringLiteral("DEB"), QStringLiteral("-B"), m_dir.path()},
                          cpackTimeoutMs);
    QVERIFY2(cpack.exitCode == 0, QByteArray(cpack.out + cpack.err).constData());
    const QStringList debs =
        QDir(m_dir.path()).entryList({QStringLiteral("herald_*.deb")}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = m_dir.filePath(debs.constFirst());
    const Run listing = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb});
    QCOMPARE(listing.exitCode, 0);
    m_listing = listing.out;
}

void TestPackage::contents()
{
    QStringList expected{QStringLiteral("./usr/bin/heraldd"),
                         QStringLiteral("./usr/lib/systemd/system/heraldd.service"),
                         QStringLiteral("./etc/herald/heraldd.ini")};
#ifdef HERALD_HAS_GUI
    // The console and its translations (issue #10 item 5; translations/herald_*.ts).
    expected << QStringLiteral("./usr/bin/herald")
             << QStringLiteral("./usr/share/herald/translations/herald_es.qm")
             << QStringLiteral("./usr/share/herald/translations/herald_fr.qm");
#endif
    // Whatever icons and desktop files the source tree has are installed.
    const QDir resources(test::sourceDir() + QStringLiteral("/resources"));
    for (const QString &icon :
         QDir(resources.filePath(QStringLiteral("icons"))).entryList({QStringLiteral("*.svg")}))
        expected << QStringLiteral("./usr/share/icons/hicolor/scalable/apps/") + icon;
    for (const QString &desktop : resources.entryList({QStringLiteral("*.desktop")}))
        expected << QStringLiteral("./usr/share/applications/") + desktop;
    for (const QString &path : std::as_const(expected))
        QVERIFY2(
            m_listing.contains(QByteArray(' ' + path.toUtf8() + '\n')),
            qPrintable(path + QStringLiteral(" missing from\n") + QString::fromUtf8(m_listing)));
    // Executables are executable and stripped (no debug sections shipped).
    QVERIFY2(m_listing.contains("-rwxr-xr-x root/root"), m_listing.constData());
}

void TestPackage::control()
{
    const Run fields =
        run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, QStringLiteral("Package"),
                                         QStringLiteral("Version"), QStringLiteral("Depends")});
    QCOMPARE(fields.exitCode, 0);
    QVERIFY2(fields.out.contains("Package: herald\n"), fields.out.constData());
    QVERIFY2(fields.out.contains("Version: " HERALD_VERSION), fields.out.constData());
    // From dpkg-shlibdeps (Qt, sofia-sip) plus the SQLite driver plugin.
    for (const char *dependency : {"libqt6core6", "libsofia-sip-ua0", "libqt6sql6-sqlite"})
        QVERIFY2(fields.out.contains(dependency), fields.out.constData());

    QTemporaryDir control;
    QCOMPARE(
        run(QStringLiteral("dpkg-deb"), {QStringLiteral("-e"), m_deb, control.path()}).exitCode, 0);
    QCOMPARE(test::readFile(control.filePath(QStringLiteral("conffiles"))).trimmed(),
             QByteArray("/etc/herald/heraldd.ini"));
    QVERIFY(QFileInfo(control.filePath(QStringLiteral("postinst"))).isExecutable());
}

void TestPackage::unitIsSandboxed()
{
    QTemporaryDir tree;
    QCOMPARE(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, tree.path()}).exitCode,
             0);
    const QByteArray unit =
        test::readFile(tree.filePath(QStringLiteral("usr/lib/systemd/system/heraldd.service")));
    for (const char *line :
         {"ExecStart=/usr/bin/heraldd --config /etc/herald/heraldd.ini\n",
          "ExecReload=/bin/kill -HUP $MAINPID\n", "ProtectSystem=strict\n", "NoNewPrivileges=yes\n",
          "StateDirectory=herald\n", "ProtectHome=yes\n"})
        QVERIFY2(unit.contains(line), line);
    // The installed config is valid for the installed server: --check-config on it passes.
    const Run check =
        run(tree.filePath(QStringLiteral("usr/bin/heraldd")),
            {QStringLiteral("--config"), tree.filePath(QStringLiteral("etc/herald/heraldd.ini")),
             QStringLiteral("--check-config")});
    QVERIFY2(check.exitCode == 0, check.err.constData());
    QVERIFY2(check.out.contains("store/path = /var/lib/herald/herald.db"), check.out.constData());
}

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
