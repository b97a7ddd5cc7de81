// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/msrp/session/msrpsink.h"
#include "engine/sdp/fileselector.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace herald {
class RandomSource;
}

namespace herald::service {

// What the receiver does when a file of the spooled name is already there. RFC 5547 has no
// such notion; the sender's MSML <fileobj overwrite/append> reaches the receiver in the
// private media attribute a=x-herald-write (unknown attributes are ignored by other
// receivers, RFC 8866 §5.13).
enum class FileWriteMode {
    New,       // keep the existing file; store under a fresh name
    Overwrite, // replace it (atomically, by rename)
    Append,    // append the received octets to it
};

QByteArray fileWriteModeToken(FileWriteMode mode); // "new", "overwrite", "append"
FileWriteMode fileWriteModeFromToken(QByteArrayView token);

// Herald as a delivery server (DESIGN.md §1 "Voicemail delivery", RFC 5547 §8.3.1): files
// pushed to it are received into one spool directory, each under a name derived from the
// offered file-selector name but sanitized (RFC 5547 §10: never trust a remote file name),
// written as "<name>.part" and renamed only once every octet arrived, the size matched and the
// sha-1 hash of the selector (when given) was verified.
class FileSpool
{
public:
    FileSpool(QString directory, quint64 maxFileSize);

    bool isEnabled() const { return !m_directory.isEmpty(); }
    const QString &directory() const { return m_directory; }
    quint64 maxFileSize() const { return m_maxFileSize; }

    // Decides on a push offer before it is answered, so that a file over the limit is refused
    // before a single octet is stored (ErrorCode::LimitExceeded).
    Result<void> admit(const sdp::FileSelector &selector) const;

    // A sink for the file the selector describes. Fails (LimitExceeded) for a file over the
    // limit, (Io) when the spool cannot be written.
    Result<std::unique_ptr<msrp::MessageSink>>
    openSink(const sdp::FileSelector &selector, FileWriteMode mode, RandomSource &random) const;

    // The last path component of `offered`, reduced to [A-Za-z0-9._-] (other characters become
    // '_'), without leading dots, at most 100 characters; "file" when nothing is left.
    static QString sanitizedName(const QString &offered);

private:
    QString m_directory;
    quint64 m_maxFileSize;
};

} // namespace herald::service
