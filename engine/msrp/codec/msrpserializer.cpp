// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/codec/msrpserializer.h"

namespace herald::msrp {

namespace {

void line(QByteArray &out, QByteArrayView name, QByteArrayView value)
{
    out.append(name);
    out.append(": ");
    out.append(value);
    out.append("\r\n");
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

} // namespace

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
        // status-code is 3DIGIT; keep leading zeros for codes below 100.
        out.append(QByteArray::number(f.statusCode).rightJustified(3, '0'));
        if (!f.comment.isEmpty()) {
            out.append(' ');
            out.append(f.comment);
        }
    }
    out.append("\r\n");
    // RFC 4975 §9: To-Path first, From-Path second. (Absent paths are left out rather than
    // written empty, so that a fragment still round-trips; checkHead() refuses such frames.)
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
    if (f.byteRange)
        line(out, "Byte-Range", f.byteRange->toBytes());
    if (f.status) {
        QByteArray v = QByteArray::number(f.status->ns).rightJustified(3, '0');
        v.append(' ');
        v.append(QByteArray::number(f.status->code).rightJustified(3, '0'));
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

QByteArray head(const Frame &frame)
{
    QByteArray out;
    out.reserve(256);
    appendHead(out, frame);
    return out;
}

void appendTail(QByteArray &out, QByteArrayView transactionId, Continuation flag, bool afterBody)
{
    if (afterBody)
        out.append("\r\n");
    out.append("-------");
    out.append(transactionId);
    out.append(char(flag));
    out.append("\r\n");
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
