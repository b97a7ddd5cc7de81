// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "app/common/unixsignalwatcher.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>

#include <sys/socket.h>
#include <unistd.h>

namespace herald::app {

namespace {

// The one piece of process-wide state: a signal handler has no other way to find its
// watcher. -1 while no watcher is installed.
volatile sig_atomic_t s_writeFd = -1;

extern "C" void forwardSignal(int signalNumber)
{
    // Only async-signal-safe calls here (signal-safety(7)): write(2), and errno restored so
    // the interrupted code does not see ours. If the socket is full the byte is dropped,
    // which is harmless: thousands of signals are then already waiting to be read.
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    const ssize_t written = ::write(s_writeFd, &byte, 1);
    static_cast<void>(written);
    errno = savedErrno;
}

} // namespace

UnixSignalWatcher::UnixSignalWatcher(QObject *parent)
    : QObject(parent)
{}

UnixSignalWatcher::~UnixSignalWatcher()
{
    uninstall();
}

Result<void> UnixSignalWatcher::install()
{
    if (m_installed)
        return {};
    if (s_writeFd != -1)
        return fail(ErrorCode::Conflict, QStringLiteral("another UnixSignalWatcher is installed"));

    int fds[2];
    // Non-blocking on both ends: the handler must never block, and the reader drains until
    // EAGAIN. Close-on-exec so child processes do not inherit them.
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) != 0)
        return fail(
            ErrorCode::Io,
            QStringLiteral("socketpair: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    m_readFd = fds[0];
    s_writeFd = fds[1];

    m_notifier = new QSocketNotifier(m_readFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignalWatcher::readPending);

    struct sigaction action = {};
    action.sa_handler = forwardSignal;
    sigemptyset(&action.sa_mask);
    // SA_RESTART: system calls interrupted by these signals resume instead of failing EINTR.
    action.sa_flags = SA_RESTART;
    for (size_t i = 0; i < s_signals.size(); ++i) {
        if (::sigaction(s_signals[i], &action, &m_previous[i]) != 0) {
            const QString reason = QString::fromLocal8Bit(std::strerror(errno));
            restoreHandlers(i);
            releaseDescriptors();
            return fail(ErrorCode::Io, QStringLiteral("sigaction: %1").arg(reason));
        }
    }
    m_installed = true;
    return {};
}

void UnixSignalWatcher::uninstall()
{
    if (!m_installed)
        return;
    // Handlers first, so that no handler writes to a descriptor being closed.
    restoreHandlers(s_signals.size());
    releaseDescriptors();
    m_installed = false;
}

void UnixSignalWatcher::restoreHandlers(size_t count)
{
    for (size_t i = 0; i < count; ++i)
        ::sigaction(s_signals[i], &m_previous[i], nullptr);
}

void UnixSignalWatcher::releaseDescriptors()
{
    delete m_notifier;
    m_notifier = nullptr;
    ::close(s_writeFd);
    s_writeFd = -1;
    ::close(m_readFd);
    m_readFd = -1;
}

void UnixSignalWatcher::readPending()
{
    unsigned char buffer[64];
    for (;;) {
        const ssize_t n = ::read(m_readFd, buffer, sizeof buffer);
        if (n <= 0)
            return; // EAGAIN: drained (0 or other errors cannot happen while we hold both ends)
        for (ssize_t i = 0; i < n; ++i) {
            const int signalNumber = buffer[i];
            if (signalNumber == SIGHUP)
                Q_EMIT hangupReceived();
            else
                Q_EMIT terminationRequested(signalNumber);
        }
    }
}

} // namespace herald::app
