// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/consolestyle.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyleFactory>

namespace herald::ui {

void applyConsoleStyle(QApplication &app)
{
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);

    // Slate greys and one steel blue; text on base is ~15:1, above WCAG AAA.
    const QColor window(0xee, 0xf1, 0xf4);
    const QColor base(0xff, 0xff, 0xff);
    const QColor alternate(0xf6, 0xf8, 0xfa);
    const QColor text(0x1b, 0x26, 0x33);
    const QColor muted(0x6b, 0x77, 0x85);
    const QColor accent(0x2b, 0x5f, 0x8a);

    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, alternate);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0xe4, 0xe8, 0xed));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, muted);
    palette.setColor(QPalette::Highlight, accent);
    palette.setColor(QPalette::HighlightedText, base);
    palette.setColor(QPalette::Link, accent);
    palette.setColor(QPalette::Disabled, QPalette::WindowText, muted);
    palette.setColor(QPalette::Disabled, QPalette::Text, muted);
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, muted);
    QApplication::setPalette(palette);

    QFont font = QApplication::font();
    if (font.pointSizeF() < 10.5)
        font.setPointSizeF(10.5);
    QApplication::setFont(font);

    // Titles a step larger and semi-bold; tables without heavy borders.
    app.setStyleSheet(
        QStringLiteral("QLabel#viewTitle { font-size: 13pt; font-weight: 600; }"
                       "QLabel#sectionTitle { font-weight: 600; }"
                       "QHeaderView::section { background: #e4e8ed; color: #1b2633; border: none;"
                       " border-bottom: 1px solid #c8cfd7; padding: 4px 6px; font-weight: 600; }"
                       // Flat tabs marked by an accent bar; the focused tab also gets a tint, so
                       // keyboard users see where they are.
                       "QTabBar::tab { background: transparent; color: #4a5663; padding: 8px 22px;"
                       " border: none; border-bottom: 3px solid transparent; font-weight: 600; }"
                       "QTabBar::tab:selected { color: #1b2633; border-bottom: 3px solid #2b5f8a; }"
                       "QTabBar::tab:hover { color: #1b2633; }"
                       "QTabBar::tab:selected:focus { background: #dde6ef; }"
                       "QStatusBar { border-top: 1px solid #c8cfd7; }"
                       "QStatusBar QLabel { padding: 2px 6px; }"));
}

} // namespace herald::ui
