// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace herald::ui {

// The call-taker's view of one text call: who is calling and from where, the conversation,
// and the reply box. With no call selected it says so and its controls are disabled; the
// call registry that fills it arrives with the SIP and session layers.
class PsapView : public QWidget
{
    Q_OBJECT

public:
    explicit PsapView(QWidget *parent = nullptr);

private:
    QWidget *createConversation();
    QWidget *createCallerDetails();

    QLabel *m_title = nullptr;
    QPushButton *m_endCall = nullptr;
    QPlainTextEdit *m_reply = nullptr;
    QPushButton *m_send = nullptr;
};

} // namespace herald::ui
