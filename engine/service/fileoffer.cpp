// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/fileoffer.h"

#include "engine/core/ids.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace herald::service {

Result<sdp::FileOffer> describeFile(const QString &path, const QString &name,
                                    const QByteArray &contentType, const QByteArray &disposition,
                                    RandomSource &random)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::NotFound,
                    QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    if (!sha1.addData(&file))
        return fail(ErrorCode::Io, QStringLiteral("cannot read %1").arg(path));

    sdp::FileOffer offer;
    offer.weSend = true;
    const QString shown = name.isEmpty() ? QFileInfo(path).fileName() : name;
    offer.selector.name = sdp::FileSelector::encodeName(shown);
    offer.selector.type =
        contentType.isEmpty() ? QByteArrayLiteral("application/octet-stream") : contentType;
    offer.selector.size = quint64(file.size());
    offer.selector.hashes = {sdp::FileHash::sha1(sha1.result())};
    // RFC 5547 §8.1: a new random file-transfer-id per transfer, ~32 characters.
    offer.transferId = IdGenerator(random).alphanumeric(32);
    if (!disposition.isEmpty())
        offer.disposition = disposition;
    return offer;
}

} // namespace herald::service
