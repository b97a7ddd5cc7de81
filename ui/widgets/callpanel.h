// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/service/call.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

class QGroupBox;
class QLabel;
class QPushButton;
class QToolButton;

namespace herald::service {
class Engine;
}

namespace herald::ui {

class CallDataPanel;
class LocationPanel;
class PlaceholderTableView;
class ReplyEdit;
class TranscriptModel;

// One accepted text call in the PSAP view: the conversation with its delivery ticks, the
// reply box with canned phrases, who is calling, end call and export. It keeps the
// conversation after the call ends, until the operator closes the tab.
class CallPanel : public QWidget
{
    Q_OBJECT

public:
    enum class ExportFormat { Pdf, Json, Csv };
    Q_ENUM(ExportFormat)

    CallPanel(service::Engine &engine, service::Call &call, QWidget *parent = nullptr);

    service::Call::Id callId() const { return m_callId; }
    // What the tab says: the callback number, else the caller's URI.
    QString callerText() const { return m_callerText; }
    bool isEnded() const { return m_ended; }

    TranscriptModel *transcriptModel() const { return m_transcript; }
    PlaceholderTableView *transcriptView() const { return m_transcriptView; }
    ReplyEdit *replyEdit() const { return m_reply; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *endCallButton() const { return m_endCall; }
    // The caller's location (PIDF-LO, RFC 6442) and additional data (RFC 7852), refreshed
    // whenever the call's emergency data changes (a reference fetched, a location update).
    LocationPanel *locationPanel() const { return m_location; }
    CallDataPanel *callDataPanel() const { return m_callData; }
    // "The caller is typing…" while the caller's isComposing says active (RFC 3994 §3.3).
    QLabel *typingIndicator() const { return m_typing; }

    // Sends what the reply box holds; false (and the box kept) when it could not be sent.
    bool sendReply();
    // Writes the transcript: PDF from what the panel shows, JSON and CSV from the store.
    Result<void> exportTranscript(const QString &path, ExportFormat format) const;

Q_SIGNALS:
    // The call reached Ended or Failed.
    void ended();

private:
    QWidget *createConversation();
    QWidget *createCallerDetails(service::Call &call);
    QToolButton *createPhrasesButton();
    void showState(service::CallState state);
    void showEmergencyData();
    void showRemoteComposing(service::ComposingState state);
    void markEnded();
    void chooseExport(ExportFormat format);
    void editPhrases();
    QByteArray transcriptPdfHtml() const;

    service::Engine &m_engine;
    QPointer<service::Call> m_call;
    service::Call::Id m_callId;
    QByteArray m_storeCallId;
    QString m_callerText;
    QString m_remoteUri;
    QDateTime m_started;
    bool m_ended = false;

    TranscriptModel *m_transcript = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_endCall = nullptr;
    QToolButton *m_export = nullptr;
    PlaceholderTableView *m_transcriptView = nullptr;
    ReplyEdit *m_reply = nullptr;
    QPushButton *m_send = nullptr;
    QToolButton *m_phrases = nullptr;
    LocationPanel *m_location = nullptr;
    CallDataPanel *m_callData = nullptr;
    QLabel *m_typing = nullptr;
    QLabel *m_testCall = nullptr;
};

} // namespace herald::ui
