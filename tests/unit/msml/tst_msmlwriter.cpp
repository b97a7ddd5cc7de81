// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/msmlparser.h"
#include "engine/msml/msmlwriter.h"

#include <QTest>

using namespace herald::msml;

Q_DECLARE_METATYPE(herald::msml::Document)

namespace {

Document resultDocument(ResultDocument result)
{
    return Document{QStringLiteral("1.1"), std::move(result)};
}

Document eventDocument(EventDocument event)
{
    return Document{QStringLiteral("1.1"), std::move(event)};
}

EventDocument objectDone()
{
    // DESIGN.md §1: what Herald reports when vm1 has been delivered.
    EventDocument event;
    event.name = QStringLiteral("transfer.objectdone");
    event.id = QStringLiteral("conn:abc/dialog:12345");
    event.values = {{QStringLiteral("transfer.objid"), QStringLiteral("vm1")},
                    {QStringLiteral("transfer.duration"), QStringLiteral("1s250ms")}};
    return event;
}

} // namespace

class TestMsmlWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void byteExact_data();
    void byteExact();
    void convenienceWriters();
    void errorResultDocument();
    void invalidCharacters();
    void requestRoundTrip();
};

void TestMsmlWriter::byteExact_data()
{
    QTest::addColumn<Document>("document");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("result 200") << resultDocument(ResultDocument::ok())
                                << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                              "<msml version=\"1.1\">\n"
                                              "  <result response=\"200\"/>\n"
                                              "</msml>\n");

    ResultDocument created = ResultDocument::ok();
    created.dialogIds = {QStringLiteral("conn:abc/dialog:12345")};
    QTest::newRow("result 200 with dialogid")
        << resultDocument(created)
        << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<msml version=\"1.1\">\n"
                      "  <result response=\"200\">\n"
                      "    <dialogid>conn:abc/dialog:12345</dialogid>\n"
                      "  </result>\n"
                      "</msml>\n");

    ResultDocument bad =
        ResultDocument::error(ResponseCode::InvalidAttributeValue,
                              QStringLiteral("<fileobj delete>: \"yes\" & not \"true\""));
    bad.mark = QStringLiteral("m7");
    QTest::newRow("result 410 with description, escaped")
        << resultDocument(bad)
        << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<msml version=\"1.1\">\n"
                      "  <result response=\"410\" mark=\"m7\">\n"
                      "    <description>&lt;fileobj delete&gt;: &quot;yes&quot; &amp; not "
                      "&quot;true&quot;</description>\n"
                      "  </result>\n"
                      "</msml>\n");

    QTest::newRow("event with values")
        << eventDocument(objectDone())
        << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<msml version=\"1.1\">\n"
                      "  <event name=\"transfer.objectdone\" id=\"conn:abc/dialog:12345\">\n"
                      "    <name>transfer.objid</name>\n"
                      "    <value>vm1</value>\n"
                      "    <name>transfer.duration</name>\n"
                      "    <value>1s250ms</value>\n"
                      "  </event>\n"
                      "</msml>\n");

    EventDocument exit;
    exit.name = QStringLiteral("msml.dialog.exit");
    exit.id = QStringLiteral("conn:abc/dialog:12345");
    QTest::newRow("event without values")
        << eventDocument(exit)
        << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<msml version=\"1.1\">\n"
                      "  <event name=\"msml.dialog.exit\" id=\"conn:abc/dialog:12345\"/>\n"
                      "</msml>\n");

    EventDocument text;
    text.name = QStringLiteral("TransferEnd");
    text.id = QStringLiteral("conn:abc/dialog:12345");
    text.values = {{QStringLiteral("transfer.end"), QStringLiteral("line 1\r\nline 2 <&>\t\u00e9")},
                   {QStringLiteral("empty"), QString()}};
    QTest::newRow("event value with CR, markup, UTF-8 and an empty value")
        << eventDocument(text)
        << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<msml version=\"1.1\">\n"
                      "  <event name=\"TransferEnd\" id=\"conn:abc/dialog:12345\">\n"
                      "    <name>transfer.end</name>\n"
                      "    <value>line 1&#13;\nline 2 &lt;&amp;&gt;\t\xc3\xa9</value>\n"
                      "    <name>empty</name>\n"
                      "    <value/>\n"
                      "  </event>\n"
                      "</msml>\n");
}

void TestMsmlWriter::byteExact()
{
    QFETCH(Document, document);
    QFETCH(QByteArray, bytes);

    const QByteArray written = Writer::write(document);
    QCOMPARE(written, bytes);
    // ...and it parses back to the same document.
    const ParseResult parsed = Parser().parse(written);
    QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().description));
    QCOMPARE(*parsed, document);
}

void TestMsmlWriter::convenienceWriters()
{
    QCOMPARE(Writer::writeResult(ResultDocument::ok()),
             Writer::write(resultDocument(ResultDocument::ok())));
    QCOMPARE(Writer::writeEvent(objectDone()), Writer::write(eventDocument(objectDone())));
}

void TestMsmlWriter::errorResultDocument()
{
    // A refused script's answer, end to end: parse error -> result document -> bytes.
    const ParseResult parsed = Parser().parse(
        "<msml version=\"1.1\">\n<dialogstart target=\"conn:a\">\n"
        "<transfer><fileobj src=\"file:///a\" dest=\"xmsrp://?answerer=sip:b@h\" delete=\"yes\"/>"
        "</transfer></dialogstart></msml>");
    QVERIFY(!parsed.has_value());
    const QByteArray written = Writer::writeResult(errorResult(parsed.error()));
    QCOMPARE(written,
             QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<msml version=\"1.1\">\n"
                        "  <result response=\"410\">\n"
                        "    <description>&lt;fileobj delete&gt;: &quot;yes&quot; is not a boolean "
                        "(true or false) (line 3, column 82)</description>\n"
                        "  </result>\n"
                        "</msml>\n"));
    const ParseResult back = Parser().parse(written);
    QVERIFY(back.has_value());
    QCOMPARE(back->result()->response, 410);
    QCOMPARE(herald::msml::errorResultDocument(parsed.error()), *back);
}

void TestMsmlWriter::invalidCharacters()
{
    // Characters XML cannot carry become U+FFFD rather than a document nobody can read.
    ResultDocument result = ResultDocument::error(ResponseCode::BadRequest, QString());
    result.description =
        QStringLiteral("a") + QChar(0x01) + QChar(0xD800) + QStringLiteral("b") + QChar(0xFFFF);
    const QByteArray written = Writer::writeResult(result);
    QVERIFY(written.contains("<description>a\xef\xbf\xbd\xef\xbf\xbd"
                             "b\xef\xbf\xbd</description>"));
    const ParseResult parsed = Parser().parse(written);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->result()->description, QStringLiteral("a\uFFFD\uFFFDb\uFFFD"));
}

void TestMsmlWriter::requestRoundTrip()
{
    // The DESIGN.md script, once parsed, writes in canonical form: attributes in a fixed
    // order, shadow elements in the package's order; parsing that gives the same model.
    const QByteArray script =
        "<msml version=\"1.1\">\n"
        "  <dialogstart name=\"12345\" target=\"conn:abc\" type=\"application/moml+xml\">\n"
        "    <transfer id=\"transfer\">\n"
        "      <fileobj objid=\"vm1\" src=\"file:///var/spool/herald/vm/msg1.amr\"\n"
        "               contenttype=\"audio/amr\" delete=\"true\" append=\"false\"\n"
        "               dest=\"xmsrp://?offerer=sip:msml@10.0.0.7;answerer=sip:vmds@10.0.0.25;"
        "file=/inbox/msg1.amr\"/>\n"
        "      <messageobj objid=\"t1\" dest=\"xmsrp://?answerer=&lt;sip:b@h;transport=tcp&gt;\" "
        "wait=\"1.5s\"><content contenttype=\"text/plain\">Hi\r\nthere</content></messageobj>\n"
        "      <transferobjdone>\n"
        "        <send event=\"transfer.objectdone\" namelist=\"transfer.objid "
        "transfer.duration\" target=\"source\"/>\n"
        "      </transferobjdone>\n"
        "      <transferstart/>\n"
        "      <transferexit>\n"
        "        <send event=\"TransferEnd\" namelist=\"transfer.duration transfer.end\" "
        "target=\"source\"/>\n"
        "      </transferexit>\n"
        "    </transfer>\n"
        "  </dialogstart>\n"
        "  <dialogend id=\"conn:abc/dialog:12345\"/>\n"
        "</msml>\n";
    const ParseResult parsed = Parser().parse(script);
    QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().description));
    const QByteArray written = Writer::write(*parsed);
    QCOMPARE(
        written,
        QByteArray(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<msml version=\"1.1\">\n"
            "  <dialogstart target=\"conn:abc\" name=\"12345\" type=\"application/moml+xml\">\n"
            "    <transfer id=\"transfer\">\n"
            "      <fileobj objid=\"vm1\" src=\"file:///var/spool/herald/vm/msg1.amr\" "
            "dest=\"xmsrp://?offerer=sip:msml@10.0.0.7;answerer=sip:vmds@10.0.0.25;"
            "file=/inbox/msg1.amr\" contenttype=\"audio/amr\" delete=\"true\" "
            "append=\"false\"/>\n"
            "      <messageobj objid=\"t1\" dest=\"xmsrp://?answerer=&lt;sip:b@h;transport=tcp"
            "&gt;\" wait=\"1500ms\">\n"
            "        <content contenttype=\"text/plain\">Hi\nthere</content>\n"
            "      </messageobj>\n"
            "      <transferstart/>\n"
            "      <transferobjdone>\n"
            "        <send event=\"transfer.objectdone\" target=\"source\" "
            "namelist=\"transfer.objid transfer.duration\"/>\n"
            "      </transferobjdone>\n"
            "      <transferexit>\n"
            "        <send event=\"TransferEnd\" target=\"source\" namelist=\"transfer.duration "
            "transfer.end\"/>\n"
            "      </transferexit>\n"
            "    </transfer>\n"
            "  </dialogstart>\n"
            "  <dialogend id=\"conn:abc/dialog:12345\"/>\n"
            "</msml>\n"));
    const ParseResult again = Parser().parse(written);
    QVERIFY(again.has_value());
    QCOMPARE(*again, *parsed);
    QCOMPARE(Writer::write(*again), written);
}

QTEST_GUILESS_MAIN(TestMsmlWriter)
#include "tst_msmlwriter.moc"
