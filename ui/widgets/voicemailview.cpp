// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/voicemailview.h"

#include "engine/service/call.h"
#include "engine/service/callmanager.h"
#include "engine/service/engine.h"
#include "engine/service/fileoffer.h"
#include "engine/sip/sipheaders.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeDatabase>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace herald::ui {

namespace {

// The progress bar counts per mille: files past 2 GiB overflow an int range of octets.
constexpr int progressScale = 1000;

enum ChunkColumn { TimeColumn, RangeColumn, AcknowledgedColumn, StateColumn, ChunkColumnCount };

bool isSipUri(const QString &text)
{
    return (text.startsWith(QLatin1String("sip:")) || text.startsWith(QLatin1String("sips:"))) &&
           text.size() > 5 && !text.contains(u' ') && !text.contains(u'<') && !text.contains(u'>');
}

} // namespace

VoicemailView::VoicemailView(service::Engine &engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("voicemailView"));

    auto *title = new QLabel(tr("Voicemail delivery"));
    title->setObjectName(QStringLiteral("viewTitle"));
    auto *intro = new QLabel(tr("Sends a recorded message as an MSRP file transfer (RFC 5547): "
                                "the destination answers the offer and Herald streams the file "
                                "in chunks, each acknowledged by the receiver."));
    intro->setWordWrap(true);

    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("voicemailProgress"));
    m_progress->setAccessibleName(tr("Acknowledged share of the file"));
    m_progress->setRange(0, progressScale);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%1 % acknowledged").arg(0));

    m_state = new QLabel(tr("Choose a file and a destination, then send."));
    m_state->setObjectName(QStringLiteral("voicemailState"));
    m_state->setAccessibleName(tr("Delivery state"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *chunksTitle = new QLabel(tr("&Chunks sent"));
    m_chunks = new QTreeWidget;
    m_chunks->setObjectName(QStringLiteral("voicemailChunks"));
    m_chunks->setAccessibleName(tr("Chunks sent"));
    m_chunks->setRootIsDecorated(false);
    m_chunks->setUniformRowHeights(true);
    m_chunks->setColumnCount(ChunkColumnCount);
    m_chunks->setHeaderLabels({tr("Time"), tr("Byte-Range"), tr("Acknowledged"), tr("State")});
    m_chunks->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_chunks->header()->setStretchLastSection(true);
    chunksTitle->setBuddy(m_chunks);

    auto *transfer = new QGroupBox(tr("Transfer"));
    auto *transferLayout = new QVBoxLayout(transfer);
    transferLayout->addWidget(m_progress);
    transferLayout->addWidget(m_state);
    transferLayout->addWidget(chunksTitle);
    transferLayout->addWidget(m_chunks, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(createForm());
    layout->addWidget(transfer, 1);

    updateDestination();
}

VoicemailView::~VoicemailView() = default;

QWidget *VoicemailView::createForm()
{
    auto *box = new QGroupBox(tr("Message"));

    m_file = new QLineEdit;
    m_file->setObjectName(QStringLiteral("voicemailFile"));
    m_file->setAccessibleName(tr("File to send"));
    m_file->setPlaceholderText(tr("A recording, e.g. message.amr or message.wav"));
    auto *browse = new QPushButton(tr("Ch&oose…"));
    browse->setObjectName(QStringLiteral("voicemailBrowse"));
    browse->setAccessibleName(tr("Choose the file to send"));
    connect(browse, &QPushButton::clicked, this, &VoicemailView::chooseFile);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    m_local = new QRadioButton(tr("&Local delivery endpoint (this machine)"));
    m_local->setObjectName(QStringLiteral("voicemailLocal"));
    m_local->setAccessibleName(tr("Deliver to the local endpoint"));
    m_localUri = new QLabel;
    m_localUri->setObjectName(QStringLiteral("voicemailLocalUri"));
    m_localUri->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_remote = new QRadioButton(tr("SIP &URI:"));
    m_remote->setObjectName(QStringLiteral("voicemailRemote"));
    m_remote->setAccessibleName(tr("Deliver to a SIP URI"));
    m_uri = new QLineEdit;
    m_uri->setObjectName(QStringLiteral("voicemailUri"));
    m_uri->setAccessibleName(tr("Destination SIP URI"));
    m_uri->setPlaceholderText(tr("sip:voicemail@example.org"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_local);
    group->addButton(m_remote);
    m_remote->setChecked(true);
    connect(m_local, &QRadioButton::toggled, this, &VoicemailView::updateDestination);
    connect(m_uri, &QLineEdit::textChanged, this, &VoicemailView::updateSendButton);
    connect(m_file, &QLineEdit::textChanged, this, &VoicemailView::updateSendButton);

    auto *localRow = new QHBoxLayout;
    localRow->addWidget(m_local);
    localRow->addWidget(m_localUri, 1);
    auto *remoteRow = new QHBoxLayout;
    remoteRow->addWidget(m_remote);
    remoteRow->addWidget(m_uri, 1);

    m_proxy = new QLineEdit(m_engine.config().sip.outboundProxy);
    m_proxy->setObjectName(QStringLiteral("voicemailProxy"));
    m_proxy->setAccessibleName(tr("Outbound proxy"));
    m_proxy->setPlaceholderText(tr("None (e.g. sip:proxy.example.org)"));

    m_send = new QPushButton(tr("&Send voicemail"));
    m_send->setObjectName(QStringLiteral("voicemailSend"));
    m_send->setAccessibleName(tr("Send voicemail"));
    m_send->setDefault(true);
    connect(m_send, &QPushButton::clicked, this, [this] { (void)send(); });

    auto *form = new QFormLayout(box);
    auto *fileLabel = new QLabel(tr("Fil&e:"));
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    form->addRow(tr("Destination:"), localRow);
    form->addRow(QString(), remoteRow);
    auto *proxyLabel = new QLabel(tr("Outbound &proxy:"));
    proxyLabel->setBuddy(m_proxy);
    form->addRow(proxyLabel, m_proxy);
    auto *sendRow = new QHBoxLayout;
    sendRow->addStretch(1);
    sendRow->addWidget(m_send);
    form->addRow(QString(), sendRow);
    setTabOrder(m_file, browse);
    setTabOrder(browse, m_local);
    setTabOrder(m_local, m_remote);
    setTabOrder(m_remote, m_uri);
    setTabOrder(m_uri, m_proxy);
    setTabOrder(m_proxy, m_send);
    return box;
}

void VoicemailView::setLocalEndpoint(LocalEndpoint endpoint)
{
    m_localEndpoint = std::move(endpoint);
    if (m_localEndpoint)
        m_local->setChecked(true);
    updateDestination();
}

void VoicemailView::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose the voicemail to send"), m_file->text(),
        tr("Recordings (*.amr *.wav *.mp3 *.ogg *.opus);;All files (*)"));
    if (!path.isEmpty())
        m_file->setText(path);
}

void VoicemailView::updateDestination()
{
    const bool haveLocal = bool(m_localEndpoint);
    m_local->setEnabled(haveLocal && !isSending());
    if (!haveLocal)
        m_localUri->setText(tr("not available"));
    else if (m_localTarget.isEmpty())
        m_localUri->setText(tr("started when you send"));
    else
        m_localUri->setText(QString::fromUtf8(m_localTarget));
    const bool local = haveLocal && m_local->isChecked();
    m_uri->setEnabled(!local && !isSending());
    // Loopback: a proxy has nothing to do between two processes on this machine.
    m_proxy->setEnabled(!local && !isSending());
    updateSendButton();
}

void VoicemailView::updateSendButton()
{
    const bool destination = m_local->isChecked() || !m_uri->text().trimmed().isEmpty();
    m_send->setEnabled(!isSending() && !m_file->text().trimmed().isEmpty() && destination);
}

void VoicemailView::showState(const QString &text, bool problem)
{
    m_state->setText(text);
    QPalette palette = m_state->palette();
    palette.setColor(QPalette::WindowText, problem
                                               ? QColor(0x9b, 0x1c, 0x1c)
                                               : QWidget::palette().color(QPalette::WindowText));
    m_state->setPalette(palette);
}

Result<QByteArray> VoicemailView::destination() const
{
    if (m_local->isChecked() && m_localEndpoint)
        return m_localEndpoint();
    const QString uri = m_uri->text().trimmed();
    if (!isSipUri(uri))
        return fail(ErrorCode::InvalidArgument,
                    tr("The destination must be a SIP URI such as sip:voicemail@example.org"));
    return uri.toUtf8();
}

Result<void> VoicemailView::send()
{
    if (isSending())
        return fail(ErrorCode::Conflict, tr("A voicemail is being sent"));
    const QFileInfo file(m_file->text().trimmed());
    if (!file.isFile() || !file.isReadable()) {
        const QString why = tr("Cannot read the file %1").arg(file.filePath());
        showState(why, true);
        return fail(ErrorCode::NotFound, why);
    }
    const QString proxy = m_proxy->text().trimmed();
    const bool viaOwnProxy =
        m_proxy->isEnabled() && !proxy.isEmpty() && proxy != m_engine.config().sip.outboundProxy;
    if (viaOwnProxy && !isSipUri(proxy)) {
        const QString why =
            tr("The outbound proxy must be a SIP URI such as sip:proxy.example.org");
        showState(why, true);
        return fail(ErrorCode::InvalidArgument, why);
    }
    const Result<QByteArray> target = destination();
    if (!target) {
        showState(target.error().detail, true);
        return tl::unexpected(target.error());
    }
    if (m_local->isChecked())
        m_localTarget = *target;

    const QByteArray type = QMimeDatabase().mimeTypeForFile(file).name().toUtf8();
    auto described = service::describeFile(file.absoluteFilePath(), file.fileName(), type,
                                           QByteArrayLiteral("attachment"), m_engine.random());
    if (!described) {
        showState(tr("Cannot offer the file: %1").arg(described.error().detail), true);
        return tl::unexpected(described.error());
    }
    service::PlaceCallOptions options;
    options.file = *described;
    // RFC 3261 §8.1.2: a preloaded Route sends the INVITE through this proxy; the engine's own
    // outbound proxy (settings) is used anyway.
    if (viaOwnProxy)
        options.extraHeaders = {{QByteArrayLiteral("Route"), sip::looseRoute(proxy.toUtf8())}};
    auto placed = m_engine.calls().placeCall(*target, options);
    if (!placed) {
        showState(tr("Cannot call %1: %2").arg(QString::fromUtf8(*target), placed.error().detail),
                  true);
        return tl::unexpected(placed.error());
    }
    service::Call *call = *placed;
    auto sent = call->sendFile(file.absoluteFilePath());
    if (!sent) {
        (void)m_engine.calls().hangup(call->id());
        showState(tr("Cannot send the file: %1").arg(sent.error().detail), true);
        return tl::unexpected(sent.error());
    }

    m_call = call;
    m_messageId = *sent;
    m_sentName = file.fileName();
    m_lastTransferred = 0;
    m_chunks->clear();
    m_progress->setValue(0);
    m_progress->setFormat(tr("%1 % acknowledged").arg(0));
    connect(call, &service::Call::deliveryChanged, this, &VoicemailView::followDelivery);
    connect(call, &service::Call::stateChanged, this, [this, call](service::CallState state) {
        if (state == service::CallState::Failed)
            finish(false, tr("Refused by %1: %2 %3")
                              .arg(QString::fromUtf8(call->remoteUri()))
                              .arg(call->failureStatus())
                              .arg(QString::fromUtf8(call->failureReason())));
        else if (state == service::CallState::Ended)
            finish(false, tr("The call ended before the file was delivered"));
    });
    showState(tr("Calling %1…").arg(QString::fromUtf8(*target)));
    updateDestination();
    return {};
}

void VoicemailView::followDelivery(const msrp::MessageInfo &info)
{
    if (info.messageId != m_messageId)
        return;
    QString range = QStringLiteral("—");
    if (info.transferred > m_lastTransferred) {
        // RFC 4975 §7.1.1 Byte-Range: first-last/total, counted from 1.
        range = QStringLiteral("%1-%2/%3")
                    .arg(m_lastTransferred + 1)
                    .arg(info.transferred)
                    .arg(info.size ? QString::number(info.size) : QStringLiteral("*"));
        m_lastTransferred = info.transferred;
    }
    QString state;
    switch (info.state) {
    case msrp::DeliveryState::Queued:
        state = tr("Queued");
        break;
    case msrp::DeliveryState::Sending:
        state = tr("Sending");
        break;
    case msrp::DeliveryState::Acknowledged:
        state = tr("Acknowledged");
        break;
    case msrp::DeliveryState::Delivered:
        state = tr("Delivered");
        break;
    case msrp::DeliveryState::Failed:
        state = tr("Failed");
        break;
    case msrp::DeliveryState::Aborted:
        state = tr("Aborted");
        break;
    }
    const QLocale locale;
    auto *row = new QTreeWidgetItem(m_chunks);
    row->setText(TimeColumn, locale.toString(QTime::currentTime(), QStringLiteral("HH:mm:ss.zzz")));
    row->setText(RangeColumn, range);
    row->setText(
        AcknowledgedColumn,
        tr("%1 of %2 bytes").arg(locale.toString(info.acknowledged), locale.toString(info.size)));
    row->setText(StateColumn, state);
    m_chunks->scrollToItem(row);

    const int value = info.size ? int(info.acknowledged * quint64(progressScale) / info.size) : 0;
    m_progress->setValue(value);
    m_progress->setFormat(tr("%1 % acknowledged").arg(value / (progressScale / 100)));
    const bool done = info.state == msrp::DeliveryState::Acknowledged ||
                      info.state == msrp::DeliveryState::Delivered;
    if (done)
        finish(true, tr("Delivered: %1 (%2 bytes) acknowledged by %3")
                         .arg(m_sentName, locale.toString(info.size),
                              m_call ? QString::fromUtf8(m_call->remoteUri()) : QString()));
    else if (info.state == msrp::DeliveryState::Failed ||
             info.state == msrp::DeliveryState::Aborted)
        finish(false, tr("Not delivered: %1 %2").arg(info.status).arg(info.reason));
    else
        showState(
            tr("Sending %1: %2 of %3 bytes sent")
                .arg(m_sentName, locale.toString(info.transferred), locale.toString(info.size)));
}

void VoicemailView::finish(bool delivered, const QString &text)
{
    if (!m_call)
        return;
    service::Call *call = m_call;
    m_call = nullptr;
    disconnect(call, nullptr, this, nullptr);
    // RFC 5547 §9: the sender ends the file session with BYE once the file is through.
    if (call->state() != service::CallState::Ended && call->state() != service::CallState::Failed)
        (void)m_engine.calls().hangup(call->id());
    showState(text, !delivered);
    updateDestination();
    Q_EMIT transferFinished(delivered);
}

void VoicemailView::showReceived(const QString &path, qint64 size)
{
    auto *row = new QTreeWidgetItem(m_chunks);
    row->setText(TimeColumn,
                 QLocale().toString(QTime::currentTime(), QStringLiteral("HH:mm:ss.zzz")));
    row->setText(RangeColumn, QStringLiteral("—"));
    row->setText(AcknowledgedColumn, tr("%1 bytes stored").arg(QLocale().toString(size)));
    row->setText(StateColumn, tr("Received by the local endpoint: %1").arg(path));
    row->setToolTip(StateColumn, path);
    m_chunks->scrollToItem(row);
}

} // namespace herald::ui
