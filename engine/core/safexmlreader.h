// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QXmlStreamReader>

#include <optional>

namespace herald {

// Why SafeXmlReader refused a document. Protocol layers map these to their own answers
// (MSML: RFC 5707 §11 code 400; REST: HTTP 400; NG9-1-1 data: "unreadable").
enum class XmlRefusal {
    NotWellFormed,   // XML 1.0 well-formedness, as QXmlStreamReader reports it
    TooLarge,        // more bytes than Limits::maxBytes
    TooDeep,         // elements nested deeper than Limits::maxDepth
    DtdRefused,      // any <!DOCTYPE>: Qt 6.4.2 lacks the fixes of CVE-2023-38197/-37369
    EntityRefused,   // a reference to an entity other than XML's five predefined ones
    EncodingRefused, // not UTF-8 / US-ASCII (also catches UTF-16 and UTF-32 by their NULs)
};

struct XmlReadError
{
    XmlRefusal reason = XmlRefusal::NotWellFormed;
    QString description; // English
    qint64 line = 0;     // 1-based position in the document, 0 when unknown
    qint64 column = 0;

    friend bool operator==(const XmlReadError &, const XmlReadError &) = default;
};

// The engine-wide form (LimitExceeded for size/depth, Unsupported for DTD/entity/encoding,
// Malformed otherwise), with the position appended to the detail.
Error toError(const XmlReadError &error);

// QXmlStreamReader behind the checks that make untrusted XML safe to read with Qt 6.4.2,
// whose QXmlStreamReader lacks the fixes for CVE-2023-38197 (entity expansion loops with
// DTDs in odd places) and CVE-2023-37369 (PLATFORM.md §10):
//  - more than maxBytes is refused before Qt sees a byte;
//  - a NUL byte is refused (XML forbids it; it also marks UTF-16/UTF-32, which would slip
//    past the byte scan below);
//  - "<!DOCTYPE" anywhere in the bytes is refused before parsing, so no DTD, and hence no
//    declared entity, ever reaches Qt; the DTD token is refused as well should one get past;
//  - a reference to any entity but XML's five predefined ones is refused (an entity
//    resolver records the name; character references &#...; stay allowed);
//  - an encoding declaration other than UTF-8 / US-ASCII is refused when it is read;
//  - elements nested deeper than maxDepth are refused as their start tag is read.
// Every refusal is fatal: next() returns Invalid from then on and error() tells why.
// Shared by every XML reader of remote input (MSML, the REST web_service bodies, PIDF-LO,
// RFC 7852 blocks, isComposing, IMDN); XmlCursor is the element walk on top of it.
class SafeXmlReader
{
public:
    struct Limits
    {
        qsizetype maxBytes = 64 * 1024;
        int maxDepth = 32;
    };

    SafeXmlReader(QByteArrayView bytes, Limits limits);
    SafeXmlReader(const SafeXmlReader &) = delete;
    SafeXmlReader &operator=(const SafeXmlReader &) = delete;

    // The next token, after the checks above. Invalid once failed().
    QXmlStreamReader::TokenType next();
    // Reads to the end of the document, so that what follows a semantic error is still
    // checked for well-formedness and limits (RFC 5707 §5 checks well-formedness first).
    void drain();

    bool failed() const { return m_error.has_value(); }
    // Only when failed().
    const XmlReadError &error() const { return *m_error; }
    // Current token's details (name, attributes, text, position).
    const QXmlStreamReader &xml() const { return m_reader; }
    int depth() const { return m_depth; }

private:
    class EntityRecorder : public QXmlStreamEntityResolver
    {
    public:
        QString resolveUndeclaredEntity(const QString &name) override;
        QString name;
        bool called = false;
    };

    void refuse(XmlRefusal reason, QString description, qint64 line, qint64 column);
    void refuseAtReader(XmlRefusal reason, QString description);
    void readerFailed();
    // Fills m_error when the raw bytes are refused; returns the bytes to parse otherwise.
    QByteArray precheck(QByteArrayView bytes);

    Limits m_limits;
    std::optional<XmlReadError> m_error; // set by precheck() before m_bytes is filled
    QByteArray m_bytes;
    EntityRecorder m_entities; // outlives m_reader, which points to it
    QXmlStreamReader m_reader;
    int m_depth = 0;
};

} // namespace herald
