// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QLoggingCategory>

// herald.sip: Herald's own SIP decisions (calls, requests, errors).
// herald.sip.wire: every SIP message sofia sends or receives, in full (sofia's TPORT_LOG dump,
//   switched on when this category has debug enabled at Agent::start(); the dump also runs
//   while an Agent records its ladder, but reaches this category only when it is enabled).
// herald.sip.sofia: sofia-sip's own log, redirected from su_log (default: warnings only).
Q_DECLARE_LOGGING_CATEGORY(lcSip)
Q_DECLARE_LOGGING_CATEGORY(lcSipWire)
Q_DECLARE_LOGGING_CATEGORY(lcSipSofia)
