// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/msrp/session/msrptypes.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTreeWidget;

namespace herald::service {
class Call;
class Engine;
} // namespace herald::service

namespace herald::ui {

// The voicemail demo: the operator picks a file and a destination, Herald offers it in an
// RFC 5547 push (a=sendonly, a=file-selector) and streams it over MSRP; the view shows each
// step of progress by Byte-Range, the acknowledged share and the delivery state. The
// destination is a SIP URI (through an optional outbound proxy, sent as a preloaded Route,
// RFC 3261 §8.1.2) or the built-in local delivery endpoint, preselected when there is one,
// so that the demo works on one machine.
class VoicemailView : public QWidget
{
    Q_OBJECT

public:
    // Starts the local delivery endpoint if need be and returns its SIP URI.
    using LocalEndpoint = std::function<Result<QByteArray>()>;

    explicit VoicemailView(service::Engine &engine, QWidget *parent = nullptr);
    ~VoicemailView() override;

    // Offers the local endpoint as a destination and selects it; without one the operator
    // types a SIP URI.
    void setLocalEndpoint(LocalEndpoint endpoint);

    // Offers the chosen file to the chosen destination; fails (and says why beside the
    // Send button) when the file or the URI is unusable or a transfer is going on.
    Result<void> send();
    bool isSending() const { return m_call != nullptr; }

    QLineEdit *fileEdit() const { return m_file; }
    QRadioButton *localButton() const { return m_local; }
    QRadioButton *uriButton() const { return m_remote; }
    QLineEdit *uriEdit() const { return m_uri; }
    QLineEdit *proxyEdit() const { return m_proxy; }
    QPushButton *sendButton() const { return m_send; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *stateLabel() const { return m_state; }
    QTreeWidget *chunkLog() const { return m_chunks; }

public Q_SLOTS:
    // The local endpoint stored a complete file (DemoDeliveryServer::fileReceived).
    void showReceived(const QString &path, qint64 size);

Q_SIGNALS:
    // The transfer ended: delivered (every octet acknowledged) or not.
    void transferFinished(bool delivered);

private:
    QWidget *createForm();
    void chooseFile();
    void updateDestination();
    void updateSendButton();
    void showState(const QString &text, bool problem = false);
    void followDelivery(const msrp::MessageInfo &info);
    void finish(bool delivered, const QString &text);
    Result<QByteArray> destination() const;

    service::Engine &m_engine;
    LocalEndpoint m_localEndpoint;
    QLineEdit *m_file = nullptr;
    QRadioButton *m_local = nullptr;
    QLabel *m_localUri = nullptr;
    QRadioButton *m_remote = nullptr;
    QLineEdit *m_uri = nullptr;
    QLineEdit *m_proxy = nullptr;
    QPushButton *m_send = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_state = nullptr;
    QTreeWidget *m_chunks = nullptr;
    QPointer<service::Call> m_call;
    QByteArray m_messageId;
    QByteArray m_localTarget; // the local endpoint's URI once started
    QString m_sentName;
    quint64 m_lastTransferred = 0;
};

} // namespace herald::ui
