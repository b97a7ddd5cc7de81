// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

// Internal to herald_msml: the element grammar behind Parser.

#include "engine/core/safexmlreader.h"
#include "engine/msml/msmlparser.h"

#include <initializer_list>

namespace herald::msml::detail {

// Recursive descent over the elements Herald implements. Each parseX() is called with the
// reader on X's start tag and returns true with the reader on X's end tag, or false after
// recording why (or after the reader failed). Recursion follows the grammar, never the
// input: the deepest path is msml/dialogstart/transfer/transferexit/send.
class Grammar
{
public:
    explicit Grammar(SafeXmlReader &reader)
        : m_reader(reader)
    {}

    ParseResult run();

private:
    enum class Step { Child, End, Failed };
    using Token = QXmlStreamReader::TokenType;

    const QXmlStreamReader &xml() const { return m_reader.xml(); }
    QString currentName() const { return xml().name().toString(); }

    bool refuse(ErrorReason reason, const QString &element, const QString &description);
    bool refuseChild(const QString &parent);
    bool refuseValue(const QString &element, QStringView attribute, const QString &why);

    bool allowOnly(const QString &element, std::initializer_list<QStringView> names);
    // Attributes outside any namespace, by local name; a present but empty attribute is an
    // empty, non-null QString.
    std::optional<QString> find(QStringView name) const;
    bool has(QStringView name) const { return find(name).has_value(); }
    QString attribute(QStringView name) const { return find(name).value_or(QString()); }
    bool required(const QString &element, QStringView name, QString &value);

    Step nextChild(const QString &parent);
    bool expectEnd(const QString &element);
    bool readText(const QString &element, QString &text);

    bool parseMsml(Document &document);
    bool parseDialogStart(DialogStart &dialog);
    bool parseDialogEnd(DialogEnd &end);
    bool parseCoreSend(CoreSend &send);
    bool parseTransfer(Transfer &transfer);
    bool parseFileObject(FileObject &object);
    bool parseMessageObject(MessageObject &object);
    bool parseShadowHandler(const QString &element, ShadowHandler &handler);
    bool parseDialogAction(DialogAction &action);
    bool parseResult(ResultDocument &result);
    bool parseEvent(EventDocument &event);

    bool optionalBoolean(const QString &element, QStringView name, std::optional<bool> &value);
    bool optionalCount(const QString &element, QStringView name, std::optional<int> &value);
    bool optionalDuration(const QString &element, QStringView name,
                          std::optional<std::chrono::milliseconds> &value);
    bool optionalMomlId(const QString &element, QStringView name, QString &value);
    bool optionalInstanceId(const QString &element, QStringView name, QString &value);
    bool destination(const QString &element, TransferDest &dest);

    SafeXmlReader &m_reader;
    std::optional<ParseError> m_error;
};

} // namespace herald::msml::detail
