// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/msmlvalues.h"

#include <QTest>

using namespace herald::msml;

class TestMsmlValues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void booleans_data();
    void booleans();
    void durations_data();
    void durations();
    void iterate_data();
    void iterate();
    void counts_data();
    void counts();
    void namelists();
    void identifiers_data();
    void identifiers();
    void mimeTypes_data();
    void mimeTypes();
};

void TestMsmlValues::booleans_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("value");
    // RFC 5707 §16.1.2 boolean.datatype: exactly these two words.
    QTest::newRow("true") << QStringLiteral("true") << true << true;
    QTest::newRow("false") << QStringLiteral("false") << true << false;
    for (const char *bad : {"True", "TRUE", "1", "0", "yes", "no", "on", "", " true", "true "})
        QTest::newRow(bad) << QString::fromLatin1(bad) << false << false;
}

void TestMsmlValues::booleans()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(bool, value);
    const auto parsed = parseBoolean(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QCOMPARE(*parsed, value);
        QCOMPARE(formatBoolean(*parsed), text);
    }
}

void TestMsmlValues::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms"); // -1: refused
    QTest::addColumn<QString>("canonical");

    const auto row = [](const char *text, qint64 ms, const char *canonical) {
        QTest::newRow(text) << QString::fromLatin1(text) << ms << QString::fromLatin1(canonical);
    };
    row("30s", 30000, "30s");
    row("500ms", 500, "500ms");
    row("0s", 0, "0s");
    row("0ms", 0, "0s");
    row("+5s", 5000, "5s");
    row("1.5s", 1500, "1500ms");
    row(".25s", 250, "250ms");
    row("0.0005s", 1, "1ms"); // rounded to the nearest millisecond
    row("0.0004s", 0, "0s");
    row("2.5ms", 3, "3ms");
    row("1.9999999s", 2000, "2s"); // digits past the sixth are read, not used
    row("2000ms", 2000, "2s");
    row("2147483647ms", 2147483647, "2147483647ms");
    row("2147483.647s", 2147483647, "2147483647ms");
    row("2147483648ms", -1, "");
    row("999999999999s", -1, "");
    row("9999999999999s", -1, "");
    row("30", -1, "");
    row("s", -1, "");
    row("ms", -1, "");
    row(".s", -1, "");
    row("5.s", -1, "");
    row("-1s", -1, "");
    row("1m", -1, "");
    row("1h", -1, "");
    row("1 s", -1, "");
    row("1S", -1, "");
    row("1e3ms", -1, "");
    row("", -1, "");
}

void TestMsmlValues::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    QFETCH(QString, canonical);
    const auto parsed = parseDuration(text);
    QCOMPARE(parsed.has_value(), ms >= 0);
    if (ms < 0)
        return;
    QCOMPARE(parsed->count(), ms);
    QCOMPARE(formatDuration(*parsed), canonical);
    QCOMPARE(parseDuration(canonical).value(), *parsed);
}

void TestMsmlValues::iterate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("unlimited");
    QTest::newRow("1") << QStringLiteral("1") << true << 1 << false;
    QTest::newRow("12") << QStringLiteral("12") << true << 12 << false;
    QTest::newRow("forever") << QStringLiteral("forever") << true << 1 << true;
    QTest::newRow("-1") << QStringLiteral("-1") << true << 1 << true;
    QTest::newRow("0") << QStringLiteral("0") << false << 0 << false;
    QTest::newRow("-2") << QStringLiteral("-2") << false << 0 << false;
    QTest::newRow("Forever") << QStringLiteral("Forever") << false << 0 << false;
    QTest::newRow("huge") << QStringLiteral("99999999999") << false << 0 << false;
    QTest::newRow("empty") << QString() << false << 0 << false;
}

void TestMsmlValues::iterate()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(int, count);
    QFETCH(bool, unlimited);
    const auto parsed = Iterate::parse(text);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(parsed->count, count);
    QCOMPARE(parsed->unlimited, unlimited);
    QCOMPARE(Iterate::parse(parsed->toString()).value(), *parsed);
}

void TestMsmlValues::counts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("value"); // -1: refused
    QTest::newRow("0") << QStringLiteral("0") << 0;
    QTest::newRow("3") << QStringLiteral("3") << 3;
    QTest::newRow("max") << QStringLiteral("2147483647") << 2147483647;
    QTest::newRow("over max") << QStringLiteral("2147483648") << -1;
    QTest::newRow("negative") << QStringLiteral("-1") << -1;
    QTest::newRow("plus") << QStringLiteral("+1") << -1;
    QTest::newRow("blank") << QStringLiteral(" 1") << -1;
    QTest::newRow("empty") << QString() << -1;
}

void TestMsmlValues::counts()
{
    QFETCH(QString, text);
    QFETCH(int, value);
    const auto parsed = parseCount(text);
    QCOMPARE(parsed.has_value(), value >= 0);
    if (value >= 0)
        QCOMPARE(*parsed, value);
}

void TestMsmlValues::namelists()
{
    QCOMPARE(parseNamelist(u""), QStringList());
    QCOMPARE(parseNamelist(u"  \n\t "), QStringList());
    QCOMPARE(parseNamelist(u"transfer.objid"), QStringList{QStringLiteral("transfer.objid")});
    // RFC 5707 §13.1 wraps its namelist over two lines.
    QCOMPARE(parseNamelist(u"play.amt\n                                         play.end"),
             (QStringList{QStringLiteral("play.amt"), QStringLiteral("play.end")}));
    QCOMPARE(parseNamelist(u"\ta  b\r\nc "),
             (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
}

void TestMsmlValues::identifiers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("momlId");
    QTest::addColumn<bool>("instanceId");
    QTest::addColumn<bool>("independentId");
    QTest::addColumn<bool>("dialogId");

    const auto row = [](const char *text, bool moml, bool instance, bool independent, bool dialog) {
        QTest::newRow(text) << QString::fromLatin1(text) << moml << instance << independent
                            << dialog;
    };
    row("transfer", true, true, false, false);
    row("transfer.objectdone", true, true, false, false);
    row("TransferEnd", true, true, false, false);
    row("12345", true, true, false, false);
    row("-x", false, true, false, false);
    row("a:b", false, true, false, false);
    row("conn:abc", false, true, true, false);
    row("conf:example-1.x_y", false, true, true, false);
    row("conn:*", false, false, false, false);
    row("conn:", false, true, false, false);
    row("call:abc", false, true, false, false);
    row("conn:abc/dialog:12345", false, false, false, true);
    row("conf:c/dialog:d", false, false, false, true);
    row("conn:a/dialog:", false, false, false, false);
    row("conn:a/other:b", false, false, false, false);
    row("conn:a/dialog:b/dialog:c", false, false, false, false);
    row("a b", false, false, false, false);
    row("", false, false, false, false);
}

void TestMsmlValues::identifiers()
{
    QFETCH(QString, text);
    QFETCH(bool, momlId);
    QFETCH(bool, instanceId);
    QFETCH(bool, independentId);
    QFETCH(bool, dialogId);
    QCOMPARE(isMomlId(text), momlId);
    QCOMPARE(isInstanceId(text), instanceId);
    QCOMPARE(isIndependentId(text), independentId);
    QCOMPARE(isDialogId(text), dialogId);
}

void TestMsmlValues::mimeTypes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    const auto row = [](const char *text, bool valid) {
        QTest::newRow(text) << QString::fromLatin1(text) << valid;
    };
    row("audio/amr", true);
    row("text/plain", true);
    row("application/vnd.3gpp.sms+xml", true);
    row("text/plain; charset=UTF-8", true);
    row("audio/amr;octet-align=1", true);
    row("amr", false);
    row("/amr", false);
    row("audio/", false);
    row("audio/a b", false);
    row("audio/(amr)", false);
    row("", false);
}

void TestMsmlValues::mimeTypes()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(isMimeType(text), valid);
}

QTEST_GUILESS_MAIN(TestMsmlValues)
#include "tst_msmlvalues.moc"
