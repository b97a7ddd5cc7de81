// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// accept-types / accept-wrapped-types lists (RFC 4975 §8.6): syntax, matching with "*" and
// "type/*", and the intersection an answer is built from.
#include "engine/sdp/accepttypes.h"

#include <QTest>

using namespace herald;
using namespace herald::sdp;

class TestAcceptTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entries_data();
    void entries();
    void lists_data();
    void lists();
    void admits_data();
    void admits();
    void intersection_data();
    void intersection();
};

void TestAcceptTypes::entries_data()
{
    QTest::addColumn<QByteArray>("entry");
    QTest::addColumn<bool>("valid");

    QTest::newRow("*") << QByteArray("*") << true;
    QTest::newRow("type/subtype") << QByteArray("text/plain") << true;
    QTest::newRow("type/*") << QByteArray("text/*") << true;
    QTest::newRow("token parameter") << QByteArray("text/plain;charset=utf-8") << true;
    QTest::newRow("quoted parameter with space") << QByteArray("text/plain;x=\"a b\"") << true;
    QTest::newRow("quoted parameter with escaped quote")
        << QByteArray("text/plain;x=\"a\\\"b\"") << true;
    QTest::newRow("two parameters") << QByteArray("message/cpim;a=1;b=2") << true;
    QTest::newRow("*/plain") << QByteArray("*/plain") << false;
    QTest::newRow("type only") << QByteArray("text") << false;
    QTest::newRow("empty subtype") << QByteArray("text/") << false;
    QTest::newRow("empty type") << QByteArray("/plain") << false;
    QTest::newRow("two slashes") << QByteArray("text/plain/x") << false;
    QTest::newRow("parameter without value") << QByteArray("text/plain;charset") << false;
    QTest::newRow("parameter empty value") << QByteArray("text/plain;charset=") << false;
    QTest::newRow("unterminated quote") << QByteArray("text/plain;x=\"a") << false;
    QTest::newRow("trailing semicolon") << QByteArray("text/plain;") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestAcceptTypes::entries()
{
    QFETCH(QByteArray, entry);
    QFETCH(bool, valid);
    QCOMPARE(accepttypes::isValidEntry(entry), valid);
}

void TestAcceptTypes::lists_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArrayList>("entries"); // empty: an error

    QTest::newRow("RFC 4975 §8.7") << QByteArray("message/cpim text/plain text/html")
                                   << QByteArrayList{"message/cpim", "text/plain", "text/html"};
    QTest::newRow("RFC 7701 wrapped")
        << QByteArray("text/plain text/html *") << QByteArrayList{"text/plain", "text/html", "*"};
    QTest::newRow("runs of spaces tolerated")
        << QByteArray(" text/plain   text/html ") << QByteArrayList{"text/plain", "text/html"};
    QTest::newRow("space inside a quoted parameter")
        << QByteArray("text/plain;x=\"a b\" text/html")
        << QByteArrayList{"text/plain;x=\"a b\"", "text/html"};
    QTest::newRow("bad entry") << QByteArray("text/plain bad") << QByteArrayList{};
    QTest::newRow("only spaces") << QByteArray("   ") << QByteArrayList{};
    QTest::newRow("unterminated quote") << QByteArray("text/plain;x=\"a b") << QByteArrayList{};
    QByteArray many;
    for (int i = 0; i < 65; ++i)
        many += "a/b" + QByteArray::number(i) + ' ';
    QTest::newRow("65 entries") << many << QByteArrayList{};
}

void TestAcceptTypes::lists()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArrayList, entries);
    const auto list = accepttypes::parseList(value);
    if (entries.isEmpty()) {
        QVERIFY(!list);
        return;
    }
    QVERIFY2(list, qPrintable(list ? QString() : list.error().detail));
    QCOMPARE(*list, entries);
}

void TestAcceptTypes::admits_data()
{
    QTest::addColumn<QByteArrayList>("list");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<bool>("admitted");

    QTest::newRow("exact") << QByteArrayList{"text/plain"} << QByteArray("text/plain") << true;
    QTest::newRow("case-insensitive")
        << QByteArrayList{"Text/Plain"} << QByteArray("text/PLAIN") << true;
    QTest::newRow("parameters ignored on both sides")
        << QByteArrayList{"text/plain;charset=utf-8"}
        << QByteArray("text/plain; charset=iso-8859-1") << true;
    QTest::newRow("other subtype")
        << QByteArrayList{"text/plain"} << QByteArray("text/html") << false;
    QTest::newRow("type wildcard") << QByteArrayList{"text/*"} << QByteArray("text/html") << true;
    QTest::newRow("type wildcard, other type")
        << QByteArrayList{"text/*"} << QByteArray("textual/html") << false;
    QTest::newRow("*") << QByteArrayList{"message/cpim", "*"} << QByteArray("image/jpeg") << true;
    QTest::newRow("empty list") << QByteArrayList{} << QByteArray("text/plain") << false;
}

void TestAcceptTypes::admits()
{
    QFETCH(QByteArrayList, list);
    QFETCH(QByteArray, type);
    QFETCH(bool, admitted);
    QCOMPARE(accepttypes::listAdmits(list, type), admitted);
}

void TestAcceptTypes::intersection_data()
{
    QTest::addColumn<QByteArrayList>("local");
    QTest::addColumn<QByteArrayList>("remote");
    QTest::addColumn<QByteArrayList>("common");

    QTest::newRow("RFC 4975 §8.7") << QByteArrayList{"message/cpim", "text/plain"}
                                   << QByteArrayList{"message/cpim", "text/plain", "text/html"}
                                   << QByteArrayList{"message/cpim", "text/plain"};
    QTest::newRow("nothing common")
        << QByteArrayList{"text/plain"} << QByteArrayList{"text/html"} << QByteArrayList{};
    QTest::newRow("local order wins")
        << QByteArrayList{"text/html", "text/plain"} << QByteArrayList{"text/plain", "text/html"}
        << QByteArrayList{"text/html", "text/plain"};
    QTest::newRow("local * takes the remote list")
        << QByteArrayList{"*"} << QByteArrayList{"message/cpim", "text/plain"}
        << QByteArrayList{"message/cpim", "text/plain"};
    QTest::newRow("remote * takes the local list")
        << QByteArrayList{"text/plain", "image/*"} << QByteArrayList{"*"}
        << QByteArrayList{"text/plain", "image/*"};
    QTest::newRow("* and *") << QByteArrayList{"*"} << QByteArrayList{"*"} << QByteArrayList{"*"};
    QTest::newRow("local type/* narrows to remote subtypes")
        << QByteArrayList{"text/*"} << QByteArrayList{"text/plain", "image/png", "text/html"}
        << QByteArrayList{"text/plain", "text/html"};
    QTest::newRow("remote type/* admits local subtype")
        << QByteArrayList{"text/plain", "image/png"} << QByteArrayList{"text/*"}
        << QByteArrayList{"text/plain"};
    QTest::newRow("type/* against type/*")
        << QByteArrayList{"text/*"} << QByteArrayList{"text/*"} << QByteArrayList{"text/*"};
    QTest::newRow("parameters do not prevent a match, local form kept")
        << QByteArrayList{"text/plain;charset=utf-8"} << QByteArrayList{"TEXT/PLAIN"}
        << QByteArrayList{"text/plain;charset=utf-8"};
    QTest::newRow("duplicates dropped")
        << QByteArrayList{"*", "text/plain"} << QByteArrayList{"text/plain"}
        << QByteArrayList{"text/plain"};
    QTest::newRow("type prefix is not a match")
        << QByteArrayList{"text/*"} << QByteArrayList{"textual/x"} << QByteArrayList{};
}

void TestAcceptTypes::intersection()
{
    QFETCH(QByteArrayList, local);
    QFETCH(QByteArrayList, remote);
    QFETCH(QByteArrayList, common);
    QCOMPARE(accepttypes::intersect(local, remote), common);
}

QTEST_GUILESS_MAIN(TestAcceptTypes)
#include "tst_accepttypes.moc"
