// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/core/safexmlreader.h"

namespace herald {

namespace {

// 1-based line and column of a byte offset (columns count bytes; good enough for a report).
std::pair<qint64, qint64> positionOf(QByteArrayView bytes, qsizetype offset)
{
    qint64 line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (bytes[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return {line, offset - lineStart + 1};
}

bool isAcceptedEncoding(QStringView encoding)
{
    return encoding.isEmpty() || encoding.compare(u"UTF-8", Qt::CaseInsensitive) == 0 ||
           encoding.compare(u"UTF8", Qt::CaseInsensitive) == 0 ||
           encoding.compare(u"US-ASCII", Qt::CaseInsensitive) == 0 ||
           encoding.compare(u"ASCII", Qt::CaseInsensitive) == 0;
}

} // namespace

Error toError(const XmlReadError &error)
{
    ErrorCode code = ErrorCode::Malformed;
    switch (error.reason) {
    case XmlRefusal::TooLarge:
    case XmlRefusal::TooDeep:
        code = ErrorCode::LimitExceeded;
        break;
    case XmlRefusal::DtdRefused:
    case XmlRefusal::EntityRefused:
    case XmlRefusal::EncodingRefused:
        code = ErrorCode::Unsupported;
        break;
    case XmlRefusal::NotWellFormed:
        break;
    }
    QString detail = error.description;
    if (error.line > 0)
        detail += QStringLiteral(" (line %1, column %2)").arg(error.line).arg(error.column);
    return Error{code, detail};
}

QString SafeXmlReader::EntityRecorder::resolveUndeclaredEntity(const QString &entity)
{
    // A null answer makes QXmlStreamReader stop with "Entity ... not declared"; recording
    // the name lets us report the refusal as what it is.
    name = entity;
    called = true;
    return QString();
}

SafeXmlReader::SafeXmlReader(QByteArrayView bytes, Limits limits)
    : m_limits(limits)
    , m_bytes(precheck(bytes))
    , m_reader(m_bytes)
{
    m_reader.setEntityResolver(&m_entities);
}

QByteArray SafeXmlReader::precheck(QByteArrayView bytes)
{
    if (bytes.size() > m_limits.maxBytes) {
        refuse(XmlRefusal::TooLarge,
               QStringLiteral("document of %1 bytes is larger than the %2 bytes accepted")
                   .arg(bytes.size())
                   .arg(m_limits.maxBytes),
               0, 0);
        return QByteArray();
    }
    if (bytes.isEmpty()) {
        refuse(XmlRefusal::NotWellFormed, QStringLiteral("empty document"), 0, 0);
        return QByteArray();
    }
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0) {
        const auto [line, column] = positionOf(bytes, nul);
        refuse(XmlRefusal::EncodingRefused,
               QStringLiteral("NUL byte in the document (only UTF-8 is accepted)"), line, column);
        return QByteArray();
    }
    if (const qsizetype dtd = bytes.indexOf(QByteArrayView("<!DOCTYPE")); dtd >= 0) {
        const auto [line, column] = positionOf(bytes, dtd);
        refuse(XmlRefusal::DtdRefused, QStringLiteral("document type declarations are refused"),
               line, column);
        return QByteArray();
    }
    return bytes.toByteArray();
}

void SafeXmlReader::refuse(XmlRefusal reason, QString description, qint64 line, qint64 column)
{
    if (m_error)
        return;
    m_error = XmlReadError{reason, std::move(description), line, column};
}

void SafeXmlReader::refuseAtReader(XmlRefusal reason, QString description)
{
    refuse(reason, std::move(description), m_reader.lineNumber(), m_reader.columnNumber());
}

void SafeXmlReader::readerFailed()
{
    if (m_entities.called) {
        refuseAtReader(XmlRefusal::EntityRefused,
                       QStringLiteral("reference to entity &%1; refused (only &lt; &gt; &amp; "
                                      "&apos; &quot; and character references are accepted)")
                           .arg(m_entities.name));
    } else if (m_reader.error() == QXmlStreamReader::PrematureEndOfDocumentError) {
        refuseAtReader(XmlRefusal::NotWellFormed,
                       QStringLiteral("not well-formed: the document ends before its root "
                                      "element does"));
    } else {
        refuseAtReader(XmlRefusal::NotWellFormed,
                       QStringLiteral("not well-formed: ") + m_reader.errorString());
    }
}

QXmlStreamReader::TokenType SafeXmlReader::next()
{
    if (failed())
        return QXmlStreamReader::Invalid;
    const QXmlStreamReader::TokenType token = m_reader.readNext();
    switch (token) {
    case QXmlStreamReader::StartDocument:
        if (!isAcceptedEncoding(m_reader.documentEncoding()))
            refuseAtReader(XmlRefusal::EncodingRefused,
                           QStringLiteral("encoding %1 refused (only UTF-8 is accepted)")
                               .arg(m_reader.documentEncoding()));
        break;
    case QXmlStreamReader::DTD:
        refuseAtReader(XmlRefusal::DtdRefused,
                       QStringLiteral("document type declarations are refused"));
        break;
    case QXmlStreamReader::EntityReference:
        refuseAtReader(XmlRefusal::EntityRefused,
                       QStringLiteral("reference to entity &%1; refused").arg(m_reader.name()));
        break;
    case QXmlStreamReader::StartElement:
        if (++m_depth > m_limits.maxDepth)
            refuseAtReader(
                XmlRefusal::TooDeep,
                QStringLiteral("elements nested deeper than %1 levels").arg(m_limits.maxDepth));
        break;
    case QXmlStreamReader::EndElement:
        --m_depth;
        break;
    case QXmlStreamReader::Invalid:
        readerFailed();
        break;
    default:
        break;
    }
    return failed() ? QXmlStreamReader::Invalid : token;
}

void SafeXmlReader::drain()
{
    while (!failed() && !m_reader.atEnd())
        next();
    // atEnd() without an error also happens when the data simply ran out.
    if (!failed() && m_reader.hasError())
        readerFailed();
}

} // namespace herald
