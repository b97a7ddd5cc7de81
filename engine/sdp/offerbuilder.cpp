// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sdp/offerbuilder.h"

#include "engine/sdp/accepttypes.h"
#include "engine/sdp/sdpgrammar.h"

namespace herald::sdp {

namespace {

using namespace grammar;

tl::unexpected<Error> invalid(const QString &what)
{
    return fail(ErrorCode::InvalidArgument, QStringLiteral("offer: ") + what);
}

Result<void> checkTypes(const OfferOptions &o)
{
    if (o.acceptTypes.isEmpty())
        return invalid(QStringLiteral("no accept-types"));
    for (const QList<QByteArray> *list : {&o.acceptTypes, &o.acceptWrappedTypes}) {
        for (const QByteArray &entry : *list) {
            if (!accepttypes::isValidEntry(entry))
                return invalid(QStringLiteral("%1 is not a media type entry").arg(excerpt(entry)));
        }
    }
    return {};
}

SessionDescription sessionFor(const OfferOptions &o)
{
    SessionDescription sdp;
    const Connection c = Connection::forAddress(o.address);
    sdp.origin =
        Origin{o.originUsername, o.sessionId, o.sessionVersion, c.netType, c.addrType, c.address};
    sdp.sessionName = o.sessionName;
    sdp.connection = c;
    sdp.timings = {Timing{}};
    return sdp;
}

// The built text must be something Herald itself would accept, and read back unchanged.
Result<SessionDescription> checked(SessionDescription sdp)
{
    auto bytes = sdp.toCheckedBytes();
    if (!bytes)
        return tl::unexpected(bytes.error());
    auto view = MsrpMedia::fromMedia(sdp.media.first(), &sdp);
    if (!view)
        return invalid(view.error().detail);
    return sdp;
}

} // namespace

Result<SessionDescription> buildOffer(const OfferOptions &o)
{
    if (auto ok = checkTypes(o); !ok)
        return tl::unexpected(ok.error());
    if (o.path.isEmpty())
        return invalid(QStringLiteral("no path"));
    if (o.path.size() > MsrpMedia::maxPathUris)
        return invalid(QStringLiteral("more than %1 path URIs").arg(MsrpMedia::maxPathUris));
    for (const QByteArray &uri : o.path) {
        if (!isNonWsString(uri) || uri.size() > MsrpMedia::maxUriLength || !isValidUtf8(uri))
            return invalid(
                QStringLiteral("path URI %1 is not a non-space string").arg(excerpt(uri)));
    }
    // RFC 6135 §4.2.1/§4.2.2: never passive in an offer, never holdconn at all.
    if (o.setup != Setup::ActPass && o.setup != Setup::Active)
        return invalid(QStringLiteral("a=setup must be actpass or active in an offer"));

    MsrpMedia view;
    view.transport = o.transport;
    // RFC 6135 §4.2.2: the port of an active end "should be 9".
    view.port = o.setup == Setup::Active ? quint16(9) : o.port;
    if (view.port == 0)
        return invalid(QStringLiteral("port 0"));
    view.path = o.path;
    view.acceptTypes = o.acceptTypes;
    view.acceptWrappedTypes = o.acceptWrappedTypes;
    view.maxSize = o.maxSize;
    view.setup = o.setup;
    view.direction = o.direction;
    view.otherAttributes = o.extraAttributes;

    std::optional<QByteArray> title;
    if (o.file) {
        const FileOffer &f = *o.file;
        const FileSelector &s = f.selector;
        // §8.2.1: a sender names at least type, size or hash; §8.2.2: a receiver any selector.
        if (f.weSend ? (!s.type && !s.size && s.hashes.isEmpty()) : s.isEmpty())
            return invalid(
                QStringLiteral("the file-selector does not describe the file (RFC 5547 §8.2)"));
        if (!isToken(f.transferId))
            return invalid(QStringLiteral("file-transfer-id must be a token"));
        if (f.disposition && !isToken(*f.disposition))
            return invalid(QStringLiteral("file-disposition must be a token"));
        if (f.icon && (!f.icon->startsWith("cid:") || !isNonWsString(*f.icon)))
            return invalid(QStringLiteral("file-icon must be a cid: URL"));
        // The selector must survive its own parser (a name with a quote, a bad type...).
        if (auto reparsed = FileSelector::parse(s.toBytes()); !reparsed || *reparsed != s)
            return invalid(QStringLiteral("the file-selector does not read back as written"));
        if (f.date) {
            if (auto reparsed = FileDate::parse(f.date->toBytes());
                !reparsed || *reparsed != *f.date)
                return invalid(QStringLiteral("the file-date does not read back as written"));
        }
        view.direction = f.weSend ? Direction::SendOnly : Direction::RecvOnly;
        view.fileSelector = s;
        view.fileTransferId = f.transferId;
        // §8.2.2: a receiver RECOMMENDED not to add the other file attributes.
        if (f.weSend) {
            view.fileDisposition = f.disposition;
            view.fileDate = f.date;
            view.fileIcon = f.icon;
        }
        view.fileRange = f.range;
        title = f.title;
    }

    SessionDescription sdp = sessionFor(o);
    MediaDescription m = view.toMedia();
    m.information = title;
    sdp.media.append(std::move(m));
    return checked(std::move(sdp));
}

Result<SessionDescription> buildCapabilities(const OfferOptions &o)
{
    if (auto ok = checkTypes(o); !ok)
        return tl::unexpected(ok.error());
    MsrpMedia view;
    view.transport = o.transport;
    view.port = 0; // RFC 3264 §9: a capability description, not a stream
    view.acceptTypes = o.acceptTypes;
    view.acceptWrappedTypes = o.acceptWrappedTypes;
    view.maxSize = o.maxSize;
    view.fileSelector = FileSelector{}; // RFC 5547 §8.5: empty, no other file attribute
    SessionDescription sdp = sessionFor(o);
    sdp.media.append(view.toMedia());
    return checked(std::move(sdp));
}

} // namespace herald::sdp
