// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/callpanel.h"

#include "engine/core/clock.h"
#include "engine/service/engine.h"
#include "engine/store/transcriptexport.h"
#include "ui/models/cannedphrases.h"
#include "ui/models/incomingcallsmodel.h"
#include "ui/models/transcriptmodel.h"
#include "ui/widgets/calldatapanel.h"
#include "ui/widgets/locationpanel.h"
#include "ui/widgets/placeholdertableview.h"
#include "ui/widgets/replyedit.h"

#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPdfWriter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace herald::ui {

CallPanel::CallPanel(service::Engine &engine, service::Call &call, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_call(&call)
    , m_callId(call.id())
    , m_storeCallId(engine.storeCallId(call.id()))
    , m_remoteUri(QString::fromUtf8(call.remoteUri()))
    , m_started(engine.clock().wallNow())
{
    setObjectName(QStringLiteral("callPanel"));
    const QString number = callbackNumberOf(call);
    m_callerText = number.isEmpty() ? displayUri(call.remoteUri()) : number;
    m_transcript = new TranscriptModel(call, engine.clock(), this);

    m_title = new QLabel(m_callerText, this);
    m_title->setObjectName(QStringLiteral("callTitle"));
    m_title->setAccessibleName(tr("Caller"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Who is on the line is the first thing a call-taker looks for in a tab.
    m_title->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: 600;"));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("callState"));
    m_state->setAccessibleName(tr("Call state"));

    m_export = new QToolButton(this);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setText(tr("E&xport"));
    m_export->setAccessibleName(tr("Export transcript"));
    m_export->setToolTip(tr("Save the transcript as PDF, JSON or CSV"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("PDF document…"), this, [this] { chooseExport(ExportFormat::Pdf); });
    QAction *json =
        exportMenu->addAction(tr("JSON…"), this, [this] { chooseExport(ExportFormat::Json); });
    QAction *csv =
        exportMenu->addAction(tr("CSV…"), this, [this] { chooseExport(ExportFormat::Csv); });
    const bool stored = m_engine.store() != nullptr && !m_storeCallId.isEmpty();
    json->setEnabled(stored);
    csv->setEnabled(stored);
    m_export->setMenu(exportMenu);

    m_endCall = new QPushButton(tr("&End call"), this);
    m_endCall->setObjectName(QStringLiteral("endCallButton"));
    m_endCall->setAccessibleName(tr("End call"));
    m_endCall->setToolTip(tr("Hang up this text call (Ctrl+E)"));
    m_endCall->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_endCall, &QPushButton::clicked, this, [this] {
        if (m_call)
            m_engine.calls().hangup(m_callId);
    });

    auto *header = new QHBoxLayout;
    header->setSpacing(12);
    header->addWidget(m_title);
    header->addWidget(m_state);
    // RFC 6881 §15: a test call (urn:service:test.sos) is answered but must never be mistaken
    // for an emergency.
    m_testCall = new QLabel(tr("TEST CALL"), this);
    m_testCall->setObjectName(QStringLiteral("testCallBadge"));
    m_testCall->setAccessibleName(tr("This is a test call, not an emergency"));
    m_testCall->setToolTip(tr("urn:service:test.sos: a test call, not an emergency"));
    m_testCall->setStyleSheet(QStringLiteral("background: #dde6f0; color: #1f3a5a; "
                                             "font-weight: 700; padding: 2px 8px; "
                                             "border: 1px solid #8aa2bd; border-radius: 3px;"));
    m_testCall->setVisible(call.emergencyData().service.isTest());
    header->addWidget(m_testCall);
    header->addStretch(1);
    header->addWidget(m_export);
    header->addWidget(m_endCall);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(createConversation());
    splitter->addWidget(createCallerDetails(call));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({640, 300});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);

    connect(&call, &service::Call::stateChanged, this, &CallPanel::showState);
    connect(&call, &service::Call::emergencyDataChanged, this, &CallPanel::showEmergencyData);
    connect(&call, &service::Call::remoteComposingChanged, this, &CallPanel::showRemoteComposing);
    connect(&m_engine.calls(), &service::CallManager::callEnded, this,
            [this](service::Call *ended) {
                if (ended && ended->id() == m_callId)
                    markEnded();
            });
    showState(call.state());
    showEmergencyData();
    showRemoteComposing(call.remoteComposing());
    setFocusProxy(m_reply);
}

QWidget *CallPanel::createConversation()
{
    auto *box = new QWidget;
    m_transcriptView = new PlaceholderTableView(box);
    m_transcriptView->setObjectName(QStringLiteral("transcriptView"));
    m_transcriptView->setAccessibleName(tr("Conversation transcript"));
    m_transcriptView->setPlaceholderText(tr("No messages yet. Greet the caller below."));
    m_transcriptView->setModel(m_transcript);
    m_transcriptView->setWordWrap(true);
    m_transcriptView->setAlternatingRowColors(false);
    m_transcriptView->setSelectionMode(QAbstractItemView::NoSelection);
    m_transcriptView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    QHeaderView *columns = m_transcriptView->horizontalHeader();
    columns->setSectionResizeMode(TranscriptModel::Time, QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(TranscriptModel::Sender, QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(TranscriptModel::Text, QHeaderView::Stretch);
    columns->setSectionResizeMode(TranscriptModel::Delivery, QHeaderView::ResizeToContents);
    columns->setStretchLastSection(false);
    m_transcriptView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The newest text in sight, as in any chat.
    connect(m_transcript, &QAbstractItemModel::rowsInserted, m_transcriptView,
            [this] { m_transcriptView->scrollToBottom(); });

    m_reply = new ReplyEdit(box);
    m_reply->setObjectName(QStringLiteral("replyEdit"));
    m_reply->setPlaceholderText(tr("Type a reply. Enter sends, Shift+Enter starts a new line."));
    m_reply->setAccessibleName(tr("Reply"));
    m_reply->setFixedHeight(m_reply->fontMetrics().lineSpacing() * 3 + 14);
    connect(m_reply, &ReplyEdit::submitted, this, &CallPanel::sendReply);
    // RFC 3994 §3.2: tell the caller we are typing (the Call refreshes and lapses it), and
    // that we stopped when the box is emptied without sending.
    connect(m_reply, &ReplyEdit::textChanged, this, [this] {
        if (m_call && !m_ended && m_call->state() == service::CallState::Active)
            (void)m_call->setComposing(!m_reply->toPlainText().trimmed().isEmpty());
    });

    m_typing = new QLabel(box);
    m_typing->setObjectName(QStringLiteral("typingIndicator"));
    m_typing->setAccessibleName(tr("Typing indicator"));
    m_typing->setStyleSheet(QStringLiteral("color: #1f3a5a; font-style: italic;"));
    // Room kept for it, so the reply box does not jump when the caller starts typing.
    m_typing->setMinimumHeight(m_typing->fontMetrics().lineSpacing() + 4);

    m_send = new QPushButton(tr("&Send"), box);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setAccessibleName(tr("Send reply"));
    m_send->setDefault(false);
    connect(m_send, &QPushButton::clicked, this, &CallPanel::sendReply);

    m_phrases = createPhrasesButton();

    m_error = new QLabel(box);
    m_error->setObjectName(QStringLiteral("sendError"));
    m_error->setStyleSheet(QStringLiteral("color: #a31f1f; font-weight: 600;"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *buttons = new QVBoxLayout;
    buttons->setSpacing(4);
    buttons->addWidget(m_send);
    buttons->addWidget(m_phrases);
    auto *replyRow = new QHBoxLayout;
    replyRow->addWidget(m_reply, 1);
    replyRow->addLayout(buttons);

    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_transcriptView, 1);
    layout->addWidget(m_typing);
    layout->addWidget(m_error);
    layout->addLayout(replyRow);
    return box;
}

QToolButton *CallPanel::createPhrasesButton()
{
    auto *button = new QToolButton;
    button->setObjectName(QStringLiteral("phrasesButton"));
    button->setText(tr("&Phrases"));
    button->setAccessibleName(tr("Canned phrases"));
    button->setToolTip(tr("Insert a canned phrase in the caller's language"));
    button->setPopupMode(QToolButton::InstantPopup);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto *menu = new QMenu(button);
    // Rebuilt on every opening, so edited phrases show in every open call.
    connect(menu, &QMenu::aboutToShow, this, [this, menu] {
        menu->clear();
        const QSettings settings;
        for (const QString &language : CannedPhrases::languages()) {
            QMenu *sub = menu->addMenu(CannedPhrases::nativeName(language));
            for (const QString &phrase : CannedPhrases::load(settings, language))
                sub->addAction(phrase, this, [this, phrase] { m_reply->insertPhrase(phrase); });
        }
        menu->addSeparator();
        menu->addAction(tr("Edit phrases…"), this, &CallPanel::editPhrases);
    });
    button->setMenu(menu);
    return button;
}

QWidget *CallPanel::createCallerDetails(service::Call &call)
{
    auto *column = new QWidget;
    auto *callerBox = new QGroupBox(tr("Caller"), column);
    callerBox->setObjectName(QStringLiteral("callerBox"));
    auto *form = new QFormLayout(callerBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);

    const QString callback = callbackNumberOf(call);
    const struct
    {
        const char *objectName;
        QString label;
        QString value;
    } rows[] = {
        {"callbackValue", tr("Callback number"),
         callback.isEmpty() ? tr("Not provided") : callback},
        {"fromValue", tr("From"), displayUri(call.remoteUri())},
        {"startedValue", tr("Accepted"),
         QLocale().toString(m_started.toLocalTime().time(), QLocale::LongFormat)},
        {"transportValue", tr("Transport"), QString::fromUtf8(call.sipTransport())},
    };
    for (const auto &row : rows) {
        auto *value = new QLabel(row.value, callerBox);
        value->setObjectName(QString::fromLatin1(row.objectName));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setAccessibleName(row.label);
        value->setWordWrap(true);
        form->addRow(row.label + u':', value);
        // The number to call back is what the call-taker needs first: larger.
        if (!callback.isEmpty() && value->objectName() == u"callbackValue")
            value->setStyleSheet(QStringLiteral("font-size: 13pt; font-weight: 600;"));
    }

    // Location and call data can run long (several locations, five blocks): they scroll,
    // the caller box above them stays put.
    auto *details = new QWidget;
    m_location = new LocationPanel(details);
    m_callData = new CallDataPanel(details);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_location);
    detailsLayout->addWidget(m_callData);
    detailsLayout->addStretch(1);
    auto *scroll = new QScrollArea(column);
    scroll->setObjectName(QStringLiteral("emergencyDataScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(details);

    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(callerBox);
    layout->addWidget(scroll, 1);
    return column;
}

void CallPanel::showState(service::CallState state)
{
    QString text;
    QString colour = QStringLiteral("#1d6b3c");
    switch (state) {
    case service::CallState::Offered:
    case service::CallState::Ringing:
    case service::CallState::Answering:
    case service::CallState::Calling:
        text = tr("Connecting");
        colour = QStringLiteral("#8a5a00");
        break;
    case service::CallState::Active:
        text = tr("Connected");
        break;
    case service::CallState::Ending:
        text = tr("Ending");
        colour = QStringLiteral("#8a5a00");
        break;
    case service::CallState::Ended:
    case service::CallState::Failed:
        markEnded();
        return;
    }
    m_state->setText(text);
    m_state->setStyleSheet(QStringLiteral("font-weight: 600; color: %1;").arg(colour));
}

void CallPanel::showEmergencyData()
{
    if (!m_call)
        return;
    const ng911::EmergencyCallData &data = m_call->emergencyData();
    m_location->setData(data);
    m_callData->setData(data);
    m_testCall->setVisible(data.service.isTest());
}

void CallPanel::showRemoteComposing(service::ComposingState state)
{
    m_typing->setText(state == service::ComposingState::Active && !m_ended
                          ? tr("The caller is typing…")
                          : QString());
}

void CallPanel::markEnded()
{
    if (m_ended)
        return;
    m_ended = true;
    m_state->setText(tr("Call ended"));
    m_state->setStyleSheet(QStringLiteral("font-weight: 600; color: #4a5663;"));
    m_reply->setEnabled(false);
    m_reply->setPlaceholderText(tr("The call has ended."));
    m_send->setEnabled(false);
    m_phrases->setEnabled(false);
    m_endCall->setEnabled(false);
    m_typing->clear();
    Q_EMIT ended();
}

bool CallPanel::sendReply()
{
    QString text = m_reply->toPlainText();
    while (!text.isEmpty() && text.back().isSpace())
        text.chop(1);
    if (text.trimmed().isEmpty() || m_ended)
        return false;
    const auto sent = m_transcript->send(text);
    if (!sent) {
        m_error->setText(tr("Not sent: %1").arg(sent.error().detail));
        m_error->show();
        return false;
    }
    m_error->hide();
    m_reply->clear();
    return true;
}

QByteArray CallPanel::transcriptPdfHtml() const
{
    const QLocale locale;
    QString html =
        QStringLiteral(
            "<html><body style='font-family: sans-serif; font-size: 10pt;'>"
            "<h2>%1</h2><table cellspacing='0' cellpadding='2'>"
            "<tr><td><b>%2</b></td><td>%3</td></tr><tr><td><b>%4</b></td><td>%5</td></tr>"
            "<tr><td><b>%6</b></td><td>%7</td></tr><tr><td><b>%8</b></td><td>%9</td></tr>"
            "</table><br/>")
            .arg(tr("Text call transcript").toHtmlEscaped(), tr("Caller").toHtmlEscaped(),
                 m_callerText.toHtmlEscaped(), tr("From").toHtmlEscaped(),
                 m_remoteUri.toHtmlEscaped(), tr("Accepted").toHtmlEscaped(),
                 locale.toString(m_started.toLocalTime(), QLocale::LongFormat).toHtmlEscaped(),
                 tr("Call ID").toHtmlEscaped(), QString::fromLatin1(m_storeCallId).toHtmlEscaped());
    html += QStringLiteral("<table width='100%' cellspacing='0' cellpadding='4' border='1' "
                           "style='border-collapse: collapse; border-color: #c8cfd7;'>"
                           "<tr style='background: #e4e8ed;'><th align='left'>%1</th>"
                           "<th align='left'>%2</th><th align='left'>%3</th>"
                           "<th align='left'>%4</th></tr>")
                .arg(tr("Time (UTC)").toHtmlEscaped(), tr("From").toHtmlEscaped(),
                     tr("Message").toHtmlEscaped(), tr("Status").toHtmlEscaped());
    for (const TranscriptModel::Entry &entry : m_transcript->entries()) {
        QString text = entry.text.toHtmlEscaped();
        text.replace(u'\n', QStringLiteral("<br/>"));
        html += QStringLiteral("<tr%1><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(entry.outgoing ? QString() : QStringLiteral(" bgcolor='#e8eff6'"),
                         entry.time.toUTC().toString(Qt::ISODate),
                         TranscriptModel::senderName(entry.outgoing).toHtmlEscaped(), text,
                         entry.outgoing ? TranscriptModel::deliveryText(entry).toHtmlEscaped()
                                        : QString());
    }
    html += QStringLiteral("</table></body></html>");
    return html.toUtf8();
}

Result<void> CallPanel::exportTranscript(const QString &path, ExportFormat format) const
{
    if (format == ExportFormat::Pdf) {
        QPdfWriter writer(path);
        writer.setTitle(tr("Text call transcript"));
        writer.setCreator(QStringLiteral("Herald"));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        QTextDocument document;
        document.setHtml(QString::fromUtf8(transcriptPdfHtml()));
        document.print(&writer);
        // QPdfWriter reports no error; check that the file is there.
        if (!QFile::exists(path) || QFile(path).size() == 0)
            return fail(ErrorCode::Io, tr("Cannot write %1").arg(path));
        return {};
    }
    if (!m_engine.store() || m_storeCallId.isEmpty())
        return fail(ErrorCode::NotFound, tr("No store: start Herald with --store to export "
                                            "JSON or CSV"));
    const auto bytes =
        store::exportTranscript(*m_engine.store(), m_storeCallId,
                                format == ExportFormat::Json ? store::TranscriptFormat::Json
                                                             : store::TranscriptFormat::Csv);
    if (!bytes)
        return tl::unexpected(bytes.error());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size() || !file.commit())
        return fail(ErrorCode::Io, tr("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

void CallPanel::chooseExport(ExportFormat format)
{
    QString filter;
    QString suffix;
    switch (format) {
    case ExportFormat::Pdf:
        filter = tr("PDF documents (*.pdf)");
        suffix = QStringLiteral(".pdf");
        break;
    case ExportFormat::Json:
        filter = tr("JSON files (*.json)");
        suffix = QStringLiteral(".json");
        break;
    case ExportFormat::Csv:
        filter = tr("CSV files (*.csv)");
        suffix = QStringLiteral(".csv");
        break;
    }
    const QString name =
        QStringLiteral("transcript-%1-%2%3")
            .arg(m_started.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss")),
                 QString(m_callerText).remove(QRegularExpression(QStringLiteral("[^0-9A-Za-z+]"))),
                 suffix);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export transcript"), name, filter);
    if (path.isEmpty())
        return;
    if (const auto written = exportTranscript(path, format); !written) {
        m_error->setText(tr("Export failed: %1").arg(written.error().detail));
        m_error->show();
    }
}

void CallPanel::editPhrases()
{
    QStringList names;
    for (const QString &language : CannedPhrases::languages())
        names.append(CannedPhrases::nativeName(language));
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(this, tr("Edit phrases"), tr("Language:"), names, 0, false, &ok);
    if (!ok)
        return;
    const QString language = CannedPhrases::languages().value(names.indexOf(chosen));
    QSettings settings;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Edit phrases"), tr("One phrase per line (empty: the defaults):"),
        CannedPhrases::load(settings, language).join(u'\n'), &ok);
    if (ok)
        CannedPhrases::save(settings, language, text.split(u'\n'));
}

} // namespace herald::ui
