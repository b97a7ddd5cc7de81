// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msml/msmldocument.h"
#include "engine/msrp/session/msrptypes.h"
#include "engine/service/mediafetcher.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <memory>

namespace herald {
class Clock;
class RandomSource;
} // namespace herald

namespace herald::service {

class Call;
class CallManager;

// Runs one MSML <transfer> (the media server's transfer package, DESIGN.md §1): for each object
// in document order it INVITEs the dest's answerer (through the SIP outbound proxy, as every
// INVITE Herald sends) with an RFC 5547 push offer for a <fileobj> or a message session for a
// <messageobj>, sends the file or text once the MSRP session is up, and BYEs when every chunk
// was acknowledged. Between these moments it runs the shadow handlers' <send> actions, which
// come out as event() in order. A failed object is retried `retry` times (the object's, else
// the transfer's), `wait` apart; when the attempts are spent the transfer exits with
// transfer.end = transfer.error. stop() (a <dialogend>) ends it with transfer.end = dialogend;
// maxtime ends it with transfer.maxtime (as <record>'s record.complete.maxlength);
// iterate delivers the object list that many times (a delete="true" source goes after its last
// round; "forever" never deletes it). An <exit>/<disconnect> in a handler sends moml.exit /
// moml.disconnect and ends the dialog at once, without the transferexit handler.
class TransferExecutor : public QObject
{
    Q_OBJECT

public:
    // `localFiles` holds, for each object in order, the local file to send (empty for a
    // messageobj, and for an http(s) src, which is fetched when its turn comes, per
    // `fetch`): already confined to the media root by the caller.
    TransferExecutor(CallManager &calls, Clock &clock, RandomSource &random, QString dialogId,
                     msml::Transfer transfer, QStringList localFiles, FetchSettings fetch = {},
                     QObject *parent = nullptr);
    ~TransferExecutor() override;

    const QString &dialogId() const { return m_dialogId; }
    bool isRunning() const { return m_running; }
    // An object's MSRP message is on its way (the rest of the time a running transfer fetches,
    // calls the answerer, or waits to retry).
    bool isSending() const { return m_running && !m_messageId.isNull(); }

    void start();
    // Stops a running transfer: the current object's call is hung up (its partial file is
    // dropped by the receiver) and the exit handler reports `end`.
    void stop(const QString &end = QStringLiteral("dialogend"));

Q_SIGNALS:
    // A <send> of a shadow handler fired: the application server gets it in an INFO.
    void event(const herald::msml::EventDocument &event);
    // The transfer exited (after its exit handler's events).
    void finished(const QString &end);

private:
    void runObject();
    void objectSucceeded();
    void objectFailed(const QString &why);
    void exitWith(const QString &end);
    // Runs a shadow handler's actions; false when one was an <exit>/<disconnect>, which
    // ended the dialog (the caller must stop there).
    bool fire(const std::optional<msml::ShadowHandler> &handler,
              const QList<QPair<QString, QString>> &variables);
    void exitDialog(const QString &end);
    // Whether `rounds` (default: those done) completes the iterate count.
    bool isLastRound(int rounds = -1) const;
    void dropCall();
    // The file to send for the current object: the media-root file or the fetched copy.
    QString currentFile() const;
    qint64 msSince(std::chrono::steady_clock::time_point since) const;

    CallManager &m_calls;
    Clock &m_clock;
    RandomSource &m_random;
    QString m_dialogId;
    msml::Transfer m_transfer;
    QStringList m_localFiles;
    FetchSettings m_fetch;
    std::unique_ptr<MediaFetcher> m_fetcher; // the current object's http(s) src, once fetched

    bool m_running = false;
    int m_index = 0;
    int m_attempt = 0;
    int m_round = 0; // object lists delivered completely (iterate)
    QTimer m_maxtime;
    QPointer<Call> m_call;
    QByteArray m_messageId;
    std::chrono::steady_clock::time_point m_transferStart;
    std::chrono::steady_clock::time_point m_objectStart;
};

} // namespace herald::service
