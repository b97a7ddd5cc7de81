// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QStyledItemDelegate>

namespace herald::ui {

// Paints a cell as a progress bar from an integer role (0..100; negative: plain text), with
// the cell's display text on the bar ("1.2 MiB of 4 MiB"). The Lab view's transfers by
// Byte-Range use it.
class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ProgressDelegate(int progressRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace herald::ui
