// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/codec/msrpframecollector.h"

namespace herald::msrp {

void FrameCollector::onFrameStart(Frame &&head)
{
    m_current = std::move(head);
    m_length = 0;
}

void FrameCollector::onBodyData(QByteArrayView piece)
{
    m_length += quint64(piece.size());
    const qsizetype room = m_maxBody - m_current.body.size();
    if (piece.size() > room) {
        m_truncated = true;
        piece = piece.first(std::max<qsizetype>(room, 0));
    }
    m_current.body.append(piece);
}

void FrameCollector::onFrameEnd(Continuation flag)
{
    m_current.continuation = flag;
    m_frames.append(std::move(m_current));
    m_lengths.append(m_length);
    m_current = Frame{};
}

Result<QList<Frame>> parseFrames(QByteArrayView bytes, ParserLimits limits)
{
    FrameCollector collector(bytes.size());
    Parser parser(collector, limits);
    if (auto r = parser.feed(bytes); !r)
        return tl::unexpected(r.error());
    if (parser.inFrame() || parser.bufferedBytes() > 0)
        return fail(ErrorCode::Malformed, QStringLiteral("input ends in the middle of a frame"));
    return collector.takeFrames();
}

} // namespace herald::msrp
