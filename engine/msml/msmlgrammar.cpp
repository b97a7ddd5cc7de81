// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/msmlgrammar.h"

#include "engine/msml/msmlelements.h"

// The document, the core package (RFC 5707 §7), the dialog core package (§9.6) and the
// shared attribute helpers; the transfer package is in transfergrammar.cpp.
namespace herald::msml::detail {

ParseResult Grammar::run()
{
    Document document;
    // The prolog: XML declaration, comments, processing instructions, white space.
    Token token = m_reader.next();
    while (token != Token::StartElement && token != Token::Invalid && token != Token::EndDocument)
        token = m_reader.next();
    if (token == Token::StartElement) {
        if (xml().name() == u"msml")
            parseMsml(document);
        else
            refuse(ErrorReason::NotMsml, currentName(),
                   QStringLiteral("the root element is <%1>, not <msml>").arg(xml().name()));
    }
    m_reader.drain();
    if (m_reader.failed())
        return tl::unexpected(fromXmlReadError(m_reader.error()));
    if (m_error)
        return tl::unexpected(*m_error);
    if (token != Token::StartElement) // only possible when the reader failed; kept for safety
        return tl::unexpected(makeParseError(ErrorReason::NotWellFormed, QString(),
                                             QStringLiteral("no root element")));
    return document;
}

bool Grammar::refuse(ErrorReason reason, const QString &element, const QString &description)
{
    if (!m_error) {
        ParseError error = makeParseError(reason, element, description);
        error.line = xml().lineNumber();
        error.column = xml().columnNumber();
        m_error = std::move(error);
    }
    return false;
}

// The reader is on a child element that `parent` does not take.
bool Grammar::refuseChild(const QString &parent)
{
    const QString name = currentName();
    const QString package = rfc5707Package(name);
    static constexpr QStringView kImplemented =
        u" msml send result event description name value confid dialogid dialogstart "
        u"dialogend exit disconnect ";
    const bool implemented =
        isTransferPackageElement(name) ||
        (!package.isEmpty() && kImplemented.contains(QString(u' ' + name + u' ')));
    if (implemented)
        return refuse(ErrorReason::ForbiddenContent, name,
                      QStringLiteral("<%1> is not allowed in <%2>").arg(name, parent));
    if (!package.isEmpty())
        return refuse(ErrorReason::UnsupportedElement, name,
                      QStringLiteral("<%1> of the %2 is not supported").arg(name, package));
    return refuse(ErrorReason::UnknownElement, name,
                  QStringLiteral("unknown element <%1> in <%2>").arg(name, parent));
}

bool Grammar::refuseValue(const QString &element, QStringView attribute, const QString &why)
{
    return refuse(ErrorReason::InvalidAttributeValue, element,
                  QStringLiteral("<%1 %2>: %3").arg(element, attribute, why));
}

std::optional<QString> Grammar::find(QStringView name) const
{
    for (const QXmlStreamAttribute &attribute : xml().attributes()) {
        if (attribute.namespaceUri().isEmpty() && attribute.name() == name)
            return attribute.value().isEmpty() ? QStringLiteral("") : attribute.value().toString();
    }
    return std::nullopt;
}

bool Grammar::allowOnly(const QString &element, std::initializer_list<QStringView> names)
{
    for (const QXmlStreamAttribute &attribute : xml().attributes()) {
        if (!attribute.namespaceUri().isEmpty())
            continue; // xml:lang and namespaced extensions are not ours to judge
        bool known = false;
        for (QStringView name : names)
            known = known || attribute.name() == name;
        if (!known)
            return refuse(ErrorReason::UnknownAttribute, element,
                          QStringLiteral("unknown attribute %1 on <%2>")
                              .arg(attribute.qualifiedName(), element));
    }
    return true;
}

bool Grammar::required(const QString &element, QStringView name, QString &value)
{
    if (!has(name))
        return refuse(ErrorReason::MissingAttribute, element,
                      QStringLiteral("<%1> needs the attribute %2").arg(element, name));
    value = attribute(name);
    return true;
}

Grammar::Step Grammar::nextChild(const QString &parent)
{
    for (;;) {
        switch (m_reader.next()) {
        case Token::StartElement:
            return Step::Child;
        case Token::EndElement:
            return Step::End;
        case Token::Invalid:
            return Step::Failed;
        case Token::Characters:
            if (xml().isWhitespace())
                break;
            refuse(ErrorReason::ForbiddenContent, parent,
                   QStringLiteral("text is not allowed in <%1>").arg(parent));
            return Step::Failed;
        default:
            break; // comments, processing instructions
        }
    }
}

// For elements without children.
bool Grammar::expectEnd(const QString &element)
{
    switch (nextChild(element)) {
    case Step::End:
        return true;
    case Step::Child:
        return refuseChild(element);
    case Step::Failed:
        return false;
    }
    return false;
}

bool Grammar::readText(const QString &element, QString &text)
{
    text.clear();
    for (;;) {
        switch (m_reader.next()) {
        case Token::Characters:
            text += xml().text();
            break;
        case Token::EndElement:
            return true;
        case Token::StartElement:
            return refuseChild(element);
        case Token::Invalid:
            return false;
        default:
            break;
        }
    }
}

bool Grammar::parseMsml(Document &document)
{
    const QString element = QStringLiteral("msml");
    if (!allowOnly(element, {u"version"}) || !required(element, u"version", document.version))
        return false;
    // RFC 5707 §7.1 fixes 1.1; 1.0 is what its own §13.6 example and older clients send.
    if (document.version != u"1.1" && document.version != u"1.0")
        return refuseValue(
            element, u"version",
            QStringLiteral("version \"%1\" is not supported (1.1)").arg(document.version));

    enum class Kind { None, Request, Result, Event } kind = Kind::None;
    Request request;
    ResultDocument result;
    EventDocument event;
    const auto exclusive = [&](Kind wanted) {
        if (kind == Kind::None || (kind == Kind::Request && wanted == Kind::Request)) {
            kind = wanted;
            return true;
        }
        // RFC 5707 §16.1.1: a request, or one <event>, or one <result>.
        return refuse(ErrorReason::ForbiddenContent, currentName(),
                      QStringLiteral("<%1> cannot follow the %2 in one <msml>")
                          .arg(currentName(), kind == Kind::Request  ? QStringLiteral("requests")
                                              : kind == Kind::Result ? QStringLiteral("<result>")
                                                                     : QStringLiteral("<event>")));
    };

    for (;;) {
        const Step step = nextChild(element);
        if (step == Step::Failed)
            return false;
        if (step == Step::End)
            break;
        const QString name = currentName();
        if (name == u"dialogstart" || name == u"dialogend" || name == u"send") {
            if (!exclusive(Kind::Request))
                return false;
            bool ok = false;
            if (name == u"dialogstart") {
                DialogStart dialog;
                ok = parseDialogStart(dialog);
                request.operations.append(std::move(dialog));
            } else if (name == u"dialogend") {
                DialogEnd end;
                ok = parseDialogEnd(end);
                request.operations.append(std::move(end));
            } else {
                CoreSend send;
                ok = parseCoreSend(send);
                request.operations.append(std::move(send));
            }
            if (!ok)
                return false;
        } else if (name == u"result") {
            if (!exclusive(Kind::Result) || !parseResult(result))
                return false;
        } else if (name == u"event") {
            if (!exclusive(Kind::Event) || !parseEvent(event))
                return false;
        } else if ((name == u"dialogid" || name == u"confid") && kind == Kind::Result) {
            // RFC 5707 §12.1 prints <dialogid> after <result> rather than inside it.
            QString id;
            if (!allowOnly(name, {}) || !readText(name, id))
                return false;
            (name == u"dialogid" ? result.dialogIds : result.confIds).append(id.trimmed());
        } else {
            return refuseChild(element);
        }
    }

    switch (kind) {
    case Kind::None:
        return refuse(ErrorReason::MissingContent, element,
                      QStringLiteral("<msml> holds no request, result or event"));
    case Kind::Request:
        document.body = std::move(request);
        break;
    case Kind::Result:
        document.body = std::move(result);
        break;
    case Kind::Event:
        document.body = std::move(event);
        break;
    }
    return true;
}

bool Grammar::parseDialogStart(DialogStart &dialog)
{
    const QString element = QStringLiteral("dialogstart");
    if (!allowOnly(element, {u"target", u"name", u"type", u"src", u"mark"}) ||
        !required(element, u"target", dialog.target))
        return false;
    // RFC 5707 §9.6.1: the target is a connection or a conference, without wildcards.
    if (!isIndependentId(dialog.target))
        return refuseValue(
            element, u"target",
            QStringLiteral("\"%1\" is not a conn: or conf: identifier").arg(dialog.target));
    if (!optionalInstanceId(element, u"name", dialog.name) ||
        !optionalInstanceId(element, u"mark", dialog.mark))
        return false;
    dialog.src = attribute(u"src");
    if (has(u"src") && dialog.src.isEmpty())
        return refuseValue(element, u"src", QStringLiteral("empty URI"));
    if (has(u"type")) {
        dialog.type = attribute(u"type");
        const QString type = dialog.type.toLower();
        // RFC 5707 §9.6.1 names application/vxml+xml, its schema application/voicexml+xml.
        if (type == u"application/vxml+xml" || type == u"application/voicexml+xml")
            return refuse(ErrorReason::UnsupportedLanguage, element,
                          QStringLiteral("VoiceXML dialogs are not supported"));
        if (type != u"application/moml+xml")
            return refuse(ErrorReason::UnknownLanguage, element,
                          QStringLiteral("unknown dialog language \"%1\"").arg(dialog.type));
    } else if (!dialog.src.isEmpty()) {
        // Only an inline dialog is evidently MSML; an external one must say what it is.
        return refuse(ErrorReason::MissingAttribute, element,
                      QStringLiteral("<dialogstart src> needs the attribute type"));
    }

    bool ended = false; // after <exit> or <disconnect> nothing may follow
    for (;;) {
        const Step step = nextChild(element);
        if (step == Step::Failed)
            return false;
        if (step == Step::End)
            break;
        const QString name = currentName();
        if (ended &&
            (name == u"transfer" || name == u"send" || name == u"exit" || name == u"disconnect"))
            return refuse(ErrorReason::ForbiddenContent, name,
                          QStringLiteral("<%1> after the dialog's <exit>/<disconnect>").arg(name));
        if (name == u"transfer") {
            if (dialog.transfer || !dialog.actions.isEmpty())
                return refuse(ErrorReason::ForbiddenContent, name,
                              QStringLiteral("a dialog holds one <transfer>, before its "
                                             "<send>/<exit>"));
            Transfer transfer;
            if (!parseTransfer(transfer))
                return false;
            dialog.transfer = std::move(transfer);
        } else if (name == u"send" || name == u"exit" || name == u"disconnect") {
            DialogAction action;
            if (!parseDialogAction(action))
                return false;
            ended = action.kind != DialogAction::Kind::Send;
            dialog.actions.append(std::move(action));
        } else {
            return refuseChild(element);
        }
    }

    const bool inlineDialog = dialog.transfer || !dialog.actions.isEmpty();
    // RFC 5707 §9.6.1: src "MUST NOT be used if the MSML dialog description is inline".
    if (!dialog.src.isEmpty() && inlineDialog)
        return refuse(ErrorReason::AmbiguousRequest, element,
                      QStringLiteral("<dialogstart> has both src and an inline dialog"));
    if (dialog.src.isEmpty() && !dialog.transfer)
        return refuse(ErrorReason::MissingContent, element,
                      QStringLiteral("<dialogstart> has neither src nor an inline <transfer>"));
    return true;
}

bool Grammar::parseDialogEnd(DialogEnd &end)
{
    const QString element = QStringLiteral("dialogend");
    if (!allowOnly(element, {u"id", u"mark"}) || !required(element, u"id", end.id))
        return false;
    if (!isDialogId(end.id))
        return refuseValue(element, u"id",
                           QStringLiteral("\"%1\" is not a dialog identifier "
                                          "(conn:.../dialog:...)")
                               .arg(end.id));
    return optionalInstanceId(element, u"mark", end.mark) && expectEnd(element);
}

bool Grammar::parseCoreSend(CoreSend &send)
{
    const QString element = QStringLiteral("send");
    if (!allowOnly(element, {u"event", u"target", u"valuelist", u"mark"}) ||
        !required(element, u"event", send.event) || !required(element, u"target", send.target))
        return false;
    if (send.event.isEmpty())
        return refuseValue(element, u"event", QStringLiteral("empty event name"));
    // RFC 5707 §7.2: an object identifier, optionally /<dialog target>.
    if (!send.target.startsWith(u"conn:") && !send.target.startsWith(u"conf:"))
        return refuseValue(element, u"target",
                           QStringLiteral("\"%1\" is not an object identifier").arg(send.target));
    send.valuelist = attribute(u"valuelist");
    return optionalInstanceId(element, u"mark", send.mark) && expectEnd(element);
}

bool Grammar::parseResult(ResultDocument &result)
{
    const QString element = QStringLiteral("result");
    QString response;
    if (!allowOnly(element, {u"response", u"mark"}) || !required(element, u"response", response) ||
        !optionalInstanceId(element, u"mark", result.mark))
        return false;
    // RFC 5707 §16.1.1: \d{3}; §11 uses 1xx to 5xx.
    const bool digits = response.size() == 3 && response[0] >= u'1' && response[0] <= u'5' &&
                        response[1].isDigit() && response[2].isDigit() &&
                        response[1].unicode() < 0x80 && response[2].unicode() < 0x80;
    if (!digits)
        return refuseValue(element, u"response",
                           QStringLiteral("\"%1\" is not a response code").arg(response));
    result.response = response.toInt();

    bool haveDescription = false;
    for (;;) {
        const Step step = nextChild(element);
        if (step == Step::Failed)
            return false;
        if (step == Step::End)
            return true;
        const QString name = currentName();
        if (name != u"description" && name != u"dialogid" && name != u"confid")
            return refuseChild(element);
        if (name == u"description" && haveDescription)
            return refuse(ErrorReason::ForbiddenContent, name,
                          QStringLiteral("<result> holds one <description>"));
        QString text;
        if (!allowOnly(name, {}) || !readText(name, text))
            return false;
        if (name == u"description") {
            haveDescription = true;
            result.description = text;
        } else {
            (name == u"dialogid" ? result.dialogIds : result.confIds).append(text.trimmed());
        }
    }
}

bool Grammar::parseEvent(EventDocument &event)
{
    const QString element = QStringLiteral("event");
    if (!allowOnly(element, {u"name", u"id"}) || !required(element, u"name", event.name) ||
        !required(element, u"id", event.id))
        return false;
    if (event.name.isEmpty())
        return refuseValue(element, u"name", QStringLiteral("empty event name"));
    if (event.id.isEmpty())
        return refuseValue(element, u"id", QStringLiteral("empty identifier"));

    // RFC 5707 §7.4: <name>/<value> pairs, in that order.
    std::optional<QString> pendingName;
    for (;;) {
        const Step step = nextChild(element);
        if (step == Step::Failed)
            return false;
        if (step == Step::End)
            break;
        const QString name = currentName();
        if (name != u"name" && name != u"value")
            return refuseChild(element);
        if ((name == u"name") == pendingName.has_value())
            return refuse(ErrorReason::ForbiddenContent, name,
                          name == u"name" ? QStringLiteral("<name> without its <value>")
                                          : QStringLiteral("<value> without a <name>"));
        QString text;
        if (!allowOnly(name, {}) || !readText(name, text))
            return false;
        if (name == u"name") {
            pendingName = text;
        } else {
            event.values.append({*pendingName, text});
            pendingName.reset();
        }
    }
    if (pendingName)
        return refuse(ErrorReason::MissingContent, element,
                      QStringLiteral("<name>%1</name> has no <value>").arg(*pendingName));
    return true;
}

bool Grammar::optionalBoolean(const QString &element, QStringView name, std::optional<bool> &value)
{
    if (!has(name))
        return true;
    const auto parsed = parseBoolean(attribute(name));
    if (!parsed)
        return refuseValue(element, name, parsed.error().detail);
    value = *parsed;
    return true;
}

bool Grammar::optionalCount(const QString &element, QStringView name, std::optional<int> &value)
{
    if (!has(name))
        return true;
    const auto parsed = parseCount(attribute(name));
    if (!parsed)
        return refuseValue(element, name, parsed.error().detail);
    value = *parsed;
    return true;
}

bool Grammar::optionalDuration(const QString &element, QStringView name,
                               std::optional<std::chrono::milliseconds> &value)
{
    if (!has(name))
        return true;
    const auto parsed = parseDuration(attribute(name));
    if (!parsed)
        return refuseValue(element, name, parsed.error().detail);
    value = *parsed;
    return true;
}

bool Grammar::optionalMomlId(const QString &element, QStringView name, QString &value)
{
    if (!has(name))
        return true;
    value = attribute(name);
    if (!isMomlId(value))
        return refuseValue(
            element, name,
            QStringLiteral("\"%1\" is not an identifier ([a-zA-Z0-9][a-zA-Z0-9._-]*)").arg(value));
    return true;
}

bool Grammar::optionalInstanceId(const QString &element, QStringView name, QString &value)
{
    if (!has(name))
        return true;
    value = attribute(name);
    if (!isInstanceId(value))
        return refuseValue(
            element, name,
            QStringLiteral("\"%1\" is not an instance name ([a-zA-Z0-9.:_-]+)").arg(value));
    return true;
}

bool Grammar::destination(const QString &element, TransferDest &dest)
{
    QString text;
    if (!required(element, u"dest", text))
        return false;
    auto parsed = TransferDest::parse(text);
    if (!parsed)
        return refuseValue(element, u"dest", parsed.error().detail);
    dest = std::move(*parsed);
    return true;
}

} // namespace herald::msml::detail
