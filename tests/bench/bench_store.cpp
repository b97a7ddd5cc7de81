// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Texts persisted before their 200 (DESIGN.md §5: >= 5,000 texts/s on one session): a sender
// endpoint queues texts back to back on one MSRP session; the receiver's session has the
// engine's DurableGate, so each 200 (RFC 4975 §7.1) leaves only after the text is committed
// (SQLite, WAL, synchronous=FULL, grouped commits). The figure is texts acknowledged per
// second from the first SEND to the last 200. The baseline, in the same run, is the same
// with an in-memory SQLite store (the same SQL, no fsync); a second, informative baseline
// runs with no gate at all.
// Sender and receiver each run their own event loop on their own thread, like two processes.
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/msrp/session/msrpendpoint.h"
#include "engine/service/durablegate.h"
#include "engine/store/sqlitestore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <ctime>
#include <memory>
#include <optional>

using namespace herald;
using namespace herald::msrp;

namespace {

constexpr int textsPerRun = 20000;
constexpr int runs = 3; // the best of three, for each kind, interleaved
const QByteArray benchCallId = QByteArrayLiteral("bench-call");

// An Endpoint living on its own thread.
class Side
{
public:
    explicit Side(const char *name)
    {
        m_thread.setObjectName(QString::fromLatin1(name));
        m_thread.start();
        m_holder.moveToThread(&m_thread);
        call([this] {
            EndpointConfig c;
            c.listenAddress = QHostAddress::LocalHost;
            c.listenPort = 0;
            m_endpoint = new Endpoint(c, m_clock, m_random);
            if (!m_endpoint->listen())
                std::abort();
        });
    }
    ~Side()
    {
        call([this] { delete m_endpoint; });
        m_thread.quit();
        m_thread.wait();
    }
    template<typename F>
    void call(F &&f)
    {
        QMetaObject::invokeMethod(&m_holder, std::forward<F>(f), Qt::BlockingQueuedConnection);
    }
    Endpoint &endpoint() { return *m_endpoint; }
    const Clock &clock() const { return m_clock; }
    QObject &holder() { return m_holder; }

private:
    QThread m_thread;
    QObject m_holder;
    SystemClock m_clock;
    SystemRandomSource m_random;
    Endpoint *m_endpoint = nullptr;
};

enum class Kind { File, Memory, None };

struct Outcome
{
    double textsPerSecond = 0;
    int acknowledged = 0;
    int failed = 0;
    qsizetype stored = -1; // -1 without a store
    quint64 transactions = 0;
    double receiverCpuUsPerText = 0; // the receiving thread's CPU time, whatever the load
    QString error;
};

// CPU time of the calling thread: on a loaded machine (CI shares its two cores) wall-clock
// throughput says little alone; CPU per text says what one core would do.
qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Outcome runOnce(Side &sender, Side &receiver, Kind kind, const QString &path)
{
    Outcome outcome;
    std::unique_ptr<store::SqliteStore> store;
    Session *a = nullptr;
    Session *b = nullptr;

    receiver.call([&] {
        if (kind != Kind::None) {
            store::SqliteStoreOptions options;
            options.path = kind == Kind::File ? path : QStringLiteral(":memory:");
            store = std::make_unique<store::SqliteStore>(options, receiver.clock());
            if (auto opened = store->open(); !opened) {
                outcome.error = opened.error().detail;
                store.reset();
                return;
            }
        }
        b = receiver.endpoint().createSession();
        if (store) {
            // As the engine's DurableRecorder does: the call and its session are stored
            // before the first text (the log events of texts name both).
            store::CallRecord call;
            call.id = benchCallId;
            call.sipCallId = "bench@127.0.0.1";
            call.localUri = QStringLiteral("sip:herald@127.0.0.1");
            call.remoteUri = QStringLiteral("sip:sender@127.0.0.1");
            call.startedAt = receiver.clock().wallNow().toUTC();
            call.state = QStringLiteral("Active");
            store->append(call);
            store::SessionRecord session;
            session.id = b->id();
            session.callId = benchCallId;
            session.msrpSessionId = b->id();
            session.localPath = QString::fromUtf8(b->localUriText());
            session.startedAt = call.startedAt;
            store->append(session);
            new service::DurableGate(*store, receiver.clock(), benchCallId, *b);
        }
    });
    if (!b)
        return outcome;
    sender.call([&] { a = sender.endpoint().createSession(); });
    receiver.call([&] { receiver.endpoint().acceptSession(b, {a->localUri()}); });
    sender.call([&] { sender.endpoint().connectSession(a, {b->localUri()}); });
    bool active = false;
    for (int i = 0; i < 10000 && !active; ++i) {
        bool aActive = false;
        bool bActive = false;
        sender.call([&] { aActive = a->state() == SessionState::Active; });
        receiver.call([&] { bActive = b->state() == SessionState::Active; });
        active = aActive && bActive;
        if (!active)
            QThread::msleep(1);
    }
    if (!active) {
        outcome.error = QStringLiteral("sessions did not become active");
        return outcome;
    }

    QSemaphore done;
    QElapsedTimer timer;
    qint64 elapsedNs = 0;
    qint64 receiverCpuNs = 0;
    receiver.call([&] { receiverCpuNs = threadCpuNs(); });
    sender.call([&] {
        QObject::connect(a, &Session::outgoingChanged, &sender.holder(),
                         [&](const MessageInfo &info) {
                             if (info.state == DeliveryState::Acknowledged)
                                 ++outcome.acknowledged;
                             else if (info.state == DeliveryState::Failed)
                                 ++outcome.failed;
                             else
                                 return;
                             if (outcome.acknowledged + outcome.failed == textsPerRun) {
                                 elapsedNs = timer.nsecsElapsed();
                                 done.release();
                             }
                         });
        // A 911 text is short: about a tweet.
        const QByteArray filler(80, 'x');
        timer.start();
        for (int i = 0; i < textsPerRun; ++i)
            a->sendText("text/plain", "text " + QByteArray::number(i) + ' ' + filler);
    });
    if (!done.tryAcquire(1, 120000))
        outcome.error = QStringLiteral("not every text was answered within 120 s");
    else
        outcome.textsPerSecond = textsPerRun / (double(elapsedNs) / 1e9);
    receiver.call([&] { receiverCpuNs = threadCpuNs() - receiverCpuNs; });
    outcome.receiverCpuUsPerText = double(receiverCpuNs) / 1e3 / textsPerRun;

    sender.call([&] {
        QObject::disconnect(a, &Session::outgoingChanged, &sender.holder(), nullptr);
        a->close();
    });
    receiver.call([&] {
        b->close();
        if (store) {
            (void)store->flush();
            if (auto transcript = store->transcript(benchCallId))
                outcome.stored = transcript->size();
            outcome.transactions = store->statistics().transactions;
            store->close();
            store.reset();
        }
    });
    return outcome;
}

const char *kindName(Kind kind)
{
    switch (kind) {
    case Kind::File:
        return "file";
    case Kind::Memory:
        return "memory";
    case Kind::None:
        return "none";
    }
    return "?";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "no temporary directory\n");
        return 1;
    }
    Side sender("sender");
    Side receiver("receiver");

    std::optional<double> best[3];
    double leastCpu[3] = {0, 0, 0};
    for (int run = 0; run < runs; ++run) {
        for (Kind kind : {Kind::File, Kind::Memory, Kind::None}) {
            // A fresh database file each run: the figure is not helped by a warm, grown file.
            const QString path = dir.filePath(QStringLiteral("bench-%1.db").arg(run));
            const Outcome o = runOnce(sender, receiver, kind, path);
            const bool complete = o.error.isEmpty() && o.acknowledged == textsPerRun &&
                                  o.failed == 0 && (kind == Kind::None || o.stored == textsPerRun);
            std::fprintf(stderr,
                         "run %d %-6s: %.0f texts/s, receiver %.1f us CPU/text, %d acknowledged, "
                         "%d failed, %lld stored, %llu transactions%s%s\n",
                         run, kindName(kind), o.textsPerSecond, o.receiverCpuUsPerText,
                         o.acknowledged, o.failed, qlonglong(o.stored), qulonglong(o.transactions),
                         o.error.isEmpty() ? "" : ": ", qPrintable(o.error));
            // A figure for texts that were not all acknowledged and stored would be a lie.
            if (!complete) {
                std::fprintf(stderr, "run %d (%s) incomplete: no figures\n", run, kindName(kind));
                return 1;
            }
            std::optional<double> &b = best[int(kind)];
            b = std::max(b.value_or(0.0), o.textsPerSecond);
            double &cpu = leastCpu[int(kind)];
            cpu = cpu > 0 ? std::min(cpu, o.receiverCpuUsPerText) : o.receiverCpuUsPerText;
        }
    }
    const double file = *best[int(Kind::File)];
    const double memory = *best[int(Kind::Memory)];
    std::printf("figure store.texts_per_s %.0f texts/s\n", file);
    std::printf("figure store.texts_per_s.memory %.0f texts/s\n", memory);
    std::printf("figure store.texts_per_s.ratio %.2f x-memory-store\n", file / memory);
    std::printf("figure store.texts_per_s.nostore %.0f texts/s\n", *best[int(Kind::None)]);
    std::printf("figure store.receiver_cpu_per_text %.1f us\n", leastCpu[int(Kind::File)]);
    std::printf("figure store.receiver_cpu_per_text.memory %.1f us\n", leastCpu[int(Kind::Memory)]);
    std::printf("figure store.receiver_cpu_per_text.nostore %.1f us\n", leastCpu[int(Kind::None)]);
    return 0;
}
