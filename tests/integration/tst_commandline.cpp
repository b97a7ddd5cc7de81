// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The command line both executables share, as their users meet it: --help and --version
// print and exit 0 (herald's without any display), mistakes exit 2 with a message on stderr.

#include "tests/support/testsupport.h"

#include <QProcess>
#include <QTest>

namespace {
constexpr int exitTimeoutMs = 15000;
}

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exitsWithText_data();
    void exitsWithText();
};

void TestCommandLine::exitsWithText_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("stdoutHas");
    QTest::addColumn<QStringList>("stderrHas");

    const QString version = QStringLiteral(HERALD_VERSION);
    const QStringList usage{QStringLiteral("Usage:"), QStringLiteral("--msrp-listen"),
                            QStringLiteral("ADDRESS:PORT"), QStringLiteral("127.0.0.1:2855"),
                            QStringLiteral("--version")};
    QStringList programs{QStringLiteral("heraldd")};
#ifdef HERALD_HAS_GUI
    programs.append(QStringLiteral("herald"));
#endif
    for (const QString &program : std::as_const(programs)) {
        const QByteArray p = program.toUtf8();
        QTest::addRow("%s --help", p.constData())
            << program << QStringList{QStringLiteral("--help")} << 0 << usage << QStringList{};
        QTest::addRow("%s -h", p.constData())
            << program << QStringList{QStringLiteral("-h")} << 0 << usage << QStringList{};
        QTest::addRow("%s --version", p.constData())
            << program << QStringList{QStringLiteral("--version")} << 0
            << QStringList{program + u' ' + version + u'\n'} << QStringList{};
        QTest::addRow("%s -v", p.constData())
            << program << QStringList{QStringLiteral("-v")} << 0
            << QStringList{program + u' ' + version + u'\n'} << QStringList{};
        QTest::addRow("%s bad listen address", p.constData())
            << program << QStringList{QStringLiteral("--msrp-listen"), QStringLiteral("nowhere")}
            << 2 << QStringList{}
            << QStringList{QStringLiteral("--msrp-listen"), QStringLiteral("ADDRESS:PORT"),
                           QStringLiteral("--help")};
        QTest::addRow("%s port out of range", p.constData())
            << program
            << QStringList{QStringLiteral("--msrp-listen"), QStringLiteral("127.0.0.1:70000")} << 2
            << QStringList{} << QStringList{QStringLiteral("not a port number")};
        QTest::addRow("%s missing value", p.constData())
            << program << QStringList{QStringLiteral("--msrp-listen")} << 2 << QStringList{}
            << QStringList{QStringLiteral("msrp-listen")};
        QTest::addRow("%s unknown option", p.constData())
            << program << QStringList{QStringLiteral("--no-such-option")} << 2 << QStringList{}
            << QStringList{QStringLiteral("no-such-option")};
        QTest::addRow("%s stray argument", p.constData())
            << program << QStringList{QStringLiteral("stray")} << 2 << QStringList{}
            << QStringList{QStringLiteral("stray")};
    }
}

void TestCommandLine::exitsWithText()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QStringList, stdoutHas);
    QFETCH(QStringList, stderrHas);

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // No display at all: help and version must not need one, and a usage error must not
    // start anything that would.
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    if (exitCode != 0)
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.start(herald::test::binDir() + u'/' + program, arguments);
    QVERIFY2(process.waitForFinished(exitTimeoutMs), qPrintable(process.errorString()));
    const QString out = QString::fromLocal8Bit(process.readAllStandardOutput());
    const QString err = QString::fromLocal8Bit(process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == exitCode,
             qPrintable(QStringLiteral("exit %1, stdout: %2 stderr: %3")
                            .arg(process.exitCode())
                            .arg(out, err)));
    for (const QString &text : std::as_const(stdoutHas))
        QVERIFY2(out.contains(text),
                 qPrintable(QStringLiteral("stdout lacks \"%1\": %2").arg(text, out)));
    for (const QString &text : std::as_const(stderrHas))
        QVERIFY2(err.contains(text),
                 qPrintable(QStringLiteral("stderr lacks \"%1\": %2").arg(text, err)));
    if (exitCode != 0)
        QVERIFY2(out.isEmpty(), qPrintable(out)); // nothing started, nothing listened
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
