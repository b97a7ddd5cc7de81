// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/codec/msrpsearch.h"

#include <cstring>

#if defined(__x86_64__) || defined(__SSE2__)
#include <immintrin.h>
#define HERALD_HAVE_X86_SIMD 1
#endif

namespace herald::msrp {

namespace {

qsizetype scalarFind(const char *h, qsizetype size, const char *n, qsizetype nsize, qsizetype from)
{
    if (size - from < nsize)
        return -1;
    const void *p = ::memmem(h + from, std::size_t(size - from), n, std::size_t(nsize));
    return p ? static_cast<const char *>(p) - h : -1;
}

#ifdef HERALD_HAVE_X86_SIMD

qsizetype sse2Find(const char *h, qsizetype size, const char *n, qsizetype nsize, qsizetype from)
{
    const __m128i first = _mm_set1_epi8(n[0]);
    const __m128i last = _mm_set1_epi8(n[nsize - 1]);
    qsizetype i = from;
    for (; i + nsize - 1 + 16 <= size; i += 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(h + i));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(h + i + nsize - 1));
        unsigned mask = unsigned(
            _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))));
        while (mask) {
            const int bit = __builtin_ctz(mask);
            if (std::memcmp(h + i + bit + 1, n + 1, std::size_t(nsize - 2)) == 0)
                return i + bit;
            mask &= mask - 1;
        }
    }
    return scalarFind(h, size, n, nsize, i);
}

__attribute__((target("avx2"))) qsizetype avx2Find(const char *h, qsizetype size, const char *n,
                                                   qsizetype nsize, qsizetype from)
{
    const __m256i first = _mm256_set1_epi8(n[0]);
    const __m256i last = _mm256_set1_epi8(n[nsize - 1]);
    qsizetype i = from;
    // Two blocks per round: the loop is bound by loads, and the branch is almost never taken.
    for (; i + nsize - 1 + 64 <= size; i += 64) {
        const auto *p = h + i;
        const __m256i a0 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
        const __m256i b0 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + nsize - 1));
        const __m256i a1 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + 32));
        const __m256i b1 =
            _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + 32 + nsize - 1));
        const __m256i m0 =
            _mm256_and_si256(_mm256_cmpeq_epi8(a0, first), _mm256_cmpeq_epi8(b0, last));
        const __m256i m1 =
            _mm256_and_si256(_mm256_cmpeq_epi8(a1, first), _mm256_cmpeq_epi8(b1, last));
        if (_mm256_testz_si256(_mm256_or_si256(m0, m1), _mm256_or_si256(m0, m1)))
            continue;
        quint64 mask = quint64(unsigned(_mm256_movemask_epi8(m0))) |
                       (quint64(unsigned(_mm256_movemask_epi8(m1))) << 32);
        while (mask) {
            const int bit = __builtin_ctzll(mask);
            if (std::memcmp(p + bit + 1, n + 1, std::size_t(nsize - 2)) == 0)
                return i + bit;
            mask &= mask - 1;
        }
    }
    return sse2Find(h, size, n, nsize, i);
}

using FindFn = qsizetype (*)(const char *, qsizetype, const char *, qsizetype, qsizetype);

FindFn chooseFind()
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") ? avx2Find : sse2Find;
}

// Chosen once: a function pointer constant for the process, not mutable shared state.
const FindFn kFind = chooseFind();

#endif

} // namespace

qsizetype findNeedle(QByteArrayView haystack, QByteArrayView needle, qsizetype from)
{
    Q_ASSERT(needle.size() >= 2);
    if (from < 0 || haystack.size() - from < needle.size())
        return -1;
#ifdef HERALD_HAVE_X86_SIMD
    return kFind(haystack.data(), haystack.size(), needle.data(), needle.size(), from);
#else
    return scalarFind(haystack.data(), haystack.size(), needle.data(), needle.size(), from);
#endif
}

qsizetype partialNeedleSuffix(QByteArrayView haystack, QByteArrayView needle)
{
    // Candidates start where needle[0] stands within the last needle.size() - 1 octets.
    const qsizetype window = std::min(haystack.size(), needle.size() - 1);
    const char *base = haystack.data() + haystack.size() - window;
    for (qsizetype i = 0; i < window; ++i) {
        if (base[i] != needle[0])
            continue;
        const qsizetype len = window - i;
        if (std::memcmp(base + i, needle.data(), std::size_t(len)) == 0)
            return len;
    }
    return 0;
}

} // namespace herald::msrp
