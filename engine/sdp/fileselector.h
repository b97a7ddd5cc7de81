// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace herald::sdp {

// hash:<algorithm>:<hex pairs> (RFC 5547 §6). The value is kept as written ("72:24:5F:...").
struct FileHash
{
    QByteArray algorithm;
    QByteArray value;

    // The hash octets the value spells.
    QByteArray bytes() const;
    // "sha-1" and the colon-separated upper-case hex of the octets.
    static FileHash sha1(const QByteArray &digest);

    friend bool operator==(const FileHash &, const FileHash &) = default;
};

// a=file-selector (RFC 5547 §5, §6): the tuple that names the file of a transfer.
//   file-selector-attr = "file-selector" [":" selector *(SP selector)]
//   selector = name:"..." / size:N / type:type/subtype[;p="v"] / hash:algo:HH:HH...
// An attribute without a value (capability indication, §8.5) is an empty selector.
struct FileSelector
{
    // Between the quotes, as written: percent-encoded where the RFC requires it. Use
    // decodedName() before showing it, and sanitise it before touching a file system (§10).
    std::optional<QByteArray> name;
    // "type/subtype" with its ;attribute="value" parameters, as written.
    std::optional<QByteArray> type;
    std::optional<quint64> size;
    QList<FileHash> hashes;

    static constexpr int maxHashes = 8;

    bool isEmpty() const { return !name && !type && !size && hashes.isEmpty(); }

    // Parses the attribute value (what follows "a=file-selector:"). Strict: single spaces
    // between selectors, each of name/type/size at most once, a known hash length for sha-1.
    static Result<FileSelector> parse(QByteArrayView value);

    // The attribute value: name, type, size, then the hashes; empty for an empty selector.
    QByteArray toBytes() const;

    // The percent-decoded name when it is valid UTF-8 without control characters.
    std::optional<QString> decodedName() const;
    // Percent-encodes a file name for the name selector: '"', '%', path separators, and
    // anything outside printable UTF-8 (RFC 5547 §6: "MUST be percent-encoded").
    static QByteArray encodeName(const QString &name);

    friend bool operator==(const FileSelector &, const FileSelector &) = default;
};

} // namespace herald::sdp
