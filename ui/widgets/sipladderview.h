// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QListView;
class QPlainTextEdit;

namespace herald::ui {

class SipLadderModel;

// The SIP ladder of the dialog chosen in the Lab view: one rung per message between Herald
// and the peer (SipLadderDelegate), and the selected message in full beside it.
class SipLadderView : public QWidget
{
    Q_OBJECT

public:
    explicit SipLadderView(SipLadderModel *model, QWidget *parent = nullptr);

    QListView *ladder() const { return m_ladder; }
    QPlainTextEdit *rawView() const { return m_raw; }
    QCheckBox *recordBox() const { return m_record; }
    QLabel *emptyLabel() const { return m_empty; }

    void setCall(quint64 call, const QString &title);

private:
    void showSelected();
    void updateEmptyState();

    SipLadderModel *m_model;
    QLabel *m_title;
    QCheckBox *m_record;
    QListView *m_ladder;
    QLabel *m_empty;
    QPlainTextEdit *m_raw;
};

} // namespace herald::ui
