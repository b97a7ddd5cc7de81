// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/msmlparser.h"
#include "engine/msml/msmlwriter.h"

#include <QTest>

using namespace herald::msml;

Q_DECLARE_METATYPE(herald::msml::ErrorReason)

namespace {

// A valid result document of exactly `size` bytes (white space pads it).
QByteArray resultOfSize(qsizetype size)
{
    const QByteArray head = "<msml version=\"1.1\"><result response=\"200\"/>";
    const QByteArray tail = "</msml>";
    return head + QByteArray(size - head.size() - tail.size(), ' ') + tail;
}

// <msml> with `depth - 1` nested <x> inside: elements `depth` deep.
QByteArray nested(int depth)
{
    QByteArray xml = "<msml version=\"1.1\">";
    for (int i = 1; i < depth; ++i)
        xml += "<x>";
    for (int i = 1; i < depth; ++i)
        xml += "</x>";
    return xml + "</msml>";
}

QByteArray utf16le(const QString &text)
{
    return QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
}

} // namespace

class TestMsmlSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refused_data();
    void refused();
    void predefinedEntitiesAndCharacterReferences();
    void depthLimit();
    void sizeLimit();
    void customLimits();
    void refusalBecomesResult();
};

void TestMsmlSafety::refused_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<ErrorReason>("reason");

    using R = ErrorReason;
    const QByteArray ok = "<msml version=\"1.1\"><result response=\"200\"/></msml>";

    // DTDs in every place they can hide (CVE-2023-38197 needs one).
    QTest::newRow("doctype") << QByteArray("<!DOCTYPE msml>" + ok) << R::DtdRefused;
    QTest::newRow("doctype after declaration")
        << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE msml SYSTEM \"msml.dtd\">\n" + ok)
        << R::DtdRefused;
    QTest::newRow("billion laughs")
        << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE msml [<!ENTITY a \"ha\">"
                      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                      "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
                      "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
                      "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
                      "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
                      "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>"
                      "<msml version=\"1.1\"><result response=\"400\"><description>&h;"
                      "</description></result></msml>")
        << R::DtdRefused;
    QTest::newRow("recursive entity")
        << QByteArray("<!DOCTYPE msml [<!ENTITY a \"&b;\"><!ENTITY b \"&a;\">]>"
                      "<msml version=\"1.1\"><result response=\"200\"><description>&a;"
                      "</description></result></msml>")
        << R::DtdRefused;
    QTest::newRow("external entity")
        << QByteArray("<!DOCTYPE msml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                      "<msml version=\"1.1\"><result response=\"200\"><description>&x;"
                      "</description></result></msml>")
        << R::DtdRefused;
    QTest::newRow("doctype inside the root")
        << QByteArray("<msml version=\"1.1\"><!DOCTYPE x [<!ENTITY a \"&a;\">]>&a;</msml>")
        << R::DtdRefused;
    QTest::newRow("doctype wins over a validation error")
        << QByteArray("<!DOCTYPE msml><msml version=\"1.1\"><join/></msml>") << R::DtdRefused;
    QTest::newRow("lower-case doctype is not XML")
        << QByteArray("<!doctype msml>" + ok) << R::NotWellFormed;

    // Entities that were never declared.
    QTest::newRow("entity in text")
        << QByteArray("<msml version=\"1.1\"><result response=\"400\"><description>&nbsp;"
                      "</description></result></msml>")
        << R::EntityRefused;
    QTest::newRow("entity in attribute")
        << QByteArray("<msml version=\"1.1\"><result response=\"200\" mark=\"&x;\"/></msml>")
        << R::EntityRefused;
    QTest::newRow("entity in message content")
        << QByteArray("<msml version=\"1.1\"><dialogstart target=\"conn:a\"><transfer>"
                      "<messageobj dest=\"xmsrp://?answerer=sip:b@h\"><content>&secret;</content>"
                      "</messageobj></transfer></dialogstart></msml>")
        << R::EntityRefused;

    // Encodings other than UTF-8.
    QTest::newRow("NUL byte") << QByteArray("<msml version=\"1.1\">\0</msml>", 27)
                              << R::EncodingRefused;
    QTest::newRow("UTF-16 with BOM")
        << QByteArray("\xff\xfe" + utf16le(QString::fromLatin1(ok))) << R::EncodingRefused;
    QTest::newRow("UTF-16 without BOM") << utf16le(QString::fromLatin1(ok)) << R::EncodingRefused;
    QTest::newRow("ISO-8859-1 declared")
        << QByteArray("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + ok) << R::EncodingRefused;
    QTest::newRow("EBCDIC declared")
        << QByteArray("<?xml version=\"1.0\" encoding=\"IBM037\"?>" + ok) << R::EncodingRefused;
    QTest::newRow("invalid UTF-8")
        << QByteArray("<msml version=\"1.1\"><result response=\"400\"><description>\xff\xfe"
                      "</description></result></msml>")
        << R::NotWellFormed;

    // Not a document.
    QTest::newRow("empty") << QByteArray() << R::NotWellFormed;
    QTest::newRow("white space") << QByteArray(" \n\t ") << R::NotWellFormed;
    QTest::newRow("truncated") << ok.left(ok.size() - 3) << R::NotWellFormed;
    QTest::newRow("two roots") << QByteArray(ok + ok) << R::NotWellFormed;
    QTest::newRow("binary") << QByteArray("\x01\x02\x03\xff") << R::NotWellFormed;
    QTest::newRow("bad character reference")
        << QByteArray("<msml version=\"1.1\"><result response=\"400\"><description>&#0;"
                      "</description></result></msml>")
        << R::NotWellFormed;
    QTest::newRow("undeclared namespace prefix")
        << QByteArray("<msml version=\"1.1\"><x:result response=\"200\"/></msml>")
        << R::NotWellFormed;
}

void TestMsmlSafety::refused()
{
    QFETCH(QByteArray, xml);
    QFETCH(ErrorReason, reason);

    const ParseResult parsed = Parser().parse(xml);
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().reason, reason);
    // Every document-level refusal is RFC 5707 §11's 400 Bad Request.
    QCOMPARE(parsed.error().code, ResponseCode::BadRequest);
    QVERIFY(!parsed.error().description.isEmpty());
}

void TestMsmlSafety::predefinedEntitiesAndCharacterReferences()
{
    const ParseResult parsed = Parser().parse(
        "<msml version=\"1.1\"><result response=\"400\"><description>&lt;&gt;&amp;&apos;&quot;"
        "&#65;&#x42;&#xe9;</description></result></msml>");
    QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().description));
    QCOMPARE(parsed->result()->description, QStringLiteral("<>&'\"AB\u00e9"));
}

void TestMsmlSafety::depthLimit()
{
    // 32 levels are read (and the unknown <x> refused for what it is)...
    const ParseResult atLimit = Parser().parse(nested(32));
    QVERIFY(!atLimit.has_value());
    QCOMPARE(atLimit.error().reason, ErrorReason::UnknownElement);
    // ...the 33rd is not, even after a validation error has been found.
    const ParseResult over = Parser().parse(nested(33));
    QVERIFY(!over.has_value());
    QCOMPARE(over.error().reason, ErrorReason::TooDeep);
    QCOMPARE(over.error().code, ResponseCode::BadRequest);
    // As deep as 64 KiB allows.
    const ParseResult deep = Parser().parse(nested(9000));
    QVERIFY(!deep.has_value());
    QCOMPARE(deep.error().reason, ErrorReason::TooDeep);
    // An unclosed deep nest is refused for its depth, not read to the end.
    const QByteArray unclosedXml =
        QByteArray("<msml version=\"1.1\">") + QByteArray(20000, '<').replace("<", "<a>");
    const ParseResult unclosed = Parser().parse(unclosedXml);
    QVERIFY(!unclosed.has_value());
    QCOMPARE(unclosed.error().code, ResponseCode::BadRequest);
}

void TestMsmlSafety::sizeLimit()
{
    const ParseResult atLimit = Parser().parse(resultOfSize(64 * 1024));
    QVERIFY2(atLimit.has_value(), qPrintable(atLimit ? QString() : atLimit.error().description));
    QCOMPARE(atLimit->result()->response, 200);

    const ParseResult over = Parser().parse(resultOfSize(64 * 1024 + 1));
    QVERIFY(!over.has_value());
    QCOMPARE(over.error().reason, ErrorReason::TooLarge);
    QCOMPARE(over.error().code, ResponseCode::BadRequest);

    const ParseResult huge = Parser().parse(QByteArray(8 * 1024 * 1024, '<'));
    QVERIFY(!huge.has_value());
    QCOMPARE(huge.error().reason, ErrorReason::TooLarge);
}

void TestMsmlSafety::customLimits()
{
    const Parser strict(ParserLimits{100, 2});
    QVERIFY(strict.parse("<msml version=\"1.1\"><result response=\"200\"/></msml>").has_value());
    const ParseResult deep = strict.parse(
        "<msml version=\"1.1\"><result response=\"200\"><description/></result></msml>");
    QVERIFY(!deep.has_value());
    QCOMPARE(deep.error().reason, ErrorReason::TooDeep);
    const ParseResult large = strict.parse(resultOfSize(101));
    QVERIFY(!large.has_value());
    QCOMPARE(large.error().reason, ErrorReason::TooLarge);
}

void TestMsmlSafety::refusalBecomesResult()
{
    const ParseResult parsed = Parser().parse("<!DOCTYPE msml><msml version=\"1.1\"/>");
    QVERIFY(!parsed.has_value());
    QCOMPARE(Writer::writeResult(errorResult(parsed.error())),
             QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<msml version=\"1.1\">\n"
                        "  <result response=\"400\">\n"
                        "    <description>document type declarations are refused "
                        "(line 1, column 1)</description>\n"
                        "  </result>\n"
                        "</msml>\n"));
    const herald::Error error = toError(parsed.error());
    QCOMPARE(error.code, herald::ErrorCode::Unsupported);
    QVERIFY(error.detail.startsWith(QStringLiteral("MSML 400: ")));
}

QTEST_GUILESS_MAIN(TestMsmlSafety)
#include "tst_msmlsafety.moc"
