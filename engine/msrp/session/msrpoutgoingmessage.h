// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/msrp/codec/msrpserializer.h"
#include "engine/msrp/session/msrptypes.h"

#include <QByteArray>
#include <QFile>

#include <memory>
#include <optional>

namespace herald::msrp {

// One message being sent: its octets come from memory (texts) or are read from a file a
// block at a time, only when the connection has room for them (never loaded whole).
class OutgoingMessage
{
public:
    static std::unique_ptr<OutgoingMessage> fromBytes(QByteArray messageId, QByteArray contentType,
                                                      QByteArray body, SendOptions options);
    static Result<std::unique_ptr<OutgoingMessage>> fromFile(QByteArray messageId,
                                                             QByteArray contentType,
                                                             const QString &path,
                                                             SendOptions options);

    const QByteArray &messageId() const { return m_info.messageId; }
    const QByteArray &contentType() const { return m_info.contentType; }
    const SendOptions &options() const { return m_options; }
    const MessageInfo &info() const { return m_info; }
    quint64 size() const { return m_info.size; }
    // Octets handed out so far; the next chunk starts at offset() + 1 (Byte-Range is 1-based).
    quint64 offset() const { return m_offset; }
    quint64 remaining() const { return m_info.size - m_offset; }
    bool allRead() const { return m_offset == m_info.size; }

    // The next octets, at most `max`. An error when the file cannot be read.
    Result<QByteArray> read(qsizetype max);
    // The same, appended to `out` without an array of their own; returns how many.
    Result<qsizetype> readInto(QByteArray &out, qsizetype max);
    // For a transport that copies file octets in the kernel (sendfile): the file's descriptor
    // when the next octets are to be read from it at offset(), else -1 (a text, or a block
    // already read ahead). advance() then accounts for what the transport sent.
    int fileDescriptor() const;
    void advance(quint64 length);

    // A chunk of `length` octets got its 200.
    void acknowledge(quint64 length);
    bool fullyAcknowledged() const { return allRead() && m_info.acknowledged == m_info.size; }

    // Applies a delivery event; true when the state changed.
    bool apply(DeliveryEvent event, int status = 0, QString reason = {});

    // `transferred` when progress was last signalled.
    quint64 reportedProgress = 0;
    // The head lines every chunk of this message repeats, once its first chunk is written.
    std::optional<Serializer::ChunkHeadTemplate> chunkHead;

private:
    OutgoingMessage(QByteArray messageId, QByteArray contentType, SendOptions options);

    MessageInfo m_info;
    SendOptions m_options;
    quint64 m_offset = 0;
    QByteArray m_bytes; // a text, or the file's read-ahead block
    qsizetype m_bytesPos = 0;
    std::unique_ptr<QFile> m_file;

    // The next octets as a view into m_bytes (valid until releaseConsumedBlock()).
    Result<QByteArrayView> next(qsizetype max);
    void releaseConsumedBlock();
};

} // namespace herald::msrp
