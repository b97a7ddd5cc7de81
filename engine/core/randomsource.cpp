// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/core/randomsource.h"

#include <sys/random.h>

#include <cerrno>
#include <cstring>

namespace herald {

quint64 RandomSource::next64()
{
    quint64 v = 0;
    fill(std::as_writable_bytes(std::span(&v, 1)));
    return v;
}

void SystemRandomSource::fill(std::span<std::byte> out)
{
    std::size_t done = 0;
    while (done < out.size()) {
        const ssize_t n = ::getrandom(out.data() + done, out.size() - done, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            // Without a CSPRNG no safe identifier can be made; this never happens on Linux >= 3.17.
            qFatal("getrandom failed: %s", std::strerror(errno));
        }
        done += static_cast<std::size_t>(n);
    }
}

void SeededRandomSource::fill(std::span<std::byte> out)
{
    for (std::size_t i = 0; i < out.size(); i += 8) {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        z ^= z >> 31;
        std::memcpy(out.data() + i, &z, std::min<std::size_t>(8, out.size() - i));
    }
}

} // namespace herald
