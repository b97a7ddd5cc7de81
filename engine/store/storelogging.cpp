// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/store/storelogging.h"

Q_LOGGING_CATEGORY(lcStore, "herald.store", QtInfoMsg)
