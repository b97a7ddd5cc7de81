// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/msmldocument.h"

namespace herald::msml {

QString DialogStart::dialogId() const
{
    if (name.isEmpty())
        return QString();
    return target + QStringLiteral("/dialog:") + name;
}

ResultDocument ResultDocument::error(ResponseCode code, QString description)
{
    ResultDocument result;
    result.response = toInt(code);
    result.description = std::move(description);
    return result;
}

} // namespace herald::msml
