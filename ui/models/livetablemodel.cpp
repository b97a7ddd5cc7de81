// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/models/livetablemodel.h"

#include <QLocale>
#include <QTimer>

namespace herald::ui {

LiveTableModel::LiveTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(batchIntervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_polling && rowCount() > 0)
            m_dirty = true;
        flush();
        if (!m_polling || rowCount() == 0)
            m_timer->stop();
    });
}

int LiveTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(headers().size());
}

QVariant LiveTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // A header sits over its values: right-aligned over counters, left over text.
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole && rowCount() > 0)
        if (const QVariant align = data(index(0, section), role); align.isValid())
            return QVariant(align.toInt() | Qt::AlignVCenter);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QStringList names = headers();
    return section >= 0 && section < names.size() ? QVariant(names.at(section)) : QVariant();
}

void LiveTableModel::flush()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    const int rows = rowCount();
    if (rows == 0)
        return;
    ++m_batches;
    Q_EMIT dataChanged(index(0, 0), index(rows - 1, columnCount() - 1));
}

void LiveTableModel::markChanged()
{
    m_dirty = true;
    if (!m_timer->isActive())
        m_timer->start();
}

QString formatBytes(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}

} // namespace herald::ui
