// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// RFC 5547 §6 attributes with structure: a=file-selector, a=file-date, a=file-range.
#include "engine/sdp/fileattributes.h"
#include "engine/sdp/fileselector.h"

#include <QTest>

using namespace herald;
using namespace herald::sdp;

Q_DECLARE_METATYPE(std::optional<QByteArray>)
Q_DECLARE_METATYPE(std::optional<quint64>)

namespace {

const QByteArray rfcHash = "72:24:5F:E8:65:3D:DA:F3:71:36:2F:86:D4:71:91:3E:E4:A2:CE:2E";

} // namespace

class TestFileSelector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void selector_data();
    void selector();
    void selectorErrors_data();
    void selectorErrors();
    void names_data();
    void names();
    void hashes();
    void date_data();
    void date();
    void dateErrors_data();
    void dateErrors();
    void formatDate();
    void range_data();
    void range();
    void rangeErrors_data();
    void rangeErrors();
};

void TestFileSelector::selector_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<std::optional<QByteArray>>("name");
    QTest::addColumn<std::optional<QByteArray>>("type");
    QTest::addColumn<std::optional<quint64>>("size");
    QTest::addColumn<QByteArray>("hashes"); // "algo=value" joined by '|'
    QTest::addColumn<QByteArray>("written");

    const std::optional<QByteArray> none;
    const std::optional<quint64> noSize;
    QTest::newRow("RFC 5547 §6 example")
        << "name:\"My cool picture.jpg\" type:image/jpeg size:32349 hash:sha-1:" + rfcHash
        << std::optional<QByteArray>("My cool picture.jpg")
        << std::optional<QByteArray>("image/jpeg") << std::optional<quint64>(32349)
        << "sha-1=" + rfcHash
        << "name:\"My cool picture.jpg\" type:image/jpeg size:32349 hash:sha-1:" + rfcHash;
    QTest::newRow("hash only (RFC 5547 §9.2 pull)")
        << "hash:sha-1:" + rfcHash << none << none << noSize << "sha-1=" + rfcHash
        << "hash:sha-1:" + rfcHash;
    QTest::newRow("type and hash, written in canonical order")
        << "hash:sha-1:" + rfcHash + " type:image/jpeg" << none
        << std::optional<QByteArray>("image/jpeg") << noSize << "sha-1=" + rfcHash
        << "type:image/jpeg hash:sha-1:" + rfcHash;
    QTest::newRow("type with quoted parameters")
        << QByteArray("type:text/plain;charset=\"utf-8\";format=\"a b\"") << none
        << std::optional<QByteArray>("text/plain;charset=\"utf-8\";format=\"a b\"") << noSize
        << QByteArray() << QByteArray("type:text/plain;charset=\"utf-8\";format=\"a b\"");
    QTest::newRow("size 0") << QByteArray("size:0") << none << none << std::optional<quint64>(0)
                            << QByteArray() << QByteArray("size:0");
    QTest::newRow("size 2^64-1") << QByteArray("size:18446744073709551615") << none << none
                                 << std::optional<quint64>(18446744073709551615u) << QByteArray()
                                 << QByteArray("size:18446744073709551615");
    QTest::newRow("percent-encoded name with spaces")
        << QByteArray("name:\"a %22quoted%22 name%25.txt\"")
        << std::optional<QByteArray>("a %22quoted%22 name%25.txt") << none << noSize << QByteArray()
        << QByteArray("name:\"a %22quoted%22 name%25.txt\"");
    QTest::newRow("UTF-8 name") << QByteArray("name:\"informe-\xc3\xb1.pdf\"")
                                << std::optional<QByteArray>("informe-\xc3\xb1.pdf") << none
                                << noSize << QByteArray()
                                << QByteArray("name:\"informe-\xc3\xb1.pdf\"");
    QTest::newRow("two algorithms, lower-case hex")
        << "hash:sha-1:" + rfcHash.toLower() + " hash:sha-256:00:01" << none << none << noSize
        << "sha-1=" + rfcHash.toLower() + "|sha-256=00:01"
        << "hash:sha-1:" + rfcHash.toLower() + " hash:sha-256:00:01";
    QTest::newRow("empty (capability indication)")
        << QByteArray() << none << none << noSize << QByteArray() << QByteArray();
}

void TestFileSelector::selector()
{
    QFETCH(QByteArray, value);
    QFETCH(std::optional<QByteArray>, name);
    QFETCH(std::optional<QByteArray>, type);
    QFETCH(std::optional<quint64>, size);
    QFETCH(QByteArray, hashes);
    QFETCH(QByteArray, written);

    const auto fs = FileSelector::parse(value);
    QVERIFY2(fs, qPrintable(fs ? QString() : fs.error().detail));
    QVERIFY(fs->name == name);
    QVERIFY(fs->type == type);
    QVERIFY(fs->size == size);
    QByteArrayList hashList;
    for (const FileHash &h : fs->hashes)
        hashList << h.algorithm + '=' + h.value;
    QCOMPARE(hashList.join('|'), hashes);
    QCOMPARE(fs->toBytes(), written);
    QCOMPARE(fs->isEmpty(), value.isEmpty());
    const auto again = FileSelector::parse(fs->toBytes());
    QVERIFY(again);
    QCOMPARE(*again, *fs);
}

void TestFileSelector::selectorErrors_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("detail");

    QTest::newRow("unknown selector")
        << QByteArray("colour:red") << QStringLiteral("unknown selector \"colour\"");
    QTest::newRow("no colon") << QByteArray("name") << QStringLiteral("has no ':'");
    QTest::newRow("unquoted name") << QByteArray("name:a.txt") << QStringLiteral("must be quoted");
    QTest::newRow("unterminated name")
        << QByteArray("name:\"a.txt") << QStringLiteral("not a valid quoted file name");
    QTest::newRow("empty name") << QByteArray("name:\"\"")
                                << QStringLiteral("not a valid quoted file name");
    QTest::newRow("bad percent escape")
        << QByteArray("name:\"a%2\"") << QStringLiteral("not a valid quoted file name");
    QTest::newRow("bad percent hex")
        << QByteArray("name:\"a%zz\"") << QStringLiteral("not a valid quoted file name");
    QTest::newRow("junk after the name")
        << QByteArray("name:\"a\"x") << QStringLiteral("single spaces");
    QTest::newRow("two names") << QByteArray("name:\"a\" name:\"b\"")
                               << QStringLiteral("more than one name");
    QTest::newRow("two types") << QByteArray("type:a/b type:c/d")
                               << QStringLiteral("more than one type");
    QTest::newRow("two sizes") << QByteArray("size:1 size:2")
                               << QStringLiteral("more than one size");
    QTest::newRow("type without subtype")
        << QByteArray("type:image") << QStringLiteral("type selector");
    QTest::newRow("type parameter unquoted")
        << QByteArray("type:text/plain;charset=utf-8") << QStringLiteral("type selector");
    QTest::newRow("size not a number") << QByteArray("size:12k") << QStringLiteral("size selector");
    QTest::newRow("size 2^64") << QByteArray("size:18446744073709551616")
                               << QStringLiteral("size selector");
    QTest::newRow("size negative") << QByteArray("size:-1") << QStringLiteral("size selector");
    QTest::newRow("hash without algorithm")
        << QByteArray("hash:ABCD") << QStringLiteral("hash:<algorithm>:<value>");
    QTest::newRow("hash one hex digit") << QByteArray("hash:md5:A") << QStringLiteral("hash value");
    QTest::newRow("hash not hex") << QByteArray("hash:md5:GG") << QStringLiteral("hash value");
    QTest::newRow("hash trailing colon")
        << QByteArray("hash:md5:AB:") << QStringLiteral("hash value");
    QTest::newRow("sha-1 of 19 octets")
        << "hash:sha-1:" + rfcHash.chopped(3) << QStringLiteral("20 octets");
    QTest::newRow("sha-1 twice") << "hash:sha-1:" + rfcHash + " hash:SHA-1:" + rfcHash
                                 << QStringLiteral("more than one SHA-1");
    QTest::newRow("double space") << QByteArray("size:1  size:2")
                                  << QStringLiteral("single spaces");
    QTest::newRow("trailing space") << QByteArray("size:1 ") << QStringLiteral("single spaces");
    QTest::newRow("leading space") << QByteArray(" size:1") << QStringLiteral("unknown selector");
    QByteArray nine;
    for (int i = 0; i < 9; ++i)
        nine += (i ? " " : "") + QByteArray("hash:h") + QByteArray::number(i) + ":00";
    QTest::newRow("nine hashes") << nine << QStringLiteral("more than 8 hashes");
}

void TestFileSelector::selectorErrors()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, detail);
    const auto fs = FileSelector::parse(value);
    QVERIFY(!fs);
    QCOMPARE(fs.error().code, ErrorCode::Malformed);
    QVERIFY2(fs.error().detail.startsWith(QStringLiteral("file-selector: ")),
             qPrintable(fs.error().detail));
    QVERIFY2(fs.error().detail.contains(detail), qPrintable(fs.error().detail));
}

void TestFileSelector::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("encoded");

    QTest::newRow("plain") << QStringLiteral("My cool picture.jpg")
                           << QByteArray("My cool picture.jpg");
    QTest::newRow("quote and percent")
        << QStringLiteral("50% \"off\".txt") << QByteArray("50%25 %22off%22.txt");
    QTest::newRow("path separators")
        << QStringLiteral("../etc/passwd") << QByteArray("..%2Fetc%2Fpasswd");
    QTest::newRow("windows path") << QStringLiteral("C:\\x.txt") << QByteArray("C%3A%5Cx.txt");
    QTest::newRow("control characters")
        << QStringLiteral("a\r\nb\x7f") << QByteArray("a%0D%0Ab%7F");
    QTest::newRow("non-ASCII stays UTF-8") << QStringLiteral("\u00f1and\u00fa.png")
                                           << QByteArray("\xc3\xb1"
                                                         "and\xc3\xba.png");
}

void TestFileSelector::names()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, encoded);
    QCOMPARE(FileSelector::encodeName(name), encoded);
    FileSelector fs;
    fs.name = encoded;
    const auto reparsed = FileSelector::parse(fs.toBytes());
    QVERIFY(reparsed);
    QCOMPARE(*reparsed, fs);
    // Control characters never come back out of decodedName().
    const bool hasControl = name.contains(QLatin1Char('\r')) || name.contains(QChar(0x7f));
    QCOMPARE(reparsed->decodedName(), hasControl ? std::nullopt : std::optional<QString>(name));
}

void TestFileSelector::hashes()
{
    const QByteArray digest = QByteArray::fromHex(QByteArray(rfcHash).replace(":", ""));
    QCOMPARE(digest.size(), 20);
    const FileHash h = FileHash::sha1(digest);
    QCOMPARE(h.algorithm, QByteArray("sha-1"));
    QCOMPARE(h.value, rfcHash);
    QCOMPARE(h.bytes(), digest);

    // A percent-encoded name that decodes to invalid UTF-8 is not handed out.
    FileSelector fs;
    fs.name = "%C3%28";
    QCOMPARE(fs.decodedName(), std::nullopt);
}

void TestFileSelector::date_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<std::optional<QByteArray>>("creation");
    QTest::addColumn<std::optional<QByteArray>>("modification");
    QTest::addColumn<std::optional<QByteArray>>("read");
    QTest::addColumn<QByteArray>("written");

    const std::optional<QByteArray> none;
    QTest::newRow("RFC 5547 creation")
        << QByteArray("creation:\"Mon, 15 May 2006 15:01:31 +0300\"")
        << std::optional<QByteArray>("Mon, 15 May 2006 15:01:31 +0300") << none << none
        << QByteArray("creation:\"Mon, 15 May 2006 15:01:31 +0300\"");
    QTest::newRow("all three, out of order")
        << QByteArray("read:\"16 May 2006 10:00:00 -0500\" modification:\"Tue, 16 May 2006 "
                      "09:00:00 +0000\" "
                      "creation:\"Mon, 15 May 2006 15:01:31 +0300\"")
        << std::optional<QByteArray>("Mon, 15 May 2006 15:01:31 +0300")
        << std::optional<QByteArray>("Tue, 16 May 2006 09:00:00 +0000")
        << std::optional<QByteArray>("16 May 2006 10:00:00 -0500")
        << QByteArray("creation:\"Mon, 15 May 2006 15:01:31 +0300\" modification:\"Tue, 16 May "
                      "2006 09:00:00 "
                      "+0000\" read:\"16 May 2006 10:00:00 -0500\"");
}

void TestFileSelector::date()
{
    QFETCH(QByteArray, value);
    QFETCH(std::optional<QByteArray>, creation);
    QFETCH(std::optional<QByteArray>, modification);
    QFETCH(std::optional<QByteArray>, read);
    QFETCH(QByteArray, written);
    const auto fd = FileDate::parse(value);
    QVERIFY2(fd, qPrintable(fd ? QString() : fd.error().detail));
    QVERIFY(fd->creation == creation);
    QVERIFY(fd->modification == modification);
    QVERIFY(fd->read == read);
    QCOMPARE(fd->toBytes(), written);
    if (creation) {
        const auto dt = FileDate::toDateTime(*creation);
        QVERIFY(dt);
        QCOMPARE(dt->toUTC(), QDateTime(QDate(2006, 5, 15), QTime(12, 1, 31), Qt::UTC));
    }
}

void TestFileSelector::dateErrors_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("detail");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("no date");
    QTest::newRow("unquoted") << QByteArray("creation:Mon, 15 May 2006 15:01:31 +0300")
                              << QStringLiteral("expected <name>:\"<date-time>\"");
    QTest::newRow("unterminated") << QByteArray("creation:\"Mon, 15 May 2006 15:01:31 +0300")
                                  << QStringLiteral("unterminated");
    QTest::newRow("named zone") << QByteArray("creation:\"Mon, 15 May 2006 15:01:31 GMT\"")
                                << QStringLiteral("numeric zone");
    QTest::newRow("no zone") << QByteArray("creation:\"Mon, 15 May 2006 15:01:31\"")
                             << QStringLiteral("numeric zone");
    QTest::newRow("wrong weekday") << QByteArray("creation:\"Tue, 15 May 2006 15:01:31 +0300\"")
                                   << QStringLiteral("numeric zone");
    QTest::newRow("hour 25") << QByteArray("creation:\"Mon, 15 May 2006 25:01:31 +0300\"")
                             << QStringLiteral("numeric zone");
    QTest::newRow("garbage") << QByteArray("creation:\"yesterday +0000\"")
                             << QStringLiteral("numeric zone");
    QTest::newRow("unknown parameter") << QByteArray("birth:\"Mon, 15 May 2006 15:01:31 +0300\"")
                                       << QStringLiteral("unknown parameter");
    QTest::newRow("creation twice") << QByteArray("creation:\"Mon, 15 May 2006 15:01:31 +0300\" "
                                                  "creation:\"Mon, 15 May 2006 15:01:31 +0300\"")
                                    << QStringLiteral("more than one creation");
    QTest::newRow("double space") << QByteArray("creation:\"Mon, 15 May 2006 15:01:31 +0300\"  "
                                                "read:\"Mon, 15 May 2006 15:01:31 +0300\"")
                                  << QStringLiteral("single spaces");
}

void TestFileSelector::dateErrors()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, detail);
    const auto fd = FileDate::parse(value);
    QVERIFY(!fd);
    QCOMPARE(fd.error().code, ErrorCode::Malformed);
    QVERIFY2(fd.error().detail.contains(detail), qPrintable(fd.error().detail));
}

void TestFileSelector::formatDate()
{
    const QDateTime dt(QDate(2006, 5, 15), QTime(15, 1, 31), Qt::OffsetFromUTC, 3 * 3600);
    QCOMPARE(FileDate::formatDateTime(dt), QByteArray("Mon, 15 May 2006 15:01:31 +0300"));
    const QDateTime west(QDate(2024, 1, 5), QTime(8, 0, 0), Qt::OffsetFromUTC,
                         -(5 * 3600 + 30 * 60));
    QCOMPARE(FileDate::formatDateTime(west), QByteArray("Fri, 05 Jan 2024 08:00:00 -0530"));
    // What the formatter writes, the parser reads back as the same instant.
    QCOMPARE(*FileDate::toDateTime(FileDate::formatDateTime(west)), west);
}

void TestFileSelector::range_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<quint64>("start");
    QTest::addColumn<std::optional<quint64>>("stop");

    QTest::newRow("RFC 5547 §6") << QByteArray("1-32349") << quint64(1)
                                 << std::optional<quint64>(32349);
    QTest::newRow("unknown stop") << QByteArray("1-*") << quint64(1) << std::optional<quint64>();
    QTest::newRow("resume") << QByteArray("4097-*") << quint64(4097) << std::optional<quint64>();
    QTest::newRow("one octet") << QByteArray("7-7") << quint64(7) << std::optional<quint64>(7);
    QTest::newRow("2^64-1") << QByteArray("18446744073709551615-18446744073709551615")
                            << quint64(18446744073709551615u)
                            << std::optional<quint64>(18446744073709551615u);
}

void TestFileSelector::range()
{
    QFETCH(QByteArray, value);
    QFETCH(quint64, start);
    QFETCH(std::optional<quint64>, stop);
    const auto r = FileRange::parse(value);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().detail));
    QCOMPARE(r->start, start);
    QVERIFY(r->stop == stop);
    QCOMPARE(r->toBytes(), value);
}

void TestFileSelector::rangeErrors_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("start 0 (octets count from 1)") << QByteArray("0-10");
    QTest::newRow("stop before start") << QByteArray("10-9");
    QTest::newRow("no dash") << QByteArray("10");
    QTest::newRow("start *") << QByteArray("*-10");
    QTest::newRow("negative") << QByteArray("-1-10");
    QTest::newRow("overflow") << QByteArray("1-18446744073709551616");
    QTest::newRow("spaces") << QByteArray("1 - 10");
    QTest::newRow("empty stop") << QByteArray("1-");
}

void TestFileSelector::rangeErrors()
{
    QFETCH(QByteArray, value);
    const auto r = FileRange::parse(value);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Malformed);
    QVERIFY(r.error().detail.startsWith(QStringLiteral("file-range: ")));
}

QTEST_GUILESS_MAIN(TestFileSelector)
#include "tst_fileselector.moc"
