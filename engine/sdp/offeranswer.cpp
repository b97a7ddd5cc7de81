// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sdp/offeranswer.h"

#include "engine/sdp/accepttypes.h"
#include "engine/sdp/sdpgrammar.h"

namespace herald::sdp {

namespace {

using namespace grammar;

tl::unexpected<Error> withContext(const Error &e, qsizetype index)
{
    return tl::unexpected(
        Error{e.code, QStringLiteral("media section %1: %2").arg(index + 1).arg(e.detail)});
}

Result<void> checkLocal(const LocalCapabilities &local)
{
    auto invalid = [](const QString &what) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("local capabilities: ") + what);
    };
    if (local.address.isEmpty())
        return invalid(QStringLiteral("no address"));
    if (local.path.isEmpty() && local.tlsPath.isEmpty())
        return invalid(QStringLiteral("no path"));
    if (local.tlsAllowed && local.tlsPath.isEmpty())
        return invalid(QStringLiteral("TLS allowed but no msrps path"));
    for (const QList<QByteArray> *p : {&local.path, &local.tlsPath}) {
        for (const QByteArray &uri : *p) {
            if (!isNonWsString(uri) || uri.size() > MsrpMedia::maxUriLength || !isValidUtf8(uri))
                return invalid(
                    QStringLiteral("path URI %1 is not a non-space string").arg(excerpt(uri)));
        }
    }
    if (local.acceptTypes.isEmpty())
        return invalid(QStringLiteral("no accept-types"));
    for (const QList<QByteArray> *list : {&local.acceptTypes, &local.acceptWrappedTypes}) {
        for (const QByteArray &entry : *list) {
            if (!accepttypes::isValidEntry(entry))
                return invalid(QStringLiteral("%1 is not a media type entry").arg(excerpt(entry)));
        }
    }
    if (local.setupOnActpass != Setup::Active && local.setupOnActpass != Setup::Passive)
        return invalid(QStringLiteral("the answer to actpass must be active or passive"));
    if (local.pullAnswer && local.pullAnswer->selector.isEmpty())
        return invalid(QStringLiteral("the pull answer has an empty file-selector"));
    for (const Attribute &a : local.extraAttributes) {
        if (MsrpMedia::isKnownAttribute(a.name))
            return invalid(QStringLiteral("extra attribute a=%1 is one the negotiation writes")
                               .arg(QString::fromUtf8(a.name)));
    }
    return {};
}

// RFC 3264 §6: a refused stream keeps its media, protocol and formats, with port 0. RFC 5547
// §8.3: a refused file transfer mirrors the offer's file-selector and file-transfer-id.
MediaDescription rejected(const MediaDescription &offered)
{
    MediaDescription m;
    m.media = offered.media;
    m.port = 0;
    m.protocol = offered.protocol;
    m.formats = offered.formats;
    if (offered.media == "message") {
        for (const char *name : {"file-selector", "file-transfer-id"}) {
            if (const Attribute *a = offered.attribute(name))
                m.attributes.append(*a);
        }
    }
    return m;
}

struct StreamAnswer
{
    MediaDescription media;
    NegotiatedMsrp negotiated;
};

Result<StreamAnswer> answerStream(const SessionDescription &offer, qsizetype index,
                                  const LocalCapabilities &local)
{
    const MediaDescription &m = offer.media[index];
    auto offered = MsrpMedia::fromMedia(m, &offer);
    if (!offered)
        return withContext(offered.error(), index);

    MsrpMedia answer;
    answer.transport = offered->transport;
    if (offered->transport == MsrpTransport::Tls) {
        if (!local.tlsAllowed)
            return fail(ErrorCode::Unsupported, QStringLiteral("MSRP over TLS is not allowed"));
        answer.path = local.tlsPath;
    } else {
        if (local.path.isEmpty())
            return fail(ErrorCode::Unsupported, QStringLiteral("MSRP over TLS is required"));
        answer.path = local.path;
    }

    // RFC 4975 §8.6: "If the recipient of an offer does not understand any of the payload
    // types indicated in the offered SDP, it SHOULD ... return a SIP 488 response".
    answer.acceptTypes = accepttypes::intersect(local.acceptTypes, offered->acceptTypes);
    if (answer.acceptTypes.isEmpty())
        return fail(ErrorCode::Unsupported, QStringLiteral("No common accept-types"));
    // accept-wrapped-types says what we can unwrap; it is ours to state, not a negotiation
    // (RFC 7701 §9.1 shows a focus listing its own).
    answer.acceptWrappedTypes = local.acceptWrappedTypes;
    answer.maxSize = local.maxSize;
    answer.otherAttributes = local.extraAttributes;

    // RFC 3264 §6.1: sendonly is answered recvonly (or inactive) and the reverse; narrowed by
    // what we are willing to do.
    const Direction wanted = mirrored(offered->direction);
    answer.direction = directionFrom(canSend(wanted) && canSend(local.direction),
                                     canReceive(wanted) && canReceive(local.direction));

    // RFC 6135 §4.2: active <-> passive, actpass is ours to choose. No a=setup is an RFC 4975
    // peer, and RFC 4975 §8.5 makes the offerer connect; RFC 6135 §4.2.1 has holdconn treated
    // as if absent. We always state our role explicitly (RFC 6135 §4.2.1 "MUST always").
    bool localActive = false;
    switch (offered->setup.value_or(Setup::HoldConn)) {
    case Setup::Active:
        localActive = false;
        break;
    case Setup::Passive:
        localActive = true;
        break;
    case Setup::ActPass:
        localActive = local.setupOnActpass == Setup::Active;
        break;
    case Setup::HoldConn:
        localActive = false;
        break;
    }
    answer.setup = localActive ? Setup::Active : Setup::Passive;
    // RFC 6135 §4.2.2 (after RFC 4145): the port of an active end "should be 9".
    answer.port = localActive ? quint16(9) : local.port;

    NegotiatedMsrp n;
    n.mediaIndex = index;
    n.transport = offered->transport;
    n.localIsActive = localActive;
    n.localPath = answer.path;
    n.remotePath = offered->path;
    n.localAcceptTypes = answer.acceptTypes;
    n.remoteAcceptTypes = offered->acceptTypes;
    n.remoteAcceptWrappedTypes = offered->acceptWrappedTypes;
    n.remoteMaxSize = offered->maxSize;

    std::optional<QByteArray> echoedSelector;
    if (offered->fileSelector) {
        // RFC 5547 §6: in an offer the attribute "MUST contain at least one selector".
        if (offered->fileSelector->isEmpty())
            return withContext(
                makeError(ErrorCode::Malformed,
                          QStringLiteral("a=file-selector without a selector in an offer")),
                index);
        if (!offered->fileTransferId)
            return withContext(
                makeError(ErrorCode::Malformed,
                          QStringLiteral(
                              "a file transfer offer without a=file-transfer-id (RFC 5547 §8.1)")),
                index);
        answer.fileTransferId = offered->fileTransferId; // §8.1: "MUST copy"
        answer.fileRange = offered->fileRange;           // §8.3.1/§8.3.2: the same range
        n.fileTransferId = offered->fileTransferId;
        n.fileRange = offered->fileRange;
        if (offered->direction == Direction::SendOnly) {
            // Push: we receive (RFC 5547 §8.3.1). The selector is copied as offered, and no
            // file-icon, file-disposition or file-date goes into the answer.
            if (!local.acceptFileTransfers)
                return fail(ErrorCode::Unsupported,
                            QStringLiteral("File transfers are not accepted"));
            if (!canReceive(answer.direction))
                return fail(ErrorCode::Unsupported,
                            QStringLiteral("Not willing to receive a file"));
            const auto size = offered->fileSelector->size;
            if (local.maxSize && size && *size > *local.maxSize)
                return fail(ErrorCode::Unsupported, QStringLiteral("File is larger than max-size"));
            answer.fileSelector = offered->fileSelector;
            echoedSelector = m.attribute("file-selector")->value;
            n.fileRole = FileRole::Receiver;
            n.fileSelector = offered->fileSelector;
            n.fileDisposition = offered->fileDisposition;
            n.fileDate = offered->fileDate;
        } else if (offered->direction == Direction::RecvOnly) {
            // Pull: we send the file the service layer found (RFC 5547 §8.3.2).
            if (!local.pullAnswer)
                return fail(ErrorCode::Unsupported,
                            QStringLiteral("No file matches the file-selector"));
            if (!canSend(answer.direction))
                return fail(ErrorCode::Unsupported, QStringLiteral("Not willing to send a file"));
            answer.fileSelector = local.pullAnswer->selector;
            answer.fileDisposition = local.pullAnswer->disposition;
            answer.fileIcon = local.pullAnswer->icon;
            n.fileRole = FileRole::Sender;
            n.fileSelector = local.pullAnswer->selector;
            n.fileDisposition = local.pullAnswer->disposition;
        } else {
            return withContext(
                makeError(ErrorCode::Malformed,
                          QStringLiteral(
                              "a file transfer offer must be sendonly or recvonly (RFC 5547 §8)")),
                index);
        }
    }
    n.localDirection = answer.direction;

    StreamAnswer out{answer.toMedia(), std::move(n)};
    if (echoedSelector) {
        for (Attribute &a : out.media.attributes) {
            if (a.name == "file-selector")
                a.value = echoedSelector;
        }
    }
    return out;
}

} // namespace

Result<Answer> answerOffer(const SessionDescription &offer, const LocalCapabilities &local)
{
    if (auto ok = checkLocal(local); !ok)
        return tl::unexpected(ok.error());

    Answer out;
    SessionDescription &sdp = out.sdp;
    const Connection c = Connection::forAddress(local.address);
    sdp.origin = Origin{local.originUsername, local.sessionId, local.sessionVersion, c.netType,
                        c.addrType,           c.address};
    sdp.sessionName = local.sessionName;
    sdp.connection = c;
    sdp.timings = {Timing{}};

    std::optional<Error> firstFailure;
    bool sawMessage = false;
    for (qsizetype i = 0; i < offer.media.size(); ++i) {
        const MediaDescription &m = offer.media[i];
        if (m.media != "message") {
            sdp.media.append(rejected(m));
            continue;
        }
        sawMessage = true;
        if (out.msrp || m.port == 0) {
            sdp.media.append(rejected(m));
            continue;
        }
        auto stream = answerStream(offer, i, local);
        if (!stream) {
            if (!firstFailure)
                firstFailure = stream.error();
            sdp.media.append(rejected(m));
            continue;
        }
        sdp.media.append(std::move(stream->media));
        out.msrp = std::move(stream->negotiated);
    }
    if (!sawMessage)
        return fail(ErrorCode::Unsupported, QStringLiteral("No MSRP media offered"));
    if (!out.msrp && firstFailure)
        return tl::unexpected(*firstFailure);

    // Whatever we answer must be something we would accept ourselves.
    if (auto bytes = sdp.toCheckedBytes(); !bytes)
        return tl::unexpected(bytes.error());
    return out;
}

Result<NegotiatedMsrp> acceptAnswer(const SessionDescription &offer,
                                    const SessionDescription &answer)
{
    if (answer.media.size() != offer.media.size()) {
        return fail(ErrorCode::Malformed,
                    QStringLiteral("the answer has %1 m= lines, the offer had %2 (RFC 3264 §6)")
                        .arg(answer.media.size())
                        .arg(offer.media.size()));
    }
    qsizetype index = -1;
    for (qsizetype i = 0; i < offer.media.size(); ++i) {
        if (MsrpMedia::isMsrp(offer.media[i]) && offer.media[i].port != 0) {
            index = i;
            break;
        }
    }
    if (index < 0)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("the offer has no live MSRP stream"));
    auto ours = MsrpMedia::fromMedia(offer.media[index], &offer);
    if (!ours)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("our offer: ") + ours.error().detail);

    const MediaDescription &am = answer.media[index];
    if (am.media != offer.media[index].media)
        return withContext(
            makeError(ErrorCode::Malformed, QStringLiteral("the answer changed the media type")),
            index);
    if (am.port == 0)
        return fail(ErrorCode::Unsupported, QStringLiteral("The peer refused the MSRP stream"));
    auto theirs = MsrpMedia::fromMedia(am, &answer);
    if (!theirs)
        return withContext(theirs.error(), index);
    if (theirs->transport != ours->transport)
        return withContext(
            makeError(ErrorCode::Malformed, QStringLiteral("the answer changed the transport")),
            index);

    // RFC 4145 §4.1 / RFC 6135 §4.2. No a=setup (or holdconn): an RFC 4975 answerer, and the
    // offerer connects (RFC 4975 §8.5).
    const Setup offered = ours->setup.value_or(Setup::Active);
    bool localActive = true;
    switch (theirs->setup.value_or(Setup::HoldConn)) {
    case Setup::Active:
        if (offered == Setup::Active)
            return withContext(
                makeError(ErrorCode::Malformed, QStringLiteral("both ends are a=setup:active")),
                index);
        localActive = false;
        break;
    case Setup::Passive:
        if (offered == Setup::Passive)
            return withContext(
                makeError(ErrorCode::Malformed, QStringLiteral("both ends are a=setup:passive")),
                index);
        localActive = true;
        break;
    case Setup::ActPass:
        return withContext(
            makeError(ErrorCode::Malformed,
                      QStringLiteral("a=setup:actpass is not valid in an answer (RFC 4145 §4.1)")),
            index);
    case Setup::HoldConn:
        localActive = offered != Setup::Passive;
        break;
    }

    NegotiatedMsrp n;
    n.mediaIndex = index;
    n.transport = ours->transport;
    n.localIsActive = localActive;
    const Direction wanted = mirrored(theirs->direction);
    n.localDirection = directionFrom(canSend(wanted) && canSend(ours->direction),
                                     canReceive(wanted) && canReceive(ours->direction));
    n.localPath = ours->path;
    n.remotePath = theirs->path;
    n.localAcceptTypes = ours->acceptTypes;
    n.remoteAcceptTypes = theirs->acceptTypes;
    n.remoteAcceptWrappedTypes = theirs->acceptWrappedTypes;
    n.remoteMaxSize = theirs->maxSize;

    if (ours->isFileTransfer()) {
        // RFC 5547 §8.1: "The SDP answerer MUST copy the value of the 'file-transfer-id'".
        if (theirs->fileTransferId != ours->fileTransferId)
            return withContext(
                makeError(
                    ErrorCode::Malformed,
                    QStringLiteral("the answer does not echo a=file-transfer-id (RFC 5547 §8.1)")),
                index);
        // §8.3.1 / §8.3.2: an accepted range is answered with the same range.
        if (ours->fileRange && theirs->fileRange != ours->fileRange)
            return withContext(
                makeError(ErrorCode::Malformed,
                          QStringLiteral("the answer does not echo a=file-range (RFC 5547 §8.3)")),
                index);
        n.fileTransferId = ours->fileTransferId;
        n.fileRange = ours->fileRange;
        if (ours->direction == Direction::SendOnly) {
            n.fileRole = FileRole::Sender;
            n.fileSelector = ours->fileSelector;
            n.fileDisposition = ours->fileDisposition;
            n.fileDate = ours->fileDate;
            if (!canSend(n.localDirection))
                return fail(ErrorCode::Unsupported,
                            QStringLiteral("The peer does not accept the file"));
        } else {
            n.fileRole = FileRole::Receiver;
            // §8.3.2: the sender's answer describes the file (and SHOULD carry its hash).
            n.fileSelector = theirs->isFileTransfer() ? theirs->fileSelector : ours->fileSelector;
            n.fileDisposition = theirs->fileDisposition;
            n.fileDate = theirs->fileDate;
            if (!canReceive(n.localDirection))
                return fail(ErrorCode::Unsupported,
                            QStringLiteral("The peer does not send the file"));
        }
    }
    return n;
}

QByteArray warningHeaderValue(const Error &error, QByteArrayView agent)
{
    QByteArray text;
    for (const QChar ch : error.detail) {
        const char16_t u = ch.unicode();
        if (u < 0x20 || u >= 0x7F)
            continue;
        if (u == '"' || u == '\\')
            text += '\\';
        text += static_cast<char>(u);
    }
    return "399 " + agent.toByteArray() + " \"" + text + '"';
}

} // namespace herald::sdp
