// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/msrp/codec/msrpframe.h"

#include <QByteArray>
#include <QByteArrayView>

#include <array>

namespace herald::msrp {

// What a Parser reports, in order, for each frame on the stream.
class ParserHandler
{
public:
    virtual ~ParserHandler() = default;
    // The start line and all headers of a frame have arrived. `head.body` is empty.
    virtual void onFrameStart(Frame &&head) = 0;
    // The next piece of the frame's body, in order; never empty. The view is valid only
    // during the call: a body is never buffered whole by the parser.
    virtual void onBodyData(QByteArrayView piece) = 0;
    // The end-line arrived with this continuation flag.
    virtual void onFrameEnd(Continuation flag) = 0;
};

struct ParserLimits
{
    qsizetype maxHeaderBlock = 16 * 1024; // start line + headers + blank line
    qsizetype maxLine = 8 * 1024;         // one header line
    int maxHeaders = 64;
    int maxPathUris = 16; // URIs in one To-Path / From-Path / Use-Path
    qsizetype maxUriLength = 1024;
};

// Incremental, sans-I/O MSRP parser (RFC 4975 §7, §9). Feed it bytes split anywhere; it calls
// the handler as frames, body pieces and end-lines complete. Several frames may arrive in
// one feed (pipelining). Memory stays bounded by the limits whatever is fed.
//
// The end of a body is found by searching for "CRLF -------<transaction-id>" with a
// two-character SIMD filter (memchr-class speed), and only a following flag + CRLF ends the
// body; content that merely looks like an end-line for another id stays content.
//
// Once feed() returns an error the stream is unusable (RFC 4975 gives no way to resync):
// the parser stays failed and the caller closes the connection.
//
// The handler must not destroy the parser from within a callback.
class Parser
{
public:
    explicit Parser(ParserHandler &handler, ParserLimits limits = {});

    Result<void> feed(QByteArrayView data);

    // True between a frame's start and its end-line.
    bool inFrame() const
    {
        return m_state == State::Body || (m_state == State::Headers && m_headerBytes > 0);
    }
    bool failed() const { return m_failed.has_value(); }
    // Bytes held back because they might begin a header line or an end-line.
    qsizetype bufferedBytes() const { return m_pending.size(); }
    void reset();

private:
    enum class State { Headers, Body };

    // Processes from `data`, returns how many bytes it consumed (the rest is retained).
    Result<qsizetype> process(QByteArrayView data);
    Result<qsizetype> processHeaders(QByteArrayView data);
    qsizetype processBody(QByteArrayView data);
    Result<void> headerLine(QByteArrayView line);
    Result<void> startLine(QByteArrayView line);
    Result<void> header(QByteArrayView name, QByteArrayView value);
    void beginBody();
    void endFrame(Continuation flag);

    ParserHandler &m_handler;
    ParserLimits m_limits;
    State m_state = State::Headers;
    QByteArray m_pending; // retained bytes: a partial line, or a possible end-line start
    Frame m_frame;
    qsizetype m_headerBytes = 0; // header-block bytes of the current frame so far
    int m_headerCount = 0;
    bool m_seenStartLine = false;
    struct PathCacheEntry
    {
        QByteArray text;
        Path path;
    };
    std::array<PathCacheEntry, 4> m_pathCache; // the last path values parsed, and their parses
    std::size_t m_pathCacheNext = 0;
    // The last valid Message-ID and Content-Type values, shared by the frames that repeat them.
    QByteArray m_lastMessageId;
    QByteArray m_lastContentType;
    QByteArray m_needle;      // "\r\n-------" + transaction-id
    qsizetype m_bodySkip = 0; // leading bytes of the body region that are the blank line
    std::optional<Error> m_failed;
};

} // namespace herald::msrp
