// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/randomsource.h"

#include <QByteArray>

#include <array>

namespace herald {

// Identifier generation over an injected RandomSource. Each id is drawn from the
// 62-character alphanumeric alphabet, which is valid in every MSRP "ident" and "session-id"
// production (RFC 4975 §9) and in SIP tokens.
class IdGenerator
{
public:
    explicit IdGenerator(RandomSource &random)
        : m_random(random)
    {}

    // RFC 4975 §7.1: transaction ids need at least 64 bits of randomness: 12 chars = 71 bits.
    QByteArray transactionId() { return alphanumeric(12); }
    // RFC 4975 §14.1: session ids need at least 80 bits: 20 chars = 119 bits.
    QByteArray sessionId() { return alphanumeric(20); }
    // Message-IDs must be unique within the session; 16 chars = 95 bits.
    QByteArray messageId() { return alphanumeric(16); }
    // Unbiased: rejection sampling over bytes < 248 (4 * 62).
    QByteArray alphanumeric(int length);

    // Bits of randomness in an alphanumeric id of the given length.
    static double entropyBits(int length);

private:
    // Random octets are drawn in batches: ids are made per chunk on fast transfers.
    std::array<std::byte, 256> m_pool{};
    std::size_t m_used = m_pool.size();
    RandomSource &m_random;
};

} // namespace herald
