// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The MSRP view of an m=message section: every attribute of RFC 4975, RFC 6135 and RFC 5547
// read into its field, every malformation refused with its attribute named, and the RFC
// examples rebuilt from the view attribute for attribute.
#include "engine/sdp/msrpmedia.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QMap>
#include <QTest>

using namespace herald;
using namespace herald::sdp;

Q_DECLARE_METATYPE(herald::ErrorCode)

namespace {

QByteArray sdpWith(const QByteArray &sessionAttributes, const QByteArray &mline,
                   const QByteArray &attributes)
{
    QByteArray text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";
    for (const QByteArray &a : sessionAttributes.split('\n')) {
        if (!a.isEmpty())
            text += a + "\r\n";
    }
    text += mline + "\r\n";
    for (const QByteArray &a : attributes.split('\n')) {
        if (!a.isEmpty())
            text += a + "\r\n";
    }
    return text;
}

QByteArray orNone(const std::optional<QByteArray> &v)
{
    return v ? *v : QByteArray("none");
}

// Every field of a view as text, so table rows can name one field and its expected value.
QMap<QByteArray, QByteArray> dump(const MsrpMedia &v)
{
    QMap<QByteArray, QByteArray> d;
    d["transport"] = v.transport == MsrpTransport::Tls ? "tls" : "tcp";
    d["port"] = QByteArray::number(v.port);
    d["path"] = v.path.join('|');
    d["accept-types"] = v.acceptTypes.join('|');
    d["accept-wrapped-types"] = v.acceptWrappedTypes.join('|');
    d["max-size"] = v.maxSize ? QByteArray::number(*v.maxSize) : "none";
    d["setup"] = v.setup ? setupName(*v.setup) : "none";
    d["connection"] = v.connection ? connectionAttributeName(*v.connection) : "none";
    d["direction"] = directionName(v.direction);
    d["file-selector"] = !v.fileSelector             ? "none"
                         : v.fileSelector->isEmpty() ? "empty"
                                                     : v.fileSelector->toBytes();
    d["file-transfer-id"] = orNone(v.fileTransferId);
    d["file-disposition"] = orNone(v.fileDisposition);
    d["file-date"] = v.fileDate ? v.fileDate->toBytes() : "none";
    d["file-icon"] = orNone(v.fileIcon);
    d["file-range"] = v.fileRange ? v.fileRange->toBytes() : "none";
    QByteArrayList other;
    for (const Attribute &a : v.otherAttributes)
        other << (a.value ? a.name + ':' + *a.value : a.name);
    d["other"] = other.join('|');
    d["is-file-transfer"] = v.isFileTransfer() ? "yes" : "no";
    return d;
}

const QByteArray base = "a=accept-types:text/plain\na=path:msrp://192.0.2.1:7394/s;tcp\n";

} // namespace

class TestMsrpMedia : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void attributes_data();
    void attributes();
    void errors_data();
    void errors();
    void namesRoundTrip();
    void directionHelpers();
    void rfcExamplesRebuild_data();
    void rfcExamplesRebuild();
};

void TestMsrpMedia::attributes_data()
{
    QTest::addColumn<QByteArray>("sessionAttributes");
    QTest::addColumn<QByteArray>("mline");
    QTest::addColumn<QByteArray>("attributes");
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray m = "m=message 7394 TCP/MSRP *";
    auto row = [&](const char *name, const QByteArray &session, const QByteArray &mline,
                   const QByteArray &attrs, const char *field, const QByteArray &expected) {
        QTest::newRow(name) << session << mline << attrs << QByteArray(field) << expected;
    };
    row("TCP/MSRP", {}, m, base, "transport", "tcp");
    row("TCP/TLS/MSRP", {}, "m=message 7394 TCP/TLS/MSRP *", base, "transport", "tls");
    row("protocol is case-insensitive", {}, "m=message 7394 tcp/tls/msrp *", base, "transport",
        "tls");
    row("port", {}, m, base, "port", "7394");
    row("path with relays", {}, m,
        "a=accept-types:text/plain\na=path:msrps://relay.example:2855;tcp "
        "msrp://192.0.2.1:7394/s;tcp",
        "path", "msrps://relay.example:2855;tcp|msrp://192.0.2.1:7394/s;tcp");
    row("path URIs kept raw", {}, m, "a=accept-types:text/plain\na=path:not-a-uri", "path",
        "not-a-uri");
    row("accept-types", {}, m,
        "a=accept-types:message/cpim text/plain text/*\na=path:msrp://h:1/s;tcp", "accept-types",
        "message/cpim|text/plain|text/*");
    row("accept-wrapped-types", {}, m, base + "a=accept-wrapped-types:text/plain *",
        "accept-wrapped-types", "text/plain|*");
    row("no max-size", {}, m, base, "max-size", "none");
    row("max-size", {}, m, base + "a=max-size:20000", "max-size", "20000");
    row("max-size 2^64-1", {}, m, base + "a=max-size:18446744073709551615", "max-size",
        "18446744073709551615");
    row("setup active", {}, m, base + "a=setup:active", "setup", "active");
    row("setup passive", {}, m, base + "a=setup:passive", "setup", "passive");
    row("setup actpass", {}, m, base + "a=setup:actpass", "setup", "actpass");
    row("setup holdconn", {}, m, base + "a=setup:holdconn", "setup", "holdconn");
    row("setup at session level", "a=setup:actpass", m, base, "setup", "actpass");
    row("media setup wins over session", "a=setup:actpass", m, base + "a=setup:active", "setup",
        "active");
    row("no setup", {}, m, base, "setup", "none");
    row("connection new", {}, m, base + "a=connection:new", "connection", "new");
    row("connection existing", {}, m, base + "a=connection:existing", "connection", "existing");
    row("default direction", {}, m, base, "direction", "sendrecv");
    row("sendonly", {}, m, base + "a=sendonly", "direction", "sendonly");
    row("recvonly", {}, m, base + "a=recvonly", "direction", "recvonly");
    row("inactive", {}, m, base + "a=inactive", "direction", "inactive");
    row("explicit sendrecv", {}, m, base + "a=sendrecv", "direction", "sendrecv");
    row("session direction applies", "a=recvonly", m, base, "direction", "recvonly");
    row("media direction wins", "a=recvonly", m, base + "a=sendonly", "direction", "sendonly");
    row("file-selector", {}, m, base + "a=file-selector:name:\"a b.txt\" size:12", "file-selector",
        "name:\"a b.txt\" size:12");
    row("file-selector makes a transfer", {}, m, base + "a=file-selector:size:12",
        "is-file-transfer", "yes");
    row("bare file-selector", {}, m, base + "a=file-selector", "file-selector", "empty");
    row("bare file-selector is no transfer", {}, m, base + "a=file-selector", "is-file-transfer",
        "no");
    row("file-transfer-id", {}, m, base + "a=file-transfer-id:vBnG916bdberum2fFEABR1FR3ExZMUrd",
        "file-transfer-id", "vBnG916bdberum2fFEABR1FR3ExZMUrd");
    row("file-disposition", {}, m, base + "a=file-disposition:attachment", "file-disposition",
        "attachment");
    row("file-date", {}, m, base + "a=file-date:creation:\"Mon, 15 May 2006 15:01:31 +0300\"",
        "file-date", "creation:\"Mon, 15 May 2006 15:01:31 +0300\"");
    row("file-icon", {}, m, base + "a=file-icon:cid:id2@alicepc.example.com", "file-icon",
        "cid:id2@alicepc.example.com");
    row("file-icon scheme case", {}, m, base + "a=file-icon:CID:x", "file-icon", "CID:x");
    row("file-range", {}, m, base + "a=file-range:1-32349", "file-range", "1-32349");
    row("file-range open", {}, m, base + "a=file-range:100-*", "file-range", "100-*");
    row("unknown attributes kept in order", {}, m,
        "a=x-one\n" + base + "a=chatroom:nickname private-messages", "other",
        "x-one|chatroom:nickname private-messages");
    row("attribute names case-insensitive", {}, m,
        "a=Accept-Types:text/plain\na=PATH:msrp://h:1/s;tcp\na=SendOnly", "direction", "sendonly");
    row("rejected stream needs no path", {}, "m=message 0 TCP/MSRP *", "a=file-selector", "path",
        "");
    row("formats other than * are tolerated", {}, "m=message 7394 TCP/MSRP x", base, "port",
        "7394");
}

void TestMsrpMedia::attributes()
{
    QFETCH(QByteArray, sessionAttributes);
    QFETCH(QByteArray, mline);
    QFETCH(QByteArray, attributes);
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, expected);
    const auto sdp = SessionDescription::parse(sdpWith(sessionAttributes, mline, attributes));
    QVERIFY2(sdp, qPrintable(sdp ? QString() : sdp.error().detail));
    QVERIFY(MsrpMedia::isMsrp(sdp->media.first()));
    const auto view = MsrpMedia::fromMedia(sdp->media.first(), &*sdp);
    QVERIFY2(view, qPrintable(view ? QString() : view.error().detail));
    const auto d = dump(*view);
    QVERIFY2(d.contains(field), field.constData());
    QCOMPARE(d.value(field), expected);

    // The view rebuilds a media section that reads back as the same view.
    SessionDescription rebuilt = *sdp;
    rebuilt.attributes.clear();
    rebuilt.media = {view->toMedia()};
    const auto reparsed = SessionDescription::parse(rebuilt.toBytes());
    QVERIFY2(reparsed, qPrintable(reparsed ? QString() : reparsed.error().detail));
    const auto again = MsrpMedia::fromMedia(reparsed->media.first(), &*reparsed);
    QVERIFY(again);
    QCOMPARE(*again, *view);
}

void TestMsrpMedia::errors_data()
{
    QTest::addColumn<QByteArray>("sessionAttributes");
    QTest::addColumn<QByteArray>("mline");
    QTest::addColumn<QByteArray>("attributes");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("detail");

    const QByteArray m = "m=message 7394 TCP/MSRP *";
    auto row = [&](const char *name, const QByteArray &session, const QByteArray &mline,
                   const QByteArray &attrs, ErrorCode code, const QString &detail) {
        QTest::newRow(name) << session << mline << attrs << code << detail;
    };
    const auto bad = ErrorCode::Malformed;
    row("not message", {}, "m=audio 9 TCP/MSRP *", base, ErrorCode::Unsupported,
        QStringLiteral("m=audio is not an MSRP stream"));
    row("WebSocket transport", {}, "m=message 9 TCP/WS/MSRP *", base, ErrorCode::Unsupported,
        QStringLiteral("protocol \"TCP/WS/MSRP\" is not TCP/MSRP"));
    row("port count", {}, "m=message 9/2 TCP/MSRP *", base, bad, QStringLiteral("number of ports"));
    row("no path", {}, m, "a=accept-types:text/plain", bad, QStringLiteral("without a=path"));
    row("no accept-types", {}, m, "a=path:msrp://h:1/s;tcp", bad,
        QStringLiteral("without a=accept-types"));
    row("path twice", {}, m, base + "a=path:msrp://h:1/t;tcp", bad,
        QStringLiteral("a=path: appears more than once"));
    row("path without value", {}, m, "a=accept-types:text/plain\na=path", bad,
        QStringLiteral("a=path: needs a value"));
    row("path of only spaces", {}, m, "a=accept-types:text/plain\na=path:   ", bad,
        QStringLiteral("a=path: no URI"));
    QByteArray seventeen = "a=accept-types:text/plain\na=path:";
    for (int i = 0; i < 17; ++i)
        seventeen += "msrp://h:1/" + QByteArray::number(i) + ";tcp ";
    row("17 path URIs", {}, m, seventeen.trimmed(), ErrorCode::LimitExceeded,
        QStringLiteral("more than 16 URIs"));
    row("path URI over 1024 bytes", {}, m,
        "a=accept-types:text/plain\na=path:msrp://h:1/" + QByteArray(1100, 'x'),
        ErrorCode::LimitExceeded, QStringLiteral("longer than 1024"));
    row("bad accept-types entry", {}, m, "a=accept-types:text\na=path:msrp://h:1/s;tcp", bad,
        QStringLiteral("a=accept-types: \"text\" is not a media type entry"));
    row("bad accept-wrapped-types entry", {}, m, base + "a=accept-wrapped-types:*/plain", bad,
        QStringLiteral("a=accept-wrapped-types: \"*/plain\""));
    row("accept-types twice", {}, m, base + "a=accept-types:text/html", bad,
        QStringLiteral("a=accept-types: appears more than once"));
    row("max-size not a number", {}, m, base + "a=max-size:1k", bad,
        QStringLiteral("a=max-size: \"1k\" is not a 64-bit number"));
    row("max-size 2^64", {}, m, base + "a=max-size:18446744073709551616", bad,
        QStringLiteral("a=max-size:"));
    row("setup unknown", {}, m, base + "a=setup:both", bad,
        QStringLiteral("a=setup: must be active"));
    row("setup without value", {}, m, base + "a=setup", bad,
        QStringLiteral("a=setup: needs a value"));
    row("setup twice", {}, m, base + "a=setup:active\na=setup:passive", bad,
        QStringLiteral("a=setup: appears more than once"));
    row("session setup twice", "a=setup:active\na=setup:passive", m, base, bad,
        QStringLiteral("more than once at session level"));
    row("session setup unknown", "a=setup:x", m, base, bad,
        QStringLiteral("a=setup: must be active"));
    row("connection unknown", {}, m, base + "a=connection:old", bad,
        QStringLiteral("a=connection: must be new or existing"));
    row("two directions", {}, m, base + "a=sendonly\na=recvonly", bad,
        QStringLiteral("more than one direction attribute"));
    row("direction with a value", {}, m, base + "a=sendonly:yes", bad,
        QStringLiteral("a=sendonly: takes no value"));
    row("two session directions", "a=sendonly\na=inactive", m, base, bad,
        QStringLiteral("more than one direction attribute"));
    row("file-selector broken", {}, m, base + "a=file-selector:name:x", bad,
        QStringLiteral("file-selector: the name selector must be quoted"));
    row("file-selector twice", {}, m, base + "a=file-selector:size:1\na=file-selector:size:2", bad,
        QStringLiteral("a=file-selector: appears more than once"));
    row("file-transfer-id not a token", {}, m, base + "a=file-transfer-id:a/b", bad,
        QStringLiteral("a=file-transfer-id: value must be a token"));
    row("file-disposition not a token", {}, m, base + "a=file-disposition:in line", bad,
        QStringLiteral("a=file-disposition: value must be a token"));
    row("file-date broken", {}, m, base + "a=file-date:creation:\"today\"", bad,
        QStringLiteral("file-date:"));
    row("file-icon not cid", {}, m, base + "a=file-icon:http://x/icon.png", bad,
        QStringLiteral("a=file-icon: must be a cid: URL"));
    row("file-icon empty cid", {}, m, base + "a=file-icon:cid:", bad,
        QStringLiteral("a=file-icon: must be a cid: URL"));
    row("file-range broken", {}, m, base + "a=file-range:0-1", bad,
        QStringLiteral("file-range: start"));
    row("file-range twice", {}, m, base + "a=file-range:1-2\na=file-range:1-2", bad,
        QStringLiteral("a=file-range: appears more than once"));
}

void TestMsrpMedia::errors()
{
    QFETCH(QByteArray, sessionAttributes);
    QFETCH(QByteArray, mline);
    QFETCH(QByteArray, attributes);
    QFETCH(ErrorCode, code);
    QFETCH(QString, detail);
    const auto sdp = SessionDescription::parse(sdpWith(sessionAttributes, mline, attributes));
    QVERIFY2(sdp, qPrintable(sdp ? QString() : sdp.error().detail));
    const auto view = MsrpMedia::fromMedia(sdp->media.first(), &*sdp);
    QVERIFY(!view);
    QCOMPARE(view.error().code, code);
    QVERIFY2(view.error().detail.contains(detail), qPrintable(view.error().detail));
}

void TestMsrpMedia::namesRoundTrip()
{
    for (Setup s : {Setup::Active, Setup::Passive, Setup::ActPass, Setup::HoldConn})
        QVERIFY(setupFromName(setupName(s)) == s);
    for (Direction d :
         {Direction::SendRecv, Direction::SendOnly, Direction::RecvOnly, Direction::Inactive})
        QVERIFY(directionFromName(directionName(d)) == d);
    for (MsrpTransport t : {MsrpTransport::Tcp, MsrpTransport::Tls})
        QVERIFY(transportForProtocol(protocolName(t)) == t);
    QVERIFY(!setupFromName("act"));
    QVERIFY(!directionFromName("send"));
    QVERIFY(!transportForProtocol("TCP/WS/MSRP"));
    QVERIFY(MsrpMedia::isKnownAttribute("PATH"));
    QVERIFY(MsrpMedia::isKnownAttribute("inactive"));
    QVERIFY(!MsrpMedia::isKnownAttribute("chatroom"));
}

void TestMsrpMedia::directionHelpers()
{
    QCOMPARE(mirrored(Direction::SendOnly), Direction::RecvOnly);
    QCOMPARE(mirrored(Direction::RecvOnly), Direction::SendOnly);
    QCOMPARE(mirrored(Direction::SendRecv), Direction::SendRecv);
    QCOMPARE(mirrored(Direction::Inactive), Direction::Inactive);
    QCOMPARE(directionFrom(true, false), Direction::SendOnly);
    QCOMPARE(directionFrom(false, false), Direction::Inactive);
    QVERIFY(canSend(Direction::SendRecv) && !canSend(Direction::RecvOnly));
    QVERIFY(canReceive(Direction::RecvOnly) && !canReceive(Direction::Inactive));
}

// Every printed MSRP media section reads into a view whose toMedia() gives back the same
// attributes in the same order: the writer's order is the RFCs' order.
void TestMsrpMedia::rfcExamplesRebuild_data()
{
    QTest::addColumn<QString>("file");
    const QString root = herald::test::corporaDir();
    if (root.isEmpty())
        return;
    const QString dir = root + QStringLiteral("/rfc-examples/sdp");
    for (const QString &f : QDir(dir).entryList({QStringLiteral("*.sdp")}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(f)) << dir + QLatin1Char('/') + f;
}

void TestMsrpMedia::rfcExamplesRebuild()
{
    if (herald::test::corporaDir().isEmpty())
        QSKIP("test corpora not found: set HERALD_CORPORA_DIR (../shared/corpora)");
    QFETCH(QString, file);
    const auto sdp = SessionDescription::parse(herald::test::readFile(file));
    QVERIFY(sdp);
    QCOMPARE(sdp->media.size(), 1);
    const MediaDescription &original = sdp->media.first();
    const auto view = MsrpMedia::fromMedia(original, &*sdp);
    QVERIFY2(view, qPrintable(view ? QString() : view.error().detail));
    MediaDescription rebuilt = view->toMedia();
    rebuilt.information = original.information; // i= is not an MSRP attribute
    QCOMPARE(rebuilt, original);
}

QTEST_GUILESS_MAIN(TestMsrpMedia)
#include "tst_msrpmedia.moc"
