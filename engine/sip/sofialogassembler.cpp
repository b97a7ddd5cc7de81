// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sip/sofialogassembler.h"

namespace herald::sip {

namespace {

constexpr QByteArrayView indent("   ");

// tport_log_msg() frames a message with "   " followed by 72 dashes.
bool isSeparator(QByteArrayView line)
{
    if (!line.startsWith(indent))
        return false;
    line = line.sliced(indent.size());
    while (line.endsWith(' '))
        line.chop(1);
    if (line.size() != 72)
        return false;
    for (char c : line) {
        if (c != '-')
            return false;
    }
    return true;
}

bool isDigits(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

bool SofiaLogAssembler::parseStamp(QByteArrayView line, Entry &entry)
{
    // tport_stamp(), as built in Debian's 1.12.11:
    //   "%s %zu bytes %s %s/[%s]:%u%s%s at %02u:%02u:%02u.%06lu:"
    // and in later sofia-sip releases, with the date first:
    //   "%04u-%02u-%02u %02u:%02u:%02u.%06lu %s %zu bytes %s %s/[%s]:%u%s%s"
    QList<QByteArrayView> parts;
    for (qsizetype pos = 0; pos < line.size() && parts.size() < 8;) {
        while (pos < line.size() && line[pos] == ' ')
            ++pos;
        qsizetype end = pos;
        while (end < line.size() && line[end] != ' ')
            ++end;
        if (end > pos)
            parts.append(line.sliced(pos, end - pos));
        pos = end;
    }
    qsizetype at = 0;
    if (parts.size() >= 7 && parts[0].size() == 10 && parts[0][4] == '-' && parts[1].size() >= 8 &&
        parts[1][2] == ':')
        at = 2;
    if (parts.size() < at + 5)
        return false;
    const QByteArrayView what = parts[at], count = parts[at + 1], bytes = parts[at + 2],
                         via = parts[at + 3], where = parts[at + 4];
    if ((what != "recv" && what != "send") || !isDigits(count) || bytes != "bytes")
        return false;
    if (via != "from" && via != "to")
        return false;
    if (at == 0 && (parts.size() < 7 || parts[5] != "at"))
        return false;
    const qsizetype slash = where.indexOf("/[");
    const qsizetype close = where.lastIndexOf("]:");
    if (slash <= 0 || close < slash)
        return false;
    qsizetype portEnd = close + 2;
    while (portEnd < where.size() && where[portEnd] >= '0' && where[portEnd] <= '9')
        ++portEnd;
    const QByteArrayView host = where.sliced(slash + 2, close - slash - 2);
    const QByteArrayView port = where.sliced(close + 2, portEnd - close - 2);
    if (!isDigits(port))
        return false;
    entry.kind = Kind::WireMessage;
    entry.direction = what.toByteArray();
    entry.size = count.toLongLong();
    entry.transport = where.first(slash).toByteArray();
    // Appended piecewise: GCC 12 misreads QStringBuilder chains with a char here
    // (-Wstringop-overflow false positive).
    entry.peer.clear();
    const bool ipv6 = host.contains(':');
    if (ipv6)
        entry.peer.append('[');
    entry.peer.append(host);
    if (ipv6)
        entry.peer.append(']');
    entry.peer.append(':');
    entry.peer.append(port);
    entry.text.clear();
    return true;
}

QList<SofiaLogAssembler::Entry> SofiaLogAssembler::feed(QByteArrayView text)
{
    QList<Entry> out;
    while (!text.isEmpty()) {
        const qsizetype nl = text.indexOf('\n');
        const QByteArrayView piece = nl >= 0 ? text.first(nl) : text;
        text = nl >= 0 ? text.sliced(nl + 1) : QByteArrayView();
        const qsizetype room = maxLineLength - m_partial.size();
        if (piece.size() > room) {
            m_partial.append(piece.first(qMax<qsizetype>(room, 0)));
            m_partialTruncated = true;
        } else {
            m_partial.append(piece);
        }
        if (nl < 0)
            break;
        QByteArray line = std::move(m_partial);
        m_partial.clear();
        if (line.endsWith('\r'))
            line.chop(1);
        if (m_partialTruncated)
            line.append(" [...]");
        m_partialTruncated = false;
        processLine(line, out);
    }
    return out;
}

QList<SofiaLogAssembler::Entry> SofiaLogAssembler::flush()
{
    QList<Entry> out;
    if (m_state == State::ExpectSeparator)
        out.append(Entry{Kind::Text, m_stampLine, {}, {}, {}, 0});
    if (m_state == State::InMessage)
        out.append(Entry{Kind::Text, m_stampLine + '\n' + m_current.text, {}, {}, {}, 0});
    if (!m_partial.isEmpty())
        out.append(Entry{Kind::Text, m_partial, {}, {}, {}, 0});
    m_state = State::Idle;
    m_partial.clear();
    m_partialTruncated = false;
    m_stampLine.clear();
    m_current = {};
    return out;
}

void SofiaLogAssembler::processLine(QByteArrayView line, QList<Entry> &out)
{
    switch (m_state) {
    case State::Idle: {
        Entry entry;
        // The stamp and the first separator come in one su_log() call: "stamp\n   ----\n".
        if (parseStamp(line, entry)) {
            m_current = std::move(entry);
            m_stampLine = line.toByteArray();
            m_state = State::ExpectSeparator;
        } else if (!line.trimmed().isEmpty()) {
            out.append(Entry{Kind::Text, line.toByteArray(), {}, {}, {}, 0});
        }
        return;
    }
    case State::ExpectSeparator:
        if (isSeparator(line)) {
            m_state = State::InMessage;
            return;
        }
        out.append(Entry{Kind::Text, m_stampLine, {}, {}, {}, 0});
        m_state = State::Idle;
        processLine(line, out);
        return;
    case State::InMessage:
        if (isSeparator(line)) {
            if (m_current.text.endsWith('\n'))
                m_current.text.chop(1);
            out.append(std::move(m_current));
            m_current = {};
            m_state = State::Idle;
            return;
        }
        if (m_current.text.size() < maxMessageLength) {
            m_current.text.append(line.startsWith(indent) ? line.sliced(indent.size()) : line);
            m_current.text.append('\n');
        }
        return;
    }
}

} // namespace herald::sip
