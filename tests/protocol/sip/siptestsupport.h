// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

// Shared by the SIP protocol tests: loopback Agent configurations, MSRP SDP bodies, a capture
// of the herald.sip.wire log (sofia's TPORT_LOG dump: what went out and came in, on which
// transport) and a free-port helper for external peers.
#include "engine/sip/agent.h"

#include "tests/support/testsupport.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QMutex>
#include <QTcpServer>
#include <QUdpSocket>

#include <chrono>
#include <cstdio>

namespace herald::sip::test {

using namespace std::chrono_literals;

inline AgentConfig loopbackConfig(const QString &user)
{
    AgentConfig c;
    c.bindHost = QStringLiteral("127.0.0.1");
    c.port = 0;
    c.identity = QStringLiteral("sip:%1@127.0.0.1").arg(user);
    c.userAgent = QStringLiteral("Herald-test/%1").arg(user);
    // PLATFORM.md §1: fast timers for tests; Timer B/F follow T1x64.
    c.t1 = 50ms;
    c.t1x64 = 3200ms;
    return c;
}

// RFC 4975 §5.1 style offer and an answer (CRLF line ends, as on the wire).
inline QByteArray msrpOffer()
{
    return QByteArrayLiteral("v=0\r\n"
                             "o=alice 2890844526 2890844527 IN IP4 127.0.0.1\r\n"
                             "s= \r\n"
                             "c=IN IP4 127.0.0.1\r\n"
                             "t=0 0\r\n"
                             "m=message 7654 TCP/MSRP *\r\n"
                             "a=accept-types:text/plain application/msml+xml\r\n"
                             "a=path:msrp://127.0.0.1:7654/jshA7weztas;tcp\r\n");
}

inline QByteArray msrpAnswer()
{
    return QByteArrayLiteral("v=0\r\n"
                             "o=herald 2890844616 2890844616 IN IP4 127.0.0.1\r\n"
                             "s= \r\n"
                             "c=IN IP4 127.0.0.1\r\n"
                             "t=0 0\r\n"
                             "m=message 12763 TCP/MSRP *\r\n"
                             "a=accept-types:text/plain\r\n"
                             "a=path:msrp://127.0.0.1:12763/kjhd37s2s20w2a;tcp\r\n");
}

using herald::test::freeUdpTcpPort; // tests/support: for peers (sipp) told their port

// One herald.sip.wire entry: "recv 438 bytes from udp/127.0.0.1:5062\n<message>".
struct WireEntry
{
    QByteArray direction; // recv / send
    QByteArray transport; // udp / tcp
    QByteArray message;

    QByteArray startLine() const { return message.left(message.indexOf('\n')); }
    bool isResponse() const { return message.startsWith("SIP/2.0 "); }
};

// Captures herald.sip.wire while alive. Construct it before Agent::start(): sofia's message
// dump (TPTAG_LOG) is switched on only when the category is enabled at start.
class WireCapture
{
public:
    WireCapture()
    {
        s_instance = this;
        QLoggingCategory::setFilterRules(QStringLiteral("herald.sip.wire.debug=true"));
        m_previous = qInstallMessageHandler(&WireCapture::handler);
    }
    ~WireCapture()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
        s_instance = nullptr;
    }
    WireCapture(const WireCapture &) = delete;
    WireCapture &operator=(const WireCapture &) = delete;

    QList<WireEntry> entries() const
    {
        QMutexLocker lock(&m_mutex);
        return m_entries;
    }
    // Entries whose message contains `needle` (e.g. a Call-ID).
    QList<WireEntry> entriesWith(const QByteArray &needle) const
    {
        QList<WireEntry> out;
        for (const WireEntry &e : entries()) {
            if (e.message.contains(needle))
                out.append(e);
        }
        return out;
    }
    void clear()
    {
        QMutexLocker lock(&m_mutex);
        m_entries.clear();
    }

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        WireCapture *self = s_instance;
        if (self && context.category && qstrcmp(context.category, "herald.sip.wire") == 0) {
            const QByteArray utf8 = text.toUtf8();
            const qsizetype nl = utf8.indexOf('\n');
            const QList<QByteArray> head = utf8.left(nl).split(' ');
            if (nl > 0 && head.size() >= 5) {
                WireEntry e{head.at(0), head.at(4).left(head.at(4).indexOf('/')), utf8.mid(nl + 1)};
                QMutexLocker lock(&self->m_mutex);
                self->m_entries.append(e);
            }
            return;
        }
        if (self && self->m_previous)
            self->m_previous(type, context, text);
        else
            std::fprintf(stderr, "%s\n",
                         qFormatLogMessage(type, context, text).toLocal8Bit().constData());
    }

    static inline WireCapture *s_instance = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QList<WireEntry> m_entries;
};

} // namespace herald::sip::test
