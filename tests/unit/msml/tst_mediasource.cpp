// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/mediasource.h"

#include <QTest>

using namespace herald::msml;

Q_DECLARE_METATYPE(herald::msml::MediaSource::Scheme)
Q_DECLARE_METATYPE(herald::ErrorCode)

class TestMediaSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
};

void TestMediaSource::valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<MediaSource::Scheme>("scheme");
    QTest::addColumn<QString>("path"); // files
    QTest::addColumn<QString>("host"); // URLs

    using S = MediaSource::Scheme;
    const auto s = [](const char *text) { return QString::fromUtf8(text); };
    QTest::newRow("DESIGN.md") << s("file:///var/spool/herald/vm/msg1.amr") << S::File
                               << s("/var/spool/herald/vm/msg1.amr") << QString();
    QTest::newRow("localhost") << s("file://localhost/m/a.amr") << S::File << s("/m/a.amr")
                               << QString();
    QTest::newRow("LOCALHOST, FILE:")
        << s("FILE://LOCALHOST/m/a.amr") << S::File << s("/m/a.amr") << QString();
    QTest::newRow("minimal form") << s("file:/m/a.amr") << S::File << s("/m/a.amr") << QString();
    QTest::newRow("percent-encoded name")
        << s("file:///m/a%20b%C3%A9.amr") << S::File << s("/m/a b\xc3\xa9.amr") << QString();
    QTest::newRow("dots inside names")
        << s("file:///m/..a/b..c/.d") << S::File << s("/m/..a/b..c/.d") << QString();
    QTest::newRow("http") << s("http://vm.example.com/box/1.amr") << S::Http << QString()
                          << s("vm.example.com");
    QTest::newRow("https with port and query")
        << s("https://10.0.0.9:8443/get?id=1&fmt=amr") << S::Https << QString() << s("10.0.0.9");
    QTest::newRow("HTTPS upper case")
        << s("HTTPS://vm.example.com/x") << S::Https << QString() << s("vm.example.com");
}

void TestMediaSource::valid()
{
    QFETCH(QString, text);
    QFETCH(MediaSource::Scheme, scheme);
    QFETCH(QString, path);
    QFETCH(QString, host);

    const auto source = MediaSource::parse(text);
    QVERIFY2(source.has_value(), qPrintable(source ? QString() : source.error().detail));
    QCOMPARE(source->scheme, scheme);
    QCOMPARE(source->uri, text);
    QCOMPARE(source->path, path);
    QCOMPARE(source->url.host(), host);
    QCOMPARE(source->url.isEmpty(), scheme == MediaSource::Scheme::File);
}

void TestMediaSource::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<herald::ErrorCode>("code");

    using C = herald::ErrorCode;
    const auto row = [](const char *name, const char *text, C code) {
        QTest::newRow(name) << QString::fromUtf8(text) << code;
    };
    row("empty", "", C::Malformed);
    row("bare path", "/var/spool/a.amr", C::Unsupported);
    row("relative path", "a.amr", C::Unsupported);
    row("ftp", "ftp://h/a.amr", C::Unsupported);
    row("data", "data:audio/amr;base64,AAAA", C::Unsupported);
    row("msrp", "msrp://h:2855/s;tcp", C::Unsupported);
    row("RFC 5707 relative style", "file://clip1.wav", C::Malformed);
    row("relative file", "file:a.amr", C::Malformed);
    row("other host", "file://fileserver/share/a.amr", C::Malformed);
    row("dot dot", "file:///var/spool/../../etc/passwd", C::Malformed);
    row("leading dot dot", "file:///../etc/passwd", C::Malformed);
    row("trailing dot dot", "file:///var/..", C::Malformed);
    row("encoded dot dot", "file:///var/%2e%2e/etc/passwd", C::Malformed);
    row("encoded slash dot dot", "file:///var/x%2f..%2fetc", C::Malformed);
    row("dot segment", "file:///var/./a", C::Malformed);
    row("empty segment", "file:///var//a", C::Malformed);
    row("directory", "file:///var/spool/", C::Malformed);
    row("root", "file:///", C::Malformed);
    row("encoded NUL", "file:///var/a%00.amr", C::Malformed);
    row("encoded newline", "file:///var/a%0a.amr", C::Malformed);
    row("query on a file", "file:///var/a.amr?x=1", C::Malformed);
    row("fragment on a file", "file:///var/a.amr#x", C::Malformed);
    row("space", "file:///var/a b.amr", C::Malformed);
    row("http without host", "http:///a.amr", C::Malformed);
    row("http bad port", "http://h:99999/a", C::Malformed);
    row("https with space", "https://h/a b", C::Malformed);
}

void TestMediaSource::invalid()
{
    QFETCH(QString, text);
    QFETCH(herald::ErrorCode, code);

    const auto source = MediaSource::parse(text);
    QVERIFY2(!source.has_value(), qPrintable(text));
    QCOMPARE(source.error().code, code);
    QVERIFY(!source.error().detail.isEmpty());
}

QTEST_GUILESS_MAIN(TestMediaSource)
#include "tst_mediasource.moc"
