// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QAbstractTableModel>

class QTimer;

namespace herald::ui {

// The base of the Lab view's live tables. Engine events (a chunk sent, a state changed) only
// mark the table changed; one dataChanged per round (every batchIntervalMs) then tells the
// views, as qBittorrent's torrentsUpdated does, so a thousand busy sessions cost one repaint
// of the visible rows per round, not one per chunk (DESIGN.md §2, "batched change signals").
// Rows that end stay, marked ended, until historyLimit of them are kept.
class LiveTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int batchIntervalMs = 250;
    static constexpr int historyLimit = 50;

    explicit LiveTableModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Rounds that ended in a dataChanged (tests and the benchmark read it).
    int batchCount() const { return m_batches; }
    // Sends the pending dataChanged now (tests).
    void flush();

protected:
    virtual QStringList headers() const = 0;
    // Something shown changed: one dataChanged over every row at the end of the round.
    void markChanged();
    // Also refresh every round while rows exist (counters read from the engine).
    void setPolling(bool polling) { m_polling = polling; }

private:
    QTimer *m_timer = nullptr;
    bool m_dirty = false;
    bool m_polling = false;
    int m_batches = 0;
};

// "12.3 KiB" etc., for the byte columns.
QString formatBytes(quint64 bytes);

} // namespace herald::ui
