// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisondigest.h"
#include "counttext.h"

#include "grouplabels.h"
#include "testdisplayname.h"

#include <QFileInfo>
#include <QHash>

namespace Gapwise {
namespace {

    QHash<QString, int> failingPer(const Report &run, QString TestCase::*group)
    {
        QHash<QString, int> n;
        for (const TestCase &t : run.tests) {
            if (failsInRun(t))
                ++n[t.*group];
        }
        return n;
    }

    QVector<GroupDelta> phaseDeltas(const Report &oldRun, const Report &newRun, const RunComparison &comparison)
    {
        const QHash<QString, int> before = failingPer(oldRun, &TestCase::phaseId);
        const QHash<QString, int> now = failingPer(newRun, &TestCase::phaseId);
        QHash<QString, int> beforeMapped; // counted under the new phase the old one became
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            beforeMapped[comparison.phaseMap.value(it.key(), it.key())] += it.value();
        QVector<GroupDelta> deltas;
        for (const Phase &p : newRun.phases)
            deltas.append({ p.id, p.name, beforeMapped.take(p.id), now.value(p.id) });
        for (const Phase &p : oldRun.phases) {
            const QString id = comparison.phaseMap.value(p.id, p.id);
            if (beforeMapped.contains(id))
                deltas.append({ p.id, p.name, beforeMapped.take(id), 0 });
        }
        return deltas;
    }

    QVector<GroupDelta> gapDeltas(const Report &oldRun, const Report &newRun, const QHash<QString, QString> &gapMap)
    {
        const QHash<QString, int> before = failingPer(oldRun, &TestCase::gapId);
        const QHash<QString, int> now = failingPer(newRun, &TestCase::gapId);
        QHash<QString, int> beforeMapped;
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            beforeMapped[gapMap.value(it.key(), it.key())] += it.value();
        QVector<GroupDelta> deltas;
        for (const Gap &g : newRun.gaps)
            deltas.append({ g.id, g.title, beforeMapped.take(g.id), now.value(g.id) });
        for (const Gap &g : oldRun.gaps) {
            const QString id = gapMap.value(g.id, g.id);
            if (beforeMapped.contains(id))
                deltas.append({ g.id, g.title, beforeMapped.take(id), 0 });
        }
        deltas.append({ QString(), unassignedGroupTitle(), beforeMapped.value(QString()), now.value(QString()) });
        return deltas;
    }

    QString nameOf(const QVector<Phase> &phases, const QString &id)
    {
        for (const Phase &p : phases) {
            if (p.id == id)
                return p.name;
        }
        return id;
    }

    // The row's gap is the one the test failed in, in the old run: a removed test, or one that failed then and
    // fails no longer (fixed, or newly skipped from failing) and is in no gap now. Triage since does not move it.
    bool gapIsOld(const ChangedTest &t)
    {
        return !t.inNew || t.change == ChangeClass::Fixed
            || (t.change == ChangeClass::NewlySkipped && isFailing(t.oldStatus));
    }

    QString titleOf(const QVector<Gap> &gaps, const QString &id)
    {
        for (const Gap &g : gaps) {
            if (g.id == id)
                return g.title;
        }
        return id.isEmpty() ? unassignedGroupTitle() : id;
    }

} // namespace

ComparisonDigest digestComparison(
    const Report &oldTriaged, const Report &newTriaged, const RunComparison &comparison, const CarryOverResult *carry)
{
    ComparisonDigest d;
    d.oldSource = oldTriaged.sourceFile;
    d.newSource = newTriaged.sourceFile;
    std::copy(std::begin(comparison.counts), std::end(comparison.counts), std::begin(d.counts));
    d.phases = phaseDeltas(oldTriaged, newTriaged, comparison);
    d.gaps = gapDeltas(oldTriaged, newTriaged, carry ? carry->gapMap : mapGaps(oldTriaged, newTriaged));
    for (const TestChange &c : comparison.changes) {
        if (c.change == ChangeClass::Unchanged)
            continue;
        const bool inNew = c.newIndex >= 0;
        const Report &run = inNew ? newTriaged : oldTriaged;
        const TestCase &t = run.tests[inNew ? c.newIndex : c.oldIndex];
        ChangedTest row { c.change, t.id, distinctTestName(t), nameOf(run.phases, t.phaseId),
            titleOf(run.gaps, t.gapId) };
        row.inOld = c.oldIndex >= 0;
        row.inNew = inNew;
        if (c.oldIndex >= 0) {
            const TestCase &before = oldTriaged.tests[c.oldIndex];
            row.oldStatus = before.status;
            row.oldGap = before.gapId.isEmpty() ? QString() : titleOf(oldTriaged.gaps, before.gapId);
            if (inNew && gapIsOld(row)) // failing no more: shown in the gap it failed in
                row.gap = titleOf(oldTriaged.gaps, before.gapId);
        }
        if (inNew) {
            row.newStatus = t.status;
            row.newIndex = c.newIndex;
        }
        d.tests.append(row);
    }
    if (carry) {
        d.carriedEdits = carry->applied;
        d.carriedChanges = carry->appliedChanges;
        d.notCarried = carry->notCarried;
        d.restoredGaps = carry->restoredGaps;
        for (const CarrySuggestion &s : carry->suggested)
            d.suggested.append(QStringLiteral("%1 → %2 (%3)").arg(s.testId, titleOf(newTriaged.gaps, s.gapId), s.why));
    }
    return d;
}

QString oldSideText(const ComparisonDigest &d, bool fileNames)
{
    const auto shown = [fileNames](const QString &path) { return fileNames ? QFileInfo(path).fileName() : path; };
    if (d.oldSession.isEmpty())
        return shown(d.oldSource);
    return QStringLiteral("%1 (triage of %2)").arg(shown(d.oldSession), shown(d.oldSource));
}

QVector<int> followTriage(QVector<ChangedTest> &tests, const Report &nowTriaged)
{
    QHash<QString, QString> titles; // one lookup per row: a comparison may list 100,000 tests
    for (const Gap &g : nowTriaged.gaps)
        titles.insert(g.id, g.title);
    QVector<int> changed;
    for (int row = 0; row < tests.size(); ++row) {
        ChangedTest &t = tests[row];
        if (gapIsOld(t) || t.newIndex < 0 || t.newIndex >= nowTriaged.tests.size())
            continue;
        const QString &gapId = nowTriaged.tests[t.newIndex].gapId;
        const QString title = gapId.isEmpty() ? unassignedGroupTitle() : titles.value(gapId, gapId);
        if (title != t.gap) {
            t.gap = title;
            changed.append(row);
        }
    }
    return changed;
}

QString deltaText(int delta, const QLocale &locale)
{
    if (delta == 0)
        return QStringLiteral("±0");
    return delta > 0 ? QStringLiteral("+") + locale.toString(delta) : QStringLiteral("−") + locale.toString(-delta);
}

QString groupDeltaText(const GroupDelta &g, const QLocale &locale)
{
    return QStringLiteral("“%1”: %2 → %3 (%4)")
        .arg(g.title, locale.toString(g.oldFailing), locale.toString(g.newFailing), deltaText(g.delta(), locale));
}

QStringList changeCountLines(const ComparisonDigest &d, const QLocale &locale)
{
    QStringList lines;
    const ChangeClass order[]
        = { ChangeClass::NewFailure, ChangeClass::KnownFailure, ChangeClass::Fixed, ChangeClass::StillFailing,
              ChangeClass::NewlyPassing, ChangeClass::NewlySkipped, ChangeClass::Added, ChangeClass::Removed };
    for (ChangeClass c : order) {
        if (d.count(c) > 0 || c == ChangeClass::NewFailure || c == ChangeClass::Fixed)
            lines.append(changeCountText(c, d.count(c), locale));
    }
    return lines;
}

QStringList sinceLastRunLines(const ComparisonDigest &d, const QLocale &locale)
{
    QStringList lines = changeCountLines(d, locale);
    for (const GroupDelta &g : d.gaps) {
        if (g.delta() != 0)
            lines.append(QStringLiteral("Gap ") + groupDeltaText(g, locale));
    }
    for (const GroupDelta &p : d.phases) {
        if (p.delta() != 0)
            lines.append(QStringLiteral("Phase ") + groupDeltaText(p, locale));
    }
    if (d.carriedEdits > 0 || !d.notCarried.isEmpty())
        lines.append(
            QStringLiteral("Triage carried over: %1, %2 not carried")
                .arg(countText(d.carriedChanges, QStringLiteral("%1 change"), QStringLiteral("%1 changes"), locale),
                    countText(d.notCarried.size(), QStringLiteral("%1 edit"), QStringLiteral("%1 edits"), locale)));
    if (!d.suggested.isEmpty())
        lines.append(
            QStringLiteral("New failures suggested into existing gaps: %1").arg(locale.toString(d.suggested.size())));
    return lines;
}

} // namespace Gapwise
