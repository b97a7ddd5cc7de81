// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/codec/msrpserializer.h"

#include <array>
#include <cstring>
#include <initializer_list>

namespace herald::msrp {

namespace {

// Appends the pieces with one size change and plain copies: in Qt 6.4 every QByteArray::append
// costs on the order of a hundred instructions, and a chunk head is a dozen pieces or more.
void appendAll(QByteArray &out, std::initializer_list<QByteArrayView> pieces)
{
    qsizetype total = 0;
    for (QByteArrayView p : pieces)
        total += p.size();
    const qsizetype at = out.size();
    out.resize(at + total);
    char *dst = out.data() + at;
    for (QByteArrayView p : pieces) {
        if (!p.isEmpty())
            std::memcpy(dst, p.data(), std::size_t(p.size()));
        dst += p.size();
    }
}

// `value` in decimal, written at the end of `buffer`.
QByteArrayView decimal(std::array<char, 20> &buffer, quint64 value)
{
    qsizetype n = 0;
    do {
        buffer[buffer.size() - 1 - std::size_t(n++)] = char('0' + value % 10);
        value /= 10;
    } while (value);
    return QByteArrayView(buffer.data() + buffer.size() - n, n);
}

void line(QByteArray &out, QByteArrayView name, QByteArrayView value)
{
    appendAll(out, {name, ": ", value, "\r\n"});
}

QByteArrayView reportModeText(ReportMode m)
{
    switch (m) {
    case ReportMode::Yes:
        return "yes";
    case ReportMode::No:
        return "no";
    case ReportMode::Partial:
        return "partial";
    }
    return "no";
}

void appendStatusCode(QByteArray &out, int code)
{
    // status-code is 3DIGIT; keep leading zeros for codes below 100.
    if (code < 0 || code > 999) {
        out.append(QByteArray::number(code).rightJustified(3, '0'));
        return;
    }
    const char digits[3] = {char('0' + (code / 100) % 10), char('0' + (code / 10) % 10),
                            char('0' + code % 10)};
    out.append(digits, 3);
}

void appendByteRangeLine(QByteArray &out, const ByteRange &r)
{
    std::array<char, 20> start, end, total;
    appendAll(out, {"Byte-Range: ", decimal(start, r.start), "-",
                    r.end ? decimal(end, *r.end) : QByteArrayView("*"), "/",
                    r.total ? decimal(total, *r.total) : QByteArrayView("*"), "\r\n"});
}

// RFC 4975 §9: To-Path first, From-Path second, then the headers that come before Byte-Range
// in our layout. (Absent paths are left out rather than written empty, so that a fragment
// still round-trips; checkHead() refuses such frames.)
void appendLinesBeforeRange(QByteArray &out, const Frame &f, QByteArrayView toPathText,
                            QByteArrayView fromPathText)
{
    if (!toPathText.isEmpty())
        line(out, "To-Path", toPathText);
    if (!fromPathText.isEmpty())
        line(out, "From-Path", fromPathText);
    if (!f.usePath.isEmpty())
        line(out, "Use-Path", pathToBytes(f.usePath));
    if (!f.messageId.isEmpty())
        line(out, "Message-ID", f.messageId);
    if (f.successReport)
        line(out, "Success-Report", reportModeText(*f.successReport));
    if (f.failureReport)
        line(out, "Failure-Report", reportModeText(*f.failureReport));
}

// Everything after Byte-Range, through the blank line that starts a body.
void appendLinesAfterRange(QByteArray &out, const Frame &f)
{
    if (f.status) {
        QByteArray v;
        v.reserve(16 + f.status->reason.size());
        appendStatusCode(v, f.status->ns);
        v.append(' ');
        appendStatusCode(v, f.status->code);
        if (!f.status->reason.isEmpty()) {
            v.append(' ');
            v.append(f.status->reason);
        }
        line(out, "Status", v);
    }
    for (const QByteArray &v : f.wwwAuthenticate)
        line(out, "WWW-Authenticate", v);
    for (const QByteArray &v : f.authorization)
        line(out, "Authorization", v);
    if (!f.authenticationInfo.isEmpty())
        line(out, "Authentication-Info", f.authenticationInfo);
    if (f.expires)
        line(out, "Expires", QByteArray::number(*f.expires));
    if (f.minExpires)
        line(out, "Min-Expires", QByteArray::number(*f.minExpires));
    if (f.maxExpires)
        line(out, "Max-Expires", QByteArray::number(*f.maxExpires));
    for (const Header &h : f.extensionHeaders)
        line(out, h.name, h.value);
    // content-stuff = *(Other-Mime-header CRLF) Content-Type 2CRLF data CRLF
    for (const Header &h : f.mimeHeaders)
        line(out, h.name, h.value);
    if (!f.contentType.isEmpty())
        line(out, "Content-Type", f.contentType);
    if (f.hasBody)
        out.append("\r\n");
}

} // namespace

void appendDecimal(QByteArray &out, quint64 value)
{
    // QByteArray::number allocates a new array for every number.
    std::array<char, 20> buffer;
    out.append(decimal(buffer, value));
}

namespace Serializer {

void appendHead(QByteArray &out, const Frame &f)
{
    appendHead(out, f, pathToBytes(f.toPath), pathToBytes(f.fromPath));
}

void appendHead(QByteArray &out, const Frame &f, QByteArrayView toPathText,
                QByteArrayView fromPathText)
{
    out.append("MSRP ");
    out.append(f.transactionId);
    out.append(' ');
    if (f.isRequest()) {
        out.append(f.method);
    } else {
        appendStatusCode(out, f.statusCode);
        if (!f.comment.isEmpty()) {
            out.append(' ');
            out.append(f.comment);
        }
    }
    out.append("\r\n");
    appendLinesBeforeRange(out, f, toPathText, fromPathText);
    if (f.byteRange)
        appendByteRangeLine(out, *f.byteRange);
    appendLinesAfterRange(out, f);
}

ChunkHeadTemplate chunkHeadTemplate(const Frame &head, QByteArrayView toPathText,
                                    QByteArrayView fromPathText)
{
    ChunkHeadTemplate t;
    t.method = head.method;
    appendLinesBeforeRange(t.beforeRange, head, toPathText, fromPathText);
    appendLinesAfterRange(t.afterRange, head);
    return t;
}

void appendChunkHead(QByteArray &out, QByteArrayView transactionId, const ChunkHeadTemplate &t,
                     const ByteRange &range)
{
    std::array<char, 20> start, end, total;
    appendAll(out, {"MSRP ", transactionId, " ", t.method, "\r\n", t.beforeRange,
                    "Byte-Range: ", decimal(start, range.start), "-",
                    range.end ? decimal(end, *range.end) : QByteArrayView("*"), "/",
                    range.total ? decimal(total, *range.total) : QByteArrayView("*"), "\r\n",
                    t.afterRange});
}

void appendResponse(QByteArray &out, QByteArrayView transactionId, int statusCode,
                    QByteArrayView comment, QByteArrayView toPathText, QByteArrayView fromPathText)
{
    QByteArray code;
    if (statusCode < 0 || statusCode > 999)
        appendStatusCode(code, statusCode);
    const char digits[3] = {char('0' + (statusCode / 100) % 10), char('0' + (statusCode / 10) % 10),
                            char('0' + statusCode % 10)};
    const bool to = !toPathText.isEmpty();
    const bool from = !fromPathText.isEmpty();
    appendAll(out,
              {"MSRP ", transactionId, " ",
               code.isEmpty() ? QByteArrayView(digits, 3) : QByteArrayView(code),
               comment.isEmpty() ? "" : " ", comment, "\r\n", to ? "To-Path: " : "", toPathText,
               to ? "\r\n" : "", from ? "From-Path: " : "", fromPathText, from ? "\r\n" : ""});
    appendTail(out, transactionId, Continuation::Complete, false);
}

QByteArray head(const Frame &frame)
{
    QByteArray out;
    out.reserve(256);
    appendHead(out, frame);
    return out;
}

void appendTail(QByteArray &out, QByteArrayView transactionId, Continuation flag, bool afterBody)
{
    const char f = char(flag);
    appendAll(out,
              {afterBody ? "\r\n" : "", "-------", transactionId, QByteArrayView(&f, 1), "\r\n"});
}

QByteArray serialize(const Frame &frame)
{
    QByteArray out;
    out.reserve(256 + frame.body.size());
    appendHead(out, frame);
    if (frame.hasBody)
        out.append(frame.body);
    appendTail(out, frame.transactionId, frame.continuation, frame.hasBody);
    return out;
}

Frame makeResponse(const Frame &request, int statusCode, QByteArray comment)
{
    Frame r;
    r.kind = FrameKind::Response;
    r.transactionId = request.transactionId;
    r.statusCode = statusCode;
    r.comment = std::move(comment);
    if (request.method == "SEND") {
        if (!request.fromPath.isEmpty())
            r.toPath = Path{request.fromPath.front()};
    } else {
        r.toPath = request.fromPath;
    }
    if (!request.toPath.isEmpty())
        r.fromPath = Path{request.toPath.back()};
    r.continuation = Continuation::Complete;
    return r;
}

} // namespace Serializer

QByteArray statusComment(int code)
{
    // RFC 4975 §10.2 and RFC 4976 §5.
    switch (code) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 408:
        return "Request Timeout";
    case 413:
        return "Message Too Large";
    case 415:
        return "Unsupported Media Type";
    case 423:
        return "Interval Out-of-Bounds";
    case 481:
        return "No Such Session";
    case 501:
        return "Not Implemented";
    case 506:
        return "Session Bound To Another Connection";
    default:
        return {};
    }
}

} // namespace herald::msrp
