// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/im/imdn.h"

#include "engine/core/xmlcursor.h"

#include <QXmlStreamWriter>

namespace herald::im {

namespace {

constexpr QStringView ns = u"urn:ietf:params:xml:ns:imdn";

using Kind = ImdnNotification::Kind;
using Status = ImdnNotification::Status;

struct StatusName
{
    QStringView name;
    Status status;
};
constexpr StatusName statusNames[] = {
    {u"delivered", Status::Delivered}, {u"failed", Status::Failed},
    {u"displayed", Status::Displayed}, {u"processed", Status::Processed},
    {u"stored", Status::Stored},       {u"forbidden", Status::Forbidden},
    {u"error", Status::Error},
};

// RFC 5438 §10: which status each notification kind may carry.
bool allowed(Kind kind, Status status)
{
    if (status == Status::Forbidden || status == Status::Error)
        return true;
    switch (kind) {
    case Kind::Delivery:
        return status == Status::Delivered || status == Status::Failed;
    case Kind::Display:
        return status == Status::Displayed;
    case Kind::Processing:
        return status == Status::Processed || status == Status::Stored;
    }
    return false;
}

QString kindElement(Kind kind)
{
    switch (kind) {
    case Kind::Delivery:
        return QStringLiteral("delivery-notification");
    case Kind::Display:
        return QStringLiteral("display-notification");
    case Kind::Processing:
        return QStringLiteral("processing-notification");
    }
    return QString();
}

void readNotification(XmlCursor &c, Kind kind, ImdnNotification &out)
{
    out.kind = kind;
    bool sawStatus = false;
    while (c.nextChild()) {
        if (!c.is(ns, u"status") || sawStatus) {
            c.fail(ErrorCode::Malformed,
                   QStringLiteral("<%1> out of place in a notification").arg(c.name()));
            return;
        }
        sawStatus = true;
        bool sawValue = false;
        while (c.nextChild()) {
            if (c.namespaceUri() != ns) {
                c.skip(); // RFC 5438 §10: <any namespace="##other"/> in status
                continue;
            }
            const StatusName *found = nullptr;
            for (const StatusName &s : statusNames) {
                if (c.name() == s.name)
                    found = &s;
            }
            if (!found || sawValue || !allowed(kind, found->status)) {
                c.fail(ErrorCode::Malformed, QStringLiteral("status <%1> not allowed in <%2>")
                                                 .arg(c.name(), kindElement(kind)));
                return;
            }
            sawValue = true;
            out.status = found->status;
            c.readText(0); // empty element
        }
        if (!c.failed() && !sawValue)
            c.fail(ErrorCode::Malformed, QStringLiteral("empty <status>"));
    }
    if (!c.failed() && !sawStatus)
        c.fail(ErrorCode::Malformed, QStringLiteral("notification without <status>"));
}

} // namespace

QString imdnStatusName(Status status)
{
    for (const StatusName &s : statusNames) {
        if (s.status == status)
            return s.name.toString();
    }
    return QString();
}

Decoded<ImdnNotification> parseImdn(QByteArrayView bytes)
{
    XmlCursor c(bytes, {8 * 1024, 8});
    ImdnNotification out;
    bool sawId = false, sawDate = false, sawKind = false;
    if (c.enterRoot(ns, u"imdn")) {
        while (c.nextChild()) {
            if (c.namespaceUri() != ns) {
                c.skip();
                continue;
            }
            const QString name = c.name().toString();
            std::optional<Kind> kind;
            if (name == u"delivery-notification")
                kind = Kind::Delivery;
            else if (name == u"display-notification")
                kind = Kind::Display;
            else if (name == u"processing-notification")
                kind = Kind::Processing;
            if (kind) {
                if (sawKind) {
                    c.fail(ErrorCode::Malformed, QStringLiteral("two notifications in one IMDN"));
                    break;
                }
                sawKind = true;
                readNotification(c, *kind, out);
                continue;
            }
            const QString text = c.readText(1024);
            if (c.failed())
                break;
            if (name == u"message-id" && !sawId) {
                sawId = true;
                out.messageId = text.toUtf8();
            } else if (name == u"datetime" && !sawDate) {
                sawDate = true;
                out.dateTime = QDateTime::fromString(text, Qt::ISODateWithMs);
                if (!out.dateTime.isValid())
                    c.fail(ErrorCode::Malformed, QStringLiteral("datetime is not RFC 3339"));
            } else if (name == u"recipient-uri" && out.recipientUri.isEmpty()) {
                out.recipientUri = text.toUtf8();
            } else if (name == u"original-recipient-uri" && out.originalRecipientUri.isEmpty()) {
                out.originalRecipientUri = text.toUtf8();
            } else if (name == u"subject" && out.subject.isEmpty()) {
                out.subject = text;
            } else {
                c.fail(ErrorCode::Malformed,
                       QStringLiteral("<%1> unknown or repeated in IMDN").arg(name));
            }
        }
        if (!c.failed() && (!sawId || out.messageId.isEmpty() || !sawDate || !sawKind))
            c.fail(ErrorCode::Malformed,
                   QStringLiteral("IMDN needs message-id, datetime and one notification"));
    }
    if (!c.finish())
        return Decoded<ImdnNotification>::unreadable(bytes.toByteArray(), c.error());
    return Decoded<ImdnNotification>::readable(out, bytes.toByteArray());
}

QByteArray serializeImdn(const ImdnNotification &n)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    const QString nsText = ns.toString();
    w.writeStartDocument();
    w.writeDefaultNamespace(nsText);
    w.writeStartElement(nsText, QStringLiteral("imdn"));
    w.writeTextElement(nsText, QStringLiteral("message-id"), QString::fromUtf8(n.messageId));
    w.writeTextElement(nsText, QStringLiteral("datetime"), n.dateTime.toString(Qt::ISODateWithMs));
    if (!n.recipientUri.isEmpty())
        w.writeTextElement(nsText, QStringLiteral("recipient-uri"),
                           QString::fromUtf8(n.recipientUri));
    if (!n.originalRecipientUri.isEmpty())
        w.writeTextElement(nsText, QStringLiteral("original-recipient-uri"),
                           QString::fromUtf8(n.originalRecipientUri));
    if (!n.subject.isEmpty())
        w.writeTextElement(nsText, QStringLiteral("subject"), n.subject);
    w.writeStartElement(nsText, kindElement(n.kind));
    w.writeStartElement(nsText, QStringLiteral("status"));
    w.writeEmptyElement(nsText, imdnStatusName(n.status));
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

DispositionRequest dispositionRequest(const CpimMessage &message)
{
    DispositionRequest r;
    for (const QByteArray &v :
         message.extension(imdnNamespaceUri, "Disposition-Notification").split(',')) {
        const QByteArray value = v.trimmed().toLower();
        r.positiveDelivery = r.positiveDelivery || value == "positive-delivery";
        r.negativeDelivery = r.negativeDelivery || value == "negative-delivery";
        r.display = r.display || value == "display";
        r.processing = r.processing || value == "processing";
    }
    return r;
}

QByteArray imdnMessageId(const CpimMessage &message)
{
    return message.extension(imdnNamespaceUri, "Message-ID");
}

void requestDisposition(CpimMessage &message, QByteArrayView messageId,
                        const DispositionRequest &request)
{
    message.setExtension("imdn", imdnNamespaceUri, "Message-ID", messageId);
    QList<QByteArray> values;
    if (request.positiveDelivery)
        values << "positive-delivery";
    if (request.negativeDelivery)
        values << "negative-delivery";
    if (request.display)
        values << "display";
    if (request.processing)
        values << "processing";
    if (!values.isEmpty())
        message.setExtension("imdn", imdnNamespaceUri, "Disposition-Notification",
                             values.join(", "));
}

CpimMessage notificationMessage(const CpimAddress &from, const CpimAddress &to,
                                const ImdnNotification &notification, QByteArrayView newMessageId,
                                const QDateTime &now)
{
    CpimMessage m;
    m.from = from;
    m.to = {to};
    m.dateTime = now;
    m.setExtension("imdn", imdnNamespaceUri, "Message-ID", newMessageId);
    m.contentType = imdnMediaType.toByteArray();
    m.contentHeaders = {{"Content-Disposition", "notification"}};
    m.body = serializeImdn(notification);
    return m;
}

} // namespace herald::im
