// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// libFuzzer target for the MSML codec. Whatever the input:
//  - the parser returns (no crash, no assertion, bounded work);
//  - a parsed document writes and parses back to the same document, and writing that again
//    gives the same bytes (parse(write(parse(x))) == parse(x));
//  - a refused document's answer is a well-formed result carrying the refusal's code;
//  - the xmsrp dest and src parsers, and the duration parser, hold the same round trip on
//    the raw input.
// A broken invariant aborts, which libFuzzer and the corpus replay both report.
#include "engine/msml/mediasource.h"
#include "engine/msml/msmlparser.h"
#include "engine/msml/msmlvalues.h"
#include "engine/msml/msmlwriter.h"
#include "engine/msml/transferdest.h"

#include <QByteArrayView>
#include <QString>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

using namespace herald::msml;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

void checkDocument(QByteArrayView bytes)
{
    const Parser parser;
    const ParseResult first = parser.parse(bytes);
    if (first) {
        const QByteArray written = Writer::write(*first);
        const ParseResult second = parser.parse(written);
        require(second.has_value());
        require(*second == *first);
        require(Writer::write(*second) == written);
        return;
    }
    const QByteArray answer = Writer::writeResult(errorResult(first.error()));
    const ParseResult back = parser.parse(answer);
    require(back.has_value() && back->isResult());
    require(back->result()->response == toInt(first.error().code));
    require(first.error().code != ResponseCode::Ok);
}

void checkValues(QByteArrayView bytes)
{
    // Attribute values are short; the first few KiB are plenty.
    const QString text = QString::fromUtf8(bytes.first(std::min<qsizetype>(bytes.size(), 4096)));
    if (const auto dest = TransferDest::parse(text)) {
        const auto again = TransferDest::parse(dest->toString());
        require(again.has_value() && *again == *dest);
    }
    if (const auto source = MediaSource::parse(text)) {
        const auto again = MediaSource::parse(source->uri);
        require(again.has_value() && *again == *source);
        if (source->scheme == MediaSource::Scheme::File)
            require(source->path.startsWith(u'/') &&
                    !source->path.contains(QStringLiteral("/../")));
    }
    if (const auto duration = parseDuration(text)) {
        const auto again = parseDuration(formatDuration(*duration));
        require(again.has_value() && *again == *duration);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(data, static_cast<qsizetype>(size));
    checkDocument(bytes);
    checkValues(bytes);
    return 0;
}
