// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// isComposing (RFC 3994): the two documents of RFC 3994 §7 (tests/data/im), round trips and
// strictness.
#include "engine/im/iscomposing.h"
#include "tests/support/testsupport.h"

#include <QTest>

using namespace herald;
using namespace herald::im;

Q_DECLARE_METATYPE(herald::ErrorCode)

namespace {

QByteArray dataFile(const char *name)
{
    return herald::test::readFile(herald::test::sourceDir() + QStringLiteral("/tests/data/im/") +
                                  QLatin1String(name));
}

QByteArray doc(const QByteArray &inner)
{
    return "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'>" + inner + "</isComposing>";
}

} // namespace

class TestIsComposing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfcExamples()
    {
        const auto active = parseIsComposing(dataFile("iscomposing-active.xml"));
        QVERIFY2(active, qPrintable(active.problem().detail));
        QVERIFY(active->isActive());
        QCOMPARE(active->contentType, QByteArray("text/plain"));
        QCOMPARE(active->refreshSeconds.value_or(0), 90);
        QVERIFY(!active->lastActive.isValid());

        const auto idle = parseIsComposing(dataFile("iscomposing-idle.xml"));
        QVERIFY2(idle, qPrintable(idle.problem().detail));
        QVERIFY(!idle->isActive());
        QCOMPARE(idle->lastActive, QDateTime(QDate(2003, 1, 27), QTime(10, 43), Qt::UTC));
        QCOMPARE(idle->contentType, QByteArray("audio"));
        QVERIFY(!idle->refreshSeconds);
    }

    void roundTrip()
    {
        IsComposing s;
        s.state = IsComposing::State::Active;
        s.contentType = "text/plain";
        s.refreshSeconds = 60;
        s.lastActive = QDateTime(QDate(2026, 11, 26), QTime(1, 2, 3), Qt::UTC);
        const QByteArray bytes = serializeIsComposing(s);
        const auto back = parseIsComposing(bytes);
        QVERIFY2(back, qPrintable(back.problem().detail));
        QCOMPARE(*back, s);
        QCOMPARE(*parseIsComposing(serializeIsComposing(IsComposing{})), IsComposing{});
    }

    void unreadable_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("empty") << QByteArray() << ErrorCode::Malformed;
        QTest::newRow("no state") << doc("<refresh>60</refresh>") << ErrorCode::Malformed;
        QTest::newRow("bad state") << doc("<state>typing</state>") << ErrorCode::Malformed;
        QTest::newRow("two states")
            << doc("<state>idle</state><state>active</state>") << ErrorCode::Malformed;
        QTest::newRow("order") << doc("<refresh>60</refresh><state>active</state>")
                               << ErrorCode::Malformed;
        QTest::newRow("refresh 0")
            << doc("<state>active</state><refresh>0</refresh>") << ErrorCode::Malformed;
        QTest::newRow("refresh text")
            << doc("<state>active</state><refresh>soon</refresh>") << ErrorCode::Malformed;
        QTest::newRow("bad lastactive")
            << doc("<state>idle</state><lastactive>now</lastactive>") << ErrorCode::Malformed;
        QTest::newRow("bad contenttype")
            << doc("<state>idle</state><contenttype>text/plain/x</contenttype>")
            << ErrorCode::Malformed;
        QTest::newRow("wrong root") << QByteArray("<isComposing><state>idle</state></isComposing>")
                                    << ErrorCode::Unsupported;
        QTest::newRow("dtd") << QByteArray("<!DOCTYPE isComposing [<!ENTITY x 'y'>]>" +
                                           doc("<state>idle</state>"))
                             << ErrorCode::Unsupported;
        QTest::newRow("too large") << doc("<state>idle</state><x:pad xmlns:x='urn:x'>" +
                                          QByteArray(5000, 'p') + "</x:pad>")
                                   << ErrorCode::LimitExceeded;
        QTest::newRow("truncated") << doc("<state>idle</state>").left(70) << ErrorCode::Malformed;
    }

    void unreadable()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(ErrorCode, code);
        const auto s = parseIsComposing(bytes);
        QVERIFY(!s);
        QCOMPARE(s.raw(), bytes);
        QVERIFY(!s.problem().detail.isEmpty());
        QCOMPARE(errorCodeName(s.problem().code), errorCodeName(code));
    }

    void otherNamespacesSkipped()
    {
        const auto s = parseIsComposing(
            doc("<state>active</state><x:ext xmlns:x='urn:example'><x:y/></x:ext>"));
        QVERIFY2(s, qPrintable(s.problem().detail));
        QVERIFY(s->isActive());
    }
};

QTEST_GUILESS_MAIN(TestIsComposing)
#include "tst_iscomposing.moc"
