// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sharedtriage.h"

#include <QStringList>

namespace Gapwise {

struct Gap;
struct Report;

// The fields of a gap and a test that the store shares (SharedTriageLink and its conflict bookkeeping): their
// names, the key that identifies one, and reading or writing one in a Report's gap.
namespace SharedTriageFields {

    // "yes" when the gap is not in the session (deleted, or merged into another: its tests' moves are shared
    // on their own), "" when it is. Written like any field, with its version: two deletions of one gap, or a
    // deletion and an undo of it, are conflicts like two owners.
    QString deletedField();
    // Every shared field of a gap, deletedField() last.
    const QStringList &gapFields();
    // One string per (kind, key, field): the hash key the link keeps each field's state under.
    QString keyOf(const SharedTriageItem &item);
    SharedTriageItem itemOfKey(const QString &key); // keyOf() read back; kind is empty when it is not one
    bool isGap(const SharedTriageItem &item);
    int findTest(const Report &report, const QString &id); // -1 when the report has no such test
    QString gapField(const Gap &gap, const QString &field);
    // Sets `field`; any field but "suggested" also makes the gap the engineer's, as TriageSession does.
    void setGapField(Gap &gap, const QString &field, const QString &value);

} // namespace SharedTriageFields
} // namespace Gapwise
