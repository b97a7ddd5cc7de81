// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sip/siplogging.h"

Q_LOGGING_CATEGORY(lcSip, "herald.sip", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSipWire, "herald.sip.wire", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSipSofia, "herald.sip.sofia", QtWarningMsg)
