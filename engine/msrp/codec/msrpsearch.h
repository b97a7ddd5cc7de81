// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QByteArrayView>

namespace herald::msrp {

// Finds `needle` (at least 2 octets) in `haystack` from `from` on; -1 if absent.
//
// This is the body scanner's hot path: it looks for "CRLF -------<tid>" in every octet of
// every chunk. It filters 16 or 32 positions at a time on the needle's first and last octet
// (W. Muła's "SIMD-friendly algorithms for substring searching"), and compares the whole
// needle only where both match: about 1 in 65,536 positions of random data. AVX2 is chosen at
// run time when the CPU has it; SSE2 is the x86-64 baseline; other CPUs use memmem.
qsizetype findNeedle(QByteArrayView haystack, QByteArrayView needle, qsizetype from = 0);

// The length of the longest suffix of `haystack` that is a proper prefix of `needle`:
// the bytes a streaming scanner must hold back because the needle may begin there.
qsizetype partialNeedleSuffix(QByteArrayView haystack, QByteArrayView needle);

} // namespace herald::msrp
