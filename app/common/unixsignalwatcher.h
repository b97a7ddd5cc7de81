// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QObject>

#include <array>
#include <csignal>

class QSocketNotifier;

namespace herald::app {

// Brings SIGTERM, SIGINT and SIGHUP into the Qt event loop (Mumble's pattern): the handler
// only write()s the signal number as one byte to a socketpair, which is async-signal-safe;
// a QSocketNotifier on the other end emits the Qt signals from the loop. No Qt call ever
// runs inside the handler.
//
// A signal handler can reach only process-wide state, so at most one watcher may be
// installed at a time; the destructor restores the previous handlers.
class UnixSignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

    // Fails if the socketpair or a handler cannot be set up, or another watcher is installed.
    Result<void> install();
    bool isInstalled() const { return m_installed; }

Q_SIGNALS:
    // SIGTERM or SIGINT arrived: the process is asked to stop. Emitted from the event loop,
    // once per signal received (repeats within one loop iteration may be merged).
    void terminationRequested(int signalNumber);
    // SIGHUP arrived: by Unix custom, reload the configuration.
    void hangupReceived();

private:
    void readPending();
    void uninstall();
    void restoreHandlers(size_t count);
    void releaseDescriptors();

    static constexpr std::array<int, 3> s_signals{SIGTERM, SIGINT, SIGHUP};

    bool m_installed = false;
    int m_readFd = -1;
    QSocketNotifier *m_notifier = nullptr;
    std::array<struct sigaction, s_signals.size()> m_previous{};
};

} // namespace herald::app
