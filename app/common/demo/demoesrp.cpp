// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "app/common/demo/demoesrp.h"

#include "engine/core/randomsource.h"
#include "engine/service/engine.h"

namespace herald::app {

namespace {

using namespace std::chrono_literals;

// A new call every so many paces: with seven texts a call lasts about nine, so three or so
// overlap, as on a busy PSAP floor.
constexpr int pacesBetweenCalls = 3;
// A call-taker who does not answer within this many paces is given up on (CANCEL), and no
// more than this many calls wait or talk at once.
constexpr int pacesBeforeAbandon = 15;
constexpr qsizetype maxConcurrentCalls = 4;
// What a caller whose script is over answers to a reply, a few times at most.
const char *const closingAnswers[] = {"ok", "ok thank you", "yes"};

QByteArray cid(const char *what, int call, int index)
{
    return QByteArray(what) + '-' + QByteArray::number(call) + '-' + QByteArray::number(index) +
           QByteArrayLiteral("@esrp.demo.invalid");
}

} // namespace

service::PlaceCallOptions emergencyInviteOptions(const DemoCallScript &script, int number,
                                                 const QByteArray &psap)
{
    // The INVITE an i3 ESRP forwards to a PSAP (NENA-STA-010): the caller's location by value
    // (RFC 6442 §4.1), additional data by value (RFC 7852 §4.1), the callback number (RFC 3325).
    service::PlaceCallOptions options;
    options.from = script.callerUri;
    const QByteArray locationId = cid("loc", number, 0);
    options.extraHeaders = {
        {QByteArrayLiteral("P-Asserted-Identity"), '<' + script.callbackNumber + '>'},
        {QByteArrayLiteral("Priority"), QByteArrayLiteral("emergency")},
        {QByteArrayLiteral("Geolocation"), "<cid:" + locationId + '>'},
        {QByteArrayLiteral("Geolocation-Routing"), QByteArrayLiteral("yes")},
        // NENA i3 call identifier; Herald ignores Call-Info purposes it does not read.
        {QByteArrayLiteral("Call-Info"), "<urn:emergency:uid:callid:demo" +
                                             QByteArray::number(number) +
                                             ":esrp.demo.invalid>;purpose=emergency-CallId"}};
    ng911::BodyPart location;
    location.headers = {
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/pidf+xml")},
        {QByteArrayLiteral("Content-ID"), '<' + locationId + '>'}};
    location.body = script.pidfLo;
    options.bodyParts.append(location);
    int index = 0;
    for (const auto &[kind, document] : script.additionalData) {
        const QByteArray id = cid("adr", number, ++index);
        options.extraHeaders.append(
            {QByteArrayLiteral("Call-Info"), "<cid:" + id + ">;purpose=EmergencyCallData." +
                                                 ng911::additionalDataKindName(kind).toLatin1()});
        ng911::BodyPart part;
        part.headers = {{QByteArrayLiteral("Content-Type"), additionalDataContentType(kind)},
                        {QByteArrayLiteral("Content-ID"), '<' + id + '>'},
                        {QByteArrayLiteral("Content-Disposition"),
                         QByteArrayLiteral("by-reference;handling=optional")}};
        part.body = document;
        options.bodyParts.append(part);
    }

    options.route = psap;
    return options;
}

struct DemoEsrp::Running
{
    DemoCallScript script;
    int number = 0; // 1, 2, ... in placement order
    QPointer<service::Call> call;
    service::Call::Id id = 0;
    int nextText = 0;
    int closingAnswersSent = 0;
    int textsSent = 0;
    bool answered = false;
    bool typing = false;       // composing shown; the next turn sends
    bool replyPending = false; // the call-taker wrote since the caller's last text
    QTimer timer;              // the caller's next step: start typing, send, or hang up
};

DemoEsrp::DemoEsrp(Options options, Clock &clock, RandomSource &random, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(clock)
    , m_random(random)
    , m_scenario(demoScenario())
{
    m_nextCall.setInterval(m_options.pace * pacesBetweenCalls);
    connect(&m_nextCall, &QTimer::timeout, this, &DemoEsrp::placeNext);
}

DemoEsrp::~DemoEsrp()
{
    stop();
}

quint16 DemoEsrp::sipPort() const
{
    return m_engine ? m_engine->sipListenPort() : 0;
}

Result<void> DemoEsrp::start(const QByteArray &target)
{
    service::EngineConfig config;
    config.msrpListenAddress = QHostAddress(QHostAddress::LocalHost);
    config.msrpListenPort = 0;
    config.sip.bindHost = QStringLiteral("127.0.0.1");
    config.sip.port = 0;
    config.sip.identity = QStringLiteral("sip:esrp@127.0.0.1");
    config.sip.userAgent = QStringLiteral("Herald-demo-ESRP");
    // Nobody calls the ESRP; what would is refused by hand (never answered).
    config.answerPolicy = service::AnswerPolicy::Manual;
    m_engine = std::make_unique<service::Engine>(config, m_clock, m_random);
    if (auto started = m_engine->start(); !started)
        return tl::unexpected(started.error());
    connect(&m_engine->calls(), &service::CallManager::callOffered, this,
            [this](service::Call *call) { (void)m_engine->calls().reject(call->id(), 403); });
    m_target = target;
    placeNext();
    m_nextCall.start();
    return {};
}

void DemoEsrp::stop()
{
    m_nextCall.stop();
    // The engine's hang-ups below must not reach the Running records they would refer to.
    for (const auto &running : m_running)
        if (running->call)
            disconnect(running->call, nullptr, this, nullptr);
    m_running.clear();
    if (m_engine)
        m_engine->stop();
}

std::chrono::milliseconds DemoEsrp::jittered(std::chrono::milliseconds base)
{
    // 75 % to 125 % of base: people do not type like a metronome.
    const qint64 quarter = std::max<qint64>(1, base.count() / 4);
    const qint64 offset = qint64(m_random.next64() % quint64(2 * quarter + 1)) - quarter;
    return std::chrono::milliseconds(std::max<qint64>(1, base.count() + offset));
}

void DemoEsrp::placeNext()
{
    if (m_running.size() >= qsizetype(maxConcurrentCalls))
        return;
    if (m_nextScript >= m_scenario.size()) {
        if (!m_options.repeat) {
            m_nextCall.stop();
            return;
        }
        m_nextScript = 0;
    }
    auto running = std::make_unique<Running>();
    running->script = m_scenario.at(m_nextScript++);
    running->number = ++m_placed;
    const DemoCallScript &script = running->script;

    const service::PlaceCallOptions options =
        emergencyInviteOptions(script, running->number, m_target);
    auto placed = m_engine->calls().placeCall(script.serviceUrn, options);
    if (!placed) {
        Q_EMIT progress(QStringLiteral("call %1 (%2) not placed: %3")
                            .arg(running->number)
                            .arg(script.label, placed.error().detail));
        return;
    }
    service::Call *call = *placed;
    running->call = call;
    running->id = call->id();
    Running *r = running.get();
    connect(call, &service::Call::stateChanged, this,
            [this, r](service::CallState state) { onStateChanged(r, state); });
    connect(call, &service::Call::textReceived, this, [this, r](const service::ReceivedText &text) {
        Q_EMIT progress(QStringLiteral("call %1: call-taker wrote \"%2\"")
                            .arg(r->number)
                            .arg(QString::fromUtf8(text.body)));
        // A reply is read and answered sooner than the caller would have written on their own
        // (not while typing: that text goes first).
        r->replyPending = true;
        if (r->answered && !r->typing)
            scheduleNextText(r, jittered(m_options.pace / 2));
    });
    r->timer.setSingleShot(true);
    connect(&r->timer, &QTimer::timeout, this, [this, r] { sendNextText(r); });
    // Not answered in time: the caller gives up (CANCEL), as people do.
    r->timer.start(m_options.pace * pacesBeforeAbandon);
    Q_EMIT progress(QStringLiteral("call %1 (%2, %3) from %4")
                        .arg(running->number)
                        .arg(script.label, QString::fromUtf8(script.serviceUrn),
                             QString::fromUtf8(script.callbackNumber)));
    m_running.push_back(std::move(running));
}

void DemoEsrp::onStateChanged(Running *r, service::CallState state)
{
    if (state == service::CallState::Active && !r->answered) {
        r->answered = true;
        Q_EMIT progress(QStringLiteral("call %1 answered").arg(r->number));
        scheduleNextText(r, jittered(m_options.pace / 2));
        return;
    }
    if (state != service::CallState::Ended && state != service::CallState::Failed)
        return;
    const service::Call *call = r->call.data();
    Q_EMIT progress(
        state == service::CallState::Failed && call
            ? QStringLiteral("call %1 failed: %2 %3")
                  .arg(r->number)
                  .arg(call->failureStatus())
                  .arg(QString::fromUtf8(call->failureReason()))
            : QStringLiteral("call %1 ended, %2 text(s) sent").arg(r->number).arg(r->textsSent));
    Q_EMIT callFinished(r->script.label, r->answered, r->textsSent);
    // Not now: this runs inside the Call's signal, and the timer may be mid-emission too.
    QMetaObject::invokeMethod(
        this,
        [this, r] {
            std::erase_if(m_running,
                          [r](const std::unique_ptr<Running> &p) { return p.get() == r; });
        },
        Qt::QueuedConnection);
}

void DemoEsrp::scheduleNextText(Running *r, std::chrono::milliseconds delay)
{
    r->timer.start(delay);
}

void DemoEsrp::sendNextText(Running *r)
{
    service::Call *call = r->call.data();
    if (!call || call->state() == service::CallState::Ending ||
        call->state() == service::CallState::Ended || call->state() == service::CallState::Failed)
        return;
    if (!r->answered) {
        Q_EMIT progress(QStringLiteral("call %1: no answer, the caller hangs up").arg(r->number));
        (void)m_engine->calls().hangup(r->id);
        return;
    }
    const QStringList &texts = r->script.callerTexts;
    QByteArray text;
    if (r->nextText < texts.size())
        text = texts.at(r->nextText).toUtf8();
    else if (r->replyPending && r->closingAnswersSent < int(std::size(closingAnswers)))
        text = closingAnswers[r->closingAnswersSent];
    if (text.isEmpty()) {
        Q_EMIT progress(QStringLiteral("call %1: the caller hangs up").arg(r->number));
        (void)m_engine->calls().hangup(r->id);
        return;
    }
    // RFC 3994: the call-taker sees "typing" for a while before each text.
    if (!r->typing) {
        r->typing = true;
        (void)call->setComposing(true);
        r->timer.start(std::max<std::chrono::milliseconds>(1ms, m_options.pace / 3));
        return;
    }
    r->typing = false;
    r->replyPending = false;
    auto sent = call->sendText(QByteArrayLiteral("text/plain"), text);
    if (!sent) {
        Q_EMIT progress(
            QStringLiteral("call %1: text not sent: %2").arg(r->number).arg(sent.error().detail));
        return;
    }
    if (r->nextText < texts.size())
        ++r->nextText;
    else
        ++r->closingAnswersSent;
    ++r->textsSent;
    Q_EMIT progress(
        QStringLiteral("call %1: caller wrote \"%2\"").arg(r->number).arg(QString::fromUtf8(text)));
    // After the last line the caller waits a little for an answer; the next turn then hangs
    // up unless a reply came.
    r->timer.start(r->nextText < texts.size() ? jittered(m_options.pace)
                                              : jittered(m_options.pace * 2));
}

} // namespace herald::app
