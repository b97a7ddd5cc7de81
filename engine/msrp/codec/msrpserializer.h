// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msrp/codec/msrpframe.h"

#include <QByteArray>

namespace herald::msrp {

// Writes frames byte-exactly as RFC 4975 §9 lays them out: start line, To-Path, From-Path,
// the other headers, the MIME headers with Content-Type last, then "CRLF body CRLF" when the
// frame has a body, then the end-line. parse(serialize(f)) == f for every valid frame.
namespace Serializer {

// The whole frame, body included.
QByteArray serialize(const Frame &frame);

// Streaming senders write the head, then the body bytes straight from their source, then
// the tail. head(f) + body + tail(f.transactionId, flag) == serialize(f) when f.hasBody.
// head() ends with the blank line when the frame has a body.
void appendHead(QByteArray &out, const Frame &frame);
// The same with the paths already written out (pathToBytes): a session's paths do not change,
// so a sender writes them once rather than for every chunk.
void appendHead(QByteArray &out, const Frame &frame, QByteArrayView toPathText,
                QByteArrayView fromPathText);
QByteArray head(const Frame &frame);
// "CRLF -------tid<flag> CRLF" after a body; without the leading CRLF for a bodiless frame.
void appendTail(QByteArray &out, QByteArrayView transactionId, Continuation flag, bool afterBody);

// The head lines of a message's chunks that do not change from chunk to chunk: a sender of many
// small chunks (a fixed chunk size) writes them once per message rather than once per chunk.
struct ChunkHeadTemplate
{
    QByteArray method;
    QByteArray beforeRange; // To-Path through Failure-Report
    QByteArray afterRange;  // the headers after Byte-Range, through the blank line
};
ChunkHeadTemplate chunkHeadTemplate(const Frame &head, QByteArrayView toPathText,
                                    QByteArrayView fromPathText);
// Byte-exactly what appendHead() writes for `head` with this transaction id and Byte-Range.
void appendChunkHead(QByteArray &out, QByteArrayView transactionId, const ChunkHeadTemplate &t,
                     const ByteRange &range);
// Byte-exactly serialize(makeResponse(request, statusCode, comment)), given the response's
// paths already written out: a receiver answers every chunk of a session with the same paths.
void appendResponse(QByteArray &out, QByteArrayView transactionId, int statusCode,
                    QByteArrayView comment, QByteArrayView toPathText, QByteArrayView fromPathText);

// A response to `request` (RFC 4975 §7.2): the same transaction id; To-Path is the first URI
// of the request's From-Path for SEND (responses go only to the previous hop) and the whole
// From-Path for other methods; From-Path is our own URI, the last of the request's To-Path.
// Responses carry no body and always end with '$'.
Frame makeResponse(const Frame &request, int statusCode, QByteArray comment);

} // namespace Serializer

// Appends `value` in decimal, without allocating.
void appendDecimal(QByteArray &out, quint64 value);

// The usual comment for a status code (RFC 4975 §10.2).
QByteArray statusComment(int code);

} // namespace herald::msrp
