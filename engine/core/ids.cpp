// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/core/ids.h"

#include <cmath>

namespace herald {

namespace {
constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr int kAlphabetSize = 62;
constexpr unsigned kAcceptBelow = 4 * kAlphabetSize; // 248: keeps every symbol equally likely
} // namespace

QByteArray IdGenerator::alphanumeric(int length)
{
    // Written in place: a transaction id is made per MSRP chunk, on the hot path of a transfer.
    QByteArray id(length, Qt::Uninitialized);
    char *out = id.data();
    for (int i = 0; i < length;) {
        if (m_used == m_pool.size()) {
            m_random.fill(m_pool);
            m_used = 0;
        }
        const auto b = static_cast<unsigned>(m_pool[m_used++]);
        if (b < kAcceptBelow)
            out[i++] = kAlphabet[b % kAlphabetSize];
    }
    return id;
}

double IdGenerator::entropyBits(int length)
{
    return length * std::log2(double(kAlphabetSize));
}

} // namespace herald
