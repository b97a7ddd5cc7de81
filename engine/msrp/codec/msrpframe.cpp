// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/codec/msrpframe.h"

#include "engine/msrp/codec/msrpgrammar.h"
#include "engine/msrp/codec/msrpserializer.h"

namespace herald::msrp {

using namespace grammar;

Result<ByteRange> ByteRange::parse(QByteArrayView text)
{
    // Byte-Range = range-start "-" range-end "/" total; range-end and total may be "*".
    const qsizetype dash = text.indexOf('-');
    const qsizetype slash = text.indexOf('/');
    if (dash <= 0 || slash <= dash + 1 || slash == text.size() - 1)
        return fail(ErrorCode::Malformed, QStringLiteral("invalid Byte-Range"));
    ByteRange r;
    const auto start = parseDecimal(text.first(dash));
    if (!start)
        return fail(ErrorCode::Malformed, QStringLiteral("invalid Byte-Range start"));
    r.start = *start;
    const QByteArrayView end = text.sliced(dash + 1, slash - dash - 1);
    if (end != "*") {
        const auto v = parseDecimal(end);
        if (!v)
            return fail(ErrorCode::Malformed, QStringLiteral("invalid Byte-Range end"));
        r.end = *v;
    }
    const QByteArrayView total = text.sliced(slash + 1);
    if (total != "*") {
        const auto v = parseDecimal(total);
        if (!v)
            return fail(ErrorCode::Malformed, QStringLiteral("invalid Byte-Range total"));
        r.total = *v;
    }
    return r;
}

QByteArray ByteRange::toBytes() const
{
    QByteArray out;
    out.reserve(64);
    appendDecimal(out, start);
    out.append('-');
    if (end)
        appendDecimal(out, *end);
    else
        out.append('*');
    out.append('/');
    if (total)
        appendDecimal(out, *total);
    else
        out.append('*');
    return out;
}

QByteArray Frame::headerValue(QByteArrayView name) const
{
    for (const QList<Header> *list : {&extensionHeaders, &mimeHeaders}) {
        for (const Header &h : *list) {
            if (equalsCi(h.name, name))
                return h.value;
        }
    }
    return {};
}

Result<void> checkHead(const Frame &head)
{
    // RFC 4975 §7.1, §7.2: every request and response carries both paths.
    if (head.toPath.isEmpty())
        return fail(ErrorCode::Malformed, QStringLiteral("missing To-Path"));
    if (head.fromPath.isEmpty())
        return fail(ErrorCode::Malformed, QStringLiteral("missing From-Path"));
    if (head.hasBody && head.contentType.isEmpty())
        return fail(ErrorCode::Malformed, QStringLiteral("body without Content-Type"));
    if (head.isRequest()) {
        const bool send = head.method == "SEND";
        const bool report = head.method == "REPORT";
        if ((send || report) && head.messageId.isEmpty())
            return fail(
                ErrorCode::Malformed,
                QStringLiteral("%1 without Message-ID").arg(QString::fromLatin1(head.method)));
        // RFC 4975 §7.1.2: a REPORT carries a Status header and never a body.
        if (report && !head.status)
            return fail(ErrorCode::Malformed, QStringLiteral("REPORT without Status"));
        if (report && head.hasBody)
            return fail(ErrorCode::Malformed, QStringLiteral("REPORT with a body"));
    }
    if (head.byteRange) {
        const ByteRange &r = *head.byteRange;
        if (r.start < 1)
            return fail(ErrorCode::Malformed, QStringLiteral("Byte-Range starts before 1"));
        if (r.end && *r.end + 1 < r.start)
            return fail(ErrorCode::Malformed, QStringLiteral("Byte-Range ends before it starts"));
        if (r.total && r.end && *r.end > *r.total)
            return fail(ErrorCode::Malformed, QStringLiteral("Byte-Range ends past its total"));
        if (r.total && r.start > *r.total + 1)
            return fail(ErrorCode::Malformed, QStringLiteral("Byte-Range starts past its total"));
    }
    return {};
}

Result<void> checkBodyLength(const Frame &head, quint64 bodyLength)
{
    // Only a SEND's Byte-Range describes its own body; a REPORT's or a response's describes
    // the octets being reported on.
    if (!head.isRequest() || head.method != "SEND" || !head.byteRange || !head.byteRange->end)
        return {};
    // An interrupted chunk ("+" or "#" after a Byte-Range with a known end) may be shorter;
    // only a complete chunk must match (RFC 4975 §7.1 "range-end ... the last byte").
    const quint64 expected = *head.byteRange->end + 1 - head.byteRange->start;
    if (bodyLength != expected)
        return fail(
            ErrorCode::Malformed,
            QStringLiteral("Byte-Range says %1 octets, body has %2").arg(expected).arg(bodyLength));
    return {};
}

} // namespace herald::msrp
