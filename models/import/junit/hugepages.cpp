// SPDX-License-Identifier: GPL-3.0-or-later
#include "hugepages.h"

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace Gapwise {

void adviseHugePages(const void *data, qint64 bytes)
{
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE)
    constexpr quintptr HugePage = quintptr(2) * 1024 * 1024;
    if (!data || bytes < qint64(2 * HugePage))
        return;
    const auto *first = static_cast<const char *>(data);
    const quintptr misaligned = quintptr(first) & (HugePage - 1);
    const char *begin = first + (misaligned == 0 ? 0 : HugePage - misaligned);
    const qint64 length = (bytes - (begin - first)) & ~qint64(HugePage - 1);
    if (length > 0) // advice: failing changes nothing
        madvise(const_cast<char *>(begin), size_t(length), MADV_HUGEPAGE);
#else
    Q_UNUSED(data);
    Q_UNUSED(bytes);
#endif
}

} // namespace Gapwise
