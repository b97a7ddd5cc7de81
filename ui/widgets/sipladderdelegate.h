// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QStyledItemDelegate>

namespace herald::ui {

// Paints one message of a SipLadderModel as a rung of a ladder diagram: the time on the left,
// Herald's lifeline and the peer's, and an arrow between them in the message's direction
// labelled with its start line. Messages the SIP stack sent on its own are dashed; failure
// responses are red. Consecutive rows join into continuous lifelines.
class SipLadderDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    struct Lanes
    {
        int timeRight; // the time column ends here
        int herald;    // x of Herald's lifeline
        int peer;      // x of the peer's lifeline
    };
    // Where the columns and lifelines are in a row (or in the header above the rows).
    static Lanes lanes(const QRect &rect, const QFontMetrics &metrics);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace herald::ui
