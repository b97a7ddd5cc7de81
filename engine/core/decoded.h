// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/error.h"

#include <QByteArray>

#include <optional>

namespace herald {

// What a parser of remote data hands back when the data is shown to a person rather than
// answered with a status: either the value, or "unreadable" with the reason. Either way the
// raw bytes are kept, so an operator can still see what arrived (issue #9: malformed data is
// shown as unreadable, never as a blank).
template<typename T>
class Decoded
{
public:
    // Unreadable, nothing received (so that containers can default-construct one).
    Decoded() = default;

    static Decoded readable(T value, QByteArray raw)
    {
        Decoded d;
        d.m_value = std::move(value);
        d.m_raw = std::move(raw);
        return d;
    }
    static Decoded unreadable(QByteArray raw, Error why)
    {
        Decoded d;
        d.m_raw = std::move(raw);
        d.m_problem = std::move(why);
        return d;
    }

    bool isReadable() const { return m_value.has_value(); }
    explicit operator bool() const { return isReadable(); }
    // Only when isReadable().
    const T &value() const
    {
        Q_ASSERT(m_value);
        return *m_value;
    }
    const T *operator->() const { return &value(); }
    const T &operator*() const { return value(); }
    // The bytes as received.
    const QByteArray &raw() const { return m_raw; }
    // Why the bytes are unreadable; a default Error when readable.
    const Error &problem() const { return m_problem; }

    friend bool operator==(const Decoded &, const Decoded &) = default;

private:
    std::optional<T> m_value;
    QByteArray m_raw;
    Error m_problem;
};

} // namespace herald
