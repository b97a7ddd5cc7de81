// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sdp/msrpmedia.h"

#include "engine/sdp/accepttypes.h"
#include "engine/sdp/sdpgrammar.h"

namespace herald::sdp {

namespace {

using namespace grammar;

tl::unexpected<Error> bad(QByteArrayView attribute, const QString &what)
{
    return fail(ErrorCode::Malformed,
                QStringLiteral("a=%1: %2").arg(QString::fromUtf8(attribute), what));
}

// The direction attribute among a list, if exactly zero or one is present.
Result<std::optional<Direction>> findDirection(const QList<Attribute> &attributes)
{
    std::optional<Direction> found;
    for (const Attribute &a : attributes) {
        const auto d = directionFromName(a.name);
        if (!d)
            continue;
        if (a.value)
            return bad(a.name, QStringLiteral("takes no value"));
        if (found)
            return fail(ErrorCode::Malformed, QStringLiteral("more than one direction attribute"));
        found = d;
    }
    return found;
}

Result<Setup> parseSetup(const Attribute &a)
{
    const auto s = a.value ? setupFromName(*a.value) : std::nullopt;
    if (!s)
        return bad(a.name, QStringLiteral("must be active, passive, actpass or holdconn"));
    return *s;
}

Result<QByteArray> singleToken(const Attribute &a)
{
    if (!a.value || !isToken(*a.value))
        return bad(a.name, QStringLiteral("value must be a token"));
    return *a.value;
}

} // namespace

QByteArray protocolName(MsrpTransport transport)
{
    return transport == MsrpTransport::Tls ? QByteArrayLiteral("TCP/TLS/MSRP")
                                           : QByteArrayLiteral("TCP/MSRP");
}

QByteArray setupName(Setup setup)
{
    switch (setup) {
    case Setup::Active:
        return QByteArrayLiteral("active");
    case Setup::Passive:
        return QByteArrayLiteral("passive");
    case Setup::ActPass:
        return QByteArrayLiteral("actpass");
    case Setup::HoldConn:
        return QByteArrayLiteral("holdconn");
    }
    return {};
}

QByteArray connectionAttributeName(ConnectionAttribute connection)
{
    return connection == ConnectionAttribute::New ? QByteArrayLiteral("new")
                                                  : QByteArrayLiteral("existing");
}

QByteArray directionName(Direction direction)
{
    switch (direction) {
    case Direction::SendRecv:
        return QByteArrayLiteral("sendrecv");
    case Direction::SendOnly:
        return QByteArrayLiteral("sendonly");
    case Direction::RecvOnly:
        return QByteArrayLiteral("recvonly");
    case Direction::Inactive:
        return QByteArrayLiteral("inactive");
    }
    return {};
}

std::optional<MsrpTransport> transportForProtocol(QByteArrayView protocol)
{
    if (equalsIgnoreCase(protocol, "TCP/MSRP"))
        return MsrpTransport::Tcp;
    if (equalsIgnoreCase(protocol, "TCP/TLS/MSRP"))
        return MsrpTransport::Tls;
    return std::nullopt;
}

std::optional<Setup> setupFromName(QByteArrayView name)
{
    for (Setup s : {Setup::Active, Setup::Passive, Setup::ActPass, Setup::HoldConn}) {
        if (equalsIgnoreCase(name, setupName(s)))
            return s;
    }
    return std::nullopt;
}

std::optional<Direction> directionFromName(QByteArrayView name)
{
    for (Direction d :
         {Direction::SendRecv, Direction::SendOnly, Direction::RecvOnly, Direction::Inactive}) {
        if (equalsIgnoreCase(name, directionName(d)))
            return d;
    }
    return std::nullopt;
}

bool canSend(Direction direction)
{
    return direction == Direction::SendRecv || direction == Direction::SendOnly;
}

bool canReceive(Direction direction)
{
    return direction == Direction::SendRecv || direction == Direction::RecvOnly;
}

Direction directionFrom(bool send, bool receive)
{
    if (send && receive)
        return Direction::SendRecv;
    if (send)
        return Direction::SendOnly;
    if (receive)
        return Direction::RecvOnly;
    return Direction::Inactive;
}

Direction mirrored(Direction direction)
{
    return directionFrom(canReceive(direction), canSend(direction));
}

bool MsrpMedia::isKnownAttribute(QByteArrayView name)
{
    static const QByteArrayView known[] = {
        "path",       "accept-types",  "accept-wrapped-types", "max-size",         "setup",
        "connection", "file-selector", "file-transfer-id",     "file-disposition", "file-date",
        "file-icon",  "file-range"};
    for (QByteArrayView k : known) {
        if (equalsIgnoreCase(name, k))
            return true;
    }
    return directionFromName(name).has_value();
}

bool MsrpMedia::isMsrp(const MediaDescription &media)
{
    return media.media == "message" && transportForProtocol(media.protocol).has_value();
}

Result<MsrpMedia> MsrpMedia::fromMedia(const MediaDescription &m, const SessionDescription *session)
{
    if (m.media != "message")
        return fail(ErrorCode::Unsupported,
                    QStringLiteral("m=%1 is not an MSRP stream").arg(QString::fromUtf8(m.media)));
    const auto transport = transportForProtocol(m.protocol);
    if (!transport) {
        return fail(ErrorCode::Unsupported,
                    QStringLiteral("m=message protocol %1 is not TCP/MSRP or TCP/TLS/MSRP")
                        .arg(excerpt(m.protocol)));
    }
    if (m.portCount)
        return fail(ErrorCode::Malformed,
                    QStringLiteral("m=message must not carry a number of ports"));

    MsrpMedia v;
    v.transport = *transport;
    v.port = m.port;
    QList<QByteArray> seen;
    for (const Attribute &a : m.attributes) {
        const QByteArray name = a.name.toLower();
        if (directionFromName(name))
            continue; // read by findDirection()
        if (!isKnownAttribute(name)) {
            v.otherAttributes.append(a);
            continue;
        }
        if (seen.contains(name))
            return bad(a.name, QStringLiteral("appears more than once"));
        seen.append(name);
        if (name != "file-selector" && !a.value)
            return bad(a.name, QStringLiteral("needs a value"));

        if (name == "path") {
            // RFC 4975 §8.2: path-list = MSRP-URI *(SP MSRP-URI); the URIs are checked by the
            // MSRP URI parser in the service layer, here only their count and length.
            const auto uris = splitOnSpaces(*a.value);
            if (uris.isEmpty())
                return bad(a.name, QStringLiteral("no URI"));
            if (uris.size() > maxPathUris)
                return fail(ErrorCode::LimitExceeded,
                            QStringLiteral("a=path: more than %1 URIs").arg(maxPathUris));
            for (QByteArrayView uri : uris) {
                if (uri.size() > maxUriLength)
                    return fail(
                        ErrorCode::LimitExceeded,
                        QStringLiteral("a=path: a URI is longer than %1 bytes").arg(maxUriLength));
                v.path.append(uri.toByteArray());
            }
        } else if (name == "accept-types" || name == "accept-wrapped-types") {
            auto list = accepttypes::parseList(*a.value);
            if (!list)
                return tl::unexpected(Error{
                    list.error().code, QStringLiteral("a=%1: %2")
                                           .arg(QString::fromUtf8(a.name), list.error().detail)});
            (name == "accept-types" ? v.acceptTypes : v.acceptWrappedTypes) = std::move(*list);
        } else if (name == "max-size") {
            const auto size = parseUnsigned(*a.value);
            if (!size)
                return bad(a.name,
                           QStringLiteral("%1 is not a 64-bit number").arg(excerpt(*a.value)));
            v.maxSize = size;
        } else if (name == "setup") {
            auto s = parseSetup(a);
            if (!s)
                return tl::unexpected(s.error());
            v.setup = *s;
        } else if (name == "connection") {
            if (equalsIgnoreCase(*a.value, "new"))
                v.connection = ConnectionAttribute::New;
            else if (equalsIgnoreCase(*a.value, "existing"))
                v.connection = ConnectionAttribute::Existing;
            else
                return bad(a.name, QStringLiteral("must be new or existing"));
        } else if (name == "file-selector") {
            if (!a.value) {
                v.fileSelector = FileSelector{}; // capability indication (RFC 5547 §8.5)
            } else {
                auto fs = FileSelector::parse(*a.value);
                if (!fs)
                    return tl::unexpected(fs.error());
                v.fileSelector = std::move(*fs);
            }
        } else if (name == "file-transfer-id" || name == "file-disposition") {
            auto t = singleToken(a);
            if (!t)
                return tl::unexpected(t.error());
            (name == "file-transfer-id" ? v.fileTransferId : v.fileDisposition) = std::move(*t);
        } else if (name == "file-date") {
            auto fd = FileDate::parse(*a.value);
            if (!fd)
                return tl::unexpected(fd.error());
            v.fileDate = std::move(*fd);
        } else if (name == "file-icon") {
            // RFC 5547 §6: file-icon-value = cid-url (RFC 2392: "cid:" content-id)
            if (a.value->size() < 5 || !equalsIgnoreCase(a.value->first(4), "cid:") ||
                !isNonWsString(*a.value))
                return bad(a.name, QStringLiteral("must be a cid: URL"));
            v.fileIcon = *a.value;
        } else if (name == "file-range") {
            auto range = FileRange::parse(*a.value);
            if (!range)
                return tl::unexpected(range.error());
            v.fileRange = *range;
        }
    }

    auto direction = findDirection(m.attributes);
    if (!direction)
        return tl::unexpected(direction.error());
    if (!*direction && session) {
        direction = findDirection(session->attributes);
        if (!direction)
            return tl::unexpected(direction.error());
    }
    v.direction = direction->value_or(Direction::SendRecv);

    if (!v.setup && session) {
        if (countAttributes(session->attributes, "setup") > 1)
            return fail(ErrorCode::Malformed,
                        QStringLiteral("a=setup appears more than once at session level"));
        if (const Attribute *a = session->attribute("setup")) {
            auto s = parseSetup(*a);
            if (!s)
                return tl::unexpected(s.error());
            v.setup = *s;
        }
    }

    if (v.port != 0) {
        if (v.path.isEmpty())
            return fail(ErrorCode::Malformed,
                        QStringLiteral("MSRP stream without a=path (RFC 4975 §8.2)"));
        if (v.acceptTypes.isEmpty())
            return fail(ErrorCode::Malformed,
                        QStringLiteral("MSRP stream without a=accept-types (RFC 4975 §8.6)"));
    }
    return v;
}

MediaDescription MsrpMedia::toMedia() const
{
    MediaDescription m;
    m.media = QByteArrayLiteral("message");
    m.port = port;
    m.protocol = protocolName(transport);
    m.formats = {QByteArrayLiteral("*")}; // RFC 4975 §8.1
    auto add = [&m](const char *name, std::optional<QByteArray> value) {
        m.attributes.append(Attribute{QByteArray(name), std::move(value)});
    };
    if (direction != Direction::SendRecv)
        add(directionName(direction).constData(), std::nullopt);
    if (!acceptTypes.isEmpty())
        add("accept-types", accepttypes::joinList(acceptTypes));
    if (!acceptWrappedTypes.isEmpty())
        add("accept-wrapped-types", accepttypes::joinList(acceptWrappedTypes));
    if (maxSize)
        add("max-size", QByteArray::number(*maxSize));
    if (!path.isEmpty())
        add("path", path.join(' '));
    if (setup)
        add("setup", setupName(*setup));
    if (connection)
        add("connection", connectionAttributeName(*connection));
    if (fileSelector) {
        if (fileSelector->isEmpty())
            add("file-selector", std::nullopt);
        else
            add("file-selector", fileSelector->toBytes());
    }
    if (fileTransferId)
        add("file-transfer-id", *fileTransferId);
    if (fileDisposition)
        add("file-disposition", *fileDisposition);
    if (fileDate && !fileDate->isEmpty())
        add("file-date", fileDate->toBytes());
    if (fileIcon)
        add("file-icon", *fileIcon);
    if (fileRange)
        add("file-range", fileRange->toBytes());
    m.attributes.append(otherAttributes);
    return m;
}

} // namespace herald::sdp
