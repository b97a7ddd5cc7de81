// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The data model's helpers and the writer. The parser is in sdpparser.cpp.
#include "engine/sdp/sessiondescription.h"

#include "engine/sdp/sdpgrammar.h"

namespace herald::sdp {

namespace {

void appendLine(QByteArray &out, char type, const QByteArray &value)
{
    out += type;
    out += '=';
    out += value;
    out += "\r\n";
}

void appendConnection(QByteArray &out, const Connection &c)
{
    appendLine(out, 'c', c.netType + ' ' + c.addrType + ' ' + c.address);
}

void appendBandwidth(QByteArray &out, const Bandwidth &b)
{
    appendLine(out, 'b', b.type + ':' + QByteArray::number(b.value));
}

void appendAttribute(QByteArray &out, const Attribute &a)
{
    if (a.value)
        appendLine(out, 'a', a.name + ':' + *a.value);
    else
        appendLine(out, 'a', a.name);
}

void appendMedia(QByteArray &out, const MediaDescription &m)
{
    QByteArray line = m.media + ' ' + QByteArray::number(m.port);
    if (m.portCount)
        line += '/' + QByteArray::number(*m.portCount);
    line += ' ' + m.protocol;
    for (const QByteArray &f : m.formats)
        line += ' ' + f;
    appendLine(out, 'm', line);
    if (m.information)
        appendLine(out, 'i', *m.information);
    for (const Connection &c : m.connections)
        appendConnection(out, c);
    for (const Bandwidth &b : m.bandwidths)
        appendBandwidth(out, b);
    if (m.key)
        appendLine(out, 'k', *m.key);
    for (const Attribute &a : m.attributes)
        appendAttribute(out, a);
}

} // namespace

const Attribute *findAttribute(const QList<Attribute> &attributes, QByteArrayView name)
{
    for (const Attribute &a : attributes) {
        if (grammar::equalsIgnoreCase(a.name, name))
            return &a;
    }
    return nullptr;
}

qsizetype countAttributes(const QList<Attribute> &attributes, QByteArrayView name)
{
    qsizetype n = 0;
    for (const Attribute &a : attributes) {
        if (grammar::equalsIgnoreCase(a.name, name))
            ++n;
    }
    return n;
}

Connection Connection::forAddress(const QByteArray &address)
{
    return Connection{QByteArrayLiteral("IN"),
                      address.contains(':') ? QByteArrayLiteral("IP6") : QByteArrayLiteral("IP4"),
                      address};
}

std::optional<Connection> SessionDescription::connectionFor(const MediaDescription &m) const
{
    if (!m.connections.isEmpty())
        return m.connections.first();
    return connection;
}

QByteArray SessionDescription::toBytes() const
{
    QByteArray out;
    out.reserve(512);
    appendLine(out, 'v', "0");
    appendLine(out, 'o',
               origin.username + ' ' + QByteArray::number(origin.sessionId) + ' ' +
                   QByteArray::number(origin.sessionVersion) + ' ' + origin.netType + ' ' +
                   origin.addrType + ' ' + origin.address);
    appendLine(out, 's', sessionName);
    if (information)
        appendLine(out, 'i', *information);
    if (uri)
        appendLine(out, 'u', *uri);
    for (const QByteArray &e : emails)
        appendLine(out, 'e', e);
    for (const QByteArray &p : phones)
        appendLine(out, 'p', p);
    if (connection)
        appendConnection(out, *connection);
    for (const Bandwidth &b : bandwidths)
        appendBandwidth(out, b);
    for (const Timing &t : timings) {
        appendLine(out, 't', QByteArray::number(t.start) + ' ' + QByteArray::number(t.stop));
        for (const QByteArray &r : t.repeats)
            appendLine(out, 'r', r);
        if (t.zoneAdjustments)
            appendLine(out, 'z', *t.zoneAdjustments);
    }
    if (key)
        appendLine(out, 'k', *key);
    for (const Attribute &a : attributes)
        appendAttribute(out, a);
    for (const MediaDescription &m : media)
        appendMedia(out, m);
    return out;
}

Result<QByteArray> SessionDescription::toCheckedBytes(const ParseLimits &limits) const
{
    QByteArray bytes = toBytes();
    auto reparsed = parse(bytes, limits);
    if (!reparsed) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("refusing to write an invalid session description: %1")
                        .arg(reparsed.error().detail));
    }
    if (*reparsed != *this) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("refusing to write a session description that does not read "
                                   "back as written (a field holds a space or a line break)"));
    }
    return bytes;
}

} // namespace herald::sdp
