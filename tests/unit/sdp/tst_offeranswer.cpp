// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// MSRP offer/answer: the answers printed in RFC 4975, 5547 and 7701 reproduced from their
// offers, a=setup per RFC 6135, direction per RFC 3264, RFC 5547 file attributes, other media
// refused with port 0, the 488 cases with their Warning text, and the offerer's side.
#include "engine/sdp/offeranswer.h"
#include "engine/sdp/offerbuilder.h"
#include "tests/support/testsupport.h"

#include <QTest>

using namespace herald;
using namespace herald::sdp;

Q_DECLARE_METATYPE(herald::ErrorCode)
Q_DECLARE_METATYPE(herald::sdp::LocalCapabilities)
Q_DECLARE_METATYPE(herald::sdp::Setup)
Q_DECLARE_METATYPE(herald::sdp::Direction)
Q_DECLARE_METATYPE(herald::sdp::OfferOptions)

namespace {

const QByteArray rfcHash = "72:24:5F:E8:65:3D:DA:F3:71:36:2F:86:D4:71:91:3E:E4:A2:CE:2E";

QByteArray rfcFile(const QString &name)
{
    return herald::test::readFile(herald::test::corporaDir() +
                                  QStringLiteral("/rfc-examples/sdp/") + name);
}

// Herald's answerer as the tests use it unless a row changes something.
LocalCapabilities heraldCaps()
{
    LocalCapabilities c;
    c.originUsername = "herald";
    c.sessionId = 42;
    c.sessionVersion = 1;
    c.address = "192.0.2.10";
    c.port = 2855;
    c.path = {"msrp://192.0.2.10:2855/h3r4ld;tcp"};
    c.tlsPath = {"msrps://192.0.2.10:2856/h3r4ld;tcp"};
    c.acceptTypes = {"message/cpim", "text/plain"};
    c.acceptWrappedTypes = {"*"};
    return c;
}

QByteArray offerText(const QByteArray &mediaSections, const QByteArray &sessionAttributes = {})
{
    return "v=0\r\no=alice 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n" +
           sessionAttributes + mediaSections;
}

QByteArray msrpSection(const QByteArray &extra = {}, const QByteArray &acceptTypes = "text/plain",
                       const QByteArray &mline = "m=message 7394 TCP/MSRP *")
{
    return mline + "\r\na=accept-types:" + acceptTypes +
           "\r\na=path:msrp://192.0.2.1:7394/al1ce;tcp\r\n" + extra;
}

SessionDescription parsed(const QByteArray &text)
{
    auto sdp = SessionDescription::parse(text);
    if (!sdp)
        qFatal("test SDP does not parse: %s", qPrintable(sdp.error().detail));
    return *sdp;
}

// Applies (old, new) replacement pairs to a printed RFC answer.
QByteArray edited(QByteArray text, const QByteArrayList &edits)
{
    for (qsizetype i = 0; i + 1 < edits.size(); i += 2) {
        if (!text.contains(edits[i]))
            qFatal("edit target not found: %s", edits[i].constData());
        text.replace(edits[i], edits[i + 1]);
    }
    return text;
}

OfferOptions aliceOffer()
{
    OfferOptions o;
    o.originUsername = "alice";
    o.sessionId = 7;
    o.sessionVersion = 7;
    o.address = "192.0.2.1";
    o.port = 7394;
    o.path = {"msrp://192.0.2.1:7394/al1ce;tcp"};
    o.acceptTypes = {"message/cpim", "text/plain"};
    o.acceptWrappedTypes = {"text/plain"};
    return o;
}

FileSelector rfcPicture(quint64 size)
{
    FileSelector s;
    s.name = "My cool picture.jpg";
    s.type = "image/jpeg";
    s.size = size;
    s.hashes = {FileHash{"sha-1", rfcHash}};
    return s;
}

} // namespace

class TestOfferAnswer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfcAnswers_data();
    void rfcAnswers();
    void setup_data();
    void setup();
    void direction_data();
    void direction();
    void rejections_data();
    void rejections();
    void otherMediaRefusedWithPortZero();
    void disabledStreamsMirrored();
    void fileRangeEchoed();
    void tlsAnswer();
    void wildcardAcceptTypes();
    void invalidLocalCapabilities_data();
    void invalidLocalCapabilities();
    void fullExchange_data();
    void fullExchange();
    void acceptAnswerErrors_data();
    void acceptAnswerErrors();
    void legacyAnswerWithoutSetup();
    void warningHeader_data();
    void warningHeader();
};

// The answers the RFCs print, from the offers they print. Differences are deliberate and
// listed per row: RFC 6135 §4.2.1 makes a=setup mandatory (the RFCs predate it), RFC 5547
// §8.3.1 forbids file-disposition in a receiver's answer (§9.2 prints one), and RFC 7701
// omits t= (RFC 8866 requires it).
void TestOfferAnswer::rfcAnswers_data()
{
    QTest::addColumn<QString>("offerFile");
    QTest::addColumn<QString>("answerFile");
    QTest::addColumn<LocalCapabilities>("caps");
    QTest::addColumn<QByteArrayList>("edits"); // applied to the printed answer
    QTest::addColumn<int>("fileRole");

    auto caps = [](const char *user, quint64 id, quint64 version, const char *name,
                   const char *host, quint16 port, const char *path, QByteArrayList types,
                   QByteArrayList wrapped) {
        LocalCapabilities c;
        c.originUsername = user;
        c.sessionId = id;
        c.sessionVersion = version;
        c.sessionName = name;
        c.address = host;
        c.port = port;
        c.path = {path};
        c.acceptTypes = types;
        c.acceptWrappedTypes = wrapped;
        return c;
    };
    const QByteArray setup = "a=setup:passive\r\n";

    {
        const char *path = "msrp://bob.example.com:8493/si438dsaodes;tcp";
        QTest::newRow("RFC 4975 §8.7")
            << QStringLiteral("rfc4975-s8.7-02.sdp") << QStringLiteral("rfc4975-s8.7-03.sdp")
            << caps("userb", 2890844530, 2890844532, " -", "bob.example.com", 8493, path,
                    {"message/cpim", "text/plain"}, {})
            << QByteArrayList{"a=path:" + QByteArray(path) + "\r\n",
                              "a=path:" + QByteArray(path) + "\r\n" + setup}
            << int(FileRole::None);
    }
    {
        const char *path = "msrp://bob.example.com:8888/9di4eae923wzd;tcp";
        QTest::newRow("RFC 4975 §11.1")
            << QStringLiteral("rfc4975-s11.1-04.sdp") << QStringLiteral("rfc4975-s11.1-05.sdp")
            << caps("bob", 2890844612, 2890844616, " -", "bob.example.com", 8888, path,
                    {"text/plain"}, {})
            << QByteArrayList{"a=path:" + QByteArray(path) + "\r\n",
                              "a=path:" + QByteArray(path) + "\r\n" + setup}
            << int(FileRole::None);
    }
    {
        const char *path = "msrp://bobpc.example.com:8888/9di4ea;tcp";
        QTest::newRow("RFC 5547 §9.1 push")
            << QStringLiteral("rfc5547-s9.1-02.sdp") << QStringLiteral("rfc5547-s9.1-03.sdp")
            << caps("bob", 2890844656, 2890844656, "", "bobpc.example.com", 8888, path,
                    {"message/cpim"}, {"*"})
            << QByteArrayList{"a=path:" + QByteArray(path) + "\r\n",
                              "a=path:" + QByteArray(path) + "\r\n" + setup}
            << int(FileRole::Receiver);
    }
    {
        const char *path = "msrp://bobpc.example.com:8888/9di4ea;tcp";
        LocalCapabilities c = caps("bob", 2890844656, 2890855439, "", "bobpc.example.com", 8888,
                                   path, {"message/cpim"}, {"*"});
        FileSelector sel;
        sel.type = "image/jpeg";
        sel.hashes = {FileHash{"sha-1", rfcHash}};
        c.pullAnswer = PullAnswer{sel, std::nullopt, std::nullopt};
        QTest::newRow("RFC 5547 §9.2 pull")
            << QStringLiteral("rfc5547-s9.2-04.sdp") << QStringLiteral("rfc5547-s9.2-05.sdp") << c
            << QByteArrayList{"a=path:" + QByteArray(path) + "\r\n",
                              "a=path:" + QByteArray(path) + "\r\n" + setup}
            << int(FileRole::Sender);
    }
    {
        const char *path = "msrp://bobpc.example.com:8888/eh10dsk;tcp";
        QTest::newRow("RFC 5547 §9.2 second push")
            << QStringLiteral("rfc5547-s9.2-06.sdp") << QStringLiteral("rfc5547-s9.2-07.sdp")
            << caps("bob", 2890844656, 2890855440, "", "bobpc.example.com", 8888, path,
                    {"message/cpim"}, {"*"})
            << QByteArrayList{"a=path:" + QByteArray(path) + "\r\n",
                              "a=path:" + QByteArray(path) + "\r\n" + setup,
                              "a=file-disposition:render\r\n", ""}
            << int(FileRole::Receiver);
    }
    {
        const char *path = "msrp://chat.example.com:12763/kjhd37s2s20w2a;tcp";
        LocalCapabilities c = caps("chat", 2890844527, 2890844527, "-", "chat.example.com", 12763,
                                   path, {"message/cpim"}, {"text/plain", "text/html", "*"});
        c.extraAttributes = {Attribute{"chatroom", QByteArray("nickname private-messages")}};
        QTest::newRow("RFC 7701 §9.1")
            << QStringLiteral("rfc7701-s9.1-01.sdp") << QStringLiteral("rfc7701-s9.1-02.sdp") << c
            << QByteArrayList{"c=IN IP4 chat.example.com\r\n",
                              "c=IN IP4 chat.example.com\r\nt=0 0\r\n",
                              "a=path:" + QByteArray(path) + "\r\n",
                              "a=path:" + QByteArray(path) + "\r\n" + setup}
            << int(FileRole::None);
    }
}

void TestOfferAnswer::rfcAnswers()
{
    if (herald::test::corporaDir().isEmpty())
        QSKIP("test corpora not found: set HERALD_CORPORA_DIR (../shared/corpora)");
    QFETCH(QString, offerFile);
    QFETCH(QString, answerFile);
    QFETCH(LocalCapabilities, caps);
    QFETCH(QByteArrayList, edits);
    QFETCH(int, fileRole);

    const SessionDescription offer = parsed(rfcFile(offerFile));
    const QByteArray printed = rfcFile(answerFile);
    const auto answer = answerOffer(offer, caps);
    QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().detail));
    QCOMPARE(answer->sdp.toBytes(), edited(printed, edits));

    QVERIFY(answer->msrp);
    const NegotiatedMsrp &n = *answer->msrp;
    QCOMPARE(n.mediaIndex, 0);
    QVERIFY(!n.localIsActive); // the RFC 4975 offerer connects
    QCOMPARE(n.localPath, caps.path);
    QCOMPARE(QByteArray(n.remotePath.join(' ')), *offer.media.first().attribute("path")->value);
    QCOMPARE(int(n.fileRole), fileRole);
    if (fileRole != int(FileRole::None))
        QCOMPARE(n.fileTransferId, offer.media.first().attribute("file-transfer-id")->value);

    // And the offerer, reading the answer Herald wrote, agrees on the same session.
    const auto agreed = acceptAnswer(offer, answer->sdp);
    QVERIFY2(agreed, qPrintable(agreed ? QString() : agreed.error().detail));
    QVERIFY(agreed->localIsActive);
    QCOMPARE(agreed->remotePath, caps.path);
    QCOMPARE(agreed->localDirection, mirrored(n.localDirection));
}

void TestOfferAnswer::setup_data()
{
    QTest::addColumn<QByteArray>("offered"); // a=setup line, or empty
    QTest::addColumn<Setup>("onActpass");
    QTest::addColumn<QByteArray>("answered");
    QTest::addColumn<bool>("localActive");
    QTest::addColumn<int>("port");

    QTest::newRow("none: RFC 4975 offerer connects")
        << QByteArray() << Setup::Active << QByteArray("passive") << false << 2855;
    QTest::newRow("active") << QByteArray("a=setup:active\r\n") << Setup::Active
                            << QByteArray("passive") << false << 2855;
    QTest::newRow("passive") << QByteArray("a=setup:passive\r\n") << Setup::Passive
                             << QByteArray("active") << true << 9;
    QTest::newRow("actpass, we prefer passive")
        << QByteArray("a=setup:actpass\r\n") << Setup::Passive << QByteArray("passive") << false
        << 2855;
    QTest::newRow("actpass, we prefer active")
        << QByteArray("a=setup:actpass\r\n") << Setup::Active << QByteArray("active") << true << 9;
    QTest::newRow("holdconn is ignored (RFC 6135 §4.2.1)")
        << QByteArray("a=setup:holdconn\r\n") << Setup::Active << QByteArray("passive") << false
        << 2855;
}

void TestOfferAnswer::setup()
{
    QFETCH(QByteArray, offered);
    QFETCH(Setup, onActpass);
    QFETCH(QByteArray, answered);
    QFETCH(bool, localActive);
    QFETCH(int, port);
    LocalCapabilities caps = heraldCaps();
    caps.setupOnActpass = onActpass;
    const auto answer = answerOffer(parsed(offerText(msrpSection(offered))), caps);
    QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().detail));
    const MediaDescription &m = answer->sdp.media.first();
    QCOMPARE(*m.attribute("setup")->value, answered);
    QCOMPARE(countAttributes(m.attributes, "setup"), 1);
    QCOMPARE(answer->msrp->localIsActive, localActive);
    QCOMPARE(int(m.port), port);
    QVERIFY(!m.attribute("connection")); // RFC 6135 §4.4: never sent
}

void TestOfferAnswer::direction_data()
{
    QTest::addColumn<QByteArray>("offered"); // media-level line
    QTest::addColumn<QByteArray>("sessionLevel");
    QTest::addColumn<Direction>("local");
    QTest::addColumn<Direction>("answered");

    QTest::newRow("sendrecv") << QByteArray() << QByteArray() << Direction::SendRecv
                              << Direction::SendRecv;
    QTest::newRow("sendonly -> recvonly") << QByteArray("a=sendonly\r\n") << QByteArray()
                                          << Direction::SendRecv << Direction::RecvOnly;
    QTest::newRow("recvonly -> sendonly") << QByteArray("a=recvonly\r\n") << QByteArray()
                                          << Direction::SendRecv << Direction::SendOnly;
    QTest::newRow("inactive -> inactive") << QByteArray("a=inactive\r\n") << QByteArray()
                                          << Direction::SendRecv << Direction::Inactive;
    QTest::newRow("session-level sendonly") << QByteArray() << QByteArray("a=sendonly\r\n")
                                            << Direction::SendRecv << Direction::RecvOnly;
    QTest::newRow("sendrecv, we only receive")
        << QByteArray() << QByteArray() << Direction::RecvOnly << Direction::RecvOnly;
    QTest::newRow("sendrecv, we only send")
        << QByteArray() << QByteArray() << Direction::SendOnly << Direction::SendOnly;
    QTest::newRow("sendonly, we only send") << QByteArray("a=sendonly\r\n") << QByteArray()
                                            << Direction::SendOnly << Direction::Inactive;
    QTest::newRow("recvonly, we are inactive") << QByteArray("a=recvonly\r\n") << QByteArray()
                                               << Direction::Inactive << Direction::Inactive;
}

void TestOfferAnswer::direction()
{
    QFETCH(QByteArray, offered);
    QFETCH(QByteArray, sessionLevel);
    QFETCH(Direction, local);
    QFETCH(Direction, answered);
    LocalCapabilities caps = heraldCaps();
    caps.direction = local;
    const auto answer = answerOffer(parsed(offerText(msrpSection(offered), sessionLevel)), caps);
    QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().detail));
    QCOMPARE(answer->msrp->localDirection, answered);
    // Written at media level, and only when it is not the default.
    const auto view = MsrpMedia::fromMedia(answer->sdp.media.first(), &answer->sdp);
    QVERIFY(view);
    QCOMPARE(view->direction, answered);
    QVERIFY(!answer->sdp.media.first().attribute("sendrecv"));
    QVERIFY(answer->sdp.attributes.isEmpty());
}

void TestOfferAnswer::rejections_data()
{
    QTest::addColumn<QByteArray>("offer");
    QTest::addColumn<LocalCapabilities>("caps");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QByteArray>("warning");

    const LocalCapabilities h = heraldCaps();
    const QByteArray push =
        "a=sendonly\r\na=file-selector:type:image/jpeg size:5000\r\na=file-transfer-id:t1\r\n";
    const QByteArray pull =
        "a=recvonly\r\na=file-selector:name:\"x.jpg\"\r\na=file-transfer-id:t2\r\n";
    auto with = [&h](auto change) {
        LocalCapabilities c = h;
        change(c);
        return c;
    };

    QTest::newRow("no common accept-types")
        << offerText(msrpSection({}, "text/html image/*")) << h << ErrorCode::Unsupported
        << QByteArray("399 herald \"No common accept-types\"");
    QTest::newRow("TLS not allowed")
        << offerText(msrpSection({}, "text/plain", "m=message 7394 TCP/TLS/MSRP *")) << h
        << ErrorCode::Unsupported << QByteArray("399 herald \"MSRP over TLS is not allowed\"");
    QTest::newRow("TLS required") << offerText(msrpSection()) << with([](LocalCapabilities &c) {
        c.path.clear();
        c.tlsAllowed = true;
    }) << ErrorCode::Unsupported << QByteArray("399 herald \"MSRP over TLS is required\"");
    QTest::newRow("audio only") << offerText("m=audio 49170 RTP/AVP 0\r\n") << h
                                << ErrorCode::Unsupported
                                << QByteArray("399 herald \"No MSRP media offered\"");
    QTest::newRow("no media at all") << offerText({}) << h << ErrorCode::Unsupported
                                     << QByteArray("399 herald \"No MSRP media offered\"");
    QTest::newRow("MSRP over WebSocket")
        << offerText(msrpSection({}, "text/plain", "m=message 7394 TCP/WS/MSRP *")) << h
        << ErrorCode::Unsupported
        << QByteArray("399 herald \"media section 1: m=message protocol \\\"TCP/WS/MSRP\\\" is not "
                      "TCP/MSRP or TCP/TLS/MSRP\"");
    QTest::newRow("file transfers refused")
        << offerText(msrpSection(push, "message/cpim"))
        << with([](LocalCapabilities &c) { c.acceptFileTransfers = false; })
        << ErrorCode::Unsupported << QByteArray("399 herald \"File transfers are not accepted\"");
    QTest::newRow("file larger than max-size")
        << offerText(msrpSection(push, "message/cpim"))
        << with([](LocalCapabilities &c) { c.maxSize = 4999; }) << ErrorCode::Unsupported
        << QByteArray("399 herald \"File is larger than max-size\"");
    QTest::newRow("receiving a file, we only send")
        << offerText(msrpSection(push, "message/cpim"))
        << with([](LocalCapabilities &c) { c.direction = Direction::SendOnly; })
        << ErrorCode::Unsupported << QByteArray("399 herald \"Not willing to receive a file\"");
    QTest::newRow("pull, no file found")
        << offerText(msrpSection(pull, "message/cpim")) << h << ErrorCode::Unsupported
        << QByteArray("399 herald \"No file matches the file-selector\"");
    QTest::newRow("pull, we only receive")
        << offerText(msrpSection(pull, "message/cpim")) << with([](LocalCapabilities &c) {
               c.direction = Direction::RecvOnly;
               FileSelector s;
               s.size = 1;
               c.pullAnswer = PullAnswer{s, std::nullopt, std::nullopt};
           })
        << ErrorCode::Unsupported << QByteArray("399 herald \"Not willing to send a file\"");
    QTest::newRow("file offer sendrecv")
        << offerText(msrpSection("a=file-selector:size:1\r\na=file-transfer-id:t\r\n")) << h
        << ErrorCode::Malformed
        << QByteArray("399 herald \"media section 1: a file transfer offer must be sendonly or "
                      "recvonly (RFC 5547 \xc2\xa7"
                      "8)\"");
    QTest::newRow("file offer without file-transfer-id")
        << offerText(msrpSection("a=sendonly\r\na=file-selector:size:1\r\n")) << h
        << ErrorCode::Malformed
        << QByteArray("399 herald \"media section 1: a file transfer offer without "
                      "a=file-transfer-id (RFC 5547 8.1)\"");
    QTest::newRow("empty file-selector in an offer")
        << offerText(msrpSection("a=sendonly\r\na=file-selector\r\n")) << h << ErrorCode::Malformed
        << QByteArray(
               "399 herald \"media section 1: a=file-selector without a selector in an offer\"");
    QTest::newRow("no path")
        << offerText("m=message 7394 TCP/MSRP *\r\na=accept-types:text/plain\r\n") << h
        << ErrorCode::Malformed
        << QByteArray("399 herald \"media section 1: MSRP stream without a=path (RFC 4975 8.2)\"");
    QTest::newRow("broken max-size")
        << offerText(msrpSection("a=max-size:big\r\n")) << h << ErrorCode::Malformed
        << QByteArray(
               "399 herald \"media section 1: a=max-size: \\\"big\\\" is not a 64-bit number\"");
    QTest::newRow("first failure is reported")
        << offerText(msrpSection({}, "text/html") + msrpSection("a=max-size:x\r\n")) << h
        << ErrorCode::Unsupported << QByteArray("399 herald \"No common accept-types\"");
}

void TestOfferAnswer::rejections()
{
    QFETCH(QByteArray, offer);
    QFETCH(LocalCapabilities, caps);
    QFETCH(ErrorCode, code);
    QFETCH(QByteArray, warning);
    const auto answer = answerOffer(parsed(offer), caps);
    QVERIFY2(!answer, "answered although it must not");
    QCOMPARE(answer.error().code, code);
    // The Warning header carries ASCII only: the '§' of a detail is dropped.
    QCOMPARE(warningHeaderValue(answer.error()), QByteArray(warning).replace("\xc2\xa7", ""));
}

// RFC 3264 §6: as many m= lines as offered, in order; refused ones keep media, proto and
// formats with port 0. Only the first MSRP stream is taken.
void TestOfferAnswer::otherMediaRefusedWithPortZero()
{
    const QByteArray offer =
        offerText("m=audio 49170 RTP/AVP 0 8\r\na=rtpmap:0 PCMU/8000\r\n" + msrpSection() +
                  "m=video 51372/2 RTP/AVP 31\r\n" + msrpSection("a=file-selector:size:1\r\n"));
    const auto answer = answerOffer(parsed(offer), heraldCaps());
    QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().detail));
    const QList<MediaDescription> &m = answer->sdp.media;
    QCOMPARE(m.size(), 4);
    QCOMPARE(m[0], (MediaDescription{"audio",
                                     0,
                                     std::nullopt,
                                     "RTP/AVP",
                                     {"0", "8"},
                                     std::nullopt,
                                     {},
                                     {},
                                     std::nullopt,
                                     {}}));
    QCOMPARE(m[1].port, quint16(2855));
    QCOMPARE(
        m[2],
        (MediaDescription{
            "video", 0, std::nullopt, "RTP/AVP", {"31"}, std::nullopt, {}, {}, std::nullopt, {}}));
    QCOMPARE(m[3].port, quint16(0));
    QCOMPARE(m[3].attributes, (QList<Attribute>{Attribute{"file-selector", QByteArray("size:1")}}));
    QCOMPARE(answer->msrp->mediaIndex, 1);
    QCOMPARE(
        answer->sdp.toBytes(),
        "v=0\r\no=herald 42 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
        "m=audio 0 RTP/AVP 0 8\r\n"
        "m=message 2855 TCP/MSRP *\r\na=accept-types:text/plain\r\na=accept-wrapped-types:*\r\n"
        "a=path:msrp://192.0.2.10:2855/h3r4ld;tcp\r\na=setup:passive\r\n"
        "m=video 0 RTP/AVP 31\r\n"
        "m=message 0 TCP/MSRP *\r\na=file-selector:size:1\r\n");
}

// RFC 5547 §8.1: after a transfer the offerer re-offers the stream with port 0 and the same
// file-transfer-id; the answer mirrors it and no session is negotiated.
void TestOfferAnswer::disabledStreamsMirrored()
{
    const QByteArray offer =
        offerText("m=message 0 TCP/MSRP *\r\na=sendonly\r\na=accept-types:message/cpim\r\n"
                  "a=file-selector:name:\"a.txt\" size:3\r\na=file-transfer-id:done1\r\n"
                  "a=file-disposition:attachment\r\n");
    const auto answer = answerOffer(parsed(offer), heraldCaps());
    QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().detail));
    QVERIFY(!answer->msrp);
    QCOMPARE(answer->sdp.media.size(), 1);
    const MediaDescription &m = answer->sdp.media.first();
    QCOMPARE(m.port, quint16(0));
    QCOMPARE(m.attributes,
             (QList<Attribute>{Attribute{"file-selector", QByteArray("name:\"a.txt\" size:3")},
                               Attribute{"file-transfer-id", QByteArray("done1")}}));
}

void TestOfferAnswer::fileRangeEchoed()
{
    const QByteArray offer = offerText(
        msrpSection("a=sendonly\r\na=file-selector:hash:sha-1:" + rfcHash +
                        " size:9000\r\na=file-transfer-id:r3sume\r\na=file-range:4097-*\r\n"
                        "a=file-date:creation:\"Mon, 15 May 2006 15:01:31 +0300\"\r\n",
                    "message/cpim"));
    const auto answer = answerOffer(parsed(offer), heraldCaps());
    QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().detail));
    const MediaDescription &m = answer->sdp.media.first();
    QCOMPARE(*m.attribute("file-range")->value, QByteArray("4097-*"));
    // Copied as offered, not re-ordered (§8.3.1 "MUST copy them into the answer").
    QCOMPARE(*m.attribute("file-selector")->value, "hash:sha-1:" + rfcHash + " size:9000");
    QVERIFY(!m.attribute("file-date")); // §8.3.1: MUST NOT
    QVERIFY(answer->msrp->fileRange == (FileRange{4097, std::nullopt}));
    QCOMPARE(answer->msrp->fileRole, FileRole::Receiver);
    QVERIFY(answer->msrp->fileDate); // still reported to the service layer
}

void TestOfferAnswer::tlsAnswer()
{
    LocalCapabilities caps = heraldCaps();
    caps.tlsAllowed = true;
    const QByteArray offer =
        offerText("m=message 7394 TCP/TLS/MSRP "
                  "*\r\na=accept-types:text/plain\r\na=path:msrps://192.0.2.1:7394/al1ce;tcp\r\n"
                  "a=setup:actpass\r\n");
    const auto answer = answerOffer(parsed(offer), caps);
    QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().detail));
    const MediaDescription &m = answer->sdp.media.first();
    QCOMPARE(m.protocol, QByteArray("TCP/TLS/MSRP"));
    QCOMPARE(*m.attribute("path")->value, QByteArray("msrps://192.0.2.10:2856/h3r4ld;tcp"));
    QCOMPARE(answer->msrp->transport, MsrpTransport::Tls);
    QCOMPARE(answer->msrp->localPath, caps.tlsPath);
}

void TestOfferAnswer::wildcardAcceptTypes()
{
    LocalCapabilities caps = heraldCaps();
    caps.acceptTypes = {"*"};
    caps.maxSize = 1048576;
    const auto answer =
        answerOffer(parsed(offerText(msrpSection({}, "message/cpim text/plain text/html"))), caps);
    QVERIFY(answer);
    const MediaDescription &m = answer->sdp.media.first();
    QCOMPARE(*m.attribute("accept-types")->value, QByteArray("message/cpim text/plain text/html"));
    QCOMPARE(*m.attribute("max-size")->value, QByteArray("1048576"));
    QCOMPARE(answer->msrp->localAcceptTypes,
             (QByteArrayList{"message/cpim", "text/plain", "text/html"}));
    QCOMPARE(answer->msrp->remoteAcceptTypes,
             (QByteArrayList{"message/cpim", "text/plain", "text/html"}));
}

void TestOfferAnswer::invalidLocalCapabilities_data()
{
    QTest::addColumn<LocalCapabilities>("caps");
    auto with = [](auto change) {
        LocalCapabilities c = heraldCaps();
        change(c);
        return c;
    };
    QTest::newRow("no address") << with([](LocalCapabilities &c) { c.address.clear(); });
    QTest::newRow("address with a space")
        << with([](LocalCapabilities &c) { c.address = "192.0.2.1 x"; });
    QTest::newRow("address with CRLF")
        << with([](LocalCapabilities &c) { c.address = "h\r\na=x"; });
    QTest::newRow("no path at all") << with([](LocalCapabilities &c) {
        c.path.clear();
        c.tlsPath.clear();
    });
    QTest::newRow("TLS allowed without a path") << with([](LocalCapabilities &c) {
        c.tlsAllowed = true;
        c.tlsPath.clear();
    });
    QTest::newRow("path URI with a space")
        << with([](LocalCapabilities &c) { c.path = {"msrp://a b"}; });
    QTest::newRow("no accept-types") << with([](LocalCapabilities &c) { c.acceptTypes.clear(); });
    QTest::newRow("bad accept-types entry")
        << with([](LocalCapabilities &c) { c.acceptTypes = {"text"}; });
    QTest::newRow("bad wrapped entry")
        << with([](LocalCapabilities &c) { c.acceptWrappedTypes = {"a b"}; });
    QTest::newRow("actpass answer to actpass")
        << with([](LocalCapabilities &c) { c.setupOnActpass = Setup::ActPass; });
    QTest::newRow("extra attribute we write") << with([](LocalCapabilities &c) {
        c.extraAttributes = {Attribute{"setup", QByteArray("active")}};
    });
    QTest::newRow("extra attribute with a line break") << with([](LocalCapabilities &c) {
        c.extraAttributes = {Attribute{"x", QByteArray("1\r\nm=audio 1 RTP/AVP 0")}};
    });
    QTest::newRow("empty pull selector")
        << with([](LocalCapabilities &c) { c.pullAnswer = PullAnswer{}; });
    QTest::newRow("session name with a line break")
        << with([](LocalCapabilities &c) { c.sessionName = "a\nb"; });
}

void TestOfferAnswer::invalidLocalCapabilities()
{
    QFETCH(LocalCapabilities, caps);
    const auto answer = answerOffer(parsed(offerText(msrpSection())), caps);
    QVERIFY(!answer);
    QCOMPARE(answer.error().code, ErrorCode::InvalidArgument);
}

// Herald offers (buildOffer), Herald answers (answerOffer), and the offerer reads the answer
// (acceptAnswer): both ends must agree on who connects, who sends, and each other's paths.
void TestOfferAnswer::fullExchange_data()
{
    QTest::addColumn<OfferOptions>("options");
    QTest::addColumn<LocalCapabilities>("caps");
    QTest::addColumn<bool>("offererActive");
    QTest::addColumn<Direction>("offererDirection");

    OfferOptions chat = aliceOffer();
    QTest::newRow("chat, actpass, answerer passive")
        << chat << heraldCaps() << true << Direction::SendRecv;
    LocalCapabilities activeCaps = heraldCaps();
    activeCaps.setupOnActpass = Setup::Active;
    QTest::newRow("chat, actpass, answerer active")
        << chat << activeCaps << false << Direction::SendRecv;
    OfferOptions active = chat;
    active.setup = Setup::Active;
    QTest::newRow("chat, offerer active") << active << activeCaps << true << Direction::SendRecv;
    OfferOptions tls = chat;
    tls.transport = MsrpTransport::Tls;
    tls.path = {"msrps://192.0.2.1:7394/al1ce;tcp"};
    LocalCapabilities tlsCaps = heraldCaps();
    tlsCaps.tlsAllowed = true;
    QTest::newRow("chat over TLS") << tls << tlsCaps << true << Direction::SendRecv;
    OfferOptions sendOnly = chat;
    sendOnly.direction = Direction::SendOnly;
    QTest::newRow("offerer only sends") << sendOnly << heraldCaps() << true << Direction::SendOnly;

    OfferOptions push = chat;
    push.acceptTypes = {"message/cpim"};
    push.file = FileOffer{
        true,
        rfcPicture(32349),
        "vBnG916bdberum2fFEABR1FR3ExZMUrd",
        QByteArray("attachment"),
        FileDate{QByteArray("Mon, 15 May 2006 15:01:31 +0300"), std::nullopt, std::nullopt},
        QByteArray("cid:id2@alicepc.example.com"),
        FileRange{1, 32349},
        QByteArray("My picture")};
    QTest::newRow("push a file") << push << heraldCaps() << true << Direction::SendOnly;

    OfferOptions pullOffer = chat;
    pullOffer.acceptTypes = {"message/cpim"};
    FileSelector wanted;
    wanted.hashes = {FileHash{"sha-1", rfcHash}};
    pullOffer.file = FileOffer{false,        wanted,       "aCQYuBRVoUPGVsFZkCK98vzcX2FXDIk2",
                               std::nullopt, std::nullopt, std::nullopt,
                               std::nullopt, std::nullopt};
    LocalCapabilities pullCaps = heraldCaps();
    pullCaps.pullAnswer = PullAnswer{rfcPicture(4092), QByteArray("render"), std::nullopt};
    QTest::newRow("pull a file") << pullOffer << pullCaps << true << Direction::RecvOnly;
}

void TestOfferAnswer::fullExchange()
{
    QFETCH(OfferOptions, options);
    QFETCH(LocalCapabilities, caps);
    QFETCH(bool, offererActive);
    QFETCH(Direction, offererDirection);

    const auto built = buildOffer(options);
    QVERIFY2(built, qPrintable(built ? QString() : built.error().detail));
    // Over the wire and back, both ways.
    const SessionDescription offer = parsed(built->toBytes());
    QCOMPARE(offer, *built);
    const auto answer = answerOffer(offer, caps);
    QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().detail));
    const SessionDescription answerSdp = parsed(answer->sdp.toBytes());
    const auto agreed = acceptAnswer(offer, answerSdp);
    QVERIFY2(agreed, qPrintable(agreed ? QString() : agreed.error().detail));

    const NegotiatedMsrp &a = *answer->msrp; // the answerer's view
    const NegotiatedMsrp &o = *agreed;       // the offerer's view
    QCOMPARE(o.localIsActive, offererActive);
    QCOMPARE(a.localIsActive, !offererActive);
    QCOMPARE(o.localDirection, offererDirection);
    QCOMPARE(a.localDirection, mirrored(offererDirection));
    QCOMPARE(o.transport, a.transport);
    QCOMPARE(o.remotePath, a.localPath);
    QCOMPARE(a.remotePath, o.localPath);
    QCOMPARE(o.remoteAcceptTypes, a.localAcceptTypes);
    QCOMPARE(a.remoteAcceptTypes, o.localAcceptTypes);
    QCOMPARE(o.fileTransferId, a.fileTransferId);
    QCOMPARE(o.fileRange, a.fileRange);
    QCOMPARE(o.fileSelector, a.fileSelector);
    if (options.file) {
        QCOMPARE(o.fileRole, options.file->weSend ? FileRole::Sender : FileRole::Receiver);
        QCOMPARE(a.fileRole, options.file->weSend ? FileRole::Receiver : FileRole::Sender);
    } else {
        QCOMPARE(o.fileRole, FileRole::None);
        QCOMPARE(a.fileRole, FileRole::None);
    }
}

void TestOfferAnswer::acceptAnswerErrors_data()
{
    QTest::addColumn<QByteArray>("answer"); // replaces what Herald's answer would be
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("detail");

    const QByteArray head =
        "v=0\r\no=bob 1 1 IN IP4 192.0.2.2\r\ns=-\r\nc=IN IP4 192.0.2.2\r\nt=0 0\r\n";
    const QByteArray good =
        "m=message 2855 TCP/MSRP *\r\na=recvonly\r\na=accept-types:message/cpim\r\n"
        "a=path:msrp://192.0.2.2:2855/b;tcp\r\na=setup:passive\r\n"
        "a=file-selector:type:image/jpeg size:32349\r\na=file-transfer-id:ft1\r\n"
        "a=file-range:1-32349\r\n";
    auto replaced = [&](const char *from, const char *to) -> QByteArray {
        return head + QByteArray(good).replace(from, to);
    };
    QTest::newRow("no m= line") << head << ErrorCode::Malformed
                                << QStringLiteral("the answer has 0 m= lines, the offer had 1");
    QTest::newRow("refused") << replaced("m=message 2855", "m=message 0") << ErrorCode::Unsupported
                             << QStringLiteral("refused the MSRP stream");
    QTest::newRow("other media type")
        << replaced("m=message 2855 TCP/MSRP", "m=audio 2855 RTP/AVP") << ErrorCode::Malformed
        << QStringLiteral("changed the media type");
    QTest::newRow("other transport") << replaced("TCP/MSRP", "TCP/TLS/MSRP") << ErrorCode::Malformed
                                     << QStringLiteral("changed the transport");
    QTest::newRow("actpass in an answer")
        << replaced("setup:passive", "setup:actpass") << ErrorCode::Malformed
        << QStringLiteral("not valid in an answer");
    QTest::newRow("both active") << replaced("setup:passive", "setup:active")
                                 << ErrorCode::Malformed
                                 << QStringLiteral("both ends are a=setup:active");
    QTest::newRow("file-transfer-id changed")
        << replaced("file-transfer-id:ft1", "file-transfer-id:other") << ErrorCode::Malformed
        << QStringLiteral("file-transfer-id");
    QTest::newRow("file-range missing") << replaced("a=file-range:1-32349\r\n", "")
                                        << ErrorCode::Malformed << QStringLiteral("file-range");
    QTest::newRow("file not accepted")
        << replaced("a=recvonly", "a=inactive") << ErrorCode::Unsupported
        << QStringLiteral("does not accept the file");
    QTest::newRow("no path") << replaced("a=path:msrp://192.0.2.2:2855/b;tcp\r\n", "")
                             << ErrorCode::Malformed
                             << QStringLiteral("media section 1: MSRP stream without a=path");
}

void TestOfferAnswer::acceptAnswerErrors()
{
    QFETCH(QByteArray, answer);
    QFETCH(ErrorCode, code);
    QFETCH(QString, detail);
    OfferOptions o = aliceOffer();
    o.setup = Setup::Active;
    o.acceptTypes = {"message/cpim"};
    FileSelector s;
    s.type = "image/jpeg";
    s.size = 32349;
    o.file = FileOffer{
        true,        s, "ft1", std::nullopt, std::nullopt, std::nullopt, FileRange{1, 32349},
        std::nullopt};
    const auto offer = buildOffer(o);
    QVERIFY2(offer, qPrintable(offer ? QString() : offer.error().detail));
    const auto agreed = acceptAnswer(*offer, parsed(answer));
    QVERIFY(!agreed);
    QCOMPARE(agreed.error().code, code);
    QVERIFY2(agreed.error().detail.contains(detail), qPrintable(agreed.error().detail));
}

// An RFC 4975 answerer sends no a=setup: the offerer connects (RFC 4975 §8.5, RFC 6135 §5).
void TestOfferAnswer::legacyAnswerWithoutSetup()
{
    if (herald::test::corporaDir().isEmpty())
        QSKIP("test corpora not found: set HERALD_CORPORA_DIR (../shared/corpora)");
    const auto agreed = acceptAnswer(parsed(rfcFile(QStringLiteral("rfc4975-s8.7-02.sdp"))),
                                     parsed(rfcFile(QStringLiteral("rfc4975-s8.7-03.sdp"))));
    QVERIFY2(agreed, qPrintable(agreed ? QString() : agreed.error().detail));
    QVERIFY(agreed->localIsActive);
    QCOMPARE(agreed->remotePath, QByteArrayList{"msrp://bob.example.com:8493/si438dsaodes;tcp"});
    QCOMPARE(agreed->remoteAcceptTypes, (QByteArrayList{"message/cpim", "text/plain"}));
}

void TestOfferAnswer::warningHeader_data()
{
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QByteArray>("agent");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QStringLiteral("No common accept-types") << QByteArray("herald")
                           << QByteArray("399 herald \"No common accept-types\"");
    QTest::newRow("quotes and backslashes escaped")
        << QStringLiteral("bad \"x\" \\y") << QByteArray("h.example.com")
        << QByteArray("399 h.example.com \"bad \\\"x\\\" \\\\y\"");
    QTest::newRow("controls and non-ASCII dropped")
        << QStringLiteral("a\r\nb\u00e9c\u2028") << QByteArray("herald")
        << QByteArray("399 herald \"abc\"");
}

void TestOfferAnswer::warningHeader()
{
    QFETCH(QString, detail);
    QFETCH(QByteArray, agent);
    QFETCH(QByteArray, expected);
    QCOMPARE(warningHeaderValue(makeError(ErrorCode::Unsupported, detail), agent), expected);
}

QTEST_GUILESS_MAIN(TestOfferAnswer)
#include "tst_offeranswer.moc"
