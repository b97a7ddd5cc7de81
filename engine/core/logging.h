// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QLoggingCategory>

// One logging category per module (CONVENTIONS.md). Wire traces have their own categories
// so they can be switched on alone: QT_LOGGING_RULES="herald.msrp.wire.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcMsrp)
Q_DECLARE_LOGGING_CATEGORY(lcMsrpWire)
Q_DECLARE_LOGGING_CATEGORY(lcService)
