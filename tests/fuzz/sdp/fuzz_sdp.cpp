// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// fuzz_sdp: remote SDP is the one input that reaches herald_sdp unfiltered (PLATFORM.md §10).
// Every input goes through the parser, the attribute grammars, the MSRP view and the answerer;
// whatever parses must survive the writer unchanged:
//   parse(write(x)) == x and write(parse(write(x))) == write(x),
// an MSRP view must rebuild a section that reads back as the same view, and an answer Herald
// writes must be accepted by the offerer side of the same negotiation. A broken invariant
// aborts (qFatal), which libFuzzer and the corpus replay both report.
#include "engine/sdp/accepttypes.h"
#include "engine/sdp/fileattributes.h"
#include "engine/sdp/fileselector.h"
#include "engine/sdp/msrpmedia.h"
#include "engine/sdp/offeranswer.h"
#include "engine/sdp/sessiondescription.h"

#include <cstddef>
#include <cstdint>

using namespace herald;
using namespace herald::sdp;

namespace {

// Rebuilt text may grow a little (a session-level direction is written per media section), so
// re-reading it gets room beyond the limits the input was held to.
ParseLimits roomyLimits()
{
    ParseLimits l;
    l.maxBytes = 1024 * 1024;
    l.maxLines = 8192;
    l.maxLineLength = 1024 * 1024;
    l.maxAttributeValueLength = 1024 * 1024;
    return l;
}

LocalCapabilities capabilities()
{
    LocalCapabilities c;
    c.originUsername = QByteArrayLiteral("herald");
    c.sessionId = 1;
    c.sessionVersion = 1;
    c.address = QByteArrayLiteral("192.0.2.10");
    c.port = 2855;
    c.path = {QByteArrayLiteral("msrp://192.0.2.10:2855/fz;tcp")};
    c.tlsPath = {QByteArrayLiteral("msrps://192.0.2.10:2856/fz;tcp")};
    c.tlsAllowed = true;
    c.acceptTypes = {QByteArrayLiteral("message/cpim"), QByteArrayLiteral("text/*")};
    c.acceptWrappedTypes = {QByteArrayLiteral("*")};
    c.maxSize = 1u << 30;
    FileSelector s;
    s.size = 1;
    c.pullAnswer = PullAnswer{s, QByteArrayLiteral("render"), std::nullopt};
    return c;
}

void checkMsrpViews(const SessionDescription &sdp)
{
    for (qsizetype i = 0; i < sdp.media.size(); ++i) {
        const MediaDescription &m = sdp.media[i];
        if (!MsrpMedia::isMsrp(m))
            continue;
        const auto view = MsrpMedia::fromMedia(m, &sdp);
        if (!view)
            continue;
        SessionDescription rebuilt = sdp;
        MediaDescription section = view->toMedia();
        section.information = m.information;
        section.connections = m.connections;
        section.bandwidths = m.bandwidths;
        section.key = m.key;
        rebuilt.media[i] = section;
        const auto reparsed = SessionDescription::parse(rebuilt.toBytes(), roomyLimits());
        if (!reparsed)
            qFatal("fuzz_sdp: a rebuilt MSRP section does not parse: %s",
                   qPrintable(reparsed.error().detail));
        const auto again = MsrpMedia::fromMedia(reparsed->media[i], &*reparsed);
        if (!again)
            qFatal("fuzz_sdp: a rebuilt MSRP section is refused: %s",
                   qPrintable(again.error().detail));
        if (*again != *view)
            qFatal("fuzz_sdp: a rebuilt MSRP section reads back differently");
    }
}

void checkOfferAnswer(const SessionDescription &offer)
{
    const auto answer = answerOffer(offer, capabilities());
    if (!answer) {
        if (answer.error().detail.isEmpty() || warningHeaderValue(answer.error()).isEmpty())
            qFatal("fuzz_sdp: a refusal without a reason");
        return;
    }
    const QByteArray bytes = answer->sdp.toBytes();
    const auto reparsed = SessionDescription::parse(bytes);
    if (!reparsed || *reparsed != answer->sdp)
        qFatal("fuzz_sdp: Herald's own answer does not read back");
    if (reparsed->media.size() != offer.media.size())
        qFatal("fuzz_sdp: the answer has another number of m= lines (RFC 3264 §6)");
    if (!answer->msrp)
        return;
    // The offerer's side takes the first live MSRP stream; when that is the one accepted, it
    // must agree with the answer Herald wrote.
    qsizetype firstLive = -1;
    for (qsizetype i = 0; i < offer.media.size() && firstLive < 0; ++i) {
        if (MsrpMedia::isMsrp(offer.media[i]) && offer.media[i].port != 0)
            firstLive = i;
    }
    if (firstLive != answer->msrp->mediaIndex)
        return;
    const auto agreed = acceptAnswer(offer, *reparsed);
    if (!agreed)
        qFatal("fuzz_sdp: the offerer side refuses Herald's answer: %s",
               qPrintable(agreed.error().detail));
    if (agreed->localIsActive == answer->msrp->localIsActive)
        qFatal("fuzz_sdp: both ends (or neither) would connect");
    if (agreed->localDirection != mirrored(answer->msrp->localDirection))
        qFatal("fuzz_sdp: the two ends disagree on the direction");
    if (agreed->remotePath != answer->msrp->localPath ||
        agreed->localPath != answer->msrp->remotePath)
        qFatal("fuzz_sdp: the two ends disagree on the paths");
}

// The attribute grammars also get the raw input: inside an SDP they only ever see one line.
void checkGrammars(QByteArrayView input)
{
    if (auto fs = FileSelector::parse(input)) {
        const auto again = FileSelector::parse(fs->toBytes());
        if (!again || *again != *fs)
            qFatal("fuzz_sdp: a file-selector does not read back");
        (void)fs->decodedName();
    }
    if (auto fd = FileDate::parse(input)) {
        const auto again = FileDate::parse(fd->toBytes());
        if (!again || *again != *fd)
            qFatal("fuzz_sdp: a file-date does not read back");
    }
    if (auto fr = FileRange::parse(input)) {
        const auto again = FileRange::parse(fr->toBytes());
        if (!again || *again != *fr)
            qFatal("fuzz_sdp: a file-range does not read back");
    }
    if (auto list = accepttypes::parseList(input)) {
        const auto again = accepttypes::parseList(accepttypes::joinList(*list));
        if (!again || *again != *list)
            qFatal("fuzz_sdp: an accept-types list does not read back");
        (void)accepttypes::intersect(*list, *again);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    if (size <= 4096)
        checkGrammars(input);

    const auto sdp = SessionDescription::parse(input);
    if (!sdp) {
        if (sdp.error().detail.isEmpty())
            qFatal("fuzz_sdp: an error without a detail");
        return 0;
    }
    const QByteArray bytes = sdp->toBytes();
    const auto again = SessionDescription::parse(bytes, roomyLimits());
    if (!again)
        qFatal("fuzz_sdp: written text does not parse: %s", qPrintable(again.error().detail));
    if (*again != *sdp)
        qFatal("fuzz_sdp: parse(write(x)) != x");
    if (again->toBytes() != bytes)
        qFatal("fuzz_sdp: write is not stable");

    checkMsrpViews(*sdp);
    checkOfferAnswer(*sdp);
    return 0;
}
