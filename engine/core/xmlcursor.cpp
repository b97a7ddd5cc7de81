// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/core/xmlcursor.h"

namespace herald {

namespace {

bool isBlank(QStringView text)
{
    for (QChar c : text) {
        if (c != u' ' && c != u'\t' && c != u'\r' && c != u'\n')
            return false;
    }
    return true;
}

} // namespace

XmlCursor::XmlCursor(QByteArrayView bytes, Limits limits)
    : m_reader(bytes, limits)
{}

bool XmlCursor::enterRoot(QStringView ns, QStringView name)
{
    while (!failed()) {
        const auto token = m_reader.next();
        if (token == QXmlStreamReader::StartElement) {
            if (!is(ns, name)) {
                fail(ErrorCode::Unsupported, QStringLiteral("root element is {%1}%2, not {%3}%4")
                                                 .arg(namespaceUri(), this->name(), ns, name));
                return false;
            }
            return true;
        }
        if (token == QXmlStreamReader::Invalid || token == QXmlStreamReader::EndDocument)
            break;
    }
    if (!failed())
        fail(ErrorCode::Malformed, QStringLiteral("no root element"));
    return false;
}

bool XmlCursor::nextChild()
{
    while (!failed()) {
        switch (m_reader.next()) {
        case QXmlStreamReader::StartElement:
            return true;
        case QXmlStreamReader::EndElement:
            return false;
        case QXmlStreamReader::Characters:
            if (!isBlank(m_reader.xml().text())) {
                fail(ErrorCode::Malformed, QStringLiteral("unexpected text inside <%1>")
                                               .arg(m_reader.xml().text().left(40)));
                return false;
            }
            break;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            if (!failed())
                fail(ErrorCode::Malformed, QStringLiteral("document ends inside an element"));
            return false;
        default:
            break; // comments, processing instructions
        }
    }
    return false;
}

bool XmlCursor::is(QStringView ns, QStringView name) const
{
    return m_reader.xml().isStartElement() && namespaceUri() == ns && this->name() == name;
}

QString XmlCursor::attribute(QStringView name) const
{
    return attribute(QStringView(), name);
}

QString XmlCursor::attribute(QStringView ns, QStringView name) const
{
    const QXmlStreamAttributes attributes = m_reader.xml().attributes();
    for (const QXmlStreamAttribute &a : attributes) {
        if (a.name() == name && a.namespaceUri() == ns)
            return a.value().toString();
    }
    return QString();
}

QString XmlCursor::readText(qsizetype maxChars)
{
    const QString element = name().toString();
    QString text;
    while (!failed()) {
        switch (m_reader.next()) {
        case QXmlStreamReader::Characters:
            text += m_reader.xml().text();
            if (text.size() > maxChars) {
                fail(
                    ErrorCode::LimitExceeded,
                    QStringLiteral("<%1> is longer than %2 characters").arg(element).arg(maxChars));
                return QString();
            }
            break;
        case QXmlStreamReader::StartElement:
            fail(ErrorCode::Malformed,
                 QStringLiteral("element <%1> inside <%2>, which holds text only")
                     .arg(name(), element));
            return QString();
        case QXmlStreamReader::EndElement:
            return text.trimmed();
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            if (!failed())
                fail(ErrorCode::Malformed,
                     QStringLiteral("document ends inside <%1>").arg(element));
            return QString();
        default:
            break;
        }
    }
    return QString();
}

QString XmlCursor::readAllText(qsizetype maxChars)
{
    QString text;
    int depth = 1;
    while (!failed() && depth > 0) {
        switch (m_reader.next()) {
        case QXmlStreamReader::Characters:
            if (const QString piece = m_reader.xml().text().trimmed().toString();
                !piece.isEmpty()) {
                if (!text.isEmpty())
                    text += u' ';
                text += piece;
                if (text.size() > maxChars) {
                    fail(ErrorCode::LimitExceeded,
                         QStringLiteral("text longer than %1 characters").arg(maxChars));
                    return QString();
                }
            }
            break;
        case QXmlStreamReader::StartElement:
            ++depth;
            break;
        case QXmlStreamReader::EndElement:
            --depth;
            break;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            if (!failed())
                fail(ErrorCode::Malformed, QStringLiteral("document ends inside an element"));
            return QString();
        default:
            break;
        }
    }
    return text;
}

void XmlCursor::skip()
{
    int depth = 1;
    while (!failed() && depth > 0) {
        switch (m_reader.next()) {
        case QXmlStreamReader::StartElement:
            ++depth;
            break;
        case QXmlStreamReader::EndElement:
            --depth;
            break;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            if (!failed())
                fail(ErrorCode::Malformed, QStringLiteral("document ends inside an element"));
            return;
        default:
            break;
        }
    }
}

bool XmlCursor::finish()
{
    m_reader.drain();
    return !failed();
}

void XmlCursor::fail(ErrorCode code, QString detail)
{
    if (!m_error)
        m_error = Error{code, std::move(detail)};
}

Error XmlCursor::error() const
{
    // Whichever refusal came first: our walk stops at its own, and every function here checks
    // failed() before reading on, so at most one of the two is set before the walk ends.
    if (m_error)
        return *m_error;
    if (m_reader.failed())
        return toError(m_reader.error());
    return Error{};
}

} // namespace herald
