// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/transferdest.h"

#include <QTest>

using namespace herald::msml;

using Params = QList<QPair<QString, QString>>;

class TestTransferDest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
};

void TestTransferDest::valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("authority");
    QTest::addColumn<QString>("offerer");
    QTest::addColumn<QString>("answerer");
    QTest::addColumn<QString>("file");
    QTest::addColumn<Params>("params");
    QTest::addColumn<QString>("canonical");

    const auto s = [](const char *text) { return QString::fromUtf8(text); };

    QTest::newRow("DESIGN.md")
        << s("xmsrp://?offerer=sip:msml@10.0.0.7;answerer=sip:vmds@10.0.0.25;file=/inbox/msg1.amr")
        << QString() << s("sip:msml@10.0.0.7") << s("sip:vmds@10.0.0.25") << s("/inbox/msg1.amr")
        << Params{}
        << s("xmsrp://?offerer=sip:msml@10.0.0.7;answerer=sip:vmds@10.0.0.25;file=/inbox/msg1.amr");
    QTest::newRow("answerer only") << s("xmsrp://?answerer=sips:vm@example.com") << QString()
                                   << QString() << s("sips:vm@example.com") << QString() << Params{}
                                   << s("xmsrp://?answerer=sips:vm@example.com");
    QTest::newRow("any order, any case, blanks, extra params kept in order")
        << s("XMSRP://?file=a.amr ; Answerer=SIP:b@h;chunk=2048;offerer=sip:a@h;flag;") << QString()
        << s("sip:a@h") << s("SIP:b@h") << s("a.amr")
        << Params{{s("chunk"), s("2048")}, {s("flag"), QString()}}
        << s("xmsrp://?offerer=sip:a@h;answerer=SIP:b@h;file=a.amr;chunk=2048;flag=");
    QTest::newRow("URI parameters in angle brackets")
        << s("xmsrp://?answerer=<sip:vmds@10.0.0.25;transport=tcp>;file=<x;y.amr>") << QString()
        << QString() << s("sip:vmds@10.0.0.25;transport=tcp") << s("x;y.amr") << Params{}
        << s("xmsrp://?answerer=<sip:vmds@10.0.0.25;transport=tcp>;file=<x;y.amr>");
    QTest::newRow("authority kept, value with '=' and '?'")
        << s("xmsrp://relay.example.com:2855?answerer=sip:b@h;file=/a=b?c")
        << s("relay.example.com:2855") << QString() << s("sip:b@h") << s("/a=b?c") << Params{}
        << s("xmsrp://relay.example.com:2855?answerer=sip:b@h;file=/a=b?c");
    QTest::newRow("escapes stay escaped")
        << s("xmsrp://?answerer=sip:al%40ice@h;file=/a%20b.amr") << QString() << QString()
        << s("sip:al%40ice@h") << s("/a%20b.amr") << Params{}
        << s("xmsrp://?answerer=sip:al%40ice@h;file=/a%20b.amr");
    QTest::newRow("file with spaces and UTF-8")
        << s("xmsrp://?answerer=sip:b@h;file=/inbox/mensaje de voz \xc3\xa9.amr") << QString()
        << QString() << s("sip:b@h") << s("/inbox/mensaje de voz \xc3\xa9.amr") << Params{}
        << s("xmsrp://?answerer=sip:b@h;file=/inbox/mensaje de voz \xc3\xa9.amr");
}

void TestTransferDest::valid()
{
    QFETCH(QString, text);
    QFETCH(QString, authority);
    QFETCH(QString, offerer);
    QFETCH(QString, answerer);
    QFETCH(QString, file);
    QFETCH(Params, params);
    QFETCH(QString, canonical);

    const auto dest = TransferDest::parse(text);
    QVERIFY2(dest.has_value(), qPrintable(dest ? QString() : dest.error().detail));
    QCOMPARE(dest->authority, authority);
    QCOMPARE(dest->offerer, offerer);
    QCOMPARE(dest->answerer, answerer);
    QCOMPARE(dest->file, file);
    QCOMPARE(dest->params, params);
    QCOMPARE(dest->toString(), canonical);
    const auto again = TransferDest::parse(dest->toString());
    QVERIFY(again.has_value());
    QCOMPARE(*again, *dest);
}

void TestTransferDest::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("why"); // a word the error must mention

    const auto row = [](const char *name, const char *text, const char *why) {
        QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(why);
    };
    row("empty", "", "xmsrp://");
    row("other scheme", "msrp://h:1/s;tcp", "xmsrp://");
    row("sip URI", "sip:b@h", "xmsrp://");
    row("no question mark", "xmsrp://answerer=sip:b@h", "'?'");
    row("no parameters", "xmsrp://?", "answerer");
    row("no answerer", "xmsrp://?offerer=sip:a@h;file=/a", "answerer");
    row("empty answerer", "xmsrp://?answerer=", "empty");
    row("answerer twice", "xmsrp://?answerer=sip:a@h;answerer=sip:b@h", "twice");
    row("answerer not SIP", "xmsrp://?answerer=tel:+123", "sip");
    row("answerer http", "xmsrp://?answerer=http://h/", "sip");
    row("answerer scheme only", "xmsrp://?answerer=sip:", "sip");
    row("offerer not SIP", "xmsrp://?answerer=sip:b@h;offerer=mailto:a@h", "offerer");
    row("empty file", "xmsrp://?answerer=sip:b@h;file=", "empty");
    row("unterminated bracket", "xmsrp://?answerer=<sip:b@h;transport=tcp", "'<'");
    row("text after bracket", "xmsrp://?answerer=<sip:b@h>x", "'>'");
    row("stray bracket", "xmsrp://?answerer=sip:b@h>", "bracket");
    row("bad parameter name", "xmsrp://?answerer=sip:b@h;a b=c", "name");
    row("control character", "xmsrp://?answerer=sip:b@h;file=/a\nb", "control");
    row("space in URI", "xmsrp://?answerer=<sip:b @h>", "sip");
}

void TestTransferDest::invalid()
{
    QFETCH(QString, text);
    QFETCH(QString, why);

    const auto dest = TransferDest::parse(text);
    QVERIFY(!dest.has_value());
    QCOMPARE(dest.error().code, herald::ErrorCode::Malformed);
    QVERIFY2(dest.error().detail.contains(why, Qt::CaseInsensitive),
             qPrintable(dest.error().detail));
}

QTEST_GUILESS_MAIN(TestTransferDest)
#include "tst_transferdest.moc"
