// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msrp/transport/msrpframetap.h"
#include "ui/models/boundedhistory.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include <memory>

class QTimer;

namespace herald::msrp {
class Endpoint;
}

namespace herald::ui {

// The Lab view's trace of raw MSRP frames (RFC 4975 §7), one session at a time: every SEND,
// REPORT and response the endpoint sent or received for the shown session, newest last.
//
// Recording is opt-in (setRecording): the model installs itself as the endpoint's FrameTap.
// Memory is bounded: the last framesPerSession frames of at most sessionLimit sessions (the
// least recently active session is forgotten first). Frames reach the model's rows in
// batches, at most one insertion per batchIntervalMs, never one per frame.
class MsrpTraceModel : public QAbstractTableModel, private msrp::FrameTap
{
    Q_OBJECT

public:
    static constexpr int framesPerSession = 500;
    static constexpr int sessionLimit = 64;
    static constexpr int batchIntervalMs = 250;

    enum Column { Time, Direction, Frame, MessageId, Body, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        // The frame's start line and headers, a blank line and the body excerpt (QString).
        RawRole = Qt::UserRole + 1,
        // Method, status, Message-ID, headers and body excerpt in one string: what the
        // Lab view's filter searches (QSortFilterProxyModel::setFilterRole).
        SearchRole,
        SentRole, // bool: we sent it
    };

    explicit MsrpTraceModel(msrp::Endpoint &endpoint, QObject *parent = nullptr);
    ~MsrpTraceModel() override;

    // Installs or removes the model as the endpoint's frame tap. Frames are recorded only
    // while it is installed.
    void setRecording(bool on);
    bool isRecording() const;

    // The session whose frames are shown (the session-id of our URI); empty shows none.
    void setSession(const QByteArray &sessionId);
    QByteArray session() const { return m_session; }
    // Frames recorded for a session so far (at most framesPerSession), shown or not.
    int recordedFrames(const QByteArray &sessionId) const;

    // Moves what is recorded into the rows now (tests); otherwise done by a timer.
    void flush();
    int batchCount() const { return m_batches; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    using FramePtr = std::shared_ptr<const msrp::TappedFrame>;

    void onFrame(msrp::TappedFrame &&frame) override;

    QPointer<msrp::Endpoint> m_endpoint;
    BoundedHistory<QByteArray, FramePtr> m_traces{framesPerSession, sessionLimit};
    QByteArray m_session;
    QList<FramePtr> m_rows;    // the shown session's frames, as the views know them
    QList<FramePtr> m_pending; // the shown session's frames not yet in m_rows
    QTimer *m_timer = nullptr;
    int m_batches = 0;
};

} // namespace herald::ui
