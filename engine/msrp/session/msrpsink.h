// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>

namespace herald::msrp {

// Where the octets of one incoming message go. Chunks may arrive out of order and overlap
// (retransmissions), so writes carry their 0-based offset.
class MessageSink
{
public:
    virtual ~MessageSink() = default;
    virtual Result<void> write(quint64 offset, QByteArrayView data) = 0;
    // Every octet arrived: make the message final (a file sink renames it into place).
    virtual Result<void> finish() = 0;
    // The message will not complete: drop what was written.
    virtual void abort() = 0;
    virtual QByteArray body() const { return {}; }
    virtual QString filePath() const { return {}; }
};

// Keeps a message in memory, refusing to grow past a cap (texts).
class MemorySink final : public MessageSink
{
public:
    explicit MemorySink(qsizetype cap)
        : m_cap(cap)
    {}
    Result<void> write(quint64 offset, QByteArrayView data) override;
    Result<void> finish() override { return {}; }
    void abort() override { m_data.clear(); }
    QByteArray body() const override { return m_data; }

private:
    qsizetype m_cap;
    QByteArray m_data;
};

// Streams a message to `<path>.part` and renames it to `path` when complete, so that a file
// that exists under its name is always whole (DESIGN.md §2).
class FileSink final : public MessageSink
{
public:
    static Result<std::unique_ptr<FileSink>> create(const QString &path);
    ~FileSink() override;
    Result<void> write(quint64 offset, QByteArrayView data) override;
    Result<void> finish() override;
    void abort() override;
    QString filePath() const override { return m_path; }

private:
    explicit FileSink(QString path)
        : m_path(std::move(path))
        , m_file(m_path + QStringLiteral(".part"))
    {}
    QString m_path;
    QFile m_file;
    quint64 m_position = 0;
    bool m_done = false;
};

} // namespace herald::msrp
