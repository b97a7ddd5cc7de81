// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/progressdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace herald::ui {

ProgressDelegate::ProgressDelegate(int progressRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(progressRole)
{}

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const QVariant value = index.data(m_role);
    if (!value.isValid() || value.toInt() < 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The row's background and selection first, then the bar inset in the cell.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(3, 3, -3, -3);
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = qBound(0, value.toInt(), 100);
    bar.textVisible = false;
    bar.state = option.state | QStyle::State_Horizontal;
    bar.palette = option.palette;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);

    // The label ourselves: light on the filled part, dark on the rest, so it reads at any
    // progress (the style's own label was dark on the dark fill in an inactive window).
    const QString text = index.data(Qt::DisplayRole).toString();
    const int filled = bar.rect.width() * bar.progress / 100;
    const QRect done(bar.rect.left(), bar.rect.top(), filled, bar.rect.height());
    const QRect rest(bar.rect.left() + filled, bar.rect.top(), bar.rect.width() - filled,
                     bar.rect.height());
    painter->save();
    painter->setFont(option.font);
    painter->setClipRect(done);
    painter->setPen(option.palette.color(QPalette::Active, QPalette::HighlightedText));
    painter->drawText(bar.rect, Qt::AlignCenter, text);
    painter->setClipRect(rest);
    painter->setPen(option.palette.color(QPalette::Active, QPalette::Text));
    painter->drawText(bar.rect, Qt::AlignCenter, text);
    painter->restore();
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(qMax(size.width() + 24, option.fontMetrics.averageCharWidth() * 22));
    return size;
}

} // namespace herald::ui
