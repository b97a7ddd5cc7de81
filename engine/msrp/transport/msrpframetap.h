// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msrp/codec/msrpparser.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>

#include <memory>
#include <unordered_map>

namespace herald::msrp {

class Connection;

// One MSRP frame (a request chunk or a response) as it crossed a connection.
struct TappedFrame
{
    enum class Direction { Received, Sent };

    Direction direction = Direction::Received;
    // The session-id of our own URI (RFC 4975 §6): the To-Path's on frames we received, the
    // From-Path's on frames we sent. Empty when the frame names none.
    QByteArray sessionId;
    QDateTime time;
    QByteArray method;    // requests: SEND, REPORT, ...; empty for responses
    int statusCode = 0;   // responses: the code; REPORTs: the Status header's code
    QByteArray messageId; // empty when absent
    // Start line and headers as Herald's serializer writes them (parse(serialize(f)) == f;
    // header names and order may differ from the peer's bytes), without the blank line.
    QByteArray head;
    QByteArray bodyExcerpt; // the first excerptLimit octets of the body
    quint64 bodyLength = 0; // every octet of the body, also past the excerpt
    char flag = '$';        // the end-line's continuation flag: '$', '+' or '#'
};

// An opt-in observer of every MSRP frame the endpoint sends and receives, for the console's
// trace (DESIGN.md §1, Lab view). Install it with Endpoint::setFrameTap(); while none is
// installed a connection pays one null-pointer check per read and write.
//
// A connection hands over its raw bytes as it writes and reads them; the tap runs its own
// Parser per connection and direction (the same sans-I/O codec), so the transport's hot
// path stays unchanged and a frame is reported whole, with a bounded body excerpt, when its
// end-line has passed. A tap installed while a chunk is mid-way picks the stream up at the
// next read or write that starts a frame.
class FrameTap
{
public:
    static constexpr qsizetype excerptLimit = 512;

    FrameTap();
    virtual ~FrameTap();
    FrameTap(const FrameTap &) = delete;
    FrameTap &operator=(const FrameTap &) = delete;

    // Called by Connection (msrpconnection.cpp) with the bytes it wrote or read.
    void observe(const Connection *connection, TappedFrame::Direction direction,
                 QByteArrayView bytes);
    // Frames that failed to parse (a tap installed mid-chunk); they were dropped.
    quint64 lostFrames() const { return m_lost; }

protected:
    // One whole frame; called on the endpoint's thread, from within the connection's read or
    // write: keep it short (store the frame, report it later).
    virtual void onFrame(TappedFrame &&frame) = 0;

private:
    class Stream;
    Stream &stream(const Connection *connection, TappedFrame::Direction direction);

    struct Key
    {
        const Connection *connection;
        TappedFrame::Direction direction;
        bool operator==(const Key &) const = default;
    };
    struct KeyHash
    {
        std::size_t operator()(const Key &k) const noexcept;
    };
    std::unordered_map<Key, std::unique_ptr<Stream>, KeyHash> m_streams;
    // Receives the connections' destroyed() signals, so that no Stream outlives its connection.
    QObject m_context;
    quint64 m_lost = 0;
};

} // namespace herald::msrp
