// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QString>
#include <QStringView>

namespace herald::msml {

// The package of RFC 5707 that defines an element, for telling an element Herald does not
// implement (402 Unsupported Element) from one that exists nowhere (401 Unknown Element),
// e.g. "join" -> "conference core package (RFC 5707 §8)". Empty for names RFC 5707 does
// not define. Core and dialog-core elements Herald implements are listed too.
QString rfc5707Package(QStringView element);

// True for the elements of the media server's transfer package (transfer, fileobj, ...).
bool isTransferPackageElement(QStringView element);

} // namespace herald::msml
