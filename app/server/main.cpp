// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// heraldd: the Herald engine without a screen.

#include "app/common/commandline.h"
#include "app/common/demo/demomode.h"
#include "app/common/engineoptions.h"
#include "app/common/restlistener.h"
#include "app/common/unixsignalwatcher.h"
#include "engine/core/clock.h"
#include "engine/core/logging.h"
#include "engine/core/randomsource.h"
#include "engine/msrp/transport/msrpconnection.h"
#include "engine/rest/binding/opsserver.h"
#include "engine/rest/binding/restserver.h"
#include "engine/rest/opsendpoints.h"
#include "engine/service/engine.h"
#include "engine/service/enginemetrics.h"
#include "engine/service/shutdowncoordinator.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <optional>

namespace {

// Exit status when the engine cannot start (sysexits' EX_UNAVAILABLE family: not a usage error).
constexpr int startFailureExitCode = 1;

void printLine(std::FILE *stream, const QString &line)
{
    // Flushed at once: supervisors and tests read these lines from a pipe.
    const QByteArray bytes = line.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

// SIGHUP: the settings are read again (file, environment, command line). A bad file changes
// nothing; what only a restart applies is named.
void reload(herald::app::CommandLine &commandLine, const QStringList &arguments,
            herald::service::Engine &engine)
{
    const herald::app::CommonOptions before = commandLine.options();
    if (const auto parsed = commandLine.parse(arguments); !parsed) {
        printLine(stderr, QStringLiteral("heraldd: SIGHUP: settings not reloaded: ") +
                              parsed.error().detail);
        return;
    }
    const herald::app::CommonOptions &after = commandLine.options();
    for (const QString &warning : commandLine.warnings())
        printLine(stderr, QStringLiteral("heraldd: warning: ") + warning);
    herald::app::applyLogging(after.logRules, after.logTarget);
    // sofia reads its wire-trace switch once; herald.sip.wire may have changed with the rules.
    engine.sip().applyWireTrace();
    QStringList restartOnly;
    if (!(after.msrpListen == before.msrpListen))
        restartOnly << QStringLiteral("msrp/listen");
    if (!(after.sipListen == before.sipListen))
        restartOnly << QStringLiteral("sip/listen");
    // sofia takes its outbound proxy when the agent is created (NUTAG_PROXY at nua_create).
    if (after.outboundProxy != before.outboundProxy)
        restartOnly << QStringLiteral("sip/outbound-proxy");
    if (after.restListen != before.restListen || after.restToken != before.restToken)
        restartOnly << QStringLiteral("rest/*");
    if (after.opsListen != before.opsListen || after.metricsToken != before.metricsToken)
        restartOnly << QStringLiteral("ops/*");
    if (after.storePath != before.storePath || after.noStore != before.noStore)
        restartOnly << QStringLiteral("store/*");
    if (after.msmlControl != before.msmlControl || after.mediaRoot != before.mediaRoot ||
        after.httpFetchMaxBytes != before.httpFetchMaxBytes ||
        after.httpFetchIdleTimeout != before.httpFetchIdleTimeout ||
        after.httpFetchDirectory != before.httpFetchDirectory ||
        after.httpFetchCaFile != before.httpFetchCaFile)
        restartOnly << QStringLiteral("msml/*");
    if (after.spoolDirectory != before.spoolDirectory || after.maxFileSize != before.maxFileSize)
        restartOnly << QStringLiteral("spool/*");
    if (!restartOnly.isEmpty())
        printLine(stderr, QStringLiteral("heraldd: SIGHUP: changed, applied at the next start: ") +
                              restartOnly.join(QStringLiteral(", ")));
    printLine(stdout, QStringLiteral("heraldd: settings reloaded"));
}

// Stops the engine inside the event loop, then quits once the MSRP connections have closed
// gracefully (their last answers written) or after a bound.
void stopAndDrain(herald::service::Engine &engine)
{
    // Two queued hops first: a connection queues the answer to a message's last chunk for its
    // next turn, after the message was reported complete (Connection::queueUrgent).
    QMetaObject::invokeMethod(
        &engine,
        [&engine] {
            QMetaObject::invokeMethod(
                &engine,
                [&engine] {
                    engine.stop();
                    auto *poll = new QTimer(&engine);
                    QDeadlineTimer deadline(std::chrono::seconds(6));
                    QObject::connect(poll, &QTimer::timeout, &engine, [&engine, deadline] {
                        if (deadline.hasExpired() ||
                            engine.msrp().findChildren<herald::msrp::Connection *>().isEmpty())
                            QCoreApplication::quit();
                    });
                    poll->start(20);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("heraldd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HERALD_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Herald"));

    herald::app::CommandLine commandLine(
        QStringLiteral("Herald MSRP media server, headless. On SIGTERM or SIGINT it refuses new "
                       "calls, lets transfers in progress finish (shutdown/grace) and exits; a "
                       "second signal fails them at once. SIGHUP reloads the settings that can "
                       "change while running (log/*, shutdown/grace)."));
    if (const auto exitCode = herald::app::handleCommandLine(commandLine, app))
        return *exitCode;
    // The REST API (issue 6) is off unless rest/listen is set (--rest-listen, HERALD_REST_LISTEN,
    // [rest] listen); it then needs a token (rest/token).
    std::optional<herald::rest::RestConfig> restConfig;
    if (const auto &listen = commandLine.options().restListen) {
        auto checked = herald::app::restConfigFor(*listen, commandLine.options().restToken);
        if (!checked) {
            printLine(stderr, QStringLiteral("heraldd: --rest-listen: ") + checked.error().detail +
                                  QStringLiteral(" (--rest-token or HERALD_REST_TOKEN)"));
            return 2;
        }
        restConfig = std::move(*checked);
    }

    // Before the engine starts, so that a signal arriving during start-up is not lost.
    herald::app::UnixSignalWatcher signalWatcher;
    if (const auto installed = signalWatcher.install(); !installed) {
        printLine(stderr,
                  QStringLiteral("heraldd: cannot watch signals: ") + installed.error().detail);
        return startFailureExitCode;
    }

    herald::SystemClock clock;
    herald::SystemRandomSource random;
    herald::service::EngineConfig config = herald::app::engineConfigFrom(commandLine.options());
    // With the REST API the application decides which calls to answer.
    if (restConfig)
        config.answerPolicy = herald::service::AnswerPolicy::Manual;
    // --demo: a simulated ESRP and delivery server beside the engine (README "Demo").
    std::unique_ptr<herald::app::DemoMode> demo;
    if (commandLine.options().demo) {
        demo = std::make_unique<herald::app::DemoMode>(
            herald::app::DemoMode::Options{commandLine.options().demoPace}, clock, random);
        demo->adjustConfig(config, commandLine);
        QObject::connect(demo.get(), &herald::app::DemoMode::progress, &app,
                         [](const QString &line) {
                             printLine(stdout, QStringLiteral("heraldd: demo: ") + line);
                         });
    }
    herald::service::Engine engine(config, clock, random);
    // Before start(): it follows every transfer from the first one.
    herald::service::ShutdownCoordinator shutdown(engine.msrp(), engine.calls());
    shutdown.followTransfers(engine.msml()); // voicemail deliveries still fetching or calling
    // /healthz and /metrics (issue 10): on the REST listener when REST is on, and on ops/listen
    // when set. /metrics wants ops/metrics-token, else (on the REST listener only) the REST
    // token: the API's port never shows data without a token; ops/listen is for a loopback or
    // management address that a scraper reaches without one.
    herald::service::EngineMetrics metrics(engine);
    herald::rest::OpsEndpoints ops(
        engine, metrics, herald::rest::OpsConfig{commandLine.options().metricsToken.toUtf8()});

    QObject::connect(&signalWatcher, &herald::app::UnixSignalWatcher::terminationRequested, &app,
                     [&shutdown, &commandLine, &ops](int signalNumber) {
                         // Not ready from the first signal on: balancers stop sending calls.
                         ops.setShuttingDown(true);
                         if (shutdown.isShuttingDown()) {
                             printLine(stdout, QStringLiteral("heraldd: signal %1 again: failing "
                                                              "the transfers left now")
                                                   .arg(signalNumber));
                             // The operator wants it down now: what is left fails,
                             // reported like at the end of the grace period, and the
                             // exit code stays 0 (the stop was asked for).
                             shutdown.expire(QStringLiteral("shutting down: a second signal "
                                                            "ended the grace period"));
                             return;
                         }
                         printLine(stdout, QStringLiteral("heraldd: signal %1: shutting down, "
                                                          "%2 transfer(s) in flight")
                                               .arg(signalNumber)
                                               .arg(shutdown.inFlightCount()));
                         shutdown.begin(commandLine.options().shutdownGrace);
                     });
    QObject::connect(&shutdown, &herald::service::ShutdownCoordinator::finished, &app,
                     [&engine](int completed, int failed) {
                         printLine(stdout, QStringLiteral("heraldd: transfers at shutdown: %1 "
                                                          "completed, %2 failed")
                                               .arg(completed)
                                               .arg(failed));
                         stopAndDrain(engine);
                     });
    QObject::connect(
        &signalWatcher, &herald::app::UnixSignalWatcher::hangupReceived, &app,
        [&commandLine, &app, &engine] { reload(commandLine, app.arguments(), engine); });

    if (const auto started = engine.start(); !started) {
        printLine(stderr, QStringLiteral("heraldd: ") + started.error().detail);
        return startFailureExitCode;
    }
    for (const QString &line : herald::app::listeningLines(engine))
        printLine(stdout, QStringLiteral("heraldd: ") + line);
    for (const QString &warning : commandLine.warnings())
        printLine(stderr, QStringLiteral("heraldd: warning: ") + warning);
    // After the engine, so destroyed before it.
    std::unique_ptr<herald::rest::RestServer> rest;
    if (restConfig) {
        auto listening = herald::app::startRestServer(engine, *restConfig, &ops);
        if (!listening) {
            printLine(stderr, QStringLiteral("heraldd: ") + listening.error().detail);
            engine.stop();
            return startFailureExitCode;
        }
        rest = std::move(*listening);
        printLine(stdout, QStringLiteral("heraldd: ") + herald::app::restListeningLine(*rest));
    }
    std::unique_ptr<herald::rest::OpsServer> opsServer;
    if (const auto &opsListen = commandLine.options().opsListen) {
        opsServer =
            std::make_unique<herald::rest::OpsServer>(ops, opsListen->address, opsListen->port);
        if (const auto listening = opsServer->start(); !listening) {
            printLine(stderr, QStringLiteral("heraldd: ") + listening.error().detail);
            engine.stop();
            return startFailureExitCode;
        }
        printLine(stdout, QStringLiteral("heraldd: ops (/healthz, /metrics) listening on ") +
                              herald::app::formatHostPort(opsServer->address(), opsServer->port()));
    }
    if (demo) {
        if (const auto started = demo->start(engine); !started) {
            printLine(stderr, QStringLiteral("heraldd: --demo: ") + started.error().detail);
            engine.stop();
            return startFailureExitCode;
        }
    }

    const int exitCode = QCoreApplication::exec();
    demo.reset(); // its calls end before the engine's
    engine.stop();
    printLine(stdout, QStringLiteral("heraldd: stopped"));
    return exitCode;
}
