// SPDX-License-Identifier: GPL-3.0-or-later
#include "triagechanges.h"

#include "counttext.h"
#include "triagesession.h"

#include <QJsonArray>
#include <QSet>

#include <functional>

namespace Gapwise {
namespace {

    QString str(const QJsonObject &o, const char *key)
    {
        return o.value(QLatin1String(key)).toString();
    }

    struct GapFate
    {
        QString title; // as it is now (renames applied)
        bool fromReport = false;
        bool removed = false;
        QString mergedInto; // empty for a deletion
        QString original = {}; // the title it came with (a kept gap's, to tell its rename)
        QHash<QString, QString> fields = {}; // priority, status, owner, notes as the edits last set them
    };

    // The fields "Edited:" speaks of, in the order it names them, with their values as edits write them.
    constexpr const char *EditedFields[] = { "priority", "status", "owner", "notes" };

    QString fieldOf(const Gap &gap, const QString &field)
    {
        if (field == QLatin1String("priority"))
            return priorityName(gap.priority);
        if (field == QLatin1String("status"))
            return gapStatusName(gap.status);
        return field == QLatin1String("owner") ? gap.owner : gap.notes;
    }

    // "priority P0 → P2", "owner Zoë Müller", "notes edited": one field's net change, empty when there is none.
    QString fieldChange(const QString &field, const QString &before, const QString &after)
    {
        if (field == QLatin1String("priority")) {
            const QString from = priorityName(priorityFromText(before)), to = priorityName(priorityFromText(after));
            if (from == to)
                return {};
            return QStringLiteral("priority %1 → %2")
                .arg(from.isEmpty() ? QStringLiteral("none") : from, to.isEmpty() ? QStringLiteral("none") : to);
        }
        if (after == before)
            return {};
        if (field == QLatin1String("status"))
            return QStringLiteral("status %1 → %2").arg(before, after);
        if (field == QLatin1String("owner"))
            return after.isEmpty() ? QStringLiteral("owner %1 removed").arg(before)
                                   : QStringLiteral("owner %1").arg(after);
        return before.isEmpty() ? QStringLiteral("notes added")
                                : (after.isEmpty() ? QStringLiteral("notes removed") : QStringLiteral("notes edited"));
    }

} // namespace

bool TriageChanges::any() const
{
    return movedTests > 0 || !createdGaps.isEmpty() || !keptGaps.isEmpty() || !mergedGaps.isEmpty()
        || !deletedGaps.isEmpty() || !renamedGaps.isEmpty() || !editedGaps.isEmpty();
}

namespace {

    // Counts the tests moved by hand that are in another gap now than as imported.
    using CountMoved = std::function<int(const QSet<QString> &movedByHand)>;

    TriageSummary summarize(const Report &imported, const QVector<QJsonObject> &edits, const CountMoved &countMoved)
    {
        QHash<QString, GapFate> gaps;
        QStringList created; // in creation order
        QStringList kept; // gaps of the earlier run kept when runs were compared, in order
        for (const Gap &g : imported.gaps)
            gaps.insert(g.id, { g.title, true, false, {} });
        QSet<QString> movedByHand;
        for (const QJsonObject &edit : edits) {
            const QString kind = str(edit, "edit");
            if (kind == QLatin1String("move")) {
                if (edit.value(QStringLiteral("suggested")).toBool())
                    continue; // Gapwise's proposal (runs compared), not the engineer's hand
                for (const auto &t : edit.value(QStringLiteral("tests")).toArray())
                    movedByHand.insert(t.toString());
            } else if (kind == QLatin1String("create")) {
                const QString id = str(edit, "id");
                gaps.insert(id, { str(edit, "title"), false, false, {}, str(edit, "title") });
                (edit.value(QStringLiteral("kept")).toBool() ? kept : created).append(id);
            } else if (kind == QLatin1String("set") && gaps.contains(str(edit, "gap"))) {
                GapFate &fate = gaps[str(edit, "gap")];
                if (str(edit, "field") == QLatin1String("title"))
                    fate.title = str(edit, "value");
                else
                    fate.fields.insert(str(edit, "field"), str(edit, "value"));
            } else if (kind == QLatin1String("merge") || kind == QLatin1String("delete")) {
                if (!gaps.contains(str(edit, "gap")))
                    continue;
                GapFate &fate = gaps[str(edit, "gap")];
                fate.removed = true;
                fate.mergedInto = kind == QLatin1String("merge") ? str(edit, "into") : QString();
            }
        }

        TriageSummary summary;
        TriageChanges &c = summary.changes;
        c.movedTests = movedByHand.isEmpty() ? 0 : countMoved(movedByHand);
        for (const Gap &g : imported.gaps) {
            const GapFate &fate = gaps[g.id];
            if (!fate.removed) {
                if (fate.title != g.title)
                    c.renamedGaps.append(g.title + QStringLiteral(" → ") + fate.title);
                QStringList edited;
                for (const char *name : EditedFields) {
                    const QString field = QLatin1String(name);
                    const QString before = fieldOf(g, field);
                    const QString change = fieldChange(field, before, fate.fields.value(field, before));
                    if (!change.isEmpty())
                        edited << change;
                }
                if (!edited.isEmpty())
                    c.editedGaps.append(fate.title + QStringLiteral(": ") + edited.join(QLatin1String(", ")));
                continue;
            }
            if (fate.mergedInto.isEmpty()) {
                c.deletedGaps.append(g.title);
                continue;
            }
            // Follow merges of merges to the gap that holds the tests now (bounded: ids never repeat in a chain).
            QString target = fate.mergedInto;
            for (int hops = 0;
                 hops < gaps.size() && gaps.value(target).removed && !gaps.value(target).mergedInto.isEmpty(); ++hops)
                target = gaps.value(target).mergedInto;
            c.mergedGaps.append(g.title + QStringLiteral(" → ") + gaps.value(target).title);
            if (!gaps.value(target).removed)
                summary.mergedInto.insert(g.id, target);
        }
        for (const QString &id : std::as_const(created)) {
            if (!gaps.value(id).removed)
                c.createdGaps.append(gaps.value(id).title);
        }
        for (const QString &id : std::as_const(kept)) {
            const GapFate &fate = gaps[id];
            if (fate.removed)
                continue;
            c.keptGaps.append(fate.title);
            if (fate.title != fate.original)
                c.renamedGaps.append(fate.original + QStringLiteral(" → ") + fate.title);
        }
        return summary;
    }

} // namespace

TriageSummary summarizeEdits(const Report &imported, const Report &triaged, const QVector<QJsonObject> &edits)
{
    return summarize(imported, edits, [&](const QSet<QString> &movedByHand) {
        QHash<QString, QString> importedGapOf;
        for (const TestCase &t : imported.tests)
            importedGapOf.insert(t.id, t.gapId);
        int moved = 0;
        for (const TestCase &t : triaged.tests) {
            const auto before = importedGapOf.constFind(t.id);
            if (movedByHand.contains(t.id) && before != importedGapOf.cend() && *before != t.gapId)
                ++moved;
        }
        return moved;
    });
}

TriageSummary summarizeEdits(const TriageSession &session)
{
    // The session's tests keep their indices through triage, so only the moved ones are looked at: the
    // window asks after every edit, and a million-test report must not be walked each time.
    const Report &imported = session.imported();
    const Report &now = session.report();
    return summarize(imported, editsInForce(session), [&](const QSet<QString> &movedByHand) {
        int moved = 0;
        for (const QString &id : movedByHand) {
            const int i = session.testIndex(id);
            if (i >= 0 && imported.tests[i].gapId != now.tests[i].gapId)
                ++moved;
        }
        return moved;
    });
}

QStringList changeLines(const TriageChanges &changes)
{
    QStringList lines;
    if (changes.movedTests == 1)
        lines << QStringLiteral("1 test moved to another gap");
    else if (changes.movedTests > 1)
        lines << QStringLiteral("%1 tests moved to another gap").arg(changes.movedTests);
    const struct
    {
        QLatin1String label;
        const QStringList &names;
    } lists[] = { { QLatin1String("Created gap: "), changes.createdGaps },
        { QLatin1String("Kept from the earlier run: "), changes.keptGaps },
        { QLatin1String("Merged: "), changes.mergedGaps }, { QLatin1String("Renamed: "), changes.renamedGaps },
        { QLatin1String("Edited: "), changes.editedGaps }, { QLatin1String("Deleted gap: "), changes.deletedGaps } };
    for (const auto &list : lists) {
        for (const QString &name : list.names)
            lines << list.label + name;
    }
    return lines;
}

QString changeCountsText(const TriageChanges &changes)
{
    QStringList parts;
    const auto add = [&](int n, const char *one, const char *many) {
        if (n > 0)
            parts << countText(n, QStringLiteral("%1 ") + QLatin1String(one),
                QStringLiteral("%1 ") + QLatin1String(many), QLocale::c());
    };
    add(changes.movedTests, "test moved", "tests moved");
    add(int(changes.createdGaps.size()), "gap created", "gaps created");
    add(int(changes.keptGaps.size()), "gap kept from the earlier run", "gaps kept from the earlier run");
    add(int(changes.mergedGaps.size()), "gap merged", "gaps merged");
    add(int(changes.renamedGaps.size()), "gap renamed", "gaps renamed");
    add(int(changes.editedGaps.size()), "gap edited", "gaps edited");
    add(int(changes.deletedGaps.size()), "gap deleted", "gaps deleted");
    return parts.join(QStringLiteral(" · "));
}

QVector<QJsonObject> editsInForce(const TriageSession &session)
{
    QVector<QJsonObject> edits;
    for (const TriageCommand *edit : session.appliedEdits())
        edits.append(edit->toJson());
    return edits;
}

} // namespace Gapwise
