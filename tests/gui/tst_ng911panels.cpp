// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The PSAP call panel against a real emergency INVITE: a second Engine in this process places
// a multipart/mixed INVITE (SDP offer, PIDF-LO documents and every RFC 7852 block by value,
// RFC 6442 §4.1 / RFC 7852 §4.1) to urn:service:sos, routed to the console's engine on
// loopback. The location panel shows the latest location with its uncertainty, confidence,
// civic address, method, provider and time and lists the earlier one; the call-data panel
// shows each block; a location by reference reads "Pending" until its fetch ends; a malformed
// PIDF-LO reads "Unreadable" with the raw text available; the caller's isComposing drives the
// typing indicator; a urn:service:test.sos call is marked as a test in the queue and the tab.

#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/service/engine.h"
#include "tests/support/testsupport.h"
#include "ui/models/incomingcallsmodel.h"
#include "ui/models/transcriptmodel.h"
#include "ui/widgets/calldatapanel.h"
#include "ui/widgets/callpanel.h"
#include "ui/widgets/locationpanel.h"
#include "ui/widgets/replyedit.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>

#include <chrono>
#include <memory>

using namespace herald;
using namespace std::chrono_literals;

namespace {

constexpr int waitMs = 10000;

QByteArray dataFile(const char *name)
{
    return test::readFile(test::sourceDir() + QStringLiteral("/tests/data/ng911/") +
                          QLatin1String(name));
}

service::EngineConfig peerConfig(const QString &user)
{
    service::EngineConfig config;
    config.msrpListenAddress = QHostAddress(QHostAddress::LocalHost);
    config.msrpListenPort = 0;
    config.sip.bindHost = QStringLiteral("127.0.0.1");
    config.sip.port = 0;
    config.sip.identity = QStringLiteral("sip:%1@127.0.0.1").arg(user);
    config.sip.t1 = 50ms;
    config.sip.t1x64 = 3200ms;
    config.answerPolicy = service::AnswerPolicy::Manual;
    config.emergencyFetchTimeout = 600ms;
    return config;
}

ng911::BodyPart part(const QByteArray &type, const QByteArray &id, const QByteArray &body)
{
    ng911::BodyPart p;
    p.headers = {{"Content-Type", type}, {"Content-ID", '<' + id + '>'}};
    p.body = body;
    return p;
}

QString labelText(QWidget *parent, const QString &name)
{
    auto *label = parent->findChild<QLabel *>(name);
    return label ? label->text() : QStringLiteral("<no label %1>").arg(name);
}

bool rowShown(QWidget *parent, const QString &name)
{
    auto *label = parent->findChild<QLabel *>(name);
    return label && label->isVisibleTo(parent) && !label->text().isEmpty();
}

} // namespace

class TestNg911Panels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void locationAndCallDataShown();
    void referencePendingThenUnavailable();
    void malformedPidfUnreadable();
    void typingIndicator();
    void testCallMarked();
    void imdnShownAsTicks();

private:
    // The caller places INVITE `urn` to the console with these body parts and headers; returns
    // the console's offered Call and a panel for it.
    service::Call *callIn(const QList<ng911::BodyPart> &parts, const sip::SipHeaders &headers,
                          const QByteArray &urn = "urn:service:sos");

    SystemClock m_clock;
    SeededRandomSource m_consoleRandom{21};
    SeededRandomSource m_callerRandom{22};
    std::unique_ptr<service::Engine> m_console;
    std::unique_ptr<service::Engine> m_caller;
    std::unique_ptr<ui::IncomingCallsModel> m_queue;
    std::unique_ptr<QAbstractItemModelTester> m_queueTester;
    service::Call *m_callerCall = nullptr;
};

void TestNg911Panels::init()
{
    m_console = std::make_unique<service::Engine>(peerConfig(QStringLiteral("psap")), m_clock,
                                                  m_consoleRandom);
    m_caller = std::make_unique<service::Engine>(peerConfig(QStringLiteral("esrp")), m_clock,
                                                 m_callerRandom);
    QVERIFY(m_console->start());
    QVERIFY(m_caller->start());
    m_queue = std::make_unique<ui::IncomingCallsModel>(*m_console);
    m_queueTester = std::make_unique<QAbstractItemModelTester>(
        m_queue.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_callerCall = nullptr;
}

void TestNg911Panels::cleanup()
{
    m_queueTester.reset();
    m_queue.reset();
    for (service::Engine *e : {m_caller.get(), m_console.get()}) {
        if (e && e->sip().isRunning()) {
            QSignalSpy stopped(&e->sip(), &sip::Agent::stopped);
            e->stop();
            QVERIFY(stopped.wait(waitMs));
        }
    }
    m_caller.reset();
    m_console.reset();
}

service::Call *TestNg911Panels::callIn(const QList<ng911::BodyPart> &parts,
                                       const sip::SipHeaders &headers, const QByteArray &urn)
{
    QSignalSpy offered(&m_console->calls(), &service::CallManager::callOffered);
    service::PlaceCallOptions options;
    options.from = "sip:+15555550123@carrier.example";
    options.route = "sip:psap@127.0.0.1:" + QByteArray::number(m_console->sipListenPort());
    options.extraHeaders = headers;
    options.extraHeaders.append(sip::SipHeader{"P-Asserted-Identity", "<tel:+15555550123>"});
    options.bodyParts = parts;
    auto placed = m_caller->calls().placeCall(urn, options);
    if (!placed || (offered.isEmpty() && !offered.wait(waitMs)))
        return nullptr;
    m_callerCall = *placed;
    return offered.first().at(0).value<service::Call *>();
}

void TestNg911Panels::locationAndCallDataShown()
{
    // Two locations in order (RFC 6442 §4.1 allows several): the handset's GPS circle, then
    // the LIS's civic address, which is the latest and shown; the first is listed as earlier.
    const QList<ng911::BodyPart> parts = {
        part("application/pidf+xml", "loc1@esrp.example", dataFile("pidf-circle.xml")),
        part("application/pidf+xml", "loc2@esrp.example", dataFile("pidf-civic.xml")),
        part("application/EmergencyCallData.ProviderInfo+xml", "p@esrp.example",
             dataFile("adr-providerinfo.xml")),
        part("application/EmergencyCallData.ServiceInfo+xml", "s@esrp.example",
             dataFile("adr-serviceinfo.xml")),
        part("application/EmergencyCallData.DeviceInfo+xml", "d@esrp.example",
             dataFile("adr-deviceinfo.xml")),
        part("application/EmergencyCallData.SubscriberInfo+xml", "u@esrp.example",
             dataFile("adr-subscriberinfo.xml")),
        part("application/EmergencyCallData.Comment+xml", "c@esrp.example",
             dataFile("adr-comment.xml"))};
    const sip::SipHeaders headers = {
        {"Geolocation", "<cid:loc1@esrp.example>, <cid:loc2@esrp.example>"},
        {"Call-Info", "<cid:p@esrp.example>;purpose=EmergencyCallData.ProviderInfo"},
        {"Call-Info", "<cid:s@esrp.example>;purpose=EmergencyCallData.ServiceInfo"},
        {"Call-Info", "<cid:d@esrp.example>;purpose=EmergencyCallData.DeviceInfo"},
        {"Call-Info", "<cid:u@esrp.example>;purpose=EmergencyCallData.SubscriberInfo"},
        {"Call-Info", "<cid:c@esrp.example>;purpose=EmergencyCallData.Comment"}};
    service::Call *call = callIn(parts, headers);
    QVERIFY(call);
    QVERIFY(!call->emergencyData().service.isTest());
    ui::CallPanel panel(*m_console, *call);
    panel.resize(1000, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    ui::LocationPanel *location = panel.locationPanel();
    QVERIFY(location);
    QVERIFY(labelText(&panel, QStringLiteral("callbackValue")).contains(u"+15555550123"));
    // The latest: civic only (RFC 5139), Manual, by the LIS, with its time.
    QVERIFY(labelText(location, QStringLiteral("locationCivic")).contains(u"Wollongong"));
    QVERIFY(labelText(location, QStringLiteral("locationCivic")).contains(u"Flinders Street"));
    QCOMPARE(labelText(location, QStringLiteral("locationMethod")), QStringLiteral("Manual"));
    QVERIFY(labelText(location, QStringLiteral("locationProvidedBy")).contains(u"Example LIS"));
    QVERIFY(rowShown(location, QStringLiteral("locationTimestamp")));
    QVERIFY(!rowShown(location, QStringLiteral("locationCoordinates")));
    QVERIFY(labelText(location, QStringLiteral("locationStatus")).contains(u"Latest of 2"));
    // The earlier one, listed: the GPS circle.
    auto *history = location->findChild<QListWidget *>(QStringLiteral("locationHistory"));
    QVERIFY(history && history->isVisibleTo(location));
    QCOMPARE(history->count(), 1);
    QVERIFY(history->item(0)->text().contains(u"42.54630° N, 73.25120° W"));
    QVERIFY(history->item(0)->text().contains(u"GPS"));

    // The queue shows the latest too.
    QCOMPARE(m_queue->rowCount(), 1);
    QVERIFY(m_queue->index(0, ui::IncomingCallsModel::Location)
                .data()
                .toString()
                .contains(u"Wollongong"));

    ui::CallDataPanel *callData = panel.callDataPanel();
    QVERIFY(callData);
    QCOMPARE(labelText(callData, QStringLiteral("adr.ProviderInfo.DataProviderString")),
             QStringLiteral("Example VoIP Provider"));
    QCOMPARE(labelText(callData, QStringLiteral("adr.ServiceInfo.ServiceEnvironment")),
             QStringLiteral("Business"));
    QCOMPARE(labelText(callData, QStringLiteral("adr.DeviceInfo.DeviceModelNr")),
             QStringLiteral("Lumia 800"));
    QCOMPARE(labelText(callData, QStringLiteral("adr.SubscriberInfo.SubscriberData.fn")),
             QStringLiteral("Simon Perreault"));
    QVERIFY(labelText(callData, QStringLiteral("adr.Comment.Comment"))
                .contains(u"This is an example text."));
    QCOMPARE(callData->findChild<QLabel *>(QStringLiteral("adr.DeviceInfo.title"))->text(),
             QStringLiteral("Device"));
}

void TestNg911Panels::referencePendingThenUnavailable()
{
    // A LIS that accepts the connection and never answers: pending, then the fetch timeout.
    QTcpServer lis;
    QVERIFY(lis.listen(QHostAddress::LocalHost, 0));
    const QByteArray uri = "http://127.0.0.1:" + QByteArray::number(lis.serverPort()) + "/loc/1";
    service::Call *call = callIn({}, {{"Geolocation", '<' + uri + '>'}});
    QVERIFY(call);
    ui::CallPanel panel(*m_console, *call);
    ui::LocationPanel *location = panel.locationPanel();
    QVERIFY(labelText(location, QStringLiteral("locationStatus")).startsWith(u"Pending"));
    QVERIFY(labelText(location, QStringLiteral("locationStatus")).contains(u"127.0.0.1"));
    QCOMPARE(m_queue->index(0, ui::IncomingCallsModel::Location).data().toString(),
             QStringLiteral("Pending…"));
    QTRY_VERIFY_WITH_TIMEOUT(
        labelText(location, QStringLiteral("locationStatus")).startsWith(u"Location unavailable"),
        waitMs);
    QCOMPARE(m_queue->index(0, ui::IncomingCallsModel::Location).data().toString(),
             QStringLiteral("Unavailable"));
}

void TestNg911Panels::malformedPidfUnreadable()
{
    // A PIDF-LO whose circle has no radius: well-formed XML, not a valid RFC 5491 shape.
    QByteArray broken = dataFile("pidf-circle.xml");
    const qsizetype from = broken.indexOf("<gs:radius");
    const qsizetype to = broken.indexOf("</gs:radius>") + qsizetype(strlen("</gs:radius>"));
    QVERIFY(from > 0 && to > from);
    broken.remove(from, to - from);
    service::Call *call = callIn({part("application/pidf+xml", "bad@esrp.example", broken)},
                                 {{"Geolocation", "<cid:bad@esrp.example>"}});
    QVERIFY(call);
    ui::CallPanel panel(*m_console, *call);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    ui::LocationPanel *location = panel.locationPanel();
    QVERIFY(labelText(location, QStringLiteral("locationStatus"))
                .startsWith(u"Unreadable location data"));
    QVERIFY(!rowShown(location, QStringLiteral("locationCoordinates")));
    auto *button = location->findChild<QToolButton *>(QStringLiteral("locationRawButton"));
    auto *raw = location->findChild<QPlainTextEdit *>(QStringLiteral("locationRaw"));
    QVERIFY(button && raw);
    QVERIFY(button->isVisible());
    QVERIFY(!raw->isVisible());
    button->click();
    QVERIFY(raw->isVisible());
    QVERIFY(raw->toPlainText().contains(u"<gml:pos>42.5463 -73.2512</gml:pos>"));
    QCOMPARE(m_queue->index(0, ui::IncomingCallsModel::Location).data().toString(),
             QStringLiteral("Unreadable"));
}

void TestNg911Panels::typingIndicator()
{
    service::Call *call = callIn({}, {});
    QVERIFY(call);
    ui::CallPanel panel(*m_console, *call);
    QVERIFY(panel.typingIndicator()->text().isEmpty());
    QVERIFY(m_console->calls().answer(call->id()));
    QTRY_COMPARE_WITH_TIMEOUT(m_callerCall->state(), service::CallState::Active, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(call->state(), service::CallState::Active, waitMs);

    // RFC 3994: the caller starts typing, then stops without sending.
    QVERIFY(m_callerCall->setComposing(true));
    QTRY_COMPARE_WITH_TIMEOUT(panel.typingIndicator()->text(),
                              QStringLiteral("The caller is typing…"), waitMs);
    QVERIFY(m_callerCall->setComposing(false));
    QTRY_VERIFY_WITH_TIMEOUT(panel.typingIndicator()->text().isEmpty(), waitMs);

    // The call-taker types: the caller is told (RFC 3994 §3.2), and told again on clearing.
    panel.replyEdit()->setPlainText(QStringLiteral("Are you safe?"));
    QTRY_COMPARE_WITH_TIMEOUT(m_callerCall->remoteComposing(), service::ComposingState::Active,
                              waitMs);
    panel.replyEdit()->clear();
    QTRY_COMPARE_WITH_TIMEOUT(m_callerCall->remoteComposing(), service::ComposingState::Idle,
                              waitMs);
}

void TestNg911Panels::testCallMarked()
{
    service::Call *call =
        callIn({part("application/pidf+xml", "t@esrp.example", dataFile("pidf-circle.xml"))},
               {{"Geolocation", "<cid:t@esrp.example>"}}, "urn:service:test.sos");
    QVERIFY(call);
    QVERIFY(call->emergencyData().service.isTest());
    QVERIFY(m_queue->index(0, 0).data(ui::IncomingCallsModel::TestCallRole).toBool());
    QCOMPARE(m_queue->index(0, ui::IncomingCallsModel::Caller).data().toString(),
             QStringLiteral("+15555550123 (test call)"));
    ui::CallPanel panel(*m_console, *call);
    auto *badge = panel.findChild<QLabel *>(QStringLiteral("testCallBadge"));
    QVERIFY(badge && badge->isVisibleTo(&panel));
    // The location of a test call is shown like any other.
    QCOMPARE(labelText(panel.locationPanel(), QStringLiteral("locationCoordinates")),
             QStringLiteral("42.54630° N, 73.25120° W"));
    QCOMPARE(labelText(panel.locationPanel(), QStringLiteral("locationUncertainty")),
             QStringLiteral("±850 m (circle)"));
    QCOMPARE(labelText(panel.locationPanel(), QStringLiteral("locationConfidence")),
             QStringLiteral("67 %"));
}

void TestNg911Panels::imdnShownAsTicks()
{
    // An i3 ESRP announces CPIM (RFC 3862) in accept-wrapped-types, so the console's reply goes
    // wrapped and asks for delivery and display notifications (RFC 5438 §6); the caller's
    // device answers them and the transcript's ticks follow: delivered, then read.
    {
        QSignalSpy stopped(&m_caller->sip(), &sip::Agent::stopped);
        m_caller->stop();
        QVERIFY(stopped.wait(waitMs));
    }
    service::EngineConfig esrpConfig = peerConfig(QStringLiteral("esrp"));
    esrpConfig.msrpAcceptWrappedTypes = service::i3AcceptWrappedTypes();
    m_caller = std::make_unique<service::Engine>(esrpConfig, m_clock, m_callerRandom);
    QVERIFY(m_caller->start());

    service::Call *call = callIn({}, {});
    QVERIFY(call);
    ui::CallPanel panel(*m_console, *call);
    QVERIFY(m_console->calls().answer(call->id()));
    QTRY_COMPARE_WITH_TIMEOUT(m_callerCall->state(), service::CallState::Active, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(call->state(), service::CallState::Active, waitMs);
    QList<service::ReceivedText> callerTexts;
    connect(m_callerCall, &service::Call::textReceived, this,
            [&callerTexts](const service::ReceivedText &t) { callerTexts.append(t); });

    ui::TranscriptModel *transcript = panel.transcriptModel();
    auto sent = transcript->send(QStringLiteral("Help is on the way"));
    QVERIFY(sent);
    QTRY_COMPARE_WITH_TIMEOUT(callerTexts.size(), 1, waitMs);
    QVERIFY(callerTexts.first().wrapped);
    QVERIFY(callerTexts.first().displayRequested);
    const QModelIndex status = transcript->index(0, ui::TranscriptModel::Delivery);
    QTRY_COMPARE_WITH_TIMEOUT(status.data().toString(), QStringLiteral("✓✓ Delivered"), waitMs);
    QVERIFY(call->disposition(*sent) == service::Disposition::Delivered);

    // The caller reads it: its device sends the display notification.
    QVERIFY(m_callerCall->markDisplayed(callerTexts.first().messageId));
    QTRY_COMPARE_WITH_TIMEOUT(status.data().toString(), QStringLiteral("✓✓ Read"), waitMs);
    QVERIFY(call->disposition(*sent) == service::Disposition::Displayed);
}

QTEST_MAIN(TestNg911Panels)
#include "tst_ng911panels.moc"
