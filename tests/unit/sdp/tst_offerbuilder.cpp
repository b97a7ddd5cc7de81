// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Herald's own offers: a message session, an RFC 5547 file offer (push or pull), and the
// capability SDP of an OPTIONS answer; the printed RFC offers reproduced, bad options refused.
#include "engine/sdp/offerbuilder.h"
#include "tests/support/testsupport.h"

#include <QTest>

using namespace herald;
using namespace herald::sdp;

Q_DECLARE_METATYPE(herald::sdp::OfferOptions)

namespace {

const QByteArray rfcHash = "72:24:5F:E8:65:3D:DA:F3:71:36:2F:86:D4:71:91:3E:E4:A2:CE:2E";

QByteArray rfcFile(const QString &name)
{
    return herald::test::readFile(herald::test::corporaDir() +
                                  QStringLiteral("/rfc-examples/sdp/") + name);
}

OfferOptions alice(const char *host, quint64 id, quint64 version, const char *name, quint16 port,
                   const char *path)
{
    OfferOptions o;
    o.originUsername = "alice";
    o.sessionId = id;
    o.sessionVersion = version;
    o.sessionName = name;
    o.address = host;
    o.port = port;
    o.path = {path};
    return o;
}

OfferOptions valid()
{
    OfferOptions o = alice("192.0.2.1", 1, 1, "-", 2855, "msrp://192.0.2.1:2855/x;tcp");
    o.acceptTypes = {"text/plain"};
    return o;
}

} // namespace

class TestOfferBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfcOffers_data();
    void rfcOffers();
    void capabilities();
    void heraldDefaults();
    void invalidOptions_data();
    void invalidOptions();
};

// The RFC offers, with the a=setup:actpass that RFC 6135 §4.2.1 requires of every MSRP offer
// (the RFCs predate it) added after a=path.
void TestOfferBuilder::rfcOffers_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<OfferOptions>("options");

    {
        OfferOptions o = alice("alice.example.com", 2890844526, 2890844527, " -", 7394,
                               "msrp://alice.example.com:7394/2s93i9ek2a;tcp");
        o.acceptTypes = {"text/plain"};
        QTest::newRow("RFC 4975 §8.2") << QStringLiteral("rfc4975-s8.2-01.sdp") << o;
    }
    {
        OfferOptions o = alice("alice.example.com", 2890844526, 2890844527, " -", 7394,
                               "msrp://alice.example.com:7394/2s93i93idj;tcp");
        o.originUsername = "usera";
        o.acceptTypes = {"message/cpim", "text/plain", "text/html"};
        QTest::newRow("RFC 4975 §8.7") << QStringLiteral("rfc4975-s8.7-02.sdp") << o;
    }
    {
        OfferOptions o = alice("host.atlanta.example.com", 2890844526, 2890844526, "", 7654,
                               "msrp://atlanta.example.com:7654/jshA7we;tcp");
        o.acceptTypes = {"message/cpim"};
        o.acceptWrappedTypes = {"*"};
        FileSelector s;
        s.name = FileSelector::encodeName(QStringLiteral("My cool picture.jpg"));
        s.type = "image/jpeg";
        s.size = 32349;
        s.hashes = {FileHash::sha1(QByteArray::fromHex(QByteArray(rfcHash).replace(":", "")))};
        const QDateTime created(QDate(2006, 5, 15), QTime(15, 1, 31), Qt::OffsetFromUTC, 3 * 3600);
        o.file = FileOffer{true,
                           s,
                           "vBnG916bdberum2fFEABR1FR3ExZMUrd",
                           QByteArray("attachment"),
                           FileDate{FileDate::formatDateTime(created), std::nullopt, std::nullopt},
                           QByteArray("cid:id2@alicepc.example.com"),
                           FileRange{1, 32349},
                           QByteArray("This is my latest picture")};
        QTest::newRow("RFC 5547 §6 push") << QStringLiteral("rfc5547-s6-01.sdp") << o;

        OfferOptions o2 = o;
        o2.address = "alicepc.example.com";
        o2.path = {"msrp://alicepc.example.com:7654/jshA7we;tcp"};
        o2.file->selector.size = 4092;
        o2.file->transferId = "Q6LMoGymJdh0IKIgD6wD0jkcfgva4xvE";
        o2.file->disposition = "render";
        o2.file->range.reset();
        QTest::newRow("RFC 5547 §9.1 push") << QStringLiteral("rfc5547-s9.1-02.sdp") << o2;
    }
    {
        OfferOptions o = alice("alicepc.example.com", 2890844526, 2890844526, "", 7654,
                               "msrp://alicepc.example.com:7654/jshA7we;tcp");
        o.acceptTypes = {"message/cpim"};
        o.acceptWrappedTypes = {"*"};
        FileSelector s;
        s.hashes = {FileHash{"sha-1", rfcHash}};
        // A receiver adds no other file attributes (RFC 5547 §8.2.2), even when given some.
        o.file = FileOffer{false,
                           s,
                           "aCQYuBRVoUPGVsFZkCK98vzcX2FXDIk2",
                           QByteArray("render"),
                           std::nullopt,
                           QByteArray("cid:ignored@x"),
                           std::nullopt,
                           std::nullopt};
        QTest::newRow("RFC 5547 §9.2 pull") << QStringLiteral("rfc5547-s9.2-04.sdp") << o;
    }
}

void TestOfferBuilder::rfcOffers()
{
    if (herald::test::corporaDir().isEmpty())
        QSKIP("test corpora not found: set HERALD_CORPORA_DIR (../shared/corpora)");
    QFETCH(QString, file);
    QFETCH(OfferOptions, options);
    const QByteArray printed = rfcFile(file);
    QVERIFY(!printed.isEmpty());
    const auto offer = buildOffer(options);
    QVERIFY2(offer, qPrintable(offer ? QString() : offer.error().detail));
    const QByteArray path = "a=path:" + options.path.first() + "\r\n";
    const QByteArray withSetup = path + "a=setup:actpass\r\n";
    QCOMPARE(offer->toBytes(), QByteArray(printed).replace(path, withSetup));
}

// RFC 5547 §9.3: the SDP of a 200 to OPTIONS, byte for byte.
void TestOfferBuilder::capabilities()
{
    OfferOptions o;
    o.originUsername = "bob";
    o.sessionId = 2890844656;
    o.sessionVersion = 2890855439;
    o.address = "bobpc.example.com";
    o.acceptTypes = {"message/cpim"};
    o.acceptWrappedTypes = {"*"};
    o.maxSize = 20000;
    o.path = {"ignored"};
    const auto caps = buildCapabilities(o);
    QVERIFY2(caps, qPrintable(caps ? QString() : caps.error().detail));
    const QByteArray expected =
        "v=0\r\no=bob 2890844656 2890855439 IN IP4 bobpc.example.com\r\ns=-\r\n"
        "c=IN IP4 bobpc.example.com\r\nt=0 0\r\nm=message 0 TCP/MSRP *\r\n"
        "a=accept-types:message/cpim\r\na=accept-wrapped-types:*\r\na=max-size:20000\r\n"
        "a=file-selector\r\n";
    QCOMPARE(caps->toBytes(), expected);
    if (!herald::test::corporaDir().isEmpty())
        QCOMPARE(caps->toBytes(), rfcFile(QStringLiteral("rfc5547-s9.3-08.sdp")));
}

// What Herald sends when nothing special is asked: IPv6 origin, active setup on port 9, extra
// attributes after the MSRP ones.
void TestOfferBuilder::heraldDefaults()
{
    OfferOptions o = valid();
    o.address = "2001:db8::5";
    o.path = {"msrp://[2001:db8::5]:2855/x;tcp"};
    o.setup = Setup::Active;
    o.extraAttributes = {Attribute{"chatroom", QByteArray("nickname")}};
    const auto offer = buildOffer(o);
    QVERIFY2(offer, qPrintable(offer ? QString() : offer.error().detail));
    QCOMPARE(offer->toBytes(),
             QByteArray("v=0\r\no=alice 1 1 IN IP6 2001:db8::5\r\ns=-\r\nc=IN IP6 2001:db8::5\r\n"
                        "t=0 0\r\nm=message 9 TCP/MSRP *\r\na=accept-types:text/plain\r\n"
                        "a=path:msrp://[2001:db8::5]:2855/x;tcp\r\na=setup:active\r\n"
                        "a=chatroom:nickname\r\n"));
}

void TestOfferBuilder::invalidOptions_data()
{
    QTest::addColumn<OfferOptions>("options");
    auto with = [](auto change) {
        OfferOptions o = valid();
        change(o);
        return o;
    };
    FileSelector nameOnly;
    nameOnly.name = "a.txt";
    FileSelector sized;
    sized.size = 10;

    QTest::newRow("setup passive (RFC 6135 §4.2.2)")
        << with([](OfferOptions &o) { o.setup = Setup::Passive; });
    QTest::newRow("setup holdconn (RFC 6135 §4.2.1)")
        << with([](OfferOptions &o) { o.setup = Setup::HoldConn; });
    QTest::newRow("no path") << with([](OfferOptions &o) { o.path.clear(); });
    QTest::newRow("path with a space") << with([](OfferOptions &o) { o.path = {"msrp://a b"}; });
    QTest::newRow("17 path URIs") << with(
        [](OfferOptions &o) { o.path = QByteArrayList(17, "msrp://h:1/x;tcp"); });
    QTest::newRow("no accept-types") << with([](OfferOptions &o) { o.acceptTypes.clear(); });
    QTest::newRow("bad accept-types")
        << with([](OfferOptions &o) { o.acceptTypes = {"text/plain text/html"}; });
    QTest::newRow("port 0") << with([](OfferOptions &o) { o.port = 0; });
    QTest::newRow("address with a space") << with([](OfferOptions &o) { o.address = "a b"; });
    QTest::newRow("no address") << with([](OfferOptions &o) { o.address.clear(); });
    QTest::newRow("session name with CRLF")
        << with([](OfferOptions &o) { o.sessionName = "x\r\na=y"; });
    QTest::newRow("extra attribute with CRLF") << with([](OfferOptions &o) {
        o.extraAttributes = {Attribute{"x", QByteArray("1\r\nm=audio 1 RTP/AVP 0")}};
    });
    QTest::newRow("push names only the file name (RFC 5547 §8.2.1)") << with(
        [&](OfferOptions &o) { o.file = FileOffer{true, nameOnly, "t1", {}, {}, {}, {}, {}}; });
    QTest::newRow("pull with an empty selector") << with([](OfferOptions &o) {
        o.file = FileOffer{false, FileSelector{}, "t1", {}, {}, {}, {}, {}};
    });
    QTest::newRow("transfer id not a token") << with(
        [&](OfferOptions &o) { o.file = FileOffer{true, sized, "a/b", {}, {}, {}, {}, {}}; });
    QTest::newRow("disposition not a token") << with([&](OfferOptions &o) {
        o.file = FileOffer{true, sized, "t1", QByteArray("a b"), {}, {}, {}, {}};
    });
    QTest::newRow("icon not cid") << with([&](OfferOptions &o) {
        o.file = FileOffer{true, sized, "t1", {}, {}, QByteArray("http://x"), {}, {}};
    });
    QTest::newRow("file name with a raw quote") << with([](OfferOptions &o) {
        FileSelector s;
        s.name = "a\"b";
        s.size = 1;
        o.file = FileOffer{true, s, "t1", {}, {}, {}, {}, {}};
    });
    QTest::newRow("file date that is not a date") << with([&](OfferOptions &o) {
        o.file =
            FileOffer{true, sized, "t1", {}, FileDate{QByteArray("yesterday"), {}, {}}, {}, {}, {}};
    });
    QTest::newRow("title with a line break") << with([&](OfferOptions &o) {
        o.file = FileOffer{true, sized, "t1", {}, {}, {}, {}, QByteArray("a\nb")};
    });
}

void TestOfferBuilder::invalidOptions()
{
    QFETCH(OfferOptions, options);
    const auto offer = buildOffer(options);
    QVERIFY2(!offer, "built although it must not");
    QCOMPARE(offer.error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestOfferBuilder)
#include "tst_offerbuilder.moc"
