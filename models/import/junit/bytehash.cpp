// SPDX-License-Identifier: GPL-3.0-or-later
#include "bytehash.h"

#include <cstring>

namespace Gapwise {
namespace {

    constexpr quint64 K1 = 0x87c37b91114253d5ULL; // MurmurHash3's constants
    constexpr quint64 K2 = 0x4cf5ad432745937fULL;

    quint64 rotl(quint64 x, int r)
    {
        return (x << r) | (x >> (64 - r));
    }

    // MurmurHash3's finaliser: every input bit moves every output bit.
    quint64 fmix(quint64 h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ULL;
        h ^= h >> 33;
        return h;
    }

    quint64 block(quint64 h, quint64 word)
    {
        h ^= rotl(word * K1, 31) * K2;
        return rotl(h, 27) * 5 + 0x52dce729;
    }

} // namespace

quint32 byteHash(const void *data, std::size_t size)
{
    const auto *p = static_cast<const unsigned char *>(data);
    quint64 h = quint64(size) * K2;
    for (; size >= 8; p += 8, size -= 8) {
        quint64 word;
        std::memcpy(&word, p, 8);
        h = block(h, word);
    }
    if (size > 0) {
        quint64 word = 0;
        std::memcpy(&word, p, size);
        h = block(h, word);
    }
    return quint32(fmix(h) >> 32);
}

} // namespace Gapwise
