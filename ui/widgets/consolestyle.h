// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

class QApplication;

namespace herald::ui {

// The console's look: Fusion with a quiet, high-contrast light palette and a readable base
// font, the same on every desktop (a PSAP floor should not look different per workstation).
// Colour never carries meaning alone: every state is also written out.
void applyConsoleStyle(QApplication &app);

} // namespace herald::ui
