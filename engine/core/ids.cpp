// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/core/ids.h"

#include <array>
#include <cmath>

namespace herald {

namespace {
constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr int kAlphabetSize = 62;
constexpr unsigned kAcceptBelow = 4 * kAlphabetSize; // 248: keeps every symbol equally likely
} // namespace

QByteArray IdGenerator::alphanumeric(int length)
{
    QByteArray id;
    id.reserve(length);
    std::array<std::byte, 32> pool{};
    std::size_t used = pool.size();
    while (id.size() < length) {
        if (used == pool.size()) {
            m_random.fill(pool);
            used = 0;
        }
        const auto b = static_cast<unsigned>(pool[used++]);
        if (b < kAcceptBelow)
            id.append(kAlphabet[b % kAlphabetSize]);
    }
    return id;
}

double IdGenerator::entropyBits(int length)
{
    return length * std::log2(double(kAlphabetSize));
}

} // namespace herald
