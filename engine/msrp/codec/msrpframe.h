// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/msrp/codec/msrpuri.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace herald::msrp {

// RFC 4975 §7.1: the end-line's continuation flag.
enum class Continuation : char {
    Complete = '$', // last chunk of the message
    More = '+',     // more chunks follow
    Aborted = '#',  // the sender abandoned the message
};

// Byte-Range: range-start "-" range-end "/" total, 1-based and inclusive; "*" is unknown.
struct ByteRange
{
    quint64 start = 1;
    std::optional<quint64> end;   // nullopt: "*"
    std::optional<quint64> total; // nullopt: "*"

    static Result<ByteRange> parse(QByteArrayView text);
    QByteArray toBytes() const;
    friend bool operator==(const ByteRange &, const ByteRange &) = default;
};

// Success-Report takes yes/no, Failure-Report yes/no/partial (RFC 4975 §7.1.1).
enum class ReportMode { No, Yes, Partial };

// Status: namespace SP status-code [SP text-reason] (RFC 4975 §9), e.g. "000 200 OK".
struct StatusHeader
{
    int ns = 0;
    int code = 0;
    QByteArray reason;
    friend bool operator==(const StatusHeader &, const StatusHeader &) = default;
};

struct Header
{
    QByteArray name;
    QByteArray value;
    friend bool operator==(const Header &, const Header &) = default;
};

enum class FrameKind { Request, Response };

// One MSRP request or response (one chunk of a message). The parser fills every field but
// `body` (which it streams to its handler instead); the serializer writes every field.
struct Frame
{
    FrameKind kind = FrameKind::Request;
    QByteArray transactionId;
    QByteArray method;  // requests: SEND, REPORT, AUTH, NICKNAME, ... (other-method = 1*UPALPHA)
    int statusCode = 0; // responses: 3DIGIT
    QByteArray comment; // responses: the optional text after the code

    Path toPath;
    Path fromPath;
    Path usePath;         // RFC 4976 §5
    QByteArray messageId; // empty: absent
    std::optional<ByteRange> byteRange;
    std::optional<ReportMode> successReport;
    std::optional<ReportMode> failureReport;
    std::optional<StatusHeader> status;
    QList<QByteArray> wwwAuthenticate; // RFC 4976 §5.1, in order
    QList<QByteArray> authorization;   // RFC 4976 §5.1, in order
    QByteArray authenticationInfo;     // RFC 4976 §5.1; empty: absent
    std::optional<quint32> expires;    // RFC 4976 §5.1 Expires / Min-Expires / Max-Expires
    std::optional<quint32> minExpires;
    std::optional<quint32> maxExpires;
    QList<Header> extensionHeaders; // any other header, in the order received
    QList<Header> mimeHeaders;      // Content-ID, -Description, -Disposition, other Content-*
    QByteArray contentType;         // empty: absent

    bool hasBody = false; // content-stuff present (a blank line after the headers)
    QByteArray body;      // serializer input, or what a FrameCollector gathered
    Continuation continuation = Continuation::Complete;

    bool isRequest() const { return kind == FrameKind::Request; }
    bool isResponse() const { return kind == FrameKind::Response; }
    void setBody(QByteArray type, QByteArray data)
    {
        contentType = std::move(type);
        body = std::move(data);
        hasBody = true;
    }
    // The value of an extension or MIME header by case-insensitive name; empty if absent.
    QByteArray headerValue(QByteArrayView name) const;

    friend bool operator==(const Frame &, const Frame &) = default;
};

// Semantic checks a receiver makes once a frame's head has arrived (RFC 4975 §7, §9), kept
// apart from the syntax so that one bad field earns a 400 rather than a dropped connection:
// To-Path and From-Path present, Content-Type with a body, Message-ID on SEND and REPORT,
// Status on REPORT, a sane Byte-Range (start >= 1, end >= start - 1, end <= total).
Result<void> checkHead(const Frame &head);

// After the whole chunk arrived: does its body length agree with its Byte-Range?
// RFC 4975 §7.1: range-end, when known, is range-start + body length - 1.
Result<void> checkBodyLength(const Frame &head, quint64 bodyLength);

} // namespace herald::msrp
