// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QPlainTextEdit>

namespace herald::ui {

// The reply box: Enter sends, Shift+Enter starts a new line (what chat users expect; a
// call-taker must not have to reach for the mouse).
class ReplyEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit ReplyEdit(QWidget *parent = nullptr);

    // Inserts a canned phrase where the cursor is, with a space before it when needed.
    void insertPhrase(const QString &phrase);

Q_SIGNALS:
    // Enter was pressed on a non-blank reply.
    void submitted();

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace herald::ui
