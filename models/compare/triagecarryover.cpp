// SPDX-License-Identifier: GPL-3.0-or-later
#include "triagecarryover.h"

#include "failuresignature.h"
#include "messagetemplate.h"
#include "sessionfile.h"
#include "testdisplayname.h"
#include "triagecommands.h"
#include "triagesession.h"

#include <QJsonArray>
#include <QSet>

namespace Gapwise {
namespace {

    QString titleKey(const QString &title)
    {
        return title.simplified().toCaseFolded();
    }

    QString mapped(const QHash<QString, QString> &map, const QString &id)
    {
        return map.value(id, id);
    }

    // Where carry-over may place a test: nowhere yet, or only in a gap Gapwise suggested. The engineer's
    // triage of the last run outranks Gapwise's own guess; a test the report or a person placed is not
    // carry-over's to move. A suggested gap emptied this way stays, empty, as when it is emptied by hand.
    bool placedOnlyBySuggestion(const Report &report, const TestCase &t)
    {
        if (t.gapId.isEmpty())
            return true;
        const int gap = report.gapIndex(t.gapId);
        return gap >= 0 && t.gapSuggested && report.gaps[gap].suggested;
    }

    // The old report put `old` in a gap of its own and the new run's `now`, failing, may take that place: it is
    // placed nowhere or only by a suggestion. A gap Gapwise suggested in the old run is no one's decision: its
    // grouping never carries, not even onto a test the new run leaves unassigned (the new run's own signature
    // grouping left it there). What a person decided in the old run carries as the saved edits.
    bool oldPlacementCarries(const Report &oldImported, const TestCase &old, const Report &report, const TestCase &now)
    {
        if (old.gapId.isEmpty() || !failsInRun(now) || !placedOnlyBySuggestion(report, now))
            return false;
        return !placedOnlyBySuggestion(oldImported, old);
    }

    // Gaps the old report had and the new one lacks, while a test the old triage put there still fails.
    QVector<Gap> gapsToRestore(const TriagedRun &oldRun, const Report &newImported, const RunComparison &comparison,
        const QHash<QString, QString> &gapMap)
    {
        QHash<QString, int> newTestIndex;
        for (const TestChange &c : comparison.changes) {
            if (c.oldIndex >= 0 && c.newIndex >= 0)
                newTestIndex.insert(oldRun.triaged.tests[c.oldIndex].id, c.newIndex);
        }
        QSet<QString> stillFailingIn;
        for (const TestCase &t : oldRun.triaged.tests) {
            const int n = newTestIndex.value(t.id, -1);
            if (!t.gapId.isEmpty() && n >= 0 && failsInRun(newImported.tests[n]))
                stillFailingIn.insert(t.gapId);
        }
        QVector<Gap> restore;
        for (const Gap &g : oldRun.imported.gaps) {
            // A suggestion no one accepted is no one's decision: the new run's own grouping stands.
            const int triaged = oldRun.triaged.gapIndex(g.id);
            if (triaged >= 0 && oldRun.triaged.gaps[triaged].suggested)
                continue;
            if (!gapMap.contains(g.id) && stillFailingIn.contains(g.id)) {
                Gap copy = g;
                copy.evidence.append(QStringLiteral("Kept from the previous run: some of its tests still fail"));
                restore.append(copy);
            }
        }
        return restore;
    }

    // A restored gap as the old triage named it: the engineer's title ("Auth token missing…"), not the
    // report's ("KeyError: 'token'"). The gap itself comes back as the report had it; the old triage's
    // edits, replayed next, rename it.
    QString triagedTitle(const TriagedRun &oldRun, const Gap &gap)
    {
        const int index = oldRun.triaged.gapIndex(gap.id);
        return index >= 0 ? oldRun.triaged.gaps[index].title : gap.title;
    }

    // The old run's gaps as its triage left them, and those it removed as the report had them: how edits that
    // do not carry over name the gaps they were about.
    QHash<QString, QString> oldGapTitles(const TriagedRun &oldRun)
    {
        QHash<QString, QString> titles;
        for (const Gap &g : oldRun.imported.gaps)
            titles.insert(g.id, g.title);
        for (const Gap &g : oldRun.triaged.gaps)
            titles.insert(g.id, g.title);
        return titles;
    }

    struct GapSignatures
    {
        QHash<QString, QHash<QString, int>> byKey; // signature key → gap id → old tests
        QHash<QString, QVector<QPair<QStringList, QString>>> byBucket; // bucket → (template tokens, gap id)
        QHash<QString, QString> example; // gap id + key → an old test's name, to say why
        QSet<QString> suggested; // gaps Gapwise suggested in the old run and no one accepted
    };

    GapSignatures oldGapSignatures(
        const Report &oldTriaged, const QHash<QString, QString> &gapMap, const TriageSession &session)
    {
        GapSignatures s;
        for (const Gap &g : oldTriaged.gaps) {
            if (g.suggested)
                s.suggested.insert(mapped(gapMap, g.id));
        }
        for (const TestCase &t : oldTriaged.tests) {
            if (t.gapId.isEmpty() || !failsInRun(t))
                continue;
            const QString gapId = mapped(gapMap, t.gapId);
            if (session.gapIndex(gapId) < 0)
                continue;
            const FailureSignature sig = failureSignature(t);
            const QString key = sig.key();
            int &n = s.byKey[key][gapId];
            if (n++ == 0) {
                s.byBucket[sig.bucket()].append({ templateTokens(sig.messageTemplate), gapId });
                s.example.insert(gapId + QLatin1Char('\n') + key, t.name);
            }
        }
        return s;
    }

    // The gap whose old failures look like this one: the same signature (most tests wins), else a template
    // of the same bucket that is nearly the same (the threshold of the gap suggester).
    QString matchingGap(const GapSignatures &s, const FailureSignature &sig, QString *example)
    {
        const QString key = sig.key();
        const auto exact = s.byKey.constFind(key);
        if (exact != s.byKey.cend()) {
            QString best;
            int bestCount = 0;
            for (auto it = exact->cbegin(); it != exact->cend(); ++it) {
                if (it.value() > bestCount || (it.value() == bestCount && it.key() < best)) {
                    best = it.key();
                    bestCount = it.value();
                }
            }
            *example = s.example.value(best + QLatin1Char('\n') + key);
            return best;
        }
        const QStringList tokens = templateTokens(sig.messageTemplate);
        for (const auto &candidate : s.byBucket.value(sig.bucket())) {
            if (templateSimilarity(candidate.first, tokens) >= 0.8) {
                *example = QString();
                return candidate.second;
            }
        }
        return QString();
    }

    QVector<CarrySuggestion> suggestNewFailures(TriageSession &session, const TriagedRun &oldRun,
        const RunComparison &comparison, const QHash<QString, QString> &gapMap)
    {
        const GapSignatures signatures = oldGapSignatures(oldRun.triaged, gapMap, session);
        QVector<CarrySuggestion> suggestions;
        if (signatures.byKey.isEmpty())
            return suggestions;
        const Report &now = session.report();
        QHash<QString, QStringList> byGap;
        QStringList gapOrder;
        for (const TestChange &c : comparison.changes) {
            if (c.change != ChangeClass::NewFailure)
                continue;
            const TestCase &t = now.tests[c.newIndex];
            if (!placedOnlyBySuggestion(now, t))
                continue; // the report or the triage placed it: not ours to move
            QString example;
            const QString gap = matchingGap(signatures, failureSignature(t), &example);
            // An old suggestion does not outrank the new run's own: only an unassigned failure joins one.
            if (gap.isEmpty() || gap == t.gapId || (!t.gapId.isEmpty() && signatures.suggested.contains(gap)))
                continue;
            const QString why = example.isEmpty() ? QStringLiteral("a similar failure")
                                                  : QStringLiteral("the same failure as ") + example;
            suggestions.append({ t.id, gap, why });
            if (!byGap.contains(gap))
                gapOrder.append(gap);
            byGap[gap].append(t.id);
        }
        if (gapOrder.isEmpty())
            return suggestions;
        session.undoStack()->beginMacro(QStringLiteral("Suggest new failures into existing gaps"));
        for (const QString &gap : std::as_const(gapOrder))
            session.push(new MoveTestsCommand(&session, byGap.value(gap), gap, true));
        session.undoStack()->endMacro();
        return suggestions;
    }

} // namespace

QHash<QString, QString> mapGaps(const Report &oldRun, const Report &newRun)
{
    QHash<QString, QString> byTitle;
    for (const Gap &g : newRun.gaps)
        byTitle.insert(titleKey(g.title), g.id);
    QHash<QString, QString> map;
    for (const Gap &g : oldRun.gaps) {
        if (newRun.gapIndex(g.id) >= 0)
            map.insert(g.id, g.id);
        else if (byTitle.contains(titleKey(g.title)))
            map.insert(g.id, byTitle.value(titleKey(g.title)));
    }
    return map;
}

QVector<QJsonObject> rewriteEdits(
    const QVector<QJsonObject> &edits, const QHash<QString, QString> &testMap, const QHash<QString, QString> &gapMap)
{
    QVector<QJsonObject> out;
    out.reserve(edits.size());
    for (QJsonObject e : edits) {
        const QString kind = e.value(QStringLiteral("edit")).toString();
        if (kind == QLatin1String("move")) {
            QJsonArray tests;
            const QJsonArray old = e.value(QStringLiteral("tests")).toArray();
            for (const auto &id : old) // QJsonValueConstRef: no copy of each value
                tests.append(mapped(testMap, id.toString()));
            e.insert(QStringLiteral("tests"), tests);
            e.insert(QStringLiteral("toGap"), mapped(gapMap, e.value(QStringLiteral("toGap")).toString()));
        }
        for (const QString &field : { QStringLiteral("gap"), QStringLiteral("into") }) {
            if (e.contains(field))
                e.insert(field, mapped(gapMap, e.value(field).toString()));
        }
        out.append(e);
    }
    return out;
}

namespace {

    // Gaps the old session created, against the open run's gaps. One with the same title is that gap (compared
    // with the same session twice, or the engineer made it already): the create becomes a rename to its own
    // title (a no-op that keeps the edit numbers of the saved session) and later edits go to it. One whose id
    // the open run uses for another gap (its own "user-1") gets a fresh id, so nothing writes into the wrong gap.
    void matchCreatedGaps(QVector<QJsonObject> &edits, const TriageSession &session, QHash<QString, QString> &gapMap)
    {
        QHash<QString, int> byTitle;
        for (int g = 0; g < session.report().gaps.size(); ++g)
            byTitle.insert(titleKey(session.report().gaps[g].title), g);
        QSet<QString> taken;
        for (const QJsonObject &e : std::as_const(edits)) {
            if (e.value(QStringLiteral("edit")).toString() == QLatin1String("create"))
                taken.insert(e.value(QStringLiteral("id")).toString());
        }
        int next = 1;
        for (QJsonObject &e : edits) {
            if (e.value(QStringLiteral("edit")).toString() != QLatin1String("create"))
                continue;
            const QString id = e.value(QStringLiteral("id")).toString();
            const int same = byTitle.value(titleKey(e.value(QStringLiteral("title")).toString()), -1);
            if (same >= 0) {
                const Gap &existing = session.report().gaps[same];
                gapMap.insert(id, existing.id);
                e = QJsonObject { { QStringLiteral("edit"), QStringLiteral("set") }, { QStringLiteral("gap"), id },
                    { QStringLiteral("field"), QStringLiteral("title") }, { QStringLiteral("value"), existing.title } };
                continue;
            }
            if (session.gapIndex(id) < 0)
                continue;
            QString fresh;
            do {
                fresh = QStringLiteral("user-%1").arg(next++);
            } while (session.gapIndex(fresh) >= 0 || taken.contains(fresh));
            taken.insert(fresh);
            gapMap.insert(id, fresh);
            e.insert(QStringLiteral("id"), fresh);
        }
    }

    // The carry-over onto `session`, which holds the new run (perhaps triaged already), every part of it an
    // edit: the command line and the window carry over with this one function, so their triage, and what the
    // plan says it changed, are the same.
    CarryOverResult carryInto(TriageSession &session, const TriagedRun &oldRun, const RunComparison &comparison)
    {
        CarryOverResult result;
        result.gapMap = mapGaps(oldRun.imported, session.report());
        for (const Gap &g : gapsToRestore(oldRun, session.report(), comparison, result.gapMap)) {
            session.push(new CreateGapCommand(&session, g, true));
            result.gapMap.insert(g.id, g.id);
            result.restoredGaps.append(triagedTitle(oldRun, g));
        }
        // Tests the old report itself placed in a gap stay there when the run places them nowhere (or only in a
        // gap Gapwise suggested).
        QHash<QString, QStringList> placed;
        QStringList placedOrder;
        for (const TestCase &old : oldRun.imported.tests) {
            const int n = session.testIndex(comparison.newIdForOld.value(old.id));
            if (n < 0 || !oldPlacementCarries(oldRun.imported, old, session.report(), session.report().tests[n]))
                continue;
            const TestCase &t = session.report().tests[n];
            const QString gap = mapped(result.gapMap, old.gapId);
            if (session.gapIndex(gap) < 0 || gap == t.gapId)
                continue;
            if (!placed.contains(gap))
                placedOrder.append(gap);
            placed[gap].append(t.id);
        }
        for (const QString &gap : std::as_const(placedOrder))
            session.push(new MoveTestsCommand(&session, placed.value(gap), gap, true));
        QVector<QJsonObject> edits = oldRun.edits;
        matchCreatedGaps(edits, session, result.gapMap);
        QHash<QString, QString> oldTestNames; // a test gone from the run is named as the old run showed it
        for (const TestCase &t : oldRun.triaged.tests)
            oldTestNames.insert(t.id, distinctTestName(t));
        const ReplayResult replay = replayEdits(
            session, rewriteEdits(edits, comparison.newIdForOld, result.gapMap), oldGapTitles(oldRun), oldTestNames);
        result.applied = replay.applied;
        result.appliedChanges = replay.appliedChanges;
        result.notCarried = replay.notApplied;
        result.suggested = suggestNewFailures(session, oldRun, comparison, result.gapMap);
        return result;
    }

} // namespace

CarryOverResult carryOverTriage(
    TriageSession &session, const Report &newImported, const TriagedRun &oldRun, const RunComparison &comparison)
{
    session.load(newImported);
    return carryInto(session, oldRun, comparison);
}

CarriedEdits carryOverEdits(const Report &current, const TriagedRun &oldRun, const RunComparison &comparison)
{
    CarriedEdits out;
    TriageSession session; // scratch: only values leave it
    session.load(current);
    out.result = carryInto(session, oldRun, comparison);
    for (const TriageCommand *edit : session.appliedEdits())
        out.edits.append(edit->toJson());
    out.triaged = session.report();
    return out;
}

QStringList applyCarriedEdits(TriageSession &session, const QVector<QJsonObject> &edits, const QString &text,
    const QHash<QString, QString> &gapTitles)
{
    QStringList notApplied;
    const GapNamer gapName = gapNamer(session, gapTitles, ListedTitleLength);
    const TestNamer testName = testNamer(session);
    if (edits.isEmpty())
        return notApplied;
    QUndoStack *stack = session.undoStack();
    stack->beginMacro(text);
    int pushed = 0;
    for (int i = 0; i < edits.size(); ++i) {
        QString error;
        TriageCommand *command = TriageCommand::fromJson(&session, edits[i], &error);
        if (!command) {
            notApplied.append(QStringLiteral("carried edit %1: %2").arg(i + 1).arg(error));
            continue;
        }
        if (!command->applies()) {
            notApplied.append(
                QStringLiteral("carried edit %1 (%2): %3")
                    .arg(i + 1)
                    .arg(command->describe(gapName), command->missingIn(gapName, testName).join(QLatin1String(", "))));
            delete command;
            continue;
        }
        session.push(command);
        ++pushed;
    }
    stack->endMacro();
    if (pushed == 0) {
        // Nothing applied: leave no empty step on the stack (an obsolete command is dropped when undone).
        const_cast<QUndoCommand *>(stack->command(stack->index() - 1))->setObsolete(true);
        stack->undo();
    }
    return notApplied;
}

} // namespace Gapwise
