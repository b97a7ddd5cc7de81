// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// libFuzzer target for the pure SIP text helpers of engine/sip (herald_sip_core), which read
// bytes from the network before anything else does. Whatever the input:
//  - splitMessage() returns bounded, well-formed fields, and writing them back out and
//    splitting again gives the same start line and fields (parse(write(parse(x))) == parse(x));
//  - header lookups agree with each other and the parameter readers return;
//  - SofiaLogAssembler gives the same entries whether the text comes whole or byte by byte.
// A broken invariant aborts, which libFuzzer and the corpus replay both report.
#include "engine/sip/sipheaders.h"
#include "engine/sip/sofialogassembler.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace herald::sip;

namespace {

void check(bool condition, int line)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_sipheaders: invariant at line %d broken\n", line);
        std::abort();
    }
}
#define require(condition) check((condition), __LINE__)

QByteArray write(const MessageSections &sections)
{
    QByteArray out = sections.startLine + "\r\n";
    for (const SipHeader &h : sections.headers)
        out += h.name + ": " + h.value + "\r\n";
    return out + "\r\n";
}

// SIP's LWS (RFC 3261 §25.1) around a field: SP, HT and the CR/LF of a line end.
bool isTrimmed(const QByteArray &v)
{
    auto lws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    return v.isEmpty() || (!lws(v.front()) && !lws(v.back()));
}

void checkSplit(QByteArrayView bytes)
{
    constexpr qsizetype maxHeaders = 64;
    const MessageSections first = splitMessage(bytes, maxHeaders);
    require(first.headers.size() <= maxHeaders);
    require(first.bodyOffset >= -1 && first.bodyOffset <= bytes.size());
    require(!first.startLine.contains('\n'));
    for (const SipHeader &h : first.headers) {
        require(!h.name.isEmpty() && !h.name.contains(':') && !h.name.contains('\n'));
        require(!h.value.contains('\n'));
        require(isTrimmed(h.name) && isTrimmed(h.value));
        require(firstHeaderValue(first.headers, h.name) ==
                headerValues(first.headers, h.name).value(0));
        require(headerNameMatches(h.name, canonicalHeaderName(h.name)));
        const QByteArray transport = uriTransport(h.value);
        require(transport == transport.toLower());
        (void)viaTransport(h.value);
        // The Lab ladder reads these from every message on the wire (sipwiretap,
        // sipmessagerecorder): what they return stays within one parameter.
        QByteArray host;
        quint16 port = 1;
        if (viaSentBy(h.value, host, port)) {
            require(!host.isEmpty());
            for (char c : {';', ',', ' ', '\t'})
                require(!host.contains(c));
        }
        const QByteArray tag = fromToTag(h.value);
        require(!tag.contains(';') && isTrimmed(tag));
        (void)authParam(h.value, "realm");
        const QByteArray route = looseRoute(h.value);
        require(route.startsWith('<') && route.endsWith('>'));
        (void)nameAddr(h.value);
        (void)isToken(h.name);
    }
    const QByteArray written = write(first);
    const MessageSections second = splitMessage(written, maxHeaders);
    require(second.startLine == first.startLine);
    require(second.headers == first.headers);
    require(second.bodyOffset == written.size());

    const QByteArrayView piece = bytes.first(std::min<qsizetype>(bytes.size(), 64));
    const QByteArray credentials = digestCredentials(piece, piece, piece);
    require(credentials.isEmpty() || isSafeHeaderValue(credentials));
}

bool sameEntries(const QList<SofiaLogAssembler::Entry> &a, const QList<SofiaLogAssembler::Entry> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].kind != b[i].kind || a[i].text != b[i].text || a[i].direction != b[i].direction ||
            a[i].transport != b[i].transport || a[i].peer != b[i].peer || a[i].size != b[i].size)
            return false;
    }
    return true;
}

void checkAssembler(QByteArrayView bytes)
{
    bytes = bytes.first(std::min<qsizetype>(bytes.size(), 16 * 1024));
    SofiaLogAssembler whole;
    QList<SofiaLogAssembler::Entry> a = whole.feed(bytes);
    a += whole.flush();
    SofiaLogAssembler pieces;
    QList<SofiaLogAssembler::Entry> b;
    for (qsizetype i = 0; i < bytes.size(); ++i)
        b += pieces.feed(bytes.sliced(i, 1));
    b += pieces.flush();
    require(sameEntries(a, b));
    for (const SofiaLogAssembler::Entry &e : a) {
        // Entries never hold more than came in (plus a join newline or a " [...]" mark).
        require(e.text.size() <= bytes.size() + 8);
        if (e.kind == SofiaLogAssembler::Kind::WireMessage)
            require(e.direction == "recv" || e.direction == "send");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    checkSplit(bytes);
    checkAssembler(bytes);
    return 0;
}
