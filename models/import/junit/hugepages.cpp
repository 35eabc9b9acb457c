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
    const quintptr begin = (quintptr(data) + HugePage - 1) & ~(HugePage - 1);
    const quintptr end = (quintptr(data) + quintptr(bytes)) & ~(HugePage - 1);
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE); // advice: failing changes nothing
#else
    Q_UNUSED(data);
    Q_UNUSED(bytes);
#endif
}

} // namespace Gapwise
