// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/ng911/civicaddress.h"

namespace herald::ui {

// The words around a civic address's floor, unit and room (RFC 5139 FLR, UNIT, ROOM) in the
// console's language, for CivicAddress::summary().
ng911::CivicLabels translatedCivicLabels();

} // namespace herald::ui
