// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QString>

namespace herald::service {

// Confines the file:// sources of MSML transfers (msml::MediaSource only checks syntax): the
// path must lie under the media root as written and still once every symlink is followed, so
// neither "../" tricks nor a link planted in the root can reach other files. Returns the
// canonical path of an existing regular file; ErrorCode::InvalidArgument when it escapes (or
// no root is configured), NotFound when there is no such file.
Result<QString> resolveMediaPath(const QString &mediaRoot, const QString &path);

} // namespace herald::service
