// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "app/common/demo/demomode.h"

#include "app/common/commandline.h"
#include "engine/core/randomsource.h"
#include "engine/service/engine.h"
#include "engine/service/fileoffer.h"

#include <QFile>

namespace herald::app {

namespace {

// The demo scenario has four calls: one voicemail per round.
constexpr int callsPerVoicemail = 4;
// An AMR-NB file (RFC 4867 §5: "#!AMR\n" then frames); 12.2 kbit/s frames are 32 octets with a
// 0x3c header, 50 a second: 8 s of (random) speech.
constexpr int amrFrames = 400;

bool isDefault(const CommandLine &commandLine, const QString &key)
{
    for (const SettingOrigin &setting : commandLine.effectiveSettings())
        if (setting.key == key)
            return setting.origin == u"default";
    return true;
}

} // namespace

DemoMode::DemoMode(Options options, Clock &clock, RandomSource &random, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(clock)
    , m_random(random)
    , m_delivery(clock, random)
    , m_esrp(DemoEsrp::Options{options.pace, true}, clock, random)
{
    connect(&m_esrp, &DemoEsrp::progress, this, &DemoMode::progress);
    connect(&m_esrp, &DemoEsrp::callFinished, this, [this] {
        if (m_options.deliverVoicemail && ++m_finishedCalls % callsPerVoicemail == 1)
            deliverVoicemail();
    });
    connect(&m_delivery, &DemoDeliveryServer::fileReceived, this,
            [this](const QString &path, qint64 size) {
                Q_EMIT progress(
                    QStringLiteral("delivery server received %1 (%2 bytes)").arg(path).arg(size));
            });
}

DemoMode::~DemoMode()
{
    stop();
}

void DemoMode::adjustConfig(service::EngineConfig &config, const CommandLine &commandLine)
{
    if (isDefault(commandLine, QStringLiteral("sip/listen")))
        config.sip.port = 0;
    if (isDefault(commandLine, QStringLiteral("msrp/listen")))
        config.msrpListenPort = 0;
    if (!commandLine.options().noStore && isDefault(commandLine, QStringLiteral("store/path")) &&
        m_dir.isValid())
        config.storePath = m_dir.filePath(QStringLiteral("demo.db"));
}

Result<void> DemoMode::start(service::Engine &engine)
{
    const QHostAddress sipHost(engine.config().sip.bindHost);
    if (!sipHost.isLoopback() && sipHost != QHostAddress(QHostAddress::Any) &&
        sipHost != QHostAddress(QHostAddress::AnyIPv4) &&
        sipHost != QHostAddress(QHostAddress::AnyIPv6))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("the demo calls Herald on 127.0.0.1, but SIP listens on %1 "
                                   "only (use --sip-listen 127.0.0.1:0)")
                        .arg(sipHost.toString()));
    if (sipHost.protocol() == QAbstractSocket::IPv6Protocol && sipHost.isLoopback())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("the demo calls Herald on 127.0.0.1; SIP listens on ::1"));
    if (!m_dir.isValid())
        return fail(ErrorCode::Io, QStringLiteral("no temporary folder: ") + m_dir.errorString());
    m_engine = &engine;
    if (auto started = m_delivery.start(); !started)
        return started;
    Q_EMIT progress(QStringLiteral("voicemail delivery server at %1, spool %2")
                        .arg(QString::fromUtf8(m_delivery.uri()), m_delivery.spoolDirectory()));
    const QByteArray target =
        "sip:psap@127.0.0.1:" + QByteArray::number(engine.sipListenPort()) + ";transport=tcp";
    if (auto started = m_esrp.start(target); !started)
        return started;
    Q_EMIT progress(QStringLiteral("ESRP on 127.0.0.1:%1 calling %2, a text every %3 ms")
                        .arg(m_esrp.sipPort())
                        .arg(QString::fromUtf8(target))
                        .arg(m_options.pace.count()));
    return {};
}

void DemoMode::stop()
{
    m_esrp.stop();
    m_delivery.stop();
}

void DemoMode::deliverVoicemail()
{
    if (!m_engine || m_voicemailCall)
        return;
    const QString name = QStringLiteral("voicemail-%1.amr").arg(++m_voicemails, 4, 10, QChar(u'0'));
    const QString path = m_dir.filePath(name);
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            Q_EMIT progress(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
            return;
        }
        QByteArray amr = QByteArrayLiteral("#!AMR\n");
        QByteArray frame(32, Qt::Uninitialized);
        for (int i = 0; i < amrFrames; ++i) {
            m_random.fill(
                std::as_writable_bytes(std::span(frame.data(), std::size_t(frame.size()))));
            frame[0] = char(0x3c); // mode 7 (12.2 kbit/s), quality bit set
            amr += frame;
        }
        file.write(amr);
    }
    auto described = service::describeFile(path, name, QByteArrayLiteral("audio/amr"),
                                           QByteArrayLiteral("attachment"), m_random);
    if (!described) {
        Q_EMIT progress(QStringLiteral("voicemail not offered: ") + described.error().detail);
        return;
    }
    service::PlaceCallOptions options;
    options.file = *described;
    auto placed = m_engine->calls().placeCall(m_delivery.uri(), options);
    if (!placed) {
        Q_EMIT progress(QStringLiteral("voicemail not delivered: ") + placed.error().detail);
        return;
    }
    service::Call *call = *placed;
    auto sent = call->sendFile(path);
    if (!sent) {
        Q_EMIT progress(QStringLiteral("voicemail not delivered: ") + sent.error().detail);
        (void)m_engine->calls().hangup(call->id());
        return;
    }
    m_voicemailCall = call;
    Q_EMIT progress(
        QStringLiteral("delivering %1 to %2").arg(name, QString::fromUtf8(m_delivery.uri())));
    const QByteArray messageId = *sent;
    connect(call, &service::Call::deliveryChanged, this,
            [this, call, messageId, name, path](const msrp::MessageInfo &info) {
                if (info.messageId != messageId)
                    return;
                const bool done = info.state == msrp::DeliveryState::Acknowledged ||
                                  info.state == msrp::DeliveryState::Delivered;
                const bool failed = info.state == msrp::DeliveryState::Failed ||
                                    info.state == msrp::DeliveryState::Aborted;
                if (!done && !failed)
                    return;
                Q_EMIT progress(done ? QStringLiteral("voicemail %1 delivered").arg(name)
                                     : QStringLiteral("voicemail %1 failed: %2 %3")
                                           .arg(name)
                                           .arg(info.status)
                                           .arg(info.reason));
                // RFC 5547 §9: the sender ends the file session with BYE once delivered.
                disconnect(call, nullptr, this, nullptr);
                (void)m_engine->calls().hangup(call->id());
                QFile::remove(path);
            });
    connect(call, &service::Call::stateChanged, this, [this, call, name](service::CallState state) {
        if (state == service::CallState::Failed)
            Q_EMIT progress(QStringLiteral("voicemail %1 refused: %2 %3")
                                .arg(name)
                                .arg(call->failureStatus())
                                .arg(QString::fromUtf8(call->failureReason())));
    });
}

} // namespace herald::app
