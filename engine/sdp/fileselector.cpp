// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sdp/fileselector.h"

#include "engine/sdp/sdpgrammar.h"

namespace herald::sdp {

namespace {

using namespace grammar;

tl::unexpected<Error> bad(const QString &what)
{
    return fail(ErrorCode::Malformed, QStringLiteral("file-selector: ") + what);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// RFC 5547 filename-string = 1*(filename-char / percent-encoded): any byte but NUL, CR, LF,
// '"' and '%', or '%' HEXDIG HEXDIG. Reads from pos up to the closing quote; returns the
// position of that quote, or -1.
qsizetype scanQuotedFilenameString(QByteArrayView text, qsizetype pos)
{
    const qsizetype start = pos;
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == '"')
            return pos > start ? pos : -1;
        if (c == '%') {
            if (pos + 2 >= text.size() || hexValue(text[pos + 1]) < 0 ||
                hexValue(text[pos + 2]) < 0)
                return -1;
            pos += 3;
            continue;
        }
        if (c == '\0' || c == '\r' || c == '\n')
            return -1;
        ++pos;
    }
    return -1;
}

// type "/" subtype *(";" attribute "=" DQUOTE value-string DQUOTE); returns the end position.
qsizetype scanType(QByteArrayView text, qsizetype pos)
{
    auto scanToken = [&](qsizetype p) {
        while (p < text.size() && isTokenChar(text[p]))
            ++p;
        return p;
    };
    qsizetype p = scanToken(pos);
    if (p == pos || p >= text.size() || text[p] != '/')
        return -1;
    const qsizetype sub = p + 1;
    p = scanToken(sub);
    if (p == sub)
        return -1;
    while (p < text.size() && text[p] == ';') {
        const qsizetype attr = p + 1;
        p = scanToken(attr);
        if (p == attr || p + 1 >= text.size() || text[p] != '=' || text[p + 1] != '"')
            return -1;
        const qsizetype close = scanQuotedFilenameString(text, p + 2);
        if (close < 0)
            return -1;
        p = close + 1;
    }
    return p;
}

bool isUpperHexPairList(QByteArrayView value)
{
    // 2HEXDIG *(":" 2HEXDIG)
    if (value.size() < 2 || (value.size() + 1) % 3 != 0)
        return false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (i % 3 == 2) {
            if (value[i] != ':')
                return false;
        } else if (hexValue(value[i]) < 0) {
            return false;
        }
    }
    return true;
}

} // namespace

QByteArray FileHash::bytes() const
{
    QByteArray out;
    out.reserve((value.size() + 1) / 3);
    for (qsizetype i = 0; i + 1 < value.size(); i += 3) {
        const int hi = hexValue(value[i]);
        const int lo = hexValue(value[i + 1]);
        if (hi < 0 || lo < 0)
            return {};
        out += static_cast<char>(hi * 16 + lo);
    }
    return out;
}

FileHash FileHash::sha1(const QByteArray &digest)
{
    return FileHash{QByteArrayLiteral("sha-1"), digest.toHex(':').toUpper()};
}

Result<FileSelector> FileSelector::parse(QByteArrayView text)
{
    FileSelector fs;
    qsizetype pos = 0;
    while (pos < text.size()) {
        if (pos > 0) {
            if (text[pos] != ' ' || pos + 1 >= text.size() || text[pos + 1] == ' ')
                return bad(QStringLiteral("selectors must be separated by single spaces"));
            ++pos;
        }
        const qsizetype colon = text.indexOf(':', pos);
        if (colon < 0)
            return bad(QStringLiteral("selector %1 has no ':'").arg(excerpt(text.sliced(pos))));
        const QByteArrayView label = text.sliced(pos, colon - pos);
        qsizetype end = -1;
        pos = colon + 1;
        if (label == "name") {
            if (fs.name)
                return bad(QStringLiteral("more than one name selector"));
            if (pos >= text.size() || text[pos] != '"')
                return bad(QStringLiteral("the name selector must be quoted"));
            const qsizetype close = scanQuotedFilenameString(text, pos + 1);
            if (close < 0)
                return bad(QStringLiteral("the name selector is not a valid quoted file name"));
            fs.name = text.sliced(pos + 1, close - pos - 1).toByteArray();
            end = close + 1;
        } else if (label == "type") {
            if (fs.type)
                return bad(QStringLiteral("more than one type selector"));
            end = scanType(text, pos);
            if (end < 0)
                return bad(
                    QStringLiteral("the type selector is not type/subtype[;attr=\"value\"]"));
            fs.type = text.sliced(pos, end - pos).toByteArray();
        } else if (label == "size") {
            if (fs.size)
                return bad(QStringLiteral("more than one size selector"));
            end = text.indexOf(' ', pos);
            if (end < 0)
                end = text.size();
            const auto size = parseUnsigned(text.sliced(pos, end - pos));
            if (!size)
                return bad(QStringLiteral("the size selector is not a 64-bit number"));
            fs.size = *size;
        } else if (label == "hash") {
            const qsizetype algoEnd = text.indexOf(':', pos);
            if (algoEnd < 0 || !isToken(text.sliced(pos, algoEnd - pos)))
                return bad(QStringLiteral("the hash selector needs hash:<algorithm>:<value>"));
            end = text.indexOf(' ', algoEnd);
            if (end < 0)
                end = text.size();
            FileHash hash{text.sliced(pos, algoEnd - pos).toByteArray(),
                          text.sliced(algoEnd + 1, end - algoEnd - 1).toByteArray()};
            if (!isUpperHexPairList(hash.value))
                return bad(QStringLiteral("the hash value is not colon-separated hex pairs"));
            // RFC 5547 §5: a SHA-1 hash is a 160-bit string.
            if (equalsIgnoreCase(hash.algorithm, "sha-1") && hash.bytes().size() != 20)
                return bad(QStringLiteral("a sha-1 hash must be 20 octets"));
            for (const FileHash &h : std::as_const(fs.hashes)) {
                if (equalsIgnoreCase(h.algorithm, hash.algorithm))
                    return bad(QStringLiteral("more than one %1 hash")
                                   .arg(QString::fromUtf8(hash.algorithm)));
            }
            if (fs.hashes.size() >= maxHashes)
                return bad(QStringLiteral("more than %1 hashes").arg(maxHashes));
            fs.hashes.append(std::move(hash));
        } else {
            return bad(QStringLiteral("unknown selector %1").arg(excerpt(label)));
        }
        pos = end;
    }
    return fs;
}

QByteArray FileSelector::toBytes() const
{
    QByteArray out;
    auto sep = [&out] {
        if (!out.isEmpty())
            out += ' ';
    };
    if (name) {
        out += "name:\"" + *name + '"';
    }
    if (type) {
        sep();
        out += "type:" + *type;
    }
    if (size) {
        sep();
        out += "size:" + QByteArray::number(*size);
    }
    for (const FileHash &h : hashes) {
        sep();
        out += "hash:" + h.algorithm + ':' + h.value;
    }
    return out;
}

std::optional<QString> FileSelector::decodedName() const
{
    if (!name)
        return std::nullopt;
    const QByteArray decoded = QByteArray::fromPercentEncoding(*name);
    if (!isValidUtf8(decoded))
        return std::nullopt;
    for (const char c : decoded) {
        if (isControl(c))
            return std::nullopt;
    }
    return QString::fromUtf8(decoded);
}

QByteArray FileSelector::encodeName(const QString &name)
{
    const QByteArray utf8 = name.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        // Percent-encode what the grammar forbids, what a file system reads as structure,
        // and what RFC 5547 §10 warns about.
        if (u < 0x20 || u == 0x7F || c == '"' || c == '%' || c == '/' || c == '\\' || c == ':')
            out += '%' + QByteArray::number(u, 16).toUpper().rightJustified(2, '0');
        else
            out += c;
    }
    return out;
}

} // namespace herald::sdp
