// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/im/iscomposing.h"

#include "engine/core/xmlcursor.h"

#include <QXmlStreamWriter>

namespace herald::im {

namespace {

constexpr QStringView ns = u"urn:ietf:params:xml:ns:im-iscomposing";

// RFC 3994 §3.4 wants a media type, yet its own example (§7) sends the top-level type alone
// ("audio"); both are read.
bool isMediaType(const QString &text)
{
    const qsizetype slash = text.indexOf(u'/');
    if (text.isEmpty() || slash == 0 || slash == text.size() - 1 || text.size() > 128 ||
        text.count(u'/') > 1)
        return false;
    for (QChar c : text) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return false;
    }
    return true;
}

} // namespace

Decoded<IsComposing> parseIsComposing(QByteArrayView bytes)
{
    XmlCursor c(bytes, {4 * 1024, 8});
    IsComposing out;
    // RFC 3994 §6: the schema's sequence, each at most once.
    enum Step { BeforeState, AfterState, AfterLastActive, AfterContentType, AfterRefresh };
    Step step = BeforeState;
    if (c.enterRoot(ns, u"isComposing")) {
        while (c.nextChild()) {
            if (c.namespaceUri() != ns) {
                c.skip();
                continue;
            }
            const QString name = c.name().toString();
            const QString text = c.readText(128);
            if (c.failed())
                break;
            if (name == u"state" && step == BeforeState) {
                if (text == u"active")
                    out.state = IsComposing::State::Active;
                else if (text != u"idle")
                    c.fail(ErrorCode::Malformed,
                           QStringLiteral("state \"%1\" is neither idle nor active").arg(text));
                step = AfterState;
            } else if (name == u"lastactive" && step == AfterState) {
                out.lastActive = QDateTime::fromString(text, Qt::ISODateWithMs);
                if (!out.lastActive.isValid())
                    c.fail(ErrorCode::Malformed, QStringLiteral("lastactive is not a date-time"));
                step = AfterLastActive;
            } else if (name == u"contenttype" && step >= AfterState && step < AfterContentType) {
                if (!isMediaType(text))
                    c.fail(ErrorCode::Malformed, QStringLiteral("contenttype is not a media type"));
                out.contentType = text.toLatin1();
                step = AfterContentType;
            } else if (name == u"refresh" && step >= AfterState && step < AfterRefresh) {
                bool ok = false;
                const int seconds = text.toInt(&ok);
                if (!ok || seconds <= 0 || seconds > 24 * 3600)
                    c.fail(ErrorCode::Malformed,
                           QStringLiteral("refresh is not a positive number of seconds"));
                out.refreshSeconds = seconds;
                step = AfterRefresh;
            } else {
                c.fail(ErrorCode::Malformed,
                       QStringLiteral("<%1> out of place in isComposing").arg(name));
            }
        }
        if (!c.failed() && step == BeforeState)
            c.fail(ErrorCode::Malformed, QStringLiteral("isComposing without <state>"));
    }
    if (!c.finish())
        return Decoded<IsComposing>::unreadable(bytes.toByteArray(), c.error());
    return Decoded<IsComposing>::readable(out, bytes.toByteArray());
}

QByteArray serializeIsComposing(const IsComposing &status)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.writeStartDocument();
    w.writeDefaultNamespace(ns.toString());
    w.writeStartElement(ns.toString(), QStringLiteral("isComposing"));
    w.writeTextElement(ns.toString(), QStringLiteral("state"),
                       status.isActive() ? QStringLiteral("active") : QStringLiteral("idle"));
    if (status.lastActive.isValid())
        w.writeTextElement(ns.toString(), QStringLiteral("lastactive"),
                           status.lastActive.toString(Qt::ISODateWithMs));
    if (!status.contentType.isEmpty())
        w.writeTextElement(ns.toString(), QStringLiteral("contenttype"),
                           QString::fromLatin1(status.contentType));
    if (status.refreshSeconds)
        w.writeTextElement(ns.toString(), QStringLiteral("refresh"),
                           QString::number(*status.refreshSeconds));
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

} // namespace herald::im
