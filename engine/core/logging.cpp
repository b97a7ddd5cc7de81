// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/core/logging.h"

Q_LOGGING_CATEGORY(lcCore, "herald.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMsrp, "herald.msrp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMsrpWire, "herald.msrp.wire", QtWarningMsg)
Q_LOGGING_CATEGORY(lcService, "herald.service", QtInfoMsg)
