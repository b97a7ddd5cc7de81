// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;

namespace herald::ui {

class MsrpTraceModel;
class PlaceholderTableView;

// The raw MSRP frames of the session chosen in the Lab view (MsrpTraceModel), with a filter
// that narrows them by method, status, Message-ID or any text of their headers and body
// excerpt, and the selected frame in full below.
class MsrpTraceView : public QWidget
{
    Q_OBJECT

public:
    explicit MsrpTraceView(MsrpTraceModel *model, QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return m_filter; }
    QCheckBox *recordBox() const { return m_record; }
    PlaceholderTableView *table() const { return m_table; }
    QPlainTextEdit *rawView() const { return m_raw; }
    // What the table shows: the model's frames that pass the filter.
    QSortFilterProxyModel *filtered() const { return m_proxy; }

    void setSession(const QByteArray &sessionId);

private:
    void updateTitle();
    void showSelected();

    MsrpTraceModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_title;
    QLineEdit *m_filter;
    QCheckBox *m_record;
    PlaceholderTableView *m_table;
    QPlainTextEdit *m_raw;
};

} // namespace herald::ui
