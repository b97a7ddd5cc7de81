// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QLoggingCategory>

// One logging category per library (CONVENTIONS.md): commits, migrations, store failures.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
