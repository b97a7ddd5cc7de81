// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QString>
#include <QTableView>

namespace herald::ui {

// A read-only, row-selecting table that says in words when it is empty ("No incoming text
// calls") instead of showing a blank grid, so an operator can tell "nothing there" from
// "not loaded". The text is also the view's accessible description.
class PlaceholderTableView : public QTableView
{
    Q_OBJECT
    Q_PROPERTY(QString placeholderText READ placeholderText WRITE setPlaceholderText)

public:
    explicit PlaceholderTableView(QWidget *parent = nullptr);

    QString placeholderText() const { return m_placeholderText; }
    void setPlaceholderText(const QString &text);
    // True when the model has no rows, i.e. the placeholder is what the view shows.
    bool isShowingPlaceholder() const;

    // Also sizes the columns so that every header can be read in full.
    void setModel(QAbstractItemModel *model) override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_placeholderText;
};

} // namespace herald::ui
