// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/filespool.h"

#include "engine/core/ids.h"
#include "engine/core/logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace herald::service {

namespace {

constexpr qsizetype kCopyBlock = 1024 * 1024;

// Streams one incoming file to "<final>.part", hashing as it goes, and puts it in place on
// finish() only when it is whole and verified.
class SpoolSink final : public msrp::MessageSink
{
public:
    SpoolSink(QString finalPath, sdp::FileSelector selector, FileWriteMode mode, quint64 cap)
        : m_finalPath(std::move(finalPath))
        , m_part(m_finalPath + QStringLiteral(".part"))
        , m_selector(std::move(selector))
        , m_mode(mode)
        , m_cap(cap)
        , m_sha1(QCryptographicHash::Sha1)
    {}
    ~SpoolSink() override
    {
        if (!m_done)
            abort();
    }

    Result<void> open()
    {
        if (!m_part.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(
                ErrorCode::Io,
                QStringLiteral("cannot write %1: %2").arg(m_part.fileName(), m_part.errorString()));
        return {};
    }

    Result<void> write(quint64 offset, QByteArrayView data) override
    {
        const quint64 end = offset + quint64(data.size());
        if ((m_cap && end > m_cap) || (m_selector.size && end > *m_selector.size))
            return fail(ErrorCode::LimitExceeded, QStringLiteral("file larger than announced"));
        if (offset != m_position && !m_part.seek(qint64(offset)))
            return fail(ErrorCode::Io, m_part.errorString());
        if (m_part.write(data.data(), data.size()) != data.size())
            return fail(ErrorCode::Io, m_part.errorString());
        // Chunks normally come in order; anything else is hashed again from disk at the end.
        if (offset == m_hashed)
            m_sha1.addData(data), m_hashed = end;
        else
            m_rehash = true;
        m_position = end;
        m_size = std::max(m_size, end);
        return {};
    }

    Result<void> finish() override
    {
        if (!m_part.flush()) {
            abort();
            return fail(ErrorCode::Io, QStringLiteral("cannot flush the spooled file"));
        }
        if (m_selector.size && m_size != *m_selector.size) {
            abort();
            return fail(ErrorCode::Malformed,
                        QStringLiteral("size differs from the file-selector"));
        }
        if (auto checked = verifyHash(); !checked) {
            abort();
            return checked;
        }
        m_part.close();
        m_done = true;
        if (auto placed = place(); !placed) {
            QFile::remove(m_part.fileName());
            return placed;
        }
        qCInfo(lcService) << "spooled" << m_finalPath << m_size << "octets";
        return {};
    }

    void abort() override
    {
        m_done = true;
        m_part.close();
        m_part.remove();
    }

    QString filePath() const override { return m_finalPath; }

private:
    Result<void> verifyHash()
    {
        const sdp::FileHash *expected = nullptr;
        for (const sdp::FileHash &hash : m_selector.hashes)
            if (hash.algorithm.compare("sha-1", Qt::CaseInsensitive) == 0)
                expected = &hash;
        if (!expected)
            return {};
        QByteArray digest;
        if (m_rehash || m_hashed != m_size) {
            QFile reread(m_part.fileName());
            if (!reread.open(QIODevice::ReadOnly))
                return fail(ErrorCode::Io, reread.errorString());
            QCryptographicHash sha1(QCryptographicHash::Sha1);
            if (!sha1.addData(&reread))
                return fail(ErrorCode::Io, reread.errorString());
            digest = sha1.result();
        } else {
            digest = m_sha1.result();
        }
        // RFC 5547 §8.3.1: the receiver MAY verify; a mismatch means a corrupt file, which a
        // voicemail delivery must not present as the message.
        if (digest != expected->bytes())
            return fail(ErrorCode::Malformed,
                        QStringLiteral("sha-1 differs from the file-selector"));
        return {};
    }

    Result<void> place()
    {
        switch (m_mode) {
        case FileWriteMode::Append:
            if (QFileInfo::exists(m_finalPath)) {
                QFile target(m_finalPath);
                QFile source(m_part.fileName());
                if (!target.open(QIODevice::Append) || !source.open(QIODevice::ReadOnly))
                    return fail(ErrorCode::Io,
                                QStringLiteral("cannot append to %1").arg(m_finalPath));
                while (!source.atEnd()) {
                    const QByteArray block = source.read(kCopyBlock);
                    if (block.isEmpty() || target.write(block) != block.size())
                        return fail(ErrorCode::Io, target.errorString());
                }
                source.remove();
                return {};
            }
            break;
        case FileWriteMode::Overwrite:
            QFile::remove(m_finalPath);
            break;
        case FileWriteMode::New:
            break;
        }
        // QFile::rename refuses to replace: in New mode an existing file is never touched.
        if (!QFile::rename(m_part.fileName(), m_finalPath))
            return fail(ErrorCode::Io,
                        QStringLiteral("cannot rename %1 into place").arg(m_finalPath));
        return {};
    }

    QString m_finalPath;
    QFile m_part;
    sdp::FileSelector m_selector;
    FileWriteMode m_mode;
    quint64 m_cap;
    QCryptographicHash m_sha1;
    quint64 m_position = 0;
    quint64 m_hashed = 0;
    quint64 m_size = 0;
    bool m_rehash = false;
    bool m_done = false;
};

} // namespace

QByteArray fileWriteModeToken(FileWriteMode mode)
{
    switch (mode) {
    case FileWriteMode::Overwrite:
        return QByteArrayLiteral("overwrite");
    case FileWriteMode::Append:
        return QByteArrayLiteral("append");
    case FileWriteMode::New:
        break;
    }
    return QByteArrayLiteral("new");
}

FileWriteMode fileWriteModeFromToken(QByteArrayView token)
{
    if (token.compare("overwrite", Qt::CaseInsensitive) == 0)
        return FileWriteMode::Overwrite;
    if (token.compare("append", Qt::CaseInsensitive) == 0)
        return FileWriteMode::Append;
    return FileWriteMode::New;
}

FileSpool::FileSpool(QString directory, quint64 maxFileSize)
    : m_directory(std::move(directory))
    , m_maxFileSize(maxFileSize)
{}

Result<void> FileSpool::admit(const sdp::FileSelector &selector) const
{
    if (!isEnabled())
        return fail(ErrorCode::Unsupported, QStringLiteral("Herald takes no files"));
    if (m_maxFileSize && selector.size && *selector.size > m_maxFileSize)
        return fail(ErrorCode::LimitExceeded,
                    QStringLiteral("File larger than %1 octets").arg(m_maxFileSize));
    return {};
}

Result<std::unique_ptr<msrp::MessageSink>> FileSpool::openSink(const sdp::FileSelector &selector,
                                                               FileWriteMode mode,
                                                               RandomSource &random) const
{
    if (auto admitted = admit(selector); !admitted)
        return tl::unexpected(admitted.error());
    const QDir dir(m_directory);
    QString name = sanitizedName(selector.decodedName().value_or(QString()));
    if (mode == FileWriteMode::New) {
        // A generated prefix keeps names unique and unguessable; the sanitized offered name
        // stays readable after it.
        IdGenerator ids(random);
        name = QString::fromLatin1(ids.alphanumeric(12)) + QLatin1Char('-') + name;
    }
    auto sink = std::make_unique<SpoolSink>(dir.filePath(name), selector, mode, m_maxFileSize);
    if (auto opened = sink->open(); !opened)
        return tl::unexpected(opened.error());
    return std::unique_ptr<msrp::MessageSink>(std::move(sink));
}

QString FileSpool::sanitizedName(const QString &offered)
{
    QString name = offered.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
    for (QChar &c : name) {
        const bool safe = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                          (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                          (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                          c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char('_');
        if (!safe)
            c = QLatin1Char('_');
    }
    while (name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    // ".part" is ours: a received name must never look like an unfinished file.
    if (name.endsWith(QStringLiteral(".part"), Qt::CaseInsensitive))
        name.append(QLatin1Char('_'));
    name.truncate(100);
    return name.isEmpty() ? QStringLiteral("file") : name;
}

} // namespace herald::service
