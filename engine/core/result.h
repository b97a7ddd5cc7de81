// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/error.h"

#include <tl/expected.hpp>

namespace herald {

// Result<T>: a value or an Error (tl::expected, as std::expected is C++23).
template<typename T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(ErrorCode code, QString detail)
{
    return tl::unexpected<Error>(Error{code, std::move(detail)});
}

} // namespace herald
