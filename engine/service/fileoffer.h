// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/sdp/offerbuilder.h"

#include <QByteArray>
#include <QString>

namespace herald {
class RandomSource;
}

namespace herald::service {

// Describes a local file for an RFC 5547 push offer (§8.2.1): a=file-selector with the name
// (`name`, or the file's own name when empty), type, size and sha-1 hash of the whole file, a
// fresh a=file-transfer-id, and a=file-disposition. Reads the file once to hash it.
Result<sdp::FileOffer> describeFile(const QString &path, const QString &name,
                                    const QByteArray &contentType, const QByteArray &disposition,
                                    RandomSource &random);

} // namespace herald::service
