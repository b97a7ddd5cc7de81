// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/rest/secretcompare.h"

#include <QCryptographicHash>

namespace herald::rest {

bool sameSecret(const QByteArray &presented, const QByteArray &secret)
{
    const QByteArray ha = QCryptographicHash::hash(presented, QCryptographicHash::Sha256);
    const QByteArray hb = QCryptographicHash::hash(secret, QCryptographicHash::Sha256);
    unsigned char diff = 0;
    for (qsizetype i = 0; i < ha.size(); ++i)
        diff |= static_cast<unsigned char>(ha.at(i) ^ hb.at(i));
    return diff == 0;
}

} // namespace herald::rest
