// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// MSRP call setup + teardown rate (DESIGN.md §5), driven by sipp over UDP on loopback:
//  - baseline: sipp's built-in UAC against sipp's built-in UAS (-sn uac / -sn uas), with the
//    call held 100 ms (-d 100) like uac_msrp.xml holds it;
//  - herald: tests/data/sipp/uac_msrp.xml (INVITE with an MSRP offer, 200 with an MSRP answer
//    checked by ereg, ACK, 100 ms, BYE, 200) against heraldd.
// Each run places a fixed number of calls at a high requested rate with a concurrency limit;
// the rate is successful calls / wall-clock seconds from sipp's start to its exit, the counts
// coming from sipp's final statistics line (-trace_stat -stf).
//
// usage: bench_sipcalls [calls [rate [limit]]]   (defaults 5000 5000 500)
// At 3000 calls/s sipp against its own UAS gets within 10 % of the requested rate, so the
// baseline would be capped by -r; far above 5000 (e.g. 10000, -l 1000) sipp's own UAS drops
// datagrams and the failed calls' timeouts dominate the wall time of the baseline.
// Environment: HERALD_SOURCE_DIR (else the directory above the build dir) for the scenario.
#include "tests/support/testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUdpSocket>

#include <cstdio>
#include <optional>

namespace {

using herald::test::freeUdpTcpPort;

constexpr int startTimeoutMs = 10000;
constexpr int runTimeoutMs = 180000;

struct RunResult
{
    qint64 successful = 0;
    qint64 failed = 0;
    double seconds = 0;
    int exitCode = -1;
    double rate() const { return seconds > 0 ? static_cast<double>(successful) / seconds : 0; }
};

bool udpPortTaken(quint16 port)
{
    QUdpSocket probe;
    return !probe.bind(QHostAddress::LocalHost, port, QAbstractSocket::DontShareAddress);
}

// Waits (bounded) until `ready` holds; false when the process ended or time ran out first.
template<typename Ready>
bool waitUntil(QProcess &process, Ready ready, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (ready())
            return true;
        if (process.state() == QProcess::NotRunning)
            return false;
        process.waitForFinished(20);
    }
    return ready();
}

// The last data line of sipp's statistics CSV (';'-separated, a header line first).
std::optional<RunResult> readStatistics(const QString &csvPath)
{
    QFile file(csvPath);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QList<QByteArray> lines = file.readAll().split('\n');
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
        lines.removeLast();
    if (lines.size() < 2)
        return std::nullopt;
    const QList<QByteArray> header = lines.constFirst().split(';');
    const QList<QByteArray> last = lines.constLast().split(';');
    const qsizetype successful = header.indexOf("SuccessfulCall(C)");
    const qsizetype failed = header.indexOf("FailedCall(C)");
    if (successful < 0 || failed < 0 || last.size() <= qMax(successful, failed))
        return std::nullopt;
    RunResult result;
    result.successful = last.at(successful).toLongLong();
    result.failed = last.at(failed).toLongLong();
    return result;
}

// Runs a sipp UAC to completion; `scenario` is {"-sn", "uac"} or {"-sf", path}.
std::optional<RunResult> runUac(const QString &sipp, const QString &workDir,
                                const QStringList &scenario, quint16 targetPort,
                                const QStringList &extra, int calls, int rate, int limit,
                                const QString &name)
{
    const quint16 port = freeUdpTcpPort();
    if (port == 0)
        return std::nullopt;
    const QString csv = workDir + QLatin1Char('/') + name + QStringLiteral("_stat.csv");
    QProcess uac;
    uac.setWorkingDirectory(workDir);
    uac.setStandardOutputFile(QProcess::nullDevice()); // the screen; the CSV has the counts
    uac.setStandardErrorFile(workDir + QLatin1Char('/') + name + QStringLiteral("_stderr.txt"));
    QStringList arguments = scenario;
    arguments << QStringLiteral("127.0.0.1:%1").arg(targetPort) << QStringLiteral("-i")
              << QStringLiteral("127.0.0.1") << QStringLiteral("-p") << QString::number(port)
              << QStringLiteral("-r") << QString::number(rate) << QStringLiteral("-l")
              << QString::number(limit) << QStringLiteral("-m") << QString::number(calls)
              << QStringLiteral("-nostdin") << QStringLiteral("-trace_stat")
              << QStringLiteral("-stf") << csv << QStringLiteral("-timeout")
              << QStringLiteral("60s") << extra;
    QElapsedTimer timer;
    timer.start();
    uac.start(sipp, arguments);
    if (!uac.waitForStarted(startTimeoutMs)) {
        std::fprintf(stderr, "bench_sipcalls: cannot start sipp: %s\n",
                     qPrintable(uac.errorString()));
        return std::nullopt;
    }
    if (!uac.waitForFinished(runTimeoutMs)) {
        uac.kill();
        uac.waitForFinished(startTimeoutMs);
        std::fprintf(stderr, "bench_sipcalls: sipp (%s) did not finish in time\n",
                     qPrintable(name));
        return std::nullopt;
    }
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    std::optional<RunResult> result = readStatistics(csv);
    if (!result) {
        std::fprintf(stderr, "bench_sipcalls: no statistics from sipp (%s) in %s\n",
                     qPrintable(name), qPrintable(csv));
        return std::nullopt;
    }
    result->seconds = seconds;
    result->exitCode = uac.exitStatus() == QProcess::NormalExit ? uac.exitCode() : -1;
    return result;
}

void stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate(); // SIGTERM
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

void report(const char *name, const RunResult &run, int calls, int rate)
{
    std::printf("# %s: %lld successful, %lld failed of %d calls in %.3f s (sipp exit code %d)\n",
                name, static_cast<long long>(run.successful), static_cast<long long>(run.failed),
                calls, run.seconds, run.exitCode);
    if (run.failed > 0)
        std::printf("# %s: failed calls wait for sipp's timers: the rate includes that time\n",
                    name);
    if (run.rate() >= 0.9 * rate)
        std::printf("# %s: reached the requested rate %d; raise it for a real maximum\n", name,
                    rate);
}

int argument(const QStringList &arguments, int index, int fallback)
{
    bool ok = false;
    const int value = arguments.value(index).toInt(&ok);
    return ok && value > 0 ? value : fallback;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const int calls = argument(arguments, 1, 5000);
    int rate = argument(arguments, 2, 5000);
    const int limit = argument(arguments, 3, 500);

    const QString sipp = QStandardPaths::findExecutable(QStringLiteral("sipp"));
    if (sipp.isEmpty()) {
        std::fprintf(stderr, "bench_sipcalls: sipp not found in PATH (Debian sip-tester)\n");
        return 1;
    }
    const QString binDir = QCoreApplication::applicationDirPath();
    QString sourceDir = qEnvironmentVariable("HERALD_SOURCE_DIR");
    if (sourceDir.isEmpty())
        sourceDir = QDir(binDir + QStringLiteral("/../..")).absolutePath();
    const QString scenario = sourceDir + QStringLiteral("/tests/data/sipp/uac_msrp.xml");
    const QString heralddPath = binDir + QStringLiteral("/heraldd");
    if (!QFile::exists(scenario) || !QFile::exists(heralddPath)) {
        std::fprintf(stderr, "bench_sipcalls: need %s and %s (set HERALD_SOURCE_DIR)\n",
                     qPrintable(scenario), qPrintable(heralddPath));
        return 1;
    }
    QTemporaryDir work;
    if (!work.isValid())
        return 1;
    // sipp writes its logs beside the scenario: run a copy.
    const QString scenarioCopy = work.filePath(QStringLiteral("uac_msrp.xml"));
    QFile::copy(scenario, scenarioCopy);
    std::printf("# %d calls per run, requested rate %d calls/s, at most %d concurrent, UDP\n",
                calls, rate, limit);
    std::fflush(stdout);

    // Baseline: sipp against its own UAS. sipp's UAS drops calls when pushed too hard, and a
    // failed call makes sipp wait for its timers, which turns the baseline into a measure of
    // those timers: lower the requested rate until the baseline has no failures, and hold
    // heraldd to the same rate.
    auto runBaseline = [&](int requested) -> std::optional<RunResult> {
        const quint16 uasPort = freeUdpTcpPort();
        QProcess uas;
        uas.setWorkingDirectory(work.path());
        uas.setStandardOutputFile(QProcess::nullDevice());
        uas.setStandardErrorFile(QProcess::nullDevice());
        uas.start(sipp, {QStringLiteral("-sn"), QStringLiteral("uas"), QStringLiteral("-i"),
                         QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                         QString::number(uasPort), QStringLiteral("-nostdin")});
        if (uasPort == 0 || !uas.waitForStarted(startTimeoutMs) ||
            !waitUntil(
                uas, [&] { return udpPortTaken(uasPort); }, startTimeoutMs)) {
            std::fprintf(stderr, "bench_sipcalls: sipp UAS did not start\n");
            stop(uas);
            return std::nullopt;
        }
        auto result = runUac(sipp, work.path(), {QStringLiteral("-sn"), QStringLiteral("uac")},
                             uasPort, {QStringLiteral("-d"), QStringLiteral("100")}, calls,
                             requested, limit, QStringLiteral("sipp"));
        stop(uas);
        return result;
    };
    std::optional<RunResult> baseline;
    for (int attempt = 0; attempt < 4; ++attempt) {
        baseline = runBaseline(rate);
        if (!baseline)
            return 1;
        if (baseline->failed == 0)
            break;
        std::printf("# sipp's own UAS failed %lld calls at %d calls/s: trying %d\n",
                    static_cast<long long>(baseline->failed), rate, rate * 2 / 3);
        rate = rate * 2 / 3;
    }

    // Herald: the MSRP scenario against heraldd.
    QProcess heraldd;
    const QString heralddOut = work.filePath(QStringLiteral("heraldd.out"));
    heraldd.setStandardOutputFile(heralddOut);
    heraldd.setStandardErrorFile(work.filePath(QStringLiteral("heraldd.err")));
    heraldd.start(heralddPath,
                  {QStringLiteral("--msrp-listen"), QStringLiteral("127.0.0.1:0"),
                   QStringLiteral("--sip-listen"), QStringLiteral("127.0.0.1:0"),
                   QStringLiteral("--store"), work.filePath(QStringLiteral("herald.db"))});
    static const QRegularExpression sipLine(
        QStringLiteral(R"(^heraldd: SIP listening on 127\.0\.0\.1:(\d+))"),
        QRegularExpression::MultilineOption);
    quint16 sipPort = 0;
    const bool started = heraldd.waitForStarted(startTimeoutMs) &&
                         waitUntil(
                             heraldd,
                             [&] {
                                 QFile out(heralddOut);
                                 if (!out.open(QIODevice::ReadOnly))
                                     return false;
                                 const auto match = sipLine.match(QString::fromUtf8(out.readAll()));
                                 if (match.hasMatch())
                                     sipPort = match.captured(1).toUShort();
                                 return sipPort != 0;
                             },
                             startTimeoutMs);
    if (!started) {
        std::fprintf(stderr, "bench_sipcalls: heraldd did not report its SIP port\n");
        stop(heraldd);
        return 1;
    }
    const std::optional<RunResult> herald =
        runUac(sipp, work.path(), {QStringLiteral("-sf"), scenarioCopy}, sipPort, {}, calls, rate,
               limit, QStringLiteral("herald"));
    stop(heraldd);
    if (!herald)
        return 1;

    report("sipp", *baseline, calls, rate);
    report("herald", *herald, calls, rate);
    std::printf("figure sip.calls.sipp %.1f calls/s\n", baseline->rate());
    std::printf("figure sip.calls.herald %.1f calls/s\n", herald->rate());
    std::printf("figure sip.calls.ratio %.2f x-sipp\n",
                baseline->rate() > 0 ? herald->rate() / baseline->rate() : 0.0);
    return 0;
}
