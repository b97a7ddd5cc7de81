// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/session/msrpsink.h"

#include <cstring>

namespace herald::msrp {

Result<void> MemorySink::write(quint64 offset, QByteArrayView data)
{
    if (offset + quint64(data.size()) > quint64(m_cap))
        return fail(ErrorCode::LimitExceeded,
                    QStringLiteral("message larger than %1 octets").arg(m_cap));
    const qsizetype end = qsizetype(offset) + data.size();
    if (end > m_data.size())
        m_data.resize(end, '\0');
    std::memcpy(m_data.data() + offset, data.data(), std::size_t(data.size()));
    return {};
}

Result<std::unique_ptr<FileSink>> FileSink::create(const QString &path)
{
    std::unique_ptr<FileSink> sink(new FileSink(path));
    if (!sink->m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(ErrorCode::Io, QStringLiteral("cannot write %1: %2")
                                       .arg(sink->m_file.fileName(), sink->m_file.errorString()));
    return sink;
}

FileSink::~FileSink()
{
    if (!m_done)
        abort();
}

Result<void> FileSink::write(quint64 offset, QByteArrayView data)
{
    // Chunks normally arrive in order: seek only when they do not.
    if (offset != m_position && !m_file.seek(qint64(offset)))
        return fail(ErrorCode::Io, m_file.errorString());
    if (m_file.write(data.data(), data.size()) != data.size())
        return fail(ErrorCode::Io, m_file.errorString());
    m_position = offset + quint64(data.size());
    return {};
}

Result<void> FileSink::finish()
{
    m_done = true;
    if (!m_file.flush())
        return fail(ErrorCode::Io, m_file.errorString());
    m_file.close();
    QFile::remove(m_path);
    if (!QFile::rename(m_file.fileName(), m_path))
        return fail(ErrorCode::Io,
                    QStringLiteral("cannot rename %1 into place").arg(m_file.fileName()));
    return {};
}

void FileSink::abort()
{
    m_done = true;
    m_file.close();
    m_file.remove();
}

} // namespace herald::msrp
