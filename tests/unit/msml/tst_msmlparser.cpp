// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/msmlparser.h"
#include "engine/msml/msmlwriter.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QTest>

using namespace herald::msml;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(herald::msml::ErrorReason)

namespace {

// The file-transfer script of DESIGN.md §1, verbatim.
const QByteArray kDesignScript = R"(<msml version="1.1">
  <dialogstart name="12345" target="conn:abc" type="application/moml+xml">
    <transfer id="transfer">
      <fileobj objid="vm1" src="file:///var/spool/herald/vm/msg1.amr"
               contenttype="audio/amr" delete="true" append="false"
               dest="xmsrp://?offerer=sip:msml@10.0.0.7;answerer=sip:vmds@10.0.0.25;file=/inbox/msg1.amr"/>
      <transferobjdone>
        <send event="transfer.objectdone" namelist="transfer.objid transfer.duration" target="source"/>
      </transferobjdone>
      <transferstart/>
      <transferexit>
        <send event="TransferEnd" namelist="transfer.duration transfer.end" target="source"/>
      </transferexit>
    </transfer>
  </dialogstart>
</msml>
)";

// What each printed RFC 5707 example gives: 200 and the top element when it parses, else the
// response code and the element refused.
struct RfcExpectation
{
    const char *file;
    int response;
    const char *element;
};

constexpr RfcExpectation kRfcExpectations[] = {
    // Conferences (RFC 5707 §8, §12): Herald has none.
    {"rfc5707-s8.3-01.msml.xml", 402, "createconference"},
    {"rfc5707-s8.4-02.msml.xml", 402, "modifyconference"},
    {"rfc5707-s8.8-03.msml.xml", 402, "join"},
    {"rfc5707-s8.8-04.msml.xml", 402, "join"},
    {"rfc5707-s8.10-05.msml.xml", 402, "unjoin"},
    {"rfc5707-s12.1-10.msml.xml", 402, "createconference"},
    {"rfc5707-s12.1-15.msml.xml", 400, ""}, // not well-formed as printed (no </join>)
    {"rfc5707-s12.2-20.msml.xml", 402, "createconference"},
    {"rfc5707-s12.2-22.msml.xml", 402, "unjoin"},
    // Dialogs (§9.6, §12, §13).
    {"rfc5707-s9.6.1-06.msml.xml", 200, "dialogstart"}, // external MSML dialog by src
    {"rfc5707-s9.6.1-07.msml.xml", 402, "play"},
    {"rfc5707-s9.6.1-08.msml.xml", 420, "dialogstart"}, // VoiceXML
    {"rfc5707-s9.6.2-09.msml.xml", 200, "dialogend"},
    {"rfc5707-s12.1-12.msml.xml", 420, "dialogstart"},
    {"rfc5707-s12.1-17.msml.xml", 420, "dialogstart"},
    {"rfc5707-s13.1-24.msml.xml", 402, "play"},
    {"rfc5707-s13.2-25.msml.xml", 402, "group"},
    {"rfc5707-s13.3-26.msml.xml", 402, "group"},
    {"rfc5707-s13.3-27.msml.xml", 402, "record"},
    {"rfc5707-s13.4-28.msml.xml", 402, "group"},
    {"rfc5707-s13.5-29.msml.xml", 402, "group"},
    {"rfc5707-s13.5-30.msml.xml", 402, "collect"},
    {"rfc5707-s13.6-31.msml.xml", 402, "group"}, // version="1.0" is accepted
    // Results and events (§7.3, §7.4).
    {"rfc5707-s12.1-11.msml.xml", 200, "result"},
    {"rfc5707-s12.1-13.msml.xml", 200, "result"},
    {"rfc5707-s12.1-14.msml.xml", 200, "event"},
    {"rfc5707-s12.1-16.msml.xml", 200, "result"},
    {"rfc5707-s12.1-18.msml.xml", 200, "result"},
    {"rfc5707-s12.1-19.msml.xml", 200, "event"},
    {"rfc5707-s12.2-21.msml.xml", 200, "result"},
    {"rfc5707-s12.2-23.msml.xml", 200, "result"},
    // Audits (§10, §14).
    {"rfc5707-s14.1-32.msml.xml", 402, "audit"},
    {"rfc5707-s14.1-33.msml.xml", 402, "auditresult"},
    {"rfc5707-s14.2-34.msml.xml", 402, "audit"},
    {"rfc5707-s14.2-35.msml.xml", 402, "auditresult"},
    {"rfc5707-s14.3-36.msml.xml", 402, "audit"},
    {"rfc5707-s14.3-37.msml.xml", 402, "auditresult"},
    {"rfc5707-s14.4-38.msml.xml", 402, "audit"},
    {"rfc5707-s14.4-39.msml.xml", 402, "auditresult"},
    {"rfc5707-s14.5-40.msml.xml", 402, "audit"},
    {"rfc5707-s14.5-41.msml.xml", 402, "auditresult"},
    {"rfc5707-s14.6-42.msml.xml", 402, "audit"},
    {"rfc5707-s14.6-43.msml.xml", 402, "auditresult"},
    {"rfc5707-s14.7-44.msml.xml", 402, "audit"},
    {"rfc5707-s14.7-45.msml.xml", 402, "auditresult"},
};

QByteArray wrap(const QByteArray &inner)
{
    return QByteArrayLiteral("<msml version=\"1.1\">") + inner + QByteArrayLiteral("</msml>");
}

// A dialogstart around a transfer around `objects`.
QByteArray transferScript(const QByteArray &objects, const QByteArray &transferAttributes = {})
{
    return wrap(QByteArrayLiteral("<dialogstart target=\"conn:abc\" name=\"d1\"><transfer") +
                transferAttributes + QByteArrayLiteral(">") + objects +
                QByteArrayLiteral("</transfer></dialogstart>"));
}

const QByteArray kDest = "xmsrp://?answerer=sip:b@10.0.0.2";

QByteArray fileobj(const QByteArray &attributes)
{
    return QByteArrayLiteral("<fileobj ") + attributes + QByteArrayLiteral("/>");
}

QByteArray okFileobj(const QByteArray &extra = {})
{
    return fileobj(QByteArrayLiteral("src=\"file:///m/a.amr\" dest=\"") + kDest + "\" " + extra);
}

DialogAction send(const QString &event, const QString &target, const QStringList &namelist)
{
    return DialogAction{DialogAction::Kind::Send, event, target, namelist};
}

const Transfer &onlyTransfer(const Document &document)
{
    return *std::get<DialogStart>(document.request()->operations.at(0)).transfer;
}

} // namespace

class TestMsmlParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void designScript();
    void rfcExamples_data();
    void rfcExamples();
    void rfcExamplesAllListed();
    void refused_data();
    void refused();
    void accepted();
    void messageObject();
    void resultAndEvent();
    void coreSendAndDialogEnd();
    void wellFormednessWinsOverValidation();
    void firstValidationErrorIsReported();
};

void TestMsmlParser::designScript()
{
    const ParseResult parsed = Parser().parse(kDesignScript);
    QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().description));

    FileObject vm1;
    vm1.objid = QStringLiteral("vm1");
    vm1.src = *MediaSource::parse(u"file:///var/spool/herald/vm/msg1.amr");
    vm1.dest.offerer = QStringLiteral("sip:msml@10.0.0.7");
    vm1.dest.answerer = QStringLiteral("sip:vmds@10.0.0.25");
    vm1.dest.file = QStringLiteral("/inbox/msg1.amr");
    vm1.contentType = QStringLiteral("audio/amr");
    vm1.deleteSource = true;
    vm1.append = false;

    Transfer transfer;
    transfer.id = QStringLiteral("transfer");
    transfer.objects = {vm1};
    transfer.onObjectDone = ShadowHandler{
        {send(QStringLiteral("transfer.objectdone"), QStringLiteral("source"),
              {QStringLiteral("transfer.objid"), QStringLiteral("transfer.duration")})}};
    transfer.onStart = ShadowHandler{};
    transfer.onExit = ShadowHandler{
        {send(QStringLiteral("TransferEnd"), QStringLiteral("source"),
              {QStringLiteral("transfer.duration"), QStringLiteral("transfer.end")})}};

    DialogStart dialog;
    dialog.target = QStringLiteral("conn:abc");
    dialog.name = QStringLiteral("12345");
    dialog.type = QStringLiteral("application/moml+xml");
    dialog.transfer = transfer;

    const Document expected{QStringLiteral("1.1"), Request{{dialog}}};

    // Field by field first, so that a failure says where.
    const Document &document = *parsed;
    QVERIFY(document.isRequest());
    QCOMPARE(document.request()->operations.size(), 1);
    const auto &got = std::get<DialogStart>(document.request()->operations.at(0));
    QCOMPARE(got.dialogId(), QStringLiteral("conn:abc/dialog:12345"));
    QVERIFY(got.transfer.has_value());
    QCOMPARE(got.transfer->objects.size(), 1);
    const auto &file = std::get<FileObject>(got.transfer->objects.at(0));
    QCOMPARE(file.src.scheme, MediaSource::Scheme::File);
    QCOMPARE(file.src.path, QStringLiteral("/var/spool/herald/vm/msg1.amr"));
    QCOMPARE(file.dest, vm1.dest);
    QCOMPARE(file.deleteSource, std::optional<bool>(true));
    QCOMPARE(file.append, std::optional<bool>(false));
    QVERIFY(!file.overwrite.has_value());
    QVERIFY(got.transfer->onStart.has_value());
    QVERIFY(got.transfer->onStart->actions.isEmpty());
    QVERIFY(!got.transfer->onObjectStart.has_value());
    QCOMPARE(got.transfer->onObjectDone, transfer.onObjectDone);
    QCOMPARE(got.transfer->onExit, transfer.onExit);
    QCOMPARE(document, expected);
}

void TestMsmlParser::rfcExamples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("response"); // 200: parses
    QTest::addColumn<QString>("element");
    for (const RfcExpectation &row : kRfcExpectations)
        QTest::newRow(row.file) << QString::fromLatin1(row.file) << row.response
                                << QString::fromLatin1(row.element);
}

void TestMsmlParser::rfcExamples()
{
    QFETCH(QString, file);
    QFETCH(int, response);
    QFETCH(QString, element);

    const QString dir = herald::test::corporaDir();
    if (dir.isEmpty())
        QSKIP(qPrintable(QStringLiteral("test corpora not found: HERALD_CORPORA_DIR=\"%1\" "
                                        "(normally ../shared/corpora) is missing")
                             .arg(qEnvironmentVariable("HERALD_CORPORA_DIR"))));
    const QString path = dir + QStringLiteral("/rfc-examples/msml/") + file;
    const QByteArray bytes = herald::test::readFile(path);
    QVERIFY2(!bytes.isEmpty(), qPrintable(QStringLiteral("cannot read ") + path));

    const ParseResult parsed = Parser().parse(bytes);
    if (response == 200) {
        QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().description));
        if (element == u"result") {
            QVERIFY(parsed->isResult());
            QCOMPARE(parsed->result()->response, 200);
        } else if (element == u"event") {
            QVERIFY(parsed->isEvent());
            QCOMPARE(parsed->event()->name, QStringLiteral("msml.dialog.exit"));
        } else {
            QVERIFY(parsed->isRequest());
            QCOMPARE(parsed->request()->operations.size(), 1);
            QCOMPARE(std::get_if<DialogEnd>(&parsed->request()->operations.at(0)) != nullptr,
                     element == u"dialogend");
        }
        // What parses writes back and parses to the same thing.
        const ParseResult again = Parser().parse(Writer::write(*parsed));
        QVERIFY(again.has_value());
        QCOMPARE(*again, *parsed);
        return;
    }
    QVERIFY(!parsed.has_value());
    QCOMPARE(toInt(parsed.error().code), response);
    QCOMPARE(parsed.error().element, element);
    if (response == 400)
        QCOMPARE(parsed.error().reason, ErrorReason::NotWellFormed);
    // The answer for it is a result document with that code.
    const ResultDocument result = errorResult(parsed.error());
    QCOMPARE(result.response, response);
    QVERIFY(!result.description.isEmpty());
}

void TestMsmlParser::rfcExamplesAllListed()
{
    // Every example in the corpus has a row in kRfcExpectations, so none goes untested.
    const QString dir = herald::test::corporaDir();
    if (dir.isEmpty())
        QSKIP(qPrintable(QStringLiteral("test corpora not found: HERALD_CORPORA_DIR=\"%1\" "
                                        "(normally ../shared/corpora) is missing")
                             .arg(qEnvironmentVariable("HERALD_CORPORA_DIR"))));
    QStringList files = QDir(dir + QStringLiteral("/rfc-examples/msml"))
                            .entryList({QStringLiteral("*.msml.xml")}, QDir::Files);
    QStringList listed;
    for (const RfcExpectation &row : kRfcExpectations)
        listed.append(QString::fromLatin1(row.file));
    files.sort();
    listed.sort();
    QCOMPARE(files, listed);
}

void TestMsmlParser::refused_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<int>("response");
    QTest::addColumn<ErrorReason>("reason");
    QTest::addColumn<QString>("element");

    using R = ErrorReason;
    const auto row = [](const char *name, const QByteArray &xml, int response, R reason,
                        const char *element) {
        QTest::newRow(name) << xml << response << reason << QString::fromLatin1(element);
    };

    // The document.
    row("root not msml", "<event name=\"x\" id=\"conn:a/dialog:b\"/>", 400, R::NotMsml, "event");
    row("msml without version", "<msml><result response=\"200\"/></msml>", 408, R::MissingAttribute,
        "msml");
    row("msml version 2.0", "<msml version=\"2.0\"><result response=\"200\"/></msml>", 410,
        R::InvalidAttributeValue, "msml");
    row("empty msml", wrap({}), 403, R::MissingContent, "msml");
    row("unknown attribute on msml", "<msml version=\"1.1\" foo=\"1\"/>", 406, R::UnknownAttribute,
        "msml");
    row("unknown element", wrap("<foo/>"), 401, R::UnknownElement, "foo");
    row("unsupported element", wrap("<destroyconference id=\"conf:x\"/>"), 402,
        R::UnsupportedElement, "destroyconference");
    row("modifystream", wrap("<modifystream id1=\"conn:a\" id2=\"conf:b\"/>"), 402,
        R::UnsupportedElement, "modifystream");
    row("transfer outside a dialog", wrap("<transfer/>"), 404, R::ForbiddenContent, "transfer");
    row("fileobj under msml", wrap(okFileobj()), 404, R::ForbiddenContent, "fileobj");
    row("result after a request",
        wrap("<dialogend id=\"conn:a/dialog:b\"/><result response=\"200\"/>"), 404,
        R::ForbiddenContent, "result");
    row("two results", wrap("<result response=\"200\"/><result response=\"200\"/>"), 404,
        R::ForbiddenContent, "result");
    row("text in msml", wrap("hello"), 404, R::ForbiddenContent, "msml");

    // <dialogstart>.
    row("dialogstart without target",
        wrap("<dialogstart name=\"d\"><transfer>" + okFileobj() + "</transfer></dialogstart>"), 408,
        R::MissingAttribute, "dialogstart");
    row("dialogstart bad target",
        wrap("<dialogstart target=\"abc\" src=\"x\" type=\"application/moml+xml\"/>"), 410,
        R::InvalidAttributeValue, "dialogstart");
    row("dialogstart wildcard target",
        wrap("<dialogstart target=\"conn:*\" src=\"x\" type=\"application/moml+xml\"/>"), 410,
        R::InvalidAttributeValue, "dialogstart");
    row("dialogstart bad name",
        wrap("<dialogstart target=\"conn:a\" name=\"a b\" src=\"x\" "
             "type=\"application/moml+xml\"/>"),
        410, R::InvalidAttributeValue, "dialogstart");
    row("dialogstart vxml",
        wrap("<dialogstart target=\"conn:a\" type=\"application/vxml+xml\" "
             "src=\"http://h/x.vxml\"/>"),
        420, R::UnsupportedLanguage, "dialogstart");
    row("dialogstart voicexml",
        wrap("<dialogstart target=\"conn:a\" type=\"application/voicexml+xml\" "
             "src=\"http://h/x\"/>"),
        420, R::UnsupportedLanguage, "dialogstart");
    row("dialogstart unknown language",
        wrap("<dialogstart target=\"conn:a\" type=\"text/plain\" src=\"http://h/x\"/>"), 421,
        R::UnknownLanguage, "dialogstart");
    row("dialogstart src without type", wrap("<dialogstart target=\"conn:a\" src=\"http://h/x\"/>"),
        408, R::MissingAttribute, "dialogstart");
    row("dialogstart src and inline",
        wrap("<dialogstart target=\"conn:a\" type=\"application/moml+xml\" src=\"http://h/x\">"
             "<transfer>" +
             okFileobj() + "</transfer></dialogstart>"),
        422, R::AmbiguousRequest, "dialogstart");
    row("dialogstart empty", wrap("<dialogstart target=\"conn:a\"/>"), 403, R::MissingContent,
        "dialogstart");
    row("dialogstart only send",
        wrap("<dialogstart target=\"conn:a\"><send event=\"e\" target=\"source\"/></dialogstart>"),
        403, R::MissingContent, "dialogstart");
    row("two transfers",
        wrap("<dialogstart target=\"conn:a\"><transfer>" + okFileobj() + "</transfer><transfer>" +
             okFileobj() + "</transfer></dialogstart>"),
        404, R::ForbiddenContent, "transfer");
    row("play in dialogstart", wrap("<dialogstart target=\"conn:a\"><play/></dialogstart>"), 402,
        R::UnsupportedElement, "play");

    // <transfer>.
    row("transfer without objects", transferScript("<transferstart/>"), 403, R::MissingContent,
        "transfer");
    row("transfer bad id", transferScript(okFileobj(), " id=\"-x\""), 410, R::InvalidAttributeValue,
        "transfer");
    row("transfer iterate 0", transferScript(okFileobj(), " iterate=\"0\""), 410,
        R::InvalidAttributeValue, "transfer");
    row("transfer iterate word", transferScript(okFileobj(), " iterate=\"always\""), 410,
        R::InvalidAttributeValue, "transfer");
    row("transfer retry negative", transferScript(okFileobj(), " retry=\"-1\""), 410,
        R::InvalidAttributeValue, "transfer");
    row("transfer maxtime without unit", transferScript(okFileobj(), " maxtime=\"30\""), 410,
        R::InvalidAttributeValue, "transfer");
    row("transfer maxtime negative", transferScript(okFileobj(), " maxtime=\"-1s\""), 410,
        R::InvalidAttributeValue, "transfer");
    row("transfer unknown attribute", transferScript(okFileobj(), " speed=\"fast\""), 406,
        R::UnknownAttribute, "transfer");
    row("unknown element in transfer", transferScript(okFileobj() + "<bogus/>"), 401,
        R::UnknownElement, "bogus");
    row("rfc element in transfer", transferScript(okFileobj() + "<faxsend/>"), 402,
        R::UnsupportedElement, "faxsend");
    row("text in transfer", transferScript(okFileobj() + "junk"), 404, R::ForbiddenContent,
        "transfer");
    row("handler twice", transferScript(okFileobj() + "<transferstart/><transferstart/>"), 404,
        R::ForbiddenContent, "transferstart");
    row("send after exit",
        transferScript(okFileobj() + "<transferexit><exit/><send event=\"e\" "
                                     "target=\"source\"/></transferexit>"),
        404, R::ForbiddenContent, "send");
    row("send without event",
        transferScript(okFileobj() + "<transferexit><send target=\"source\"/></transferexit>"), 408,
        R::MissingAttribute, "send");
    row("send without target",
        transferScript(okFileobj() + "<transferexit><send event=\"e\"/></transferexit>"), 408,
        R::MissingAttribute, "send");
    row("send bad event",
        transferScript(okFileobj() + "<transferexit><send event=\"a b\" "
                                     "target=\"source\"/></transferexit>"),
        410, R::InvalidAttributeValue, "send");
    row("handler attribute", transferScript(okFileobj() + "<transferexit when=\"now\"/>"), 406,
        R::UnknownAttribute, "transferexit");
    row("duplicate objid", transferScript(okFileobj("objid=\"a\"") + okFileobj("objid=\"a\"")), 431,
        R::DuplicateInstance, "fileobj");

    // <fileobj>.
    row("fileobj without src", transferScript(fileobj("dest=\"" + kDest + "\"")), 408,
        R::MissingAttribute, "fileobj");
    row("fileobj without dest", transferScript(fileobj("src=\"file:///m/a\"")), 408,
        R::MissingAttribute, "fileobj");
    row("fileobj unknown attribute", transferScript(okFileobj("color=\"red\"")), 406,
        R::UnknownAttribute, "fileobj");
    row("delete yes", transferScript(okFileobj("delete=\"yes\"")), 410, R::InvalidAttributeValue,
        "fileobj");
    row("delete TRUE", transferScript(okFileobj("delete=\"TRUE\"")), 410, R::InvalidAttributeValue,
        "fileobj");
    row("overwrite 1", transferScript(okFileobj("overwrite=\"1\"")), 410, R::InvalidAttributeValue,
        "fileobj");
    row("append empty", transferScript(okFileobj("append=\"\"")), 410, R::InvalidAttributeValue,
        "fileobj");
    row("wait without unit", transferScript(okFileobj("wait=\"5\"")), 410, R::InvalidAttributeValue,
        "fileobj");
    row("retry word", transferScript(okFileobj("retry=\"twice\"")), 410, R::InvalidAttributeValue,
        "fileobj");
    row("bad contenttype", transferScript(okFileobj("contenttype=\"amr\"")), 410,
        R::InvalidAttributeValue, "fileobj");
    row("bad objid", transferScript(okFileobj("objid=\"a b\"")), 410, R::InvalidAttributeValue,
        "fileobj");
    row("src ftp", transferScript(fileobj("src=\"ftp://h/a\" dest=\"" + kDest + "\"")), 410,
        R::InvalidAttributeValue, "fileobj");
    row("src relative", transferScript(fileobj("src=\"file://a.amr\" dest=\"" + kDest + "\"")), 410,
        R::InvalidAttributeValue, "fileobj");
    row("src dotdot",
        transferScript(fileobj("src=\"file:///var/../etc/passwd\" dest=\"" + kDest + "\"")), 410,
        R::InvalidAttributeValue, "fileobj");
    row("dest not xmsrp", transferScript(fileobj("src=\"file:///m/a\" dest=\"sip:b@h\"")), 410,
        R::InvalidAttributeValue, "fileobj");
    row("dest without answerer",
        transferScript(fileobj("src=\"file:///m/a\" dest=\"xmsrp://?offerer=sip:a@h\"")), 410,
        R::InvalidAttributeValue, "fileobj");
    row("fileobj with a child",
        transferScript("<fileobj src=\"file:///m/a\" dest=\"" + kDest +
                       "\"><send event=\"e\" target=\"source\"/></fileobj>"),
        404, R::ForbiddenContent, "send");

    // <messageobj>.
    row("messageobj without dest", transferScript("<messageobj><content>hi</content></messageobj>"),
        408, R::MissingAttribute, "messageobj");
    row("messageobj without content", transferScript("<messageobj dest=\"" + kDest + "\"/>"), 403,
        R::MissingContent, "messageobj");
    row("messageobj empty content",
        transferScript("<messageobj dest=\"" + kDest + "\"><content/></messageobj>"), 403,
        R::MissingContent, "content");
    row("messageobj two contents",
        transferScript("<messageobj dest=\"" + kDest +
                       "\"><content>a</content><content>b</content></messageobj>"),
        404, R::ForbiddenContent, "content");
    row("element inside content",
        transferScript("<messageobj dest=\"" + kDest + "\"><content>a<b/></content></messageobj>"),
        401, R::UnknownElement, "b");
    row("content bad type",
        transferScript("<messageobj dest=\"" + kDest +
                       "\"><content contenttype=\"plain\">a</content></messageobj>"),
        410, R::InvalidAttributeValue, "content");

    // <dialogend>, core <send>.
    row("dialogend without id", wrap("<dialogend/>"), 408, R::MissingAttribute, "dialogend");
    row("dialogend bad id", wrap("<dialogend id=\"conn:a\"/>"), 410, R::InvalidAttributeValue,
        "dialogend");
    row("core send bad target", wrap("<send event=\"terminate\" target=\"source\"/>"), 410,
        R::InvalidAttributeValue, "send");

    // <result>, <event>.
    row("result without response", wrap("<result/>"), 408, R::MissingAttribute, "result");
    row("result response word", wrap("<result response=\"ok\"/>"), 410, R::InvalidAttributeValue,
        "result");
    row("result response 2000", wrap("<result response=\"2000\"/>"), 410, R::InvalidAttributeValue,
        "result");
    row("result two descriptions",
        wrap("<result response=\"400\"><description>a</description><description>b</description>"
             "</result>"),
        404, R::ForbiddenContent, "description");
    row("result auditresult", wrap("<result response=\"200\"><auditresult/></result>"), 402,
        R::UnsupportedElement, "auditresult");
    row("event without id", wrap("<event name=\"e\"/>"), 408, R::MissingAttribute, "event");
    row("event name without value",
        wrap("<event name=\"e\" id=\"conn:a/dialog:b\"><name>x</name></event>"), 403,
        R::MissingContent, "event");
    row("event value without name",
        wrap("<event name=\"e\" id=\"conn:a/dialog:b\"><value>x</value></event>"), 404,
        R::ForbiddenContent, "value");
    row("event two names",
        wrap("<event name=\"e\" id=\"conn:a/dialog:b\"><name>x</name><name>y</name></event>"), 404,
        R::ForbiddenContent, "name");
}

void TestMsmlParser::refused()
{
    QFETCH(QByteArray, xml);
    QFETCH(int, response);
    QFETCH(ErrorReason, reason);
    QFETCH(QString, element);

    const ParseResult parsed = Parser().parse(xml);
    QVERIFY2(!parsed.has_value(), xml.constData());
    QCOMPARE(parsed.error().reason, reason);
    QCOMPARE(toInt(parsed.error().code), response);
    QCOMPARE(parsed.error().element, element);
    QVERIFY(!parsed.error().description.isEmpty());
    QVERIFY(parsed.error().line >= 1);
    QCOMPARE(errorResult(parsed.error()).response, response);
}

void TestMsmlParser::accepted()
{
    // Everything optional given, in every accepted spelling.
    const QByteArray xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!-- a comment --><?app instruction?>\n"
        "<msml version=\"1.0\" xmlns:x=\"urn:example\">"
        "<dialogstart target=\"conf:c-1\" mark=\"m.1\" x:extension=\"ignored\" xml:lang=\"en\">"
        "<transfer id=\"t1\" initial=\"suspend\" iterate=\"forever\" retry=\"3\" maxtime=\"1.5s\">"
        "<fileobj objid=\"o1\" src=\"https://store.example.com:8443/vm/1.amr?k=v\""
        " dest=\"xmsrp://relay:2855?answerer=&lt;sip:b@h;transport=tcp&gt;;file=x.amr;mode=a\""
        " contenttype=\"audio/amr; octet-align=1\" delete=\"false\" overwrite=\"true\""
        " append=\"true\" retry=\"0\" wait=\"500ms\"/>"
        "<transferobjstart><send event=\"obj.start\" target=\"source\" namelist=\"\n"
        "   transfer.objid\n\t transfer.size  \"/></transferobjstart>"
        "<transferexit><send event=\"done\" target=\"source\"/><disconnect namelist=\"a\"/>"
        "</transferexit>"
        "</transfer>"
        "<send event=\"done\" target=\"source\"/><exit namelist=\"transfer.end\"/>"
        "</dialogstart></msml>";
    const ParseResult parsed = Parser().parse(xml);
    QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().description));
    QCOMPARE(parsed->version, QStringLiteral("1.0"));
    const auto &dialog = std::get<DialogStart>(parsed->request()->operations.at(0));
    QCOMPARE(dialog.target, QStringLiteral("conf:c-1"));
    QCOMPARE(dialog.mark, QStringLiteral("m.1"));
    QVERIFY(dialog.type.isEmpty());
    QVERIFY(dialog.dialogId().isEmpty());
    QCOMPARE(dialog.actions.size(), 2);
    QCOMPARE(dialog.actions.at(1).kind, DialogAction::Kind::Exit);
    QCOMPARE(dialog.actions.at(1).namelist, QStringList{QStringLiteral("transfer.end")});

    const Transfer &transfer = *dialog.transfer;
    QCOMPARE(transfer.id, QStringLiteral("t1"));
    QCOMPARE(transfer.initial, QStringLiteral("suspend"));
    QCOMPARE(transfer.iterate, std::optional<Iterate>(Iterate{1, true}));
    QCOMPARE(transfer.retry, std::optional<int>(3));
    QCOMPARE(transfer.maxtime, std::optional<std::chrono::milliseconds>(1500ms));

    const auto &file = std::get<FileObject>(transfer.objects.at(0));
    QCOMPARE(file.src.scheme, MediaSource::Scheme::Https);
    QCOMPARE(file.src.url.port(), 8443);
    QCOMPARE(file.dest.authority, QStringLiteral("relay:2855"));
    QCOMPARE(file.dest.answerer, QStringLiteral("sip:b@h;transport=tcp"));
    QCOMPARE(file.dest.file, QStringLiteral("x.amr"));
    QCOMPARE(file.dest.params.size(), 1);
    QCOMPARE(file.contentType, QStringLiteral("audio/amr; octet-align=1"));
    QCOMPARE(file.deleteSource, std::optional<bool>(false));
    QCOMPARE(file.overwrite, std::optional<bool>(true));
    QCOMPARE(file.append, std::optional<bool>(true));
    QCOMPARE(file.retry, std::optional<int>(0));
    QCOMPARE(file.wait, std::optional<std::chrono::milliseconds>(500ms));

    QVERIFY(transfer.onObjectStart.has_value());
    QCOMPARE(transfer.onObjectStart->actions.at(0).namelist,
             (QStringList{QStringLiteral("transfer.objid"), QStringLiteral("transfer.size")}));
    QCOMPARE(transfer.onExit->actions.size(), 2);
    QCOMPARE(transfer.onExit->actions.at(1).kind, DialogAction::Kind::Disconnect);
    QVERIFY(!transfer.onStart.has_value());

    const ParseResult again = Parser().parse(Writer::write(*parsed));
    QVERIFY(again.has_value());
    QCOMPARE(*again, *parsed);
}

void TestMsmlParser::messageObject()
{
    const QByteArray xml = transferScript(
        "<messageobj objid=\"m1\" dest=\"" + kDest +
        "\" retry=\"2\"><!-- c --><content contenttype=\"text/plain\">  Help &amp; &lt;now&gt;"
        "<![CDATA[ <raw> & ]]>&#x1F600;\n second line </content></messageobj>" +
        okFileobj("objid=\"f1\""));
    const ParseResult parsed = Parser().parse(xml);
    QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().description));
    const Transfer &transfer = onlyTransfer(*parsed);
    QCOMPARE(transfer.objects.size(), 2);
    const auto &message = std::get<MessageObject>(transfer.objects.at(0));
    QCOMPARE(message.objid, QStringLiteral("m1"));
    QCOMPARE(message.contentType, QStringLiteral("text/plain"));
    QCOMPARE(message.retry, std::optional<int>(2));
    // Exactly the text, entities and CDATA resolved, white space kept.
    QCOMPARE(message.content, QStringLiteral("  Help & <now> <raw> & ") +
                                  QString::fromUtf8("\xF0\x9F\x98\x80") +
                                  QStringLiteral("\n second line "));
    QVERIFY(std::holds_alternative<FileObject>(transfer.objects.at(1)));

    const ParseResult again = Parser().parse(Writer::write(*parsed));
    QVERIFY(again.has_value());
    QCOMPARE(*again, *parsed);
}

void TestMsmlParser::resultAndEvent()
{
    {
        const ParseResult parsed = Parser().parse(
            wrap("<result response=\"431\" mark=\"m2\"><description> name in use </description>"
                 "<dialogid> conn:a/dialog:b </dialogid><confid>conf:x</confid></result>"));
        QVERIFY(parsed.has_value());
        const ResultDocument &result = *parsed->result();
        QCOMPARE(result.response, 431);
        QCOMPARE(result.mark, QStringLiteral("m2"));
        QCOMPARE(result.description, QStringLiteral(" name in use "));
        QCOMPARE(result.dialogIds, QStringList{QStringLiteral("conn:a/dialog:b")});
        QCOMPARE(result.confIds, QStringList{QStringLiteral("conf:x")});
    }
    {
        // RFC 5707 §9.6.1's failure event, inside <msml>.
        const ParseResult parsed = Parser().parse(
            wrap("<event name=\"msml.dialog.exit\" id=\"conn:abcd1234/dialog:sample\">"
                 "<name>dialog.exit.status</name><value>423</value>"
                 "<name>dialog.exit.description</name><value>External document fetch error</value>"
                 "</event>"));
        QVERIFY(parsed.has_value());
        const EventDocument &event = *parsed->event();
        QCOMPARE(event.name, QStringLiteral("msml.dialog.exit"));
        QCOMPARE(event.id, QStringLiteral("conn:abcd1234/dialog:sample"));
        QCOMPARE(event.values.size(), 2);
        QCOMPARE(event.values.at(0),
                 qMakePair(QStringLiteral("dialog.exit.status"), QStringLiteral("423")));
        QCOMPARE(event.values.at(1).second, QStringLiteral("External document fetch error"));
    }
}

void TestMsmlParser::coreSendAndDialogEnd()
{
    const ParseResult parsed = Parser().parse(
        wrap("<dialogend id=\"conn:abc/dialog:12345\" mark=\"1\"/>"
             "<send event=\"terminate\" target=\"conn:abc/dialog:12345\" valuelist=\"a b\"/>"));
    QVERIFY(parsed.has_value());
    const QList<Operation> &operations = parsed->request()->operations;
    QCOMPARE(operations.size(), 2);
    QCOMPARE(std::get<DialogEnd>(operations.at(0)).id, QStringLiteral("conn:abc/dialog:12345"));
    QCOMPARE(std::get<DialogEnd>(operations.at(0)).mark, QStringLiteral("1"));
    const auto &send = std::get<CoreSend>(operations.at(1));
    QCOMPARE(send.event, QStringLiteral("terminate"));
    QCOMPARE(send.target, QStringLiteral("conn:abc/dialog:12345"));
    QCOMPARE(send.valuelist, QStringLiteral("a b"));
}

void TestMsmlParser::wellFormednessWinsOverValidation()
{
    // <foo> alone would be 401, but the document is broken further on: 400 (RFC 5707 §5).
    const ParseResult parsed = Parser().parse("<msml version=\"1.1\"><foo/><bar></msml>");
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().reason, ErrorReason::NotWellFormed);
    QCOMPARE(parsed.error().code, ResponseCode::BadRequest);
    // ...and so is extra content after the root.
    const ParseResult extra = Parser().parse(QByteArray(kDesignScript + "<msml version=\"1.1\"/>"));
    QVERIFY(!extra.has_value());
    QCOMPARE(extra.error().reason, ErrorReason::NotWellFormed);
}

void TestMsmlParser::firstValidationErrorIsReported()
{
    const ParseResult parsed = Parser().parse(wrap("<join id1=\"conn:a\" id2=\"conn:b\"/><foo/>"));
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().element, QStringLiteral("join"));
    QCOMPARE(parsed.error().code, ResponseCode::UnsupportedElement);
    QVERIFY(parsed.error().description.contains(QStringLiteral("conference core package")));
}

QTEST_GUILESS_MAIN(TestMsmlParser)
#include "tst_msmlparser.moc"
