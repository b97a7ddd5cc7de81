// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The instant-message layer between two Engines on loopback (SIP and MSRP on port 0): texts
// wrapped in Message/CPIM (RFC 3862) with RFC 7701 nicknames when both announce
// a=accept-wrapped-types, and bare when the peer does not; isComposing (RFC 3994) from active
// to idle, by an idle status and by a text; IMDN (RFC 5438) delivery and display notifications
// moving the sender's per-message state.
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/im/cpimmessage.h"
#include "engine/im/imdn.h"
#include "engine/service/engine.h"
#include "tests/support/enginetestsupport.h"

#include <QSignalSpy>
#include <QTest>

#include <chrono>
#include <memory>

using namespace herald;
using namespace herald::service;
using namespace std::chrono_literals;

namespace {

constexpr int waitMs = 10000;

struct Peer
{
    QByteArray user;
    std::unique_ptr<Engine> engine;
    QList<Call *> offered;
    QList<msrp::ReceivedMessage> raw;                   // as MSRP delivered them
    QList<ReceivedText> texts;                          // as Call::textReceived gave them
    QList<ComposingState> composing;                    // remoteComposingChanged, in order
    QHash<QByteArray, QList<Disposition>> dispositions; // by Message-ID, in order

    CallManager &calls() { return engine->calls(); }
    QByteArray uri() const
    {
        return "sip:" + user + "@127.0.0.1:" + QByteArray::number(engine->sipListenPort());
    }
    void watch(Call *call)
    {
        QObject::connect(call, &Call::messageReceived, engine.get(),
                         [this](const msrp::ReceivedMessage &m) { raw.append(m); });
        QObject::connect(call, &Call::textReceived, engine.get(),
                         [this](const ReceivedText &t) { texts.append(t); });
        QObject::connect(call, &Call::remoteComposingChanged, engine.get(),
                         [this](ComposingState s) { composing.append(s); });
        QObject::connect(
            call, &Call::dispositionChanged, engine.get(),
            [this](const QByteArray &id, Disposition d) { dispositions[id].append(d); });
    }
};

const QList<QByteArray> wrappedTypes = {"text/plain", "message/imdn+xml"};

// Failed stands in for "none" in comparisons: no test below expects a failure.
Disposition dispositionOf(const Call *call, const QByteArray &id)
{
    return call->disposition(id).value_or(Disposition::Failed);
}

} // namespace

class TestInstantMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();

    void cpimRoundTripWithNicknames();
    void bareWhenPeerAnnouncesNoWrappedTypes();
    void composingActiveThenIdle();
    void imdnDeliveredThenDisplayed();

private:
    std::unique_ptr<Peer> makePeer(const QByteArray &user, quint64 seed,
                                   const QList<QByteArray> &wrapped, const QString &nickname);
    // A calls B and waits until both calls are active.
    std::pair<Call *, Call *> establish();

    SystemClock m_clock;
    std::vector<std::unique_ptr<SeededRandomSource>> m_randoms;
    std::unique_ptr<Peer> m_a;
    std::unique_ptr<Peer> m_b;
};

std::unique_ptr<Peer> TestInstantMessages::makePeer(const QByteArray &user, quint64 seed,
                                                    const QList<QByteArray> &wrapped,
                                                    const QString &nickname)
{
    EngineConfig config = test::loopbackEngineConfig(user);
    config.msrpAcceptWrappedTypes = wrapped;
    config.imNickname = nickname;
    m_randoms.push_back(std::make_unique<SeededRandomSource>(seed));
    auto peer = std::make_unique<Peer>();
    peer->user = user;
    peer->engine = std::make_unique<Engine>(config, m_clock, *m_randoms.back());
    Peer *p = peer.get();
    QObject::connect(&p->calls(), &CallManager::callOffered, p->engine.get(), [p](Call *call) {
        p->offered.append(call);
        p->watch(call);
    });
    QObject::connect(&p->calls(), &CallManager::callPlaced, p->engine.get(),
                     [p](Call *call) { p->watch(call); });
    QObject::connect(&p->calls(), &CallManager::callEnded, p->engine.get(),
                     [p](Call *call) { p->offered.removeAll(call); });
    if (auto started = peer->engine->start(); !started) {
        qWarning() << "engine did not start:" << started.error().detail;
        return nullptr;
    }
    return peer;
}

void TestInstantMessages::cleanup()
{
    for (Peer *p : {m_a.get(), m_b.get()}) {
        if (p && p->engine->sip().isRunning()) {
            QSignalSpy stopped(&p->engine->sip(), &sip::Agent::stopped);
            p->engine->stop();
            QVERIFY(stopped.wait(waitMs));
        }
    }
    m_a.reset();
    m_b.reset();
    m_randoms.clear();
}

std::pair<Call *, Call *> TestInstantMessages::establish()
{
    if (!m_a || !m_b)
        return {nullptr, nullptr};
    auto placed = m_a->calls().placeCall(m_b->uri());
    if (!placed) {
        qWarning() << "placeCall:" << placed.error().detail;
        return {nullptr, nullptr};
    }
    Call *a = *placed;
    [&] { QTRY_COMPARE_WITH_TIMEOUT(m_b->offered.size(), 1, waitMs); }();
    if (m_b->offered.size() != 1)
        return {nullptr, nullptr};
    Call *b = m_b->offered.first();
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(a->state(), CallState::Active, waitMs);
        QTRY_COMPARE_WITH_TIMEOUT(b->state(), CallState::Active, waitMs);
        QTRY_VERIFY_WITH_TIMEOUT(a->session() && b->session(), waitMs);
    }();
    return {a, b};
}

void TestInstantMessages::cpimRoundTripWithNicknames()
{
    m_a = makePeer("alice", 1, wrappedTypes, QStringLiteral("Metro PSAP"));
    m_b = makePeer("bob", 2, wrappedTypes, QString());
    auto [a, b] = establish();
    QVERIFY(a && b);
    QCOMPARE(a->negotiated()->remoteAcceptWrappedTypes, wrappedTypes);
    QCOMPARE(b->negotiated()->remoteAcceptWrappedTypes, wrappedTypes);
    QCOMPARE(a->nickname(), QStringLiteral("Metro PSAP"));
    // A per-call nickname overrides the engine's (empty) one.
    b->setNickname(QStringLiteral("Caller \"Bob\" Smith"));

    const QByteArray hello = "Where are you? \xc3\xa9";
    auto sent = a->sendText("text/plain;charset=UTF-8", hello);
    QVERIFY(sent);
    QTRY_COMPARE_WITH_TIMEOUT(m_b->texts.size(), 1, waitMs);
    // On the wire: one CPIM message with From (nickname), To, DateTime and the IMDN headers.
    QCOMPARE(m_b->raw.size(), 1);
    QCOMPARE(m_b->raw.first().contentType, QByteArray("message/cpim"));
    const auto wire = im::parseCpim(m_b->raw.first().body);
    QVERIFY2(wire.isReadable(), qPrintable(wire.problem().detail));
    QCOMPARE(wire->from.displayName, QStringLiteral("Metro PSAP"));
    QCOMPARE(wire->from.uri, QByteArray("sip:alice@127.0.0.1"));
    QCOMPARE(wire->to.size(), 1);
    QVERIFY(wire->to.first().uri.startsWith("sip:bob@127.0.0.1"));
    QVERIFY(wire->dateTime.isValid());
    QVERIFY(!im::imdnMessageId(*wire).isEmpty());

    // Unwrapped for the application.
    const ReceivedText &got = m_b->texts.first();
    QVERIFY(got.isReadable());
    QVERIFY(got.wrapped);
    QCOMPARE(got.contentType, QByteArray("text/plain;charset=UTF-8"));
    QCOMPARE(got.body, hello);
    QCOMPARE(got.senderUri, QByteArray("sip:alice@127.0.0.1"));
    QCOMPARE(got.nickname, QStringLiteral("Metro PSAP"));
    QCOMPARE(got.messageId, m_b->raw.first().messageId);
    QVERIFY(got.sent.isValid());
    QVERIFY(got.displayRequested);

    // And back, with the caller's nickname, quotes and all.
    QVERIFY(b->sendText("text/plain", "At the corner of 5th and Main"));
    QTRY_COMPARE_WITH_TIMEOUT(m_a->texts.size(), 1, waitMs);
    const ReceivedText &back = m_a->texts.first();
    QVERIFY(back.wrapped);
    QCOMPARE(back.body, QByteArray("At the corner of 5th and Main"));
    QCOMPARE(back.nickname, QStringLiteral("Caller \"Bob\" Smith"));
    // B is who A addressed: the To of the INVITE (RFC 3261 §8.1.1.2), port included.
    QCOMPARE(back.senderUri, m_b->uri());
    // The delivery notifications are not texts: each side saw exactly one.
    QTRY_COMPARE_WITH_TIMEOUT(m_a->dispositions.value(*sent).size(), 2, waitMs);
    QCOMPARE(m_b->texts.size(), 1);
    QCOMPARE(m_a->texts.size(), 1);
}

void TestInstantMessages::bareWhenPeerAnnouncesNoWrappedTypes()
{
    // B keeps EngineConfig's default (no wrapped types, engineconfig.h says why): A's texts
    // reach it bare, while B's replies go to A, an i3 peer, in CPIM.
    QVERIFY(EngineConfig().msrpAcceptWrappedTypes.isEmpty());
    m_a = makePeer("alice", 3, i3AcceptWrappedTypes(), QStringLiteral("Metro PSAP"));
    m_b = makePeer("bob", 4, EngineConfig().msrpAcceptWrappedTypes, QString());
    auto [a, b] = establish();
    QVERIFY(a && b);
    QVERIFY(a->negotiated()->remoteAcceptWrappedTypes.isEmpty());

    auto sent = a->sendText("text/plain", "plain hello");
    QVERIFY(sent);
    QTRY_COMPARE_WITH_TIMEOUT(m_b->texts.size(), 1, waitMs);
    QCOMPARE(m_b->raw.first().contentType, QByteArray("text/plain"));
    const ReceivedText &got = m_b->texts.first();
    QVERIFY(!got.wrapped);
    QCOMPARE(got.body, QByteArray("plain hello"));
    QVERIFY(got.nickname.isEmpty());
    QVERIFY(got.senderUri.startsWith("sip:alice@127.0.0.1"));
    QVERIFY(!a->disposition(*sent)); // no IMDN asked for without CPIM
    QVERIFY(m_a->dispositions.isEmpty());

    // B wraps its answer: A announced wrapped types.
    QVERIFY(b->sendText("text/plain", "wrapped reply"));
    QTRY_COMPARE_WITH_TIMEOUT(m_a->texts.size(), 1, waitMs);
    QVERIFY(m_a->texts.first().wrapped);
    QCOMPARE(m_a->texts.first().body, QByteArray("wrapped reply"));
}

void TestInstantMessages::composingActiveThenIdle()
{
    m_a = makePeer("alice", 5, wrappedTypes, QStringLiteral("Metro PSAP"));
    m_b = makePeer("bob", 6, wrappedTypes, QString());
    auto [a, b] = establish();
    QVERIFY(a && b);
    QCOMPARE(b->remoteComposing(), ComposingState::Idle);

    // The call-taker types: B shows the indicator; more keys send nothing new.
    QVERIFY(a->setComposing(true));
    QTRY_COMPARE_WITH_TIMEOUT(b->remoteComposing(), ComposingState::Active, waitMs);
    QVERIFY(a->setComposing(true));
    // The call-taker clears the box: idle.
    QVERIFY(a->setComposing(false));
    QTRY_COMPARE_WITH_TIMEOUT(b->remoteComposing(), ComposingState::Idle, waitMs);
    QCOMPARE(m_b->composing, (QList<ComposingState>{ComposingState::Active, ComposingState::Idle}));
    // Statuses are not texts.
    QVERIFY(m_b->texts.isEmpty());
    QCOMPARE(m_b->raw.size(), 2);
    QCOMPARE(m_b->raw.first().contentType, QByteArray("application/im-iscomposing+xml"));

    // Typing again, then sending: the text itself ends composing at B (RFC 3994 §3.3), and
    // A sends no idle status of its own.
    QVERIFY(a->setComposing(true));
    QTRY_COMPARE_WITH_TIMEOUT(b->remoteComposing(), ComposingState::Active, waitMs);
    QVERIFY(a->sendText("text/plain", "Help is on the way"));
    QTRY_COMPARE_WITH_TIMEOUT(m_b->texts.size(), 1, waitMs);
    QCOMPARE(b->remoteComposing(), ComposingState::Idle);
    QCOMPARE(m_b->composing.size(), 4);
    QCOMPARE(m_b->composing.last(), ComposingState::Idle);
    QCOMPARE(m_b->raw.size(), 4); // active, idle, active, text: no idle after the text
}

void TestInstantMessages::imdnDeliveredThenDisplayed()
{
    m_a = makePeer("alice", 7, wrappedTypes, QStringLiteral("Metro PSAP"));
    m_b = makePeer("bob", 8, wrappedTypes, QString());
    auto [a, b] = establish();
    QVERIFY(a && b);

    auto sent = a->sendText("text/plain", "Are you safe?");
    QVERIFY(sent);
    QCOMPARE(dispositionOf(a, *sent), Disposition::Requested);
    // B answers the delivery request by itself.
    QTRY_COMPARE_WITH_TIMEOUT(dispositionOf(a, *sent), Disposition::Delivered, waitMs);
    QCOMPARE(m_a->dispositions.value(*sent),
             (QList<Disposition>{Disposition::Requested, Disposition::Delivered}));
    // The notification reached A as a CPIM-wrapped message/imdn+xml, not as a text.
    QTRY_COMPARE_WITH_TIMEOUT(m_a->raw.size(), 1, waitMs);
    const auto wire = im::parseCpim(m_a->raw.first().body);
    QVERIFY(wire.isReadable());
    QCOMPARE(wire->contentType, QByteArray("message/imdn+xml"));
    QCOMPARE(wire->contentHeader("Content-Disposition"), QByteArray("notification"));
    QVERIFY(m_a->texts.isEmpty());

    // Display: only when B's application says so.
    QCOMPARE(m_b->texts.size(), 1);
    const QByteArray received = m_b->texts.first().messageId;
    QVERIFY(!b->markDisplayed("no-such-message"));
    QVERIFY(b->markDisplayed(received));
    QTRY_COMPARE_WITH_TIMEOUT(dispositionOf(a, *sent), Disposition::Displayed, waitMs);
    QCOMPARE(m_a->dispositions.value(*sent).last(), Disposition::Displayed);
    // Once only.
    QVERIFY(!b->markDisplayed(received));
}

QTEST_GUILESS_MAIN(TestInstantMessages)
#include "tst_instantmessages.moc"
