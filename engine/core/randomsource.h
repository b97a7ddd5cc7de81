// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QtGlobal>

#include <cstddef>
#include <span>

namespace herald {

// Randomness is injected (CONVENTIONS.md). Identifiers that protect sessions come from the
// system CSPRNG: RFC 4975 §14.1 wants session-ids with at least 80 bits of randomness.
class RandomSource
{
public:
    virtual ~RandomSource() = default;
    virtual void fill(std::span<std::byte> out) = 0;
    quint64 next64();
};

// getrandom(2): the kernel CSPRNG, never a seeded PRNG.
class SystemRandomSource final : public RandomSource
{
public:
    void fill(std::span<std::byte> out) override;
};

// A deterministic source for tests only (splitmix64); never use it for real identifiers.
class SeededRandomSource final : public RandomSource
{
public:
    explicit SeededRandomSource(quint64 seed)
        : m_state(seed)
    {}
    void fill(std::span<std::byte> out) override;

private:
    quint64 m_state;
};

} // namespace herald
