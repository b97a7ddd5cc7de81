// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/decoded.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>

#include <optional>

namespace herald::im {

// An isComposing status message (RFC 3994 §3.4), media type application/im-iscomposing+xml.
struct IsComposing
{
    enum class State { Idle, Active };

    State state = State::Idle;
    QDateTime lastActive;   // <lastactive>, invalid when absent
    QByteArray contentType; // <contenttype>: what is being composed; empty when absent
    // <refresh>: seconds until an active state lapses unless refreshed (RFC 3994 §4.2).
    std::optional<int> refreshSeconds;

    bool isActive() const { return state == State::Active; }

    friend bool operator==(const IsComposing &, const IsComposing &) = default;
};

inline constexpr QByteArrayView isComposingMediaType = "application/im-iscomposing+xml";

// Strict (RFC 3994 §6's schema): root {urn:ietf:params:xml:ns:im-iscomposing}isComposing,
// <state> idle|active once, then optional lastactive (RFC 3339), contenttype (a media type),
// refresh (a positive integer, only meaningful when active); other namespaces are skipped.
// Bounded to 4 KiB; no DTD. Unreadable otherwise, the raw bytes kept.
Decoded<IsComposing> parseIsComposing(QByteArrayView bytes);
QByteArray serializeIsComposing(const IsComposing &status);

} // namespace herald::im
