// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace herald::sip {

// Turns the text sofia-sip writes through su_log (in arbitrary fragments) into log entries:
// plain lines, and whole SIP messages from tport's message dump (TPORT_LOG / TPTAG_LOG),
// which sofia writes as
//
//   recv 438 bytes from udp/[127.0.0.1]:5062 at 10:00:00.123456:
//      ------------------------------------------------------------------------
//      INVITE sip:a@b SIP/2.0
//      ...
//      ------------------------------------------------------------------------
//
// Pure and sans-I/O (feed text, take entries), so it is unit-tested without sofia.
class SofiaLogAssembler
{
public:
    enum class Kind { Text, WireMessage };
    struct Entry
    {
        Kind kind = Kind::Text;
        QByteArray text;      // the line, or the message with LF line ends and no indent
        QByteArray direction; // wire only: "recv" or "send"
        QByteArray transport; // wire only: "udp", "tcp", "tls", ...
        QByteArray peer;      // wire only: "127.0.0.1:5062" ("[::1]:5062" for IPv6)
        qint64 size = 0;      // wire only: the byte count sofia reported
    };

    // Bounds against a runaway dump: longer lines and messages are cut (and marked).
    static constexpr qsizetype maxLineLength = 64 * 1024;
    static constexpr qsizetype maxMessageLength = 4 * 1024 * 1024;

    QList<Entry> feed(QByteArrayView text);
    // Whatever is pending (an unterminated line or message), as text entries.
    QList<Entry> flush();

    // The stamp line, parsed; false when `line` is not one.
    static bool parseStamp(QByteArrayView line, Entry &entry);

private:
    enum class State { Idle, ExpectSeparator, InMessage };
    void processLine(QByteArrayView line, QList<Entry> &out);

    State m_state = State::Idle;
    QByteArray m_partial;
    bool m_partialTruncated = false;
    QByteArray m_stampLine;
    Entry m_current;
};

} // namespace herald::sip
