// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/msmlwriter.h"

#include <QXmlStreamWriter>

namespace herald::msml {

namespace {

// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
QString sanitized(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out += c;
            out += text[++i];
        } else if (u == 0x9 || u == 0xA || u == 0xD || (u >= 0x20 && u < 0xD800) ||
                   (u >= 0xE000 && u <= 0xFFFD)) {
            out += c;
        } else {
            out += QChar(QChar::ReplacementCharacter);
        }
    }
    return out;
}

class DocumentWriter
{
public:
    explicit DocumentWriter(QByteArray &out)
        : m_xml(&out)
    {
        m_xml.setAutoFormatting(true);
        m_xml.setAutoFormattingIndent(2);
    }

    void document(const Document &document)
    {
        m_xml.writeStartDocument();
        m_xml.writeStartElement(QStringLiteral("msml"));
        attribute(u"version",
                  document.version.isEmpty() ? QStringLiteral("1.1") : document.version);
        if (const Request *request = document.request()) {
            for (const Operation &operation : request->operations)
                std::visit([this](const auto &op) { write(op); }, operation);
        } else if (const ResultDocument *result = document.result()) {
            write(*result);
        } else if (const EventDocument *event = document.event()) {
            write(*event);
        }
        m_xml.writeEndElement();
        m_xml.writeEndDocument();
    }

private:
    void attribute(QStringView name, const QString &value)
    {
        m_xml.writeAttribute(name.toString(), sanitized(value));
    }
    void optionalAttribute(QStringView name, const QString &value)
    {
        if (!value.isEmpty())
            attribute(name, value);
    }
    void characters(const QString &text)
    {
        // QXmlStreamWriter leaves CR raw in text, where a reader would turn it into LF.
        const QStringList pieces = sanitized(text).split(u'\r');
        for (qsizetype i = 0; i < pieces.size(); ++i) {
            if (i > 0)
                m_xml.writeEntityReference(QStringLiteral("#13"));
            if (!pieces[i].isEmpty())
                m_xml.writeCharacters(pieces[i]);
        }
    }
    void textElement(QStringView name, const QString &text)
    {
        m_xml.writeStartElement(name.toString());
        characters(text);
        m_xml.writeEndElement();
    }

    void write(const DialogStart &dialog)
    {
        m_xml.writeStartElement(QStringLiteral("dialogstart"));
        attribute(u"target", dialog.target);
        optionalAttribute(u"name", dialog.name);
        optionalAttribute(u"type", dialog.type);
        optionalAttribute(u"src", dialog.src);
        optionalAttribute(u"mark", dialog.mark);
        if (dialog.transfer)
            write(*dialog.transfer);
        for (const DialogAction &action : dialog.actions)
            write(action);
        m_xml.writeEndElement();
    }

    void write(const DialogEnd &end)
    {
        m_xml.writeEmptyElement(QStringLiteral("dialogend"));
        attribute(u"id", end.id);
        optionalAttribute(u"mark", end.mark);
    }

    void write(const CoreSend &send)
    {
        m_xml.writeEmptyElement(QStringLiteral("send"));
        attribute(u"event", send.event);
        attribute(u"target", send.target);
        optionalAttribute(u"valuelist", send.valuelist);
        optionalAttribute(u"mark", send.mark);
    }

    void write(const Transfer &transfer)
    {
        m_xml.writeStartElement(QStringLiteral("transfer"));
        optionalAttribute(u"id", transfer.id);
        optionalAttribute(u"initial", transfer.initial);
        if (transfer.iterate)
            attribute(u"iterate", transfer.iterate->toString());
        if (transfer.retry)
            attribute(u"retry", QString::number(*transfer.retry));
        if (transfer.maxtime)
            attribute(u"maxtime", formatDuration(*transfer.maxtime));
        for (const TransferObject &object : transfer.objects)
            std::visit([this](const auto &o) { write(o); }, object);
        handler(u"transferstart", transfer.onStart);
        handler(u"transferobjstart", transfer.onObjectStart);
        handler(u"transferobjdone", transfer.onObjectDone);
        handler(u"transferexit", transfer.onExit);
        m_xml.writeEndElement();
    }

    void write(const FileObject &object)
    {
        m_xml.writeEmptyElement(QStringLiteral("fileobj"));
        optionalAttribute(u"objid", object.objid);
        attribute(u"src", object.src.uri);
        attribute(u"dest", object.dest.toString());
        optionalAttribute(u"contenttype", object.contentType);
        if (object.deleteSource)
            attribute(u"delete", formatBoolean(*object.deleteSource));
        if (object.overwrite)
            attribute(u"overwrite", formatBoolean(*object.overwrite));
        if (object.append)
            attribute(u"append", formatBoolean(*object.append));
        if (object.retry)
            attribute(u"retry", QString::number(*object.retry));
        if (object.wait)
            attribute(u"wait", formatDuration(*object.wait));
    }

    void write(const MessageObject &object)
    {
        m_xml.writeStartElement(QStringLiteral("messageobj"));
        optionalAttribute(u"objid", object.objid);
        attribute(u"dest", object.dest.toString());
        if (object.retry)
            attribute(u"retry", QString::number(*object.retry));
        if (object.wait)
            attribute(u"wait", formatDuration(*object.wait));
        m_xml.writeStartElement(QStringLiteral("content"));
        optionalAttribute(u"contenttype", object.contentType);
        characters(object.content);
        m_xml.writeEndElement();
        m_xml.writeEndElement();
    }

    void handler(QStringView name, const std::optional<ShadowHandler> &handler)
    {
        if (!handler)
            return;
        if (handler->actions.isEmpty()) {
            m_xml.writeEmptyElement(name.toString());
            return;
        }
        m_xml.writeStartElement(name.toString());
        for (const DialogAction &action : handler->actions)
            write(action);
        m_xml.writeEndElement();
    }

    void write(const DialogAction &action)
    {
        switch (action.kind) {
        case DialogAction::Kind::Send:
            m_xml.writeEmptyElement(QStringLiteral("send"));
            attribute(u"event", action.event);
            attribute(u"target", action.target);
            break;
        case DialogAction::Kind::Exit:
            m_xml.writeEmptyElement(QStringLiteral("exit"));
            break;
        case DialogAction::Kind::Disconnect:
            m_xml.writeEmptyElement(QStringLiteral("disconnect"));
            break;
        }
        optionalAttribute(u"namelist", action.namelist.join(u' '));
    }

    void write(const ResultDocument &result)
    {
        const bool children = !result.description.isEmpty() || !result.dialogIds.isEmpty() ||
                              !result.confIds.isEmpty();
        if (children)
            m_xml.writeStartElement(QStringLiteral("result"));
        else
            m_xml.writeEmptyElement(QStringLiteral("result"));
        attribute(u"response", QString::number(result.response));
        optionalAttribute(u"mark", result.mark);
        if (!children)
            return;
        if (!result.description.isEmpty())
            textElement(u"description", result.description);
        for (const QString &id : result.confIds)
            textElement(u"confid", id);
        for (const QString &id : result.dialogIds)
            textElement(u"dialogid", id);
        m_xml.writeEndElement();
    }

    void write(const EventDocument &event)
    {
        if (event.values.isEmpty())
            m_xml.writeEmptyElement(QStringLiteral("event"));
        else
            m_xml.writeStartElement(QStringLiteral("event"));
        attribute(u"name", event.name);
        attribute(u"id", event.id);
        if (event.values.isEmpty())
            return;
        for (const auto &[name, value] : event.values) {
            textElement(u"name", name);
            textElement(u"value", value);
        }
        m_xml.writeEndElement();
    }

    QXmlStreamWriter m_xml;
};

} // namespace

namespace Writer {

QByteArray write(const Document &document)
{
    QByteArray out;
    DocumentWriter(out).document(document);
    return out;
}

QByteArray writeResult(const ResultDocument &result)
{
    return write(Document{QStringLiteral("1.1"), result});
}

QByteArray writeEvent(const EventDocument &event)
{
    return write(Document{QStringLiteral("1.1"), event});
}

} // namespace Writer

} // namespace herald::msml
