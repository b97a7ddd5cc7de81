// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/error.h"
#include "engine/core/safexmlreader.h"

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

namespace herald {

// A strict element-by-element walk over untrusted XML, on top of SafeXmlReader (no DTD,
// no entities but the predefined five, bounded size and depth). The emergency-call formats
// (PIDF-LO, RFC 7852 blocks, isComposing, IMDN) have no mixed content, so text between
// elements that is not white space is refused rather than silently dropped.
//
//   XmlCursor c(bytes, limits);
//   if (c.enterRoot(ns, u"presence")) while (c.nextChild()) { if (c.is(...)) ...; else c.skip(); }
//   c.finish();  // the rest must be well-formed; false (with error()) otherwise
class XmlCursor
{
public:
    using Limits = SafeXmlReader::Limits;

    XmlCursor(QByteArrayView bytes, Limits limits);

    // Reads to the root element; false (and failed) unless it is {ns}name.
    bool enterRoot(QStringView ns, QStringView name);
    // Moves to the next child element of the element we are in: true on its start tag,
    // false on the end tag of the enclosing element (or on failure).
    bool nextChild();
    // The current start tag.
    bool is(QStringView ns, QStringView name) const;
    QStringView namespaceUri() const { return m_reader.xml().namespaceUri(); }
    QStringView name() const { return m_reader.xml().name(); }
    // An attribute of the current start tag (no namespace unless one is given); null when absent.
    QString attribute(QStringView name) const;
    QString attribute(QStringView ns, QStringView name) const;
    // The text of the current element, which must hold no element; trimmed. Fails past maxChars.
    QString readText(qsizetype maxChars = 1024);
    // Text of every descendant, joined by single spaces (for free-form blocks such as
    // provided-by); bounded like readText.
    QString readAllText(qsizetype maxChars = 4096);
    // Skips the current element and everything inside it.
    void skip();
    // Reads what follows the root to the end; false when anything failed.
    bool finish();

    // A semantic refusal (the XML itself may be fine).
    void fail(ErrorCode code, QString detail);
    bool failed() const { return m_error.has_value() || m_reader.failed(); }
    Error error() const;

private:
    SafeXmlReader m_reader;
    std::optional<Error> m_error;
};

} // namespace herald
