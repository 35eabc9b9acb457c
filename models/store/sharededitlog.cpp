// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharededitlog.h"

#include "counttext.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace Gapwise {
namespace {

    QString quoted(const QString &text)
    {
        return QStringLiteral("\u201c%1\u201d").arg(text);
    }

    QString tests(int n)
    {
        return countText(n, QObject::tr("%1 test"), QObject::tr("%1 tests"), QLocale::c());
    }

    // The first line of a note, at most 60 characters: enough to recognise it.
    QString excerpt(const QString &text)
    {
        QString line = text.section(QLatin1Char('\n'), 0, 0).trimmed();
        if (line.size() > 60 || line.size() < text.trimmed().size())
            line = line.left(60).trimmed() + QStringLiteral("\u2026");
        return line;
    }

    bool isGap(const SharedTriageItem &item)
    {
        return item.kind == QLatin1String("gap");
    }

    // A field's default in a new gap: written when someone creates one, but nothing a person chose.
    bool isNewGapDefault(const QString &field, const QString &value)
    {
        return field == QLatin1String("status") ? value == QLatin1String("open") : value.isEmpty();
    }

    // Each gap's title edits (indices into the log, oldest first): a line names a gap by the title it had then.
    using TitleEdits = QHash<QString, QVector<qsizetype>>;

    class Step
    {
    public:
        Step(const QVector<SharedTriageEdit> &edits, qsizetype begin, qsizetype end, const SharedEditNames &names,
            const TitleEdits &titles)
            : m_edits(edits)
            , m_begin(begin)
            , m_end(end)
            , m_names(names)
            , m_titles(titles)
        {
        }

        QVector<SharedEditLine> lines()
        {
            const QString who = m_edits[m_begin].editor;
            // Gaps deleted and brought back in this step, gaps created in it.
            QSet<QString> deleted, restored;
            for (qsizetype i = m_begin; i < m_end; ++i) {
                const SharedTriageEdit &e = m_edits[i];
                if (isGap(e.item) && e.item.field == QLatin1String("title") && e.version == 1
                    && !m_names.importedGap(e.item.key))
                    m_created.insert(e.item.key);
            }
            for (qsizetype i = m_begin; i < m_end; ++i) {
                const SharedTriageEdit &e = m_edits[i];
                // A new gap's "deleted" is written as "no": part of its creation, nothing brought back.
                if (isGap(e.item) && e.item.field == QLatin1String("deleted")
                    && !(m_created.contains(e.item.key) && e.newValue.isEmpty()))
                    (e.newValue.isEmpty() ? restored : deleted).insert(e.item.key);
            }
            // Tests moved out of a deleted gap: into another one (a merge) or nowhere (the deletion's); into a
            // restored gap (the deletion's undo); anywhere else, counted per gap they went to.
            QHash<QString, QHash<QString, int>> mergedInto; // deleted gap -> gap ("" = Unassigned) -> tests
            QSet<QString> notBack; // deleted gaps with a test that did not go back to where it came from
            QHash<QString, QStringList> movedTo; // gap ("" = Unassigned) -> test ids, in order
            QStringList targets;
            QHash<QString, QStringList> restoredWith; // restored gap -> the test ids it got back
            for (qsizetype i = m_begin; i < m_end; ++i) {
                const SharedTriageEdit &e = m_edits[i];
                if (isGap(e.item))
                    continue;
                const QString from = old(e);
                if (deleted.contains(from)) {
                    ++mergedInto[from][e.newValue];
                    if (!notBack.contains(from) && !wentBack(e, i))
                        notBack.insert(from);
                } else if (restored.contains(e.newValue)) {
                    restoredWith[e.newValue].append(e.item.key);
                } else {
                    if (!movedTo.contains(e.newValue))
                        targets.append(e.newValue);
                    movedTo[e.newValue].append(e.item.key);
                }
            }

            QVector<SharedEditLine> out;
            const auto say = [&](const QString &sentence, int edits = 1) {
                out.append({ who, m_edits[m_begin].editedAt, who + QLatin1Char(' ') + sentence, edits });
            };
            bool testsSaid = false;
            QSet<QString> movesSaid; // targets whose moves have their line (a new gap's at its title)
            for (qsizetype i = m_begin; i < m_end; ++i) {
                const SharedTriageEdit &e = m_edits[i];
                if (!isGap(e.item)) {
                    if (!testsSaid) {
                        testsSaid = true;
                        for (const QString &gap : std::as_const(targets)) {
                            if (!movesSaid.contains(gap))
                                say(moveSentence(gap, movedTo.value(gap)), int(movedTo.value(gap).size()));
                            movesSaid.insert(gap);
                        }
                    }
                    continue;
                }
                const QString &gap = e.item.key;
                const QString &field = e.item.field;
                if (field == QLatin1String("deleted") && !(m_created.contains(gap) && e.newValue.isEmpty())) {
                    const QHash<QString, int> into = mergedInto.value(gap);
                    if (e.newValue.isEmpty()) {
                        const QStringList with = restoredWith.value(gap);
                        if (!with.isEmpty() && deletedByUndoOfCreation(gap)) {
                            // The redo of Move to New Gap: the move again, not a deleted gap brought back.
                            say(moveSentence(gap, with, true), 1 + int(with.size()));
                        } else {
                            say(QObject::tr("brought back the gap %1").arg(quoted(title(gap)))
                                    + (with.isEmpty() ? QString()
                                                      : QObject::tr(" with its %1").arg(tests(int(with.size())))),
                                1 + int(with.size()));
                        }
                    } else if (!into.isEmpty() && !notBack.contains(gap)) {
                        // Undoing "Move to New Gap" (or a merge into where the tests came from) reads as that.
                        for (auto it = into.cbegin(); it != into.cend(); ++it) {
                            say(QObject::tr("removed the gap %1 and moved its %2 back to %3")
                                    .arg(quoted(title(gap)), tests(it.value()), gapName(it.key())),
                                1 + it.value());
                        }
                    } else if (into.size() > into.count(QString())) {
                        for (auto it = into.cbegin(); it != into.cend(); ++it) {
                            if (!it.key().isEmpty())
                                say(QObject::tr("merged the gap %1 into %2 (%3)")
                                        .arg(quoted(title(gap)), quoted(title(it.key())), tests(it.value())),
                                    1 + it.value());
                        }
                    } else {
                        const int left = into.value(QString());
                        say(QObject::tr("deleted the gap %1").arg(quoted(title(gap)))
                                + (left > 0 ? QObject::tr(", leaving %1 unassigned").arg(tests(left)) : QString()),
                            1 + left);
                    }
                } else if (m_created.contains(gap)) {
                    if (field == QLatin1String("title") && movedTo.contains(gap)) {
                        // Move to New Gap: what the engineer did, in one line.
                        if (!movesSaid.contains(gap))
                            say(moveSentence(gap, movedTo.value(gap)), 1 + int(movedTo.value(gap).size()));
                        movesSaid.insert(gap);
                    } else if (field == QLatin1String("title")) {
                        say(QObject::tr("created the gap %1").arg(quoted(e.newValue)));
                    } else if (!isNewGapDefault(field, e.newValue))
                        say(fieldSentence(e, QString()));
                } else {
                    say(fieldSentence(e, old(e)));
                }
            }
            return out;
        }

    private:
        QString old(const SharedTriageEdit &e) const
        {
            return e.version > 1 ? e.oldValue : m_names.importedValue(e.item);
        }

        // The gap's title as of this step: its latest title edit up to the step's end; before its first one,
        // that edit's old value; a gap never renamed through the store as the window names it.
        QString title(const QString &gapId) const
        {
            const QVector<qsizetype> renames = m_titles.value(gapId);
            for (auto it = renames.crbegin(); it != renames.crend(); ++it) {
                if (*it < m_end)
                    return m_edits[*it].newValue;
            }
            if (!renames.isEmpty()) {
                const SharedTriageEdit &first = m_edits[renames.first()];
                QString was = old(first); // not const: returned, so moved
                if (!was.isEmpty())
                    return was;
            }
            return m_names.gapTitle(gapId);
        }

        bool createdInLog(const QString &gapId) const
        {
            const QVector<qsizetype> renames = m_titles.value(gapId);
            return !renames.isEmpty() && m_edits[renames.first()].version == 1 && !m_names.importedGap(gapId);
        }

        // The gap a test was in before the log's latest move of it into `gap`, before index `before`.
        QString cameFrom(const QString &testId, const QString &gap, qsizetype before) const
        {
            for (qsizetype i = before - 1; i >= 0; --i) {
                const SharedTriageEdit &e = m_edits[i];
                if (!isGap(e.item) && e.item.key == testId && e.newValue == gap)
                    return old(e);
            }
            return m_names.importedValue({ QStringLiteral("test"), testId, QStringLiteral("gap") });
        }

        // Whether the test edit `e` (at `at`) took the test out of a gap made in the log back to where it was
        // before it went in: the undo of that gap's creation, not a merge or a deletion.
        bool wentBack(const SharedTriageEdit &e, qsizetype at) const
        {
            const QString from = old(e);
            return createdInLog(from) && cameFrom(e.item.key, from, at) == e.newValue;
        }

        // Whether the gap was made in the log and its latest deletion before this step sent every test of it
        // back where it came from: the undo of Move to New Gap, so bringing it back with them is its redo.
        bool deletedByUndoOfCreation(const QString &gapId) const
        {
            if (!createdInLog(gapId))
                return false;
            qsizetype at = m_begin - 1;
            while (at >= 0
                && !(isGap(m_edits[at].item) && m_edits[at].item.key == gapId
                    && m_edits[at].item.field == QLatin1String("deleted") && !m_edits[at].newValue.isEmpty()))
                --at;
            if (at < 0)
                return false;
            const auto sameStep = [&](qsizetype i) {
                return m_edits[i].editor == m_edits[at].editor && m_edits[i].editedAt == m_edits[at].editedAt;
            };
            qsizetype begin = at;
            while (begin > 0 && sameStep(begin - 1))
                --begin;
            bool moved = false;
            for (qsizetype i = begin; i < m_edits.size() && sameStep(i); ++i) {
                const SharedTriageEdit &e = m_edits[i];
                if (isGap(e.item) || old(e) != gapId)
                    continue;
                if (!wentBack(e, i))
                    return false;
                moved = true;
            }
            return moved;
        }

        QString gapName(const QString &gap) const
        {
            return gap.isEmpty() ? QObject::tr("Unassigned") : quoted(title(gap));
        }

        // `again`: the redo of a Move to New Gap that was undone.
        QString moveSentence(const QString &gap, const QStringList &testIds, bool again = false) const
        {
            const QString where = !gap.isEmpty() && !again && m_created.contains(gap)
                ? QObject::tr("the new gap %1").arg(quoted(title(gap)))
                : gap.isEmpty() ? gapName(gap)
                                : QObject::tr("the gap %1").arg(gapName(gap));
            const QString what = testIds.size() == 1 ? QObject::tr("the test %1").arg(m_names.testName(testIds.first()))
                                                     : tests(int(testIds.size()));
            return again ? QObject::tr("moved %1 to %2 again").arg(what, where)
                         : QObject::tr("moved %1 to %2").arg(what, where);
        }

        QString fieldSentence(const SharedTriageEdit &e, const QString &was) const
        {
            const QString gap = quoted(title(e.item.key));
            const QString &field = e.item.field;
            const QString &now = e.newValue;
            if (field == QLatin1String("title"))
                return QObject::tr("renamed the gap %1 to %2")
                    .arg(quoted(was.isEmpty() ? e.item.key : was), quoted(now));
            if (field == QLatin1String("suggested"))
                return now.isEmpty() ? QObject::tr("accepted the suggested gap %1").arg(gap)
                                     : QObject::tr("made the gap %1 a suggestion again").arg(gap);
            if (field == QLatin1String("owner")) {
                if (now.isEmpty())
                    return QObject::tr("removed %1 as owner of the gap %2").arg(was, gap);
                return was.isEmpty() ? QObject::tr("made %1 the owner of the gap %2").arg(now, gap)
                                     : QObject::tr("made %1 the owner of the gap %2 instead of %3").arg(now, gap, was);
            }
            if (field == QLatin1String("notes"))
                return now.isEmpty()
                    ? QObject::tr("cleared the notes of the gap %1").arg(gap)
                    : QObject::tr("wrote in the notes of the gap %1: %2").arg(gap, quoted(excerpt(now)));
            // priority, status, and any field a later Gapwise shares
            const QString name = field == QLatin1String("priority") ? QObject::tr("priority")
                : field == QLatin1String("status")                  ? QObject::tr("status")
                                                                    : field;
            const QString wasPart = was.isEmpty() || was == now ? QString() : QObject::tr(" (was %1)").arg(was);
            if (now.isEmpty())
                return QObject::tr("cleared the %1 of the gap %2").arg(name, gap) + wasPart;
            return QObject::tr("set the %1 of the gap %2 to %3").arg(name, gap, now) + wasPart;
        }

        const QVector<SharedTriageEdit> &m_edits;
        qsizetype m_begin, m_end;
        const SharedEditNames &m_names;
        const TitleEdits &m_titles;
        QSet<QString> m_created; // gaps created in this step (lines() fills it)
    };

} // namespace

QVector<SharedEditLine> sharedEditLines(
    const QVector<SharedTriageEdit> &edits, const SharedEditNames &names, qsizetype from)
{
    TitleEdits titles;
    for (qsizetype i = 0; i < edits.size(); ++i) {
        if (isGap(edits[i].item) && edits[i].item.field == QLatin1String("title"))
            titles[edits[i].item.key].append(i);
    }
    QVector<SharedEditLine> out;
    for (qsizetype begin = qBound(qsizetype(0), from, edits.size()); begin < edits.size();) {
        qsizetype end = begin + 1;
        while (end < edits.size() && edits[end].editor == edits[begin].editor
            && edits[end].editedAt == edits[begin].editedAt)
            ++end;
        out += Step(edits, begin, end, names, titles).lines();
        begin = end;
    }
    return out;
}

} // namespace Gapwise
