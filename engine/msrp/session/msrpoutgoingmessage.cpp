// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/session/msrpoutgoingmessage.h"

namespace herald::msrp {

namespace {
// Files are read in blocks of this size: large enough for few system calls, small enough that
// a connection's write buffer bounds the memory a transfer takes.
constexpr qsizetype kReadAhead = 1024 * 1024;
} // namespace

OutgoingMessage::OutgoingMessage(QByteArray messageId, QByteArray contentType, SendOptions options)
    : m_options(std::move(options))
{
    m_info.messageId = std::move(messageId);
    m_info.contentType = std::move(contentType);
    m_info.outgoing = true;
}

std::unique_ptr<OutgoingMessage> OutgoingMessage::fromBytes(QByteArray messageId,
                                                            QByteArray contentType, QByteArray body,
                                                            SendOptions options)
{
    std::unique_ptr<OutgoingMessage> m(
        new OutgoingMessage(std::move(messageId), std::move(contentType), std::move(options)));
    m->m_info.size = quint64(body.size());
    m->m_bytes = std::move(body);
    return m;
}

Result<std::unique_ptr<OutgoingMessage>> OutgoingMessage::fromFile(QByteArray messageId,
                                                                   QByteArray contentType,
                                                                   const QString &path,
                                                                   SendOptions options)
{
    std::unique_ptr<OutgoingMessage> m(
        new OutgoingMessage(std::move(messageId), std::move(contentType), std::move(options)));
    m->m_file = std::make_unique<QFile>(path);
    if (!m->m_file->open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io,
                    QStringLiteral("cannot read %1: %2").arg(path, m->m_file->errorString()));
    m->m_info.size = quint64(m->m_file->size());
    return m;
}

Result<QByteArrayView> OutgoingMessage::next(qsizetype max)
{
    max = qsizetype(std::min<quint64>(quint64(max), remaining()));
    if (max <= 0)
        return QByteArrayView();
    if (m_file && m_bytesPos == m_bytes.size()) {
        // sendfile() (see advance()) reads at an offset of its own, not at the file's position.
        if (m_file->pos() != qint64(m_offset) && !m_file->seek(qint64(m_offset)))
            return fail(ErrorCode::Io,
                        QStringLiteral("cannot seek in the file: %1").arg(m_file->errorString()));
        m_bytes = m_file->read(std::max(max, kReadAhead));
        m_bytesPos = 0;
        if (m_bytes.isEmpty())
            return fail(
                ErrorCode::Io,
                QStringLiteral("file ended early or failed: %1").arg(m_file->errorString()));
    }
    const qsizetype n = std::min(max, m_bytes.size() - m_bytesPos);
    const QByteArrayView out = QByteArrayView(m_bytes).sliced(m_bytesPos, n);
    m_bytesPos += n;
    m_offset += quint64(n);
    m_info.transferred = m_offset;
    return out;
}

Result<QByteArray> OutgoingMessage::read(qsizetype max)
{
    const qsizetype startPos = m_bytesPos;
    auto piece = next(max);
    if (!piece)
        return tl::unexpected(piece.error());
    // The whole read-ahead block (or text) is shared rather than copied.
    QByteArray out =
        (startPos == 0 && piece->size() == m_bytes.size()) ? m_bytes : piece->toByteArray();
    releaseConsumedBlock();
    return out;
}

Result<qsizetype> OutgoingMessage::readInto(QByteArray &out, qsizetype max)
{
    auto piece = next(max);
    if (!piece)
        return tl::unexpected(piece.error());
    out.append(*piece);
    releaseConsumedBlock();
    return piece->size();
}

int OutgoingMessage::fileDescriptor() const
{
    return m_file && m_bytesPos == m_bytes.size() ? m_file->handle() : -1;
}

void OutgoingMessage::advance(quint64 length)
{
    Q_ASSERT(length <= remaining());
    m_offset += length;
    m_info.transferred = m_offset;
}

void OutgoingMessage::releaseConsumedBlock()
{
    if (m_file && m_bytesPos == m_bytes.size()) {
        m_bytes.clear();
        m_bytesPos = 0;
    }
}

void OutgoingMessage::acknowledge(quint64 length)
{
    m_info.acknowledged = std::min(m_info.size, m_info.acknowledged + length);
}

bool OutgoingMessage::apply(DeliveryEvent event, int status, QString reason)
{
    const DeliveryState next = nextDeliveryState(m_info.state, event);
    if (next == m_info.state)
        return false;
    m_info.state = next;
    if (status)
        m_info.status = status;
    if (!reason.isEmpty())
        m_info.reason = std::move(reason);
    if (isFinal(next))
        m_file.reset();
    return true;
}

} // namespace herald::msrp
