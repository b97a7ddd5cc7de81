// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The console serves the REST API (issue 8, item 4): `herald` as a process, with the Settings
// dialog's values saved in a temporary XDG_CONFIG_HOME (a REST port and token), listens on
// 127.0.0.1:port with heraldd's start-up code, and wants the token exactly as heraldd does:
// 401 without it or with another, 200 with it. With no REST port saved it serves nothing. A
// password an older console saved in herald.ini in plain text leaves it at start, for the
// owner-only herald.credentials.
#include "tests/protocol/rest/httptestclient.h"
#include "tests/support/testsupport.h"
#include "ui/widgets/consolesettings.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace herald;
using herald::test::HttpTestClient;

namespace {

constexpr int startTimeoutMs = 15000;
const QString token = QStringLiteral("console-rest-t0ken-0123");

} // namespace

class TestConsoleRest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void tokenRequiredOnSavedPort();
    void offWithoutPort();
    void movesPlaintextPasswordAtStart();

private:
    // Saves `values` where `herald` reads them: $XDG_CONFIG_HOME/Herald/herald.ini.
    void saveSettings(const ui::ConsoleSettings &values);
    // Starts `herald` and waits until it tells whether the REST API runs; its output so far.
    QString startConsole();

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_console;
};

void TestConsoleRest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestConsoleRest::cleanup()
{
    if (m_console.state() != QProcess::NotRunning) {
        m_console.terminate();
        if (!m_console.waitForFinished(10000))
            m_console.kill();
        m_console.waitForFinished(5000);
    }
    m_dir.reset();
}

void TestConsoleRest::saveSettings(const ui::ConsoleSettings &values)
{
    const QString folder = m_dir->filePath(QStringLiteral("config/Herald"));
    QVERIFY(QDir().mkpath(folder));
    QSettings settings(folder + QStringLiteral("/herald.ini"), QSettings::IniFormat);
    QVERIFY(values.save(settings));
}

QString TestConsoleRest::startConsole()
{
    const QString out = m_dir->filePath(QStringLiteral("herald.out"));
    const QString err = m_dir->filePath(QStringLiteral("herald.err"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                       m_dir->filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    m_console.setProcessEnvironment(environment);
    m_console.setStandardOutputFile(out);
    m_console.setStandardErrorFile(err);
    // The command line's ports win over the saved SIP and MSRP ports; the REST port is the
    // Settings dialog's.
    m_console.start(test::binDir() + QStringLiteral("/herald"),
                    {QStringLiteral("--msrp-listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--sip-listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--no-store")});
    if (!m_console.waitForStarted(startTimeoutMs))
        return {};
    // After the engine's lines: "REST listening on ...", "REST API off ..." or "not started".
    static const QRegularExpression restLine(QStringLiteral("^herald: REST "),
                                             QRegularExpression::MultilineOption);
    QString text;
    // Whether it came or not, the caller reads the output.
    (void)QTest::qWaitFor(
        [&] {
            text = QString::fromUtf8(test::readFile(out));
            return restLine.match(text).hasMatch() || m_console.state() == QProcess::NotRunning;
        },
        startTimeoutMs);
    return text + QString::fromUtf8(test::readFile(err));
}

void TestConsoleRest::tokenRequiredOnSavedPort()
{
    ui::ConsoleSettings values;
    values.restPort = test::freeUdpTcpPort();
    QVERIFY(values.restPort != 0);
    values.restToken = token;
    saveSettings(values);

    const QString text = startConsole();
    const QRegularExpression restLine(
        QStringLiteral(R"(^herald: REST listening on 127\.0\.0\.1:(\d+)$)"),
        QRegularExpression::MultilineOption);
    const auto match = restLine.match(text);
    QVERIFY2(match.hasMatch(), qPrintable(text));
    QCOMPARE(match.captured(1).toUShort(), values.restPort);

    HttpTestClient client(values.restPort);
    QVERIFY(client.connectToServer());
    auto refused = client.request("GET", "/default/calls?appid=psap");
    QVERIFY(refused);
    QCOMPARE(refused->status, 401);
    QVERIFY(!refused->header("WWW-Authenticate").isEmpty());
    auto wrong = client.request("GET", "/default/calls?appid=psap", {},
                                {{"Authorization", "Bearer another-token-0123456"}});
    QVERIFY(wrong);
    QCOMPARE(wrong->status, 401);
    auto listed = client.request("GET", "/default/calls?appid=psap", {},
                                 {{"Authorization", "Bearer " + token.toUtf8()}});
    QVERIFY(listed);
    QCOMPARE(listed->status, 200);
    QVERIFY2(listed->body.contains("web_service"), listed->body.constData());
}

void TestConsoleRest::offWithoutPort()
{
    ui::ConsoleSettings values;
    values.restToken = token; // a token alone opens nothing
    saveSettings(values);
    const QString text = startConsole();
    QVERIFY2(text.contains(QStringLiteral("herald: SIP listening on ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("herald: REST API off")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("REST listening")), qPrintable(text));
}

void TestConsoleRest::movesPlaintextPasswordAtStart()
{
    const QString folder = m_dir->filePath(QStringLiteral("config/Herald"));
    QVERIFY(QDir().mkpath(folder));
    const QString ini = folder + QStringLiteral("/herald.ini");
    {
        QSettings legacy(ini, QSettings::IniFormat);
        legacy.setValue(QStringLiteral("sip/username"), QStringLiteral("desk7"));
        legacy.setValue(QStringLiteral("sip/password"), QStringLiteral("plaintext-pass"));
        legacy.sync();
    }
    QVERIFY(test::readFile(ini).contains("plaintext-pass"));

    const QString text = startConsole();
    QVERIFY2(text.contains(QStringLiteral("herald: REST API off")), qPrintable(text));
    QVERIFY2(!test::readFile(ini).contains("plaintext-pass"), test::readFile(ini).constData());
    const QString credentials = folder + QStringLiteral("/herald.credentials");
    QVERIFY(test::readFile(credentials).contains("plaintext-pass"));
    QCOMPARE(QFile::permissions(credentials), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ReadUser | QFileDevice::WriteUser);
    QSettings reread(ini, QSettings::IniFormat);
    const ui::ConsoleSettings loaded = ui::ConsoleSettings::load(reread);
    QCOMPARE(loaded.sipUsername, QStringLiteral("desk7"));
    QCOMPARE(loaded.sipPassword, QStringLiteral("plaintext-pass"));
}

QTEST_MAIN(TestConsoleRest)
#include "tst_consolerest.moc"
