// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <initializer_list>

namespace Gapwise {

// Stores many long-lived strings (the test ids of an import) side by side in a few big blocks instead of one heap
// allocation each: 100,000 ids cost 100,000 mallocs and, on this VM, a page fault every 25 of them. Each string
// it returns is an ordinary QString: its own characters, null-terminated, sharing the block the way copies share
// (the block's reference count), detaching on the first change. The block is freed with the last string in it.
class StringArena
{
public:
    // The parts, concatenated.
    QString join(std::initializer_list<QStringView> parts);

private:
    QString m_block;
    qsizetype m_used = 0; // characters of m_block handed out, terminators included
    qsizetype m_nextBlock = 4096; // characters: small imports stay small, big ones get 8 MiB blocks
};

} // namespace Gapwise
