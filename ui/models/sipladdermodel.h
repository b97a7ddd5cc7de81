// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/sip/sipmessagerecord.h"
#include "ui/models/boundedhistory.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace herald::sip {
class Agent;
}

namespace herald::ui {

// The messages of one SIP dialog (RFC 3261 §12), oldest first, for the Lab view's ladder:
// requests and responses in both directions, with their time, start line and raw text.
//
// Recording is opt-in (setRecording switches the Agent's message recording). The Agent
// reports in batches; each batch is one insertion here. Memory is bounded: the last
// messagesPerCall messages of at most callLimit calls (the least recently active call is
// forgotten first).
class SipLadderModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int messagesPerCall = 200;
    static constexpr int callLimit = 100;

    enum Column { Time, Direction, Message, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        SentRole = Qt::UserRole + 1, // bool: Herald sent it
        RequestRole,                 // bool: a request (else a response)
        MethodRole,                  // QString: the method (a response's CSeq method)
        StatusRole,                  // int: a response's status code, else 0
        RawRole,                     // QString: the message as on the wire
        ByStackRole,                 // bool: sent by the SIP stack on its own
    };

    explicit SipLadderModel(sip::Agent &agent, QObject *parent = nullptr);
    ~SipLadderModel() override;

    void setRecording(bool on);
    bool isRecording() const;

    // The call whose dialog is shown (service::Call::Id, which is the sip::CallId); 0: none.
    void setCall(quint64 call);
    quint64 call() const { return m_call; }
    int recordedMessages(quint64 call) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void add(const QList<sip::SipMessageRecord> &records);

    QPointer<sip::Agent> m_agent;
    BoundedHistory<quint64, sip::SipMessageRecord> m_ladders{messagesPerCall, callLimit};
    quint64 m_call = 0;
    QList<sip::SipMessageRecord> m_rows;
};

} // namespace herald::ui
