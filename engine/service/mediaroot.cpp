// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/mediaroot.h"

#include <QDir>
#include <QFileInfo>

namespace herald::service {

namespace {

bool isInside(const QString &root, const QString &path)
{
    return path.startsWith(root.endsWith(QLatin1Char('/')) ? root : root + QLatin1Char('/'));
}

} // namespace

Result<QString> resolveMediaPath(const QString &mediaRoot, const QString &path)
{
    if (mediaRoot.isEmpty())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("No media root: file sources refused"));
    const QString root = QFileInfo(mediaRoot).canonicalFilePath();
    if (root.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The media root does not exist"));
    const QString written = QDir::cleanPath(path);
    if (!isInside(QDir::cleanPath(QFileInfo(mediaRoot).absoluteFilePath()), written) &&
        !isInside(root, written))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("src is outside the media root"));
    const QFileInfo info(written);
    if (!info.exists())
        return fail(ErrorCode::NotFound, QStringLiteral("src does not exist"));
    const QString canonical = info.canonicalFilePath();
    if (!isInside(root, canonical))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("src leads outside the media root through a link"));
    if (!QFileInfo(canonical).isFile())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("src is not a regular file"));
    return canonical;
}

} // namespace herald::service
