// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Gapwise {

// Asks the kernel to back the 2 MiB-aligned part of [data, data + bytes) with transparent huge pages (Linux
// madvise(MADV_HUGEPAGE); nothing elsewhere, and nothing for less than 4 MiB). For the big tables an import fills
// once, front to back: a million tests touch 200 MB of TestCase vector, and on a virtual machine the first touch of
// each 4 KiB page costs more than the import's work on it.
void adviseHugePages(const void *data, qint64 bytes);

} // namespace Gapwise
