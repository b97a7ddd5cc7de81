// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/replyedit.h"

#include <QKeyEvent>

namespace herald::ui {

ReplyEdit::ReplyEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
}

void ReplyEdit::insertPhrase(const QString &phrase)
{
    QTextCursor cursor = textCursor();
    const QString before = toPlainText().left(cursor.position());
    if (!before.isEmpty() && !before.back().isSpace())
        cursor.insertText(QStringLiteral(" "));
    cursor.insertText(phrase);
    setTextCursor(cursor);
    setFocus(Qt::OtherFocusReason);
}

void ReplyEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        event->accept();
        if (!toPlainText().trimmed().isEmpty())
            Q_EMIT submitted();
        return;
    }
    if (enter) {
        // Shift+Enter: a plain new line (QPlainTextEdit would insert a line separator).
        insertPlainText(QStringLiteral("\n"));
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace herald::ui
