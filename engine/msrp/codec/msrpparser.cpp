// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/codec/msrpparser.h"

#include "engine/msrp/codec/msrpgrammar.h"
#include "engine/msrp/codec/msrpsearch.h"

#include <cstring>

namespace herald::msrp {

using namespace grammar;

namespace {

constexpr QByteArrayView kDashes("-------");
// After "CRLF -------<tid>" come the flag and CRLF.
constexpr qsizetype kEndLineTail = 3;

bool isFlag(char c)
{
    return c == '$' || c == '+' || c == '#';
}

Result<ReportMode> parseReportMode(QByteArrayView value, bool allowPartial, const char *header)
{
    if (equalsCi(value, "yes"))
        return ReportMode::Yes;
    if (equalsCi(value, "no"))
        return ReportMode::No;
    if (allowPartial && equalsCi(value, "partial"))
        return ReportMode::Partial;
    return fail(ErrorCode::Malformed,
                QStringLiteral("invalid %1 value").arg(QLatin1String(header)));
}

Result<StatusHeader> parseStatus(QByteArrayView value)
{
    // Status = "Status:" SP namespace SP status-code [SP text-reason]
    if (value.size() < 7 || value[3] != ' ' || !allOf(value.first(3), isDigit) ||
        !allOf(value.sliced(4, 3), isDigit) || (value.size() > 7 && value[7] != ' '))
        return fail(ErrorCode::Malformed, QStringLiteral("invalid Status header"));
    StatusHeader s;
    s.ns = int(*parseDecimal(value.first(3)));
    s.code = int(*parseDecimal(value.sliced(4, 3)));
    if (value.size() > 8)
        s.reason = value.sliced(8).toByteArray();
    return s;
}

Result<quint32> parseSeconds(QByteArrayView value, const char *header)
{
    const auto v = parseDecimal(value, 0xffffffffu);
    if (!v)
        return fail(ErrorCode::Malformed,
                    QStringLiteral("invalid %1 value").arg(QLatin1String(header)));
    return quint32(*v);
}

// media-type = type "/" subtype *( ";" gen-param ): checked loosely, parameters kept as written.
bool validMediaType(QByteArrayView v)
{
    const qsizetype semi = v.indexOf(';');
    const QByteArrayView type = trimmed(semi < 0 ? v : v.first(semi));
    const qsizetype slash = type.indexOf('/');
    return slash > 0 && isToken(type.first(slash)) && isToken(type.sliced(slash + 1));
}

} // namespace

Parser::Parser(ParserHandler &handler, ParserLimits limits)
    : m_handler(handler)
    , m_limits(limits)
{}

void Parser::reset()
{
    m_state = State::Headers;
    m_pending.clear();
    m_frame = Frame{};
    m_headerBytes = 0;
    m_headerCount = 0;
    m_seenStartLine = false;
    m_needle.clear();
    m_bodySkip = 0;
    m_failed.reset();
}

Result<void> Parser::feed(QByteArrayView data)
{
    if (m_failed)
        return tl::unexpected(*m_failed);
    while (!data.isEmpty()) {
        if (m_pending.isEmpty()) {
            // The fast path: parse straight from the caller's bytes, keep only the remainder.
            auto consumed = process(data);
            if (!consumed)
                return tl::unexpected(*m_failed);
            m_pending = data.sliced(*consumed).toByteArray();
            return {};
        }
        // Bytes were held back. Join just enough new input to them to resolve them: up to the
        // end of the next line in the headers, or a few needle lengths in a body.
        qsizetype take = data.size();
        if (m_state == State::Headers) {
            const qsizetype nl = data.indexOf('\n');
            if (nl >= 0)
                take = nl + 1;
        } else {
            take = std::min(take, 2 * (m_needle.size() + kEndLineTail));
        }
        m_pending.append(data.first(take));
        auto consumed = process(m_pending);
        if (!consumed) {
            m_pending.clear();
            return tl::unexpected(*m_failed);
        }
        const qsizetype leftover = m_pending.size() - *consumed;
        if (leftover <= take) {
            // What is left lies within the input just joined: go back to parsing in place.
            m_pending.clear();
            data = data.sliced(take - leftover);
        } else {
            m_pending.remove(0, *consumed);
            data = data.sliced(take);
        }
    }
    return {};
}

Result<qsizetype> Parser::process(QByteArrayView data)
{
    qsizetype pos = 0;
    while (pos < data.size()) {
        qsizetype n = 0;
        const State before = m_state;
        if (m_state == State::Headers) {
            auto r = processHeaders(data.sliced(pos));
            if (!r)
                return tl::unexpected(r.error());
            n = *r;
        } else {
            n = processBody(data.sliced(pos));
        }
        // The blank line ends the headers without consuming its CRLF, so progress is either
        // bytes or a change of state.
        if (n == 0 && m_state == before)
            break;
        pos += n;
    }
    return pos;
}

Result<qsizetype> Parser::processHeaders(QByteArrayView data)
{
    qsizetype pos = 0;
    while (m_state == State::Headers && pos < data.size()) {
        const void *nlp = std::memchr(data.data() + pos, '\n', std::size_t(data.size() - pos));
        if (!nlp) {
            const qsizetype partial = data.size() - pos;
            if (partial > m_limits.maxLine || m_headerBytes + partial > m_limits.maxHeaderBlock) {
                m_failed =
                    Error{ErrorCode::LimitExceeded,
                          QStringLiteral("header line or header block exceeds the size limit")};
                return tl::unexpected(*m_failed);
            }
            break;
        }
        const qsizetype nl = static_cast<const char *>(nlp) - data.data();
        const qsizetype lineSize = nl + 1 - pos;
        if (nl == pos || data[nl - 1] != '\r') {
            m_failed = Error{ErrorCode::Malformed, QStringLiteral("line not terminated by CRLF")};
            return tl::unexpected(*m_failed);
        }
        const QByteArrayView line = data.sliced(pos, nl - 1 - pos);
        if (lineSize > m_limits.maxLine + 2 || m_headerBytes + lineSize > m_limits.maxHeaderBlock) {
            m_failed = Error{ErrorCode::LimitExceeded,
                             QStringLiteral("header line or header block exceeds the size limit")};
            return tl::unexpected(*m_failed);
        }
        if (line.isEmpty() && m_seenStartLine) {
            // The blank line: content-stuff follows. Its CRLF stays in the body region so that
            // a body-less "CRLF CRLF end-line" is recognised by the same end-line search.
            m_headerBytes += lineSize;
            beginBody();
            return pos + lineSize - 2;
        }
        m_headerBytes += lineSize;
        pos += lineSize;
        if (line.isEmpty())
            continue; // stray CRLF between frames: tolerated and not counted as a frame
        if (auto r = headerLine(line); !r) {
            m_failed = r.error();
            return tl::unexpected(*m_failed);
        }
    }
    return pos;
}

Result<void> Parser::headerLine(QByteArrayView line)
{
    if (!m_seenStartLine)
        return startLine(line);
    if (line.startsWith(kDashes)) {
        // An end-line right after the headers: a frame without body (RFC 4975 §7.1).
        const QByteArrayView rest = line.sliced(kDashes.size());
        if (rest.size() != m_frame.transactionId.size() + 1 ||
            !rest.startsWith(m_frame.transactionId) || !isFlag(rest.back()))
            return fail(ErrorCode::Malformed,
                        QStringLiteral("end-line does not match the transaction id"));
        const auto flag = Continuation(rest.back());
        m_handler.onFrameStart(std::move(m_frame));
        endFrame(flag);
        return {};
    }
    if (++m_headerCount > m_limits.maxHeaders)
        return fail(ErrorCode::LimitExceeded,
                    QStringLiteral("more than %1 header fields").arg(m_limits.maxHeaders));
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return fail(ErrorCode::Malformed, QStringLiteral("header line without a name and colon"));
    const QByteArrayView name = line.first(colon);
    if (!isToken(name))
        return fail(ErrorCode::Malformed, QStringLiteral("invalid header name"));
    const QByteArrayView value = trimmed(line.sliced(colon + 1));
    if (!isUtf8Text(value))
        return fail(ErrorCode::Malformed, QStringLiteral("control character in header %1")
                                              .arg(QString::fromLatin1(name.toByteArray())));
    return header(name, value);
}

Result<void> Parser::startLine(QByteArrayView line)
{
    // req-start  = pMSRP SP transact-id SP method CRLF
    // resp-start = pMSRP SP transact-id SP status-code [SP comment] CRLF
    if (!line.startsWith("MSRP "))
        return fail(ErrorCode::Malformed,
                    QStringLiteral("start line does not begin with \"MSRP \""));
    const QByteArrayView rest = line.sliced(5);
    const qsizetype sp = rest.indexOf(' ');
    if (sp < 0)
        return fail(ErrorCode::Malformed, QStringLiteral("start line lacks a method or status"));
    const QByteArrayView tid = rest.first(sp);
    if (!isIdent(tid))
        return fail(ErrorCode::Malformed, QStringLiteral("invalid transaction id"));
    const QByteArrayView what = rest.sliced(sp + 1);
    m_frame.transactionId = tid.toByteArray();
    if (what.size() >= 3 && allOf(what.first(3), isDigit) && (what.size() == 3 || what[3] == ' ')) {
        m_frame.kind = FrameKind::Response;
        m_frame.statusCode = int(*parseDecimal(what.first(3)));
        if (what.size() > 4)
            m_frame.comment = what.sliced(4).toByteArray();
        if (!isUtf8Text(m_frame.comment))
            return fail(ErrorCode::Malformed,
                        QStringLiteral("control character in response comment"));
    } else {
        if (what.isEmpty() || what.size() > 32 || !allOf(what, isUpAlpha))
            return fail(ErrorCode::Malformed, QStringLiteral("invalid method"));
        m_frame.kind = FrameKind::Request;
        m_frame.method = what.toByteArray();
    }
    m_seenStartLine = true;
    return {};
}

Result<void> Parser::header(QByteArrayView name, QByteArrayView value)
{
    Frame &f = m_frame;
    auto duplicate = [&] {
        return fail(
            ErrorCode::Malformed,
            QStringLiteral("duplicate %1 header").arg(QString::fromLatin1(name.toByteArray())));
    };
    auto path = [&](Path &target) -> Result<void> {
        if (!target.isEmpty())
            return duplicate();
        // Chunk after chunk carries the same paths: reuse the last parse of an identical value
        // (the Path is implicitly shared) instead of parsing and allocating it again.
        for (const PathCacheEntry &cached : m_pathCache) {
            if (!cached.text.isEmpty() && cached.text == value) {
                target = cached.path;
                return {};
            }
        }
        auto p = parsePath(value, m_limits.maxPathUris, m_limits.maxUriLength);
        if (!p)
            return fail(p.error().code, QString::fromLatin1(name.toByteArray()) +
                                            QStringLiteral(": ") + p.error().detail);
        m_pathCache[m_pathCacheNext] = PathCacheEntry{value.toByteArray(), *p};
        m_pathCacheNext = (m_pathCacheNext + 1) % m_pathCache.size();
        target = std::move(*p);
        return {};
    };

    if (equalsCi(name, "To-Path"))
        return path(f.toPath);
    if (equalsCi(name, "From-Path"))
        return path(f.fromPath);
    if (equalsCi(name, "Use-Path"))
        return path(f.usePath);
    if (equalsCi(name, "Message-ID")) {
        if (!f.messageId.isEmpty())
            return duplicate();
        // Every chunk of a message repeats its Message-ID: share the last one when it matches.
        if (value.isEmpty() || m_lastMessageId != value) {
            if (!isIdent(value))
                return fail(ErrorCode::Malformed, QStringLiteral("invalid Message-ID"));
            m_lastMessageId = value.toByteArray();
        }
        f.messageId = m_lastMessageId;
        return {};
    }
    if (equalsCi(name, "Byte-Range")) {
        if (f.byteRange)
            return duplicate();
        auto r = ByteRange::parse(value);
        if (!r)
            return tl::unexpected(r.error());
        f.byteRange = *r;
        return {};
    }
    if (equalsCi(name, "Success-Report") || equalsCi(name, "Failure-Report")) {
        const bool success = equalsCi(name, "Success-Report");
        auto &slot = success ? f.successReport : f.failureReport;
        if (slot)
            return duplicate();
        auto m = parseReportMode(value, !success, success ? "Success-Report" : "Failure-Report");
        if (!m)
            return tl::unexpected(m.error());
        slot = *m;
        return {};
    }
    if (equalsCi(name, "Status")) {
        if (f.status)
            return duplicate();
        auto s = parseStatus(value);
        if (!s)
            return tl::unexpected(s.error());
        f.status = *s;
        return {};
    }
    if (equalsCi(name, "Content-Type")) {
        if (!f.contentType.isEmpty())
            return duplicate();
        if (value.isEmpty() || m_lastContentType != value) {
            if (!validMediaType(value))
                return fail(ErrorCode::Malformed, QStringLiteral("invalid Content-Type"));
            m_lastContentType = value.toByteArray();
        }
        f.contentType = m_lastContentType;
        return {};
    }
    if (startsWithCi(name, "Content-")) {
        // Other-Mime-header: Content-ID, Content-Description, Content-Disposition, extensions.
        f.mimeHeaders.append(Header{name.toByteArray(), value.toByteArray()});
        return {};
    }
    if (equalsCi(name, "WWW-Authenticate")) {
        f.wwwAuthenticate.append(value.toByteArray());
        return {};
    }
    if (equalsCi(name, "Authorization")) {
        f.authorization.append(value.toByteArray());
        return {};
    }
    if (equalsCi(name, "Authentication-Info")) {
        if (!f.authenticationInfo.isEmpty())
            return duplicate();
        f.authenticationInfo = value.toByteArray();
        return {};
    }
    for (auto [label, slot] :
         {std::pair{"Expires", &f.expires}, std::pair{"Min-Expires", &f.minExpires},
          std::pair{"Max-Expires", &f.maxExpires}}) {
        if (equalsCi(name, label)) {
            if (*slot)
                return duplicate();
            auto v = parseSeconds(value, label);
            if (!v)
                return tl::unexpected(v.error());
            *slot = *v;
            return {};
        }
    }
    f.extensionHeaders.append(Header{name.toByteArray(), value.toByteArray()});
    return {};
}

void Parser::beginBody()
{
    m_state = State::Body;
    m_bodySkip = 2;
    m_frame.hasBody = true;
    m_needle = QByteArrayView("\r\n") + kDashes + m_frame.transactionId;
    m_handler.onFrameStart(std::move(m_frame));
}

qsizetype Parser::processBody(QByteArrayView data)
{
    // The body region starts with the blank line's CRLF (m_bodySkip octets not yet passed on).
    auto emit = [this](QByteArrayView piece) {
        const qsizetype skip = std::min(m_bodySkip, piece.size());
        m_bodySkip -= skip;
        piece = piece.sliced(skip);
        if (!piece.isEmpty())
            m_handler.onBodyData(piece);
    };
    const qsizetype nlen = m_needle.size();
    qsizetype from = 0;
    while (true) {
        const qsizetype p = findNeedle(data, m_needle, from);
        if (p < 0) {
            const qsizetype keep = partialNeedleSuffix(data, m_needle);
            emit(data.first(data.size() - keep));
            return data.size() - keep;
        }
        if (p + nlen + kEndLineTail > data.size()) {
            emit(data.first(p)); // wait for the flag and CRLF
            return p;
        }
        const char flag = data[p + nlen];
        if (isFlag(flag) && data[p + nlen + 1] == '\r' && data[p + nlen + 2] == '\n') {
            emit(data.first(p));
            endFrame(Continuation(flag));
            return p + nlen + kEndLineTail;
        }
        // "-------<tid>" followed by something else: a longer id, or plain content.
        from = p + 1;
    }
}

void Parser::endFrame(Continuation flag)
{
    m_handler.onFrameEnd(flag);
    m_state = State::Headers;
    m_frame = Frame{};
    m_headerBytes = 0;
    m_headerCount = 0;
    m_seenStartLine = false;
    m_bodySkip = 0;
}

} // namespace herald::msrp
