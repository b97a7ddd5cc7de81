// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QByteArray>

namespace herald::rest {

// Whether a presented credential equals the configured secret, in time independent of where
// they differ: both are hashed first, so that neither the length nor a common prefix shows in
// the timing. The REST API's and the ops endpoints' token checks both use it.
bool sameSecret(const QByteArray &presented, const QByteArray &secret);

} // namespace herald::rest
