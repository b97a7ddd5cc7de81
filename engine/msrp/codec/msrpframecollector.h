// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msrp/codec/msrpparser.h"

#include <QList>

namespace herald::msrp {

// A ParserHandler that keeps whole frames, bodies included, up to a body cap per frame.
// For tests, tools and short control traffic; streams of files use their own handler.
class FrameCollector final : public ParserHandler
{
public:
    explicit FrameCollector(qsizetype maxBody = 1024 * 1024)
        : m_maxBody(maxBody)
    {}

    void onFrameStart(Frame &&head) override;
    void onBodyData(QByteArrayView piece) override;
    void onFrameEnd(Continuation flag) override;

    // Completed frames, oldest first; take them to free memory.
    QList<Frame> takeFrames() { return std::exchange(m_frames, {}); }
    const QList<Frame> &frames() const { return m_frames; }
    // Bytes of body seen for each completed frame (also when more than the cap).
    QList<quint64> bodyLengths() const { return m_lengths; }
    bool bodyTruncated() const { return m_truncated; }

private:
    qsizetype m_maxBody;
    Frame m_current;
    quint64 m_length = 0;
    QList<Frame> m_frames;
    QList<quint64> m_lengths;
    bool m_truncated = false;
};

// Parses a buffer holding whole frames; an error if it is malformed or ends mid-frame.
Result<QList<Frame>> parseFrames(QByteArrayView bytes, ParserLimits limits = {});

} // namespace herald::msrp
