// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/transport/msrpframetap.h"

#include "engine/msrp/codec/msrpserializer.h"
#include "engine/msrp/transport/msrpconnection.h"

#include <functional>

namespace herald::msrp {

// One direction of one connection: a Parser whose callbacks build TappedFrames.
class FrameTap::Stream final : public ParserHandler
{
public:
    Stream(FrameTap &tap, TappedFrame::Direction direction)
        : m_tap(tap)
        , m_direction(direction)
        , m_parser(*this)
    {}

    void feed(QByteArrayView bytes)
    {
        if (m_parser.feed(bytes))
            return;
        // Not a frame boundary (installed mid-chunk): start again with the next bytes.
        ++m_tap.m_lost;
        m_parser.reset();
        m_frame = {};
    }

    void onFrameStart(Frame &&head) override
    {
        m_frame = TappedFrame{};
        m_frame.direction = m_direction;
        m_frame.time = QDateTime::currentDateTime();
        // RFC 4975 §7.3 / §7.2: our URI is the To-Path's on what we receive (requests, and
        // responses, which go to the first URI of our From-Path) and the From-Path's on what
        // we send.
        const Path &ours =
            m_direction == TappedFrame::Direction::Received ? head.toPath : head.fromPath;
        if (!ours.isEmpty())
            m_frame.sessionId = ours.front().sessionId;
        if (head.isRequest()) {
            m_frame.method = head.method;
            if (head.status)
                m_frame.statusCode = head.status->code;
        } else {
            m_frame.statusCode = head.statusCode;
        }
        m_frame.messageId = head.messageId;
        m_frame.head = Serializer::head(head).trimmed();
    }

    void onBodyData(QByteArrayView piece) override
    {
        m_frame.bodyLength += quint64(piece.size());
        const qsizetype room = excerptLimit - m_frame.bodyExcerpt.size();
        if (room > 0)
            m_frame.bodyExcerpt.append(piece.first(std::min(room, piece.size())));
    }

    void onFrameEnd(Continuation flag) override
    {
        m_frame.flag = char(flag);
        m_tap.onFrame(std::exchange(m_frame, TappedFrame{}));
    }

private:
    FrameTap &m_tap;
    TappedFrame::Direction m_direction;
    Parser m_parser;
    TappedFrame m_frame;
};

std::size_t FrameTap::KeyHash::operator()(const Key &k) const noexcept
{
    return std::hash<const void *>()(k.connection) ^ std::size_t(k.direction);
}

FrameTap::FrameTap() = default;
FrameTap::~FrameTap() = default;

FrameTap::Stream &FrameTap::stream(const Connection *connection, TappedFrame::Direction direction)
{
    auto &slot = m_streams[Key{connection, direction}];
    if (!slot) {
        slot = std::make_unique<Stream>(*this, direction);
        if (direction == TappedFrame::Direction::Received) {
            // Once per connection (its Received stream is made on its first read or write).
            QObject::connect(connection, &QObject::destroyed, &m_context, [this, connection] {
                m_streams.erase(Key{connection, TappedFrame::Direction::Received});
                m_streams.erase(Key{connection, TappedFrame::Direction::Sent});
            });
        } else {
            stream(connection, TappedFrame::Direction::Received);
        }
    }
    return *slot;
}

void FrameTap::observe(const Connection *connection, TappedFrame::Direction direction,
                       QByteArrayView bytes)
{
    if (!bytes.isEmpty())
        stream(connection, direction).feed(bytes);
}

} // namespace herald::msrp
