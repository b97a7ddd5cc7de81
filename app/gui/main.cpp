// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// herald: the operator console. The same Engine as heraldd, with a window on it.

#include "app/common/commandline.h"
#include "app/common/demo/demodeliveryserver.h"
#include "app/common/demo/demomode.h"
#include "app/common/engineoptions.h"
#include "app/common/restlistener.h"
#include "app/common/unixsignalwatcher.h"
#include "engine/core/clock.h"
#include "engine/core/logging.h"
#include "engine/core/randomsource.h"
#include "engine/rest/binding/restserver.h"
#include "engine/service/engine.h"
#include "ui/widgets/consolelanguage.h"
#include "ui/widgets/consolesettings.h"
#include "ui/widgets/consolestyle.h"
#include "ui/widgets/incomingalert.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/voicemailview.h"

#include <QApplication>
#include <QIcon>
#include <QPixmap>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

namespace {

constexpr int startFailureExitCode = 1;
// --screenshot waits this long after show() so that the window is mapped and painted.
constexpr int screenshotDelayMs = 1000;

void identify()
{
    QCoreApplication::setApplicationName(QStringLiteral("herald"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HERALD_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Herald"));
}

QString description()
{
    return QStringLiteral("Herald operator console: incoming text calls (PSAP) and live "
                          "protocol tables (Lab).");
}

QCommandLineOption screenshotOption()
{
    return QCommandLineOption(QStringLiteral("screenshot"),
                              QStringLiteral("Debugging aid: once the window is shown, save a "
                                             "capture of the screen to PATH (PNG) and exit."),
                              QStringLiteral("PATH"));
}

QCommandLineOption languageOption()
{
    return QCommandLineOption(QStringLiteral("language"),
                              QStringLiteral("The console's language: en, es or fr (default: the "
                                             "Settings dialog's choice, else the system's)."),
                              QStringLiteral("CODE"));
}

bool isDefault(const herald::app::CommandLine &commandLine, const QString &key)
{
    const auto &settings = commandLine.effectiveSettings();
    return std::none_of(settings.cbegin(), settings.cend(), [&key](const auto &setting) {
        return setting.key == key && setting.origin != u"default";
    });
}

// The Settings dialog's engine values, where --config, HERALD_* and the command line left the
// default (they win: a site's configuration is not overridden by one desk's preferences).
void applySaved(const herald::ui::ConsoleSettings &saved,
                const herald::app::CommandLine &commandLine, herald::service::EngineConfig &config)
{
    if (!saved.sipIdentity.isEmpty())
        config.sip.identity = saved.sipIdentity;
    if (isDefault(commandLine, QStringLiteral("sip/listen")))
        config.sip.port = saved.sipPort;
    if (isDefault(commandLine, QStringLiteral("msrp/listen")))
        config.msrpListenPort = saved.msrpPort;
    if (!saved.outboundProxy.isEmpty() &&
        isDefault(commandLine, QStringLiteral("sip/outbound-proxy")))
        config.sip.outboundProxy = saved.outboundProxy;
    if (!saved.sipUsername.isEmpty()) {
        config.sip.credentials.username = saved.sipUsername;
        config.sip.credentials.password = saved.sipPassword;
    }
    if (!saved.mediaRoot.isEmpty() && isDefault(commandLine, QStringLiteral("msml/media-root")))
        config.mediaRoot = saved.mediaRoot;
}

// The REST API on the console's engine (issue 8, item 4), started as heraldd starts it (one
// code path: app/common/restlistener.h) so that a PSAP application drives the console's calls
// with the same requests and the same token. rest/listen (--rest-listen, HERALD_REST_LISTEN,
// --config) wins, else the Settings dialog's port on 127.0.0.1; off when neither. The token:
// rest/token where given, else the Settings dialog's.
herald::Result<std::optional<herald::rest::RestConfig>>
restConfigFrom(const herald::ui::ConsoleSettings &saved,
               const herald::app::CommandLine &commandLine)
{
    std::optional<herald::app::ListenAddress> listen = commandLine.options().restListen;
    if (!listen && saved.restPort != 0)
        listen = herald::app::ListenAddress{QHostAddress(QHostAddress::LocalHost), saved.restPort};
    if (!listen)
        return std::nullopt;
    const QString &given = commandLine.options().restToken;
    auto config = herald::app::restConfigFor(*listen, given.isEmpty() ? saved.restToken : given);
    if (!config)
        return tl::unexpected(config.error());
    return std::optional<herald::rest::RestConfig>(std::move(*config));
}

void printLine(std::FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

// The whole screen (as an operator would see it) where the platform has one; the window
// alone elsewhere (offscreen).
bool saveScreenshot(QWidget &window, const QString &path)
{
    QPixmap shot;
    if (QScreen *screen = window.screen())
        shot = screen->grabWindow(0);
    if (shot.isNull())
        shot = window.grab();
    return shot.save(path, "PNG");
}

} // namespace

int main(int argc, char **argv)
{
    // --help and --version only print: answer them without connecting to a display, so
    // they work over ssh and in scripts.
    if (herald::app::CommandLine::asksForTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        identify();
        herald::app::CommandLine commandLine(description());
        commandLine.addOption(screenshotOption());
        commandLine.addOption(languageOption());
        return herald::app::handleCommandLine(commandLine, app).value_or(0);
    }

    QApplication app(argc, argv);
    identify();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/herald.svg")));

    herald::app::CommandLine commandLine(description());
    const QCommandLineOption screenshot = screenshotOption();
    commandLine.addOption(screenshot);
    const QCommandLineOption languageChoice = languageOption();
    commandLine.addOption(languageChoice);
    if (const auto exitCode = herald::app::handleCommandLine(commandLine, app))
        return *exitCode;

    // The Settings dialog's values (~/.config/Herald/herald.ini).
    QSettings settings(QSettings::IniFormat, QSettings::UserScope,
                       QCoreApplication::organizationName(), QCoreApplication::applicationName());
    QString credentialProblem;
    const herald::ui::ConsoleSettings saved =
        herald::ui::ConsoleSettings::load(settings, &credentialProblem);
    if (!credentialProblem.isEmpty())
        printLine(stderr, QStringLiteral("herald: ") + credentialProblem);
    // --language, else the saved choice, else the system locale (README "Languages").
    const QString wanted =
        commandLine.isSet(languageChoice) ? commandLine.value(languageChoice) : saved.language;
    if (commandLine.isSet(languageChoice) &&
        herald::ui::ConsoleLanguage::supportedCode(wanted).isEmpty()) {
        printLine(stderr,
                  QStringLiteral("herald: --language %1: not one of en, es, fr").arg(wanted));
        return 2;
    }
    herald::ui::ConsoleLanguage language(app);
    if (const QString code = herald::ui::ConsoleLanguage::resolve(wanted); !language.install(code))
        printLine(stderr,
                  QStringLiteral("herald: no %1 translation found; English it is").arg(code));

    herald::ui::applyConsoleStyle(app);

    herald::app::UnixSignalWatcher signalWatcher;
    if (const auto installed = signalWatcher.install(); !installed) {
        printLine(stderr,
                  QStringLiteral("herald: cannot watch signals: ") + installed.error().detail);
        return startFailureExitCode;
    }
    QObject::connect(&signalWatcher, &herald::app::UnixSignalWatcher::terminationRequested, &app,
                     [] {
                         QApplication::closeAllWindows();
                         QCoreApplication::quit();
                     });
    QObject::connect(&signalWatcher, &herald::app::UnixSignalWatcher::hangupReceived, &app, [] {
        qCInfo(lcService, "SIGHUP: configuration reload is not implemented yet; ignored");
    });

    herald::SystemClock clock;
    herald::SystemRandomSource random;
    herald::service::EngineConfig config = herald::app::engineConfigFrom(commandLine.options());
    applySaved(saved, commandLine, config);
    // --demo: a simulated ESRP and delivery server beside the engine (README "Demo").
    std::unique_ptr<herald::app::DemoMode> demo;
    if (commandLine.options().demo) {
        demo = std::make_unique<herald::app::DemoMode>(
            herald::app::DemoMode::Options{commandLine.options().demoPace}, clock, random);
        demo->adjustConfig(config, commandLine);
        QObject::connect(demo.get(), &herald::app::DemoMode::progress, &app,
                         [](const QString &line) {
                             printLine(stdout, QStringLiteral("herald: demo: ") + line);
                         });
    }
    herald::service::Engine engine(config, clock, random);
    // After the engine, so destroyed before it.
    std::unique_ptr<herald::rest::RestServer> rest;
    const auto restConfig = restConfigFrom(saved, commandLine);

    // The voicemail demo's built-in destination, started the first time it is used.
    std::unique_ptr<herald::app::DemoDeliveryServer> localDelivery;
    herald::ui::MainWindow window(engine);
    window.setSettings(&settings);
    if (!saved.alertSound.isEmpty())
        window.incomingAlert()->setSoundSource(QUrl::fromLocalFile(saved.alertSound));
    herald::ui::VoicemailView *voicemail = window.voicemailView();
    voicemail->setLocalEndpoint([&]() -> herald::Result<QByteArray> {
        if (!localDelivery) {
            auto server = std::make_unique<herald::app::DemoDeliveryServer>(clock, random);
            if (auto started = server->start(); !started)
                return tl::unexpected(started.error());
            QObject::connect(server.get(), &herald::app::DemoDeliveryServer::fileReceived,
                             voicemail, &herald::ui::VoicemailView::showReceived);
            localDelivery = std::move(server);
        }
        return localDelivery->uri();
    });
    // The console stays up when the engine cannot start: the operator sees why in the
    // status bar instead of a window that never appears.
    if (const auto started = engine.start(); !started) {
        printLine(stderr, QStringLiteral("herald: ") + started.error().detail);
        window.showEngineError(started.error().detail);
    } else {
        for (const QString &line : herald::app::listeningLines(engine))
            printLine(stdout, QStringLiteral("herald: ") + line);
        // No REST API is a console still of use: the operator is told why, it goes on.
        QString restProblem;
        if (!restConfig) {
            restProblem = restConfig.error().detail;
        } else if (!*restConfig) {
            printLine(stdout, QStringLiteral("herald: REST API off (no REST port in Settings, no "
                                             "--rest-listen)"));
        } else {
            if (auto listening = herald::app::startRestServer(engine, **restConfig, nullptr);
                !listening) {
                restProblem = listening.error().detail;
            } else {
                rest = std::move(*listening);
                printLine(stdout,
                          QStringLiteral("herald: ") + herald::app::restListeningLine(*rest));
            }
        }
        if (!restProblem.isEmpty()) {
            printLine(stderr, QStringLiteral("herald: REST API not started: ") + restProblem);
            window.statusBar()->showMessage(
                QCoreApplication::translate("herald::app", "REST API not started: %1")
                    .arg(restProblem),
                30000);
        }
        if (demo) {
            if (const auto running = demo->start(engine); !running) {
                printLine(stderr, QStringLiteral("herald: --demo: ") + running.error().detail);
                window.showEngineError(running.error().detail);
            }
        }
    }
    window.show();

    int exitCode = 0;
    if (commandLine.isSet(screenshot)) {
        const QString path = commandLine.value(screenshot);
        QTimer::singleShot(screenshotDelayMs, &window, [&window, &exitCode, path] {
            if (saveScreenshot(window, path)) {
                printLine(stdout, QStringLiteral("herald: screenshot saved to ") + path);
            } else {
                printLine(stderr, QStringLiteral("herald: cannot write screenshot ") + path);
                exitCode = startFailureExitCode;
            }
            QApplication::closeAllWindows();
            QCoreApplication::quit();
        });
    }

    const int loopExit = QApplication::exec();
    demo.reset(); // its calls end before the engine's
    rest.reset();
    engine.stop();
    return exitCode != 0 ? exitCode : loopExit;
}
