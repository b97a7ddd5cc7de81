// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/placeholdertableview.h"

#include <QHeaderView>
#include <QPainter>

#include <algorithm>

namespace herald::ui {

PlaceholderTableView::PlaceholderTableView(QWidget *parent)
    : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setTabKeyNavigation(false); // Tab leaves the table; arrows move within it
    verticalHeader()->setVisible(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setHighlightSections(false);
}

void PlaceholderTableView::setPlaceholderText(const QString &text)
{
    m_placeholderText = text;
    setAccessibleDescription(text);
    viewport()->update();
}

void PlaceholderTableView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    // An empty table sizes each column by its header; a little air keeps them apart.
    const int minimum = fontMetrics().averageCharWidth() * 10;
    const int air = fontMetrics().averageCharWidth() * 3;
    for (int column = 0; model != nullptr && column < model->columnCount(rootIndex()); ++column)
        setColumnWidth(column,
                       std::max(minimum, horizontalHeader()->sectionSizeHint(column) + air));
}

bool PlaceholderTableView::isShowingPlaceholder() const
{
    return model() == nullptr || model()->rowCount(rootIndex()) == 0;
}

void PlaceholderTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (m_placeholderText.isEmpty() || !isShowingPlaceholder())
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const int margin = fontMetrics().height();
    painter.drawText(viewport()->rect().adjusted(margin, margin, -margin, -margin),
                     Qt::AlignCenter | Qt::TextWordWrap, m_placeholderText);
}

} // namespace herald::ui
