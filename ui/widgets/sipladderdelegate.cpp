// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/sipladderdelegate.h"

#include "ui/models/sipladdermodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace herald::ui {

SipLadderDelegate::Lanes SipLadderDelegate::lanes(const QRect &rect, const QFontMetrics &metrics)
{
    const int timeWidth = metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + 12;
    const int inset = std::max(24, metrics.averageCharWidth() * 4);
    const int left = rect.left() + timeWidth + inset;
    const int right = std::max(left + 80, rect.right() - inset);
    return {rect.left() + timeWidth, left, right};
}

QSize SipLadderDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    // Room for the label above the arrow and the arrow itself.
    return {option.fontMetrics.horizontalAdvance(QLatin1Char('x')) * 60,
            option.fontMetrics.height() * 2 + 10};
}

void SipLadderDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QRect r = option.rect;
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    if (selected)
        painter->fillRect(r, palette.highlight());
    const QColor text = selected ? palette.highlightedText().color() : palette.text().color();
    const Lanes lane = lanes(r, option.fontMetrics);

    // The time, vertically level with the arrow.
    const int arrowY = r.top() + option.fontMetrics.height() + 6;
    painter->setPen(selected ? text : palette.placeholderText().color());
    const QString time =
        index.siblingAtColumn(SipLadderModel::Time).data(Qt::DisplayRole).toString();
    painter->drawText(QRect(r.left() + 4, arrowY - option.fontMetrics.height() / 2,
                            lane.timeRight - r.left() - 8, option.fontMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, time);

    // Both lifelines through the whole row, so that rows join up.
    QPen lifeline(selected ? text : palette.mid().color(), 2);
    painter->setPen(lifeline);
    painter->drawLine(lane.herald, r.top(), lane.herald, r.bottom() + 1);
    painter->drawLine(lane.peer, r.top(), lane.peer, r.bottom() + 1);

    // The arrow: Herald -> peer for what we sent.
    const bool sent = index.data(SipLadderModel::SentRole).toBool();
    const int status = index.data(SipLadderModel::StatusRole).toInt();
    const bool failure = !index.data(SipLadderModel::RequestRole).toBool() && status >= 300;
    QColor arrowColor = failure ? QColor(0xb0, 0x20, 0x20)
                        : sent  ? QColor(0x1f, 0x5f, 0x99)
                                : QColor(0x2e, 0x7d, 0x32);
    if (selected)
        arrowColor = text;
    QPen arrowPen(arrowColor, 2);
    if (index.data(SipLadderModel::ByStackRole).toBool())
        arrowPen.setStyle(Qt::DashLine);
    painter->setPen(arrowPen);
    const int from = sent ? lane.herald : lane.peer;
    const int to = sent ? lane.peer : lane.herald;
    painter->drawLine(from, arrowY, to, arrowY);
    const int head = sent ? -8 : 8;
    QPainterPath tip;
    tip.moveTo(to, arrowY);
    tip.lineTo(to + head, arrowY - 5);
    tip.lineTo(to + head, arrowY + 5);
    tip.closeSubpath();
    painter->fillPath(tip, arrowColor);

    // The start line above the arrow, centred and elided in the middle (URIs keep both ends).
    QFont font = option.font;
    font.setBold(index.data(SipLadderModel::RequestRole).toBool());
    painter->setFont(font);
    painter->setPen(failure && !selected ? arrowColor : text);
    const QFontMetrics metrics(font);
    const QRect label(lane.herald + 10, r.top() + 2, lane.peer - lane.herald - 20,
                      metrics.height());
    const QString line = index.siblingAtColumn(SipLadderModel::Message).data().toString();
    painter->drawText(label, Qt::AlignHCenter | Qt::AlignVCenter,
                      metrics.elidedText(line, Qt::ElideMiddle, label.width()));
    painter->restore();
}

} // namespace herald::ui
