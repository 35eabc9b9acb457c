// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharededitlog.h"

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
        return n == 1 ? QObject::tr("1 test") : QObject::tr("%1 tests").arg(n);
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

    class Step
    {
    public:
        Step(const QVector<SharedTriageEdit> &edits, qsizetype begin, qsizetype end, const SharedEditNames &names)
            : m_edits(edits)
            , m_begin(begin)
            , m_end(end)
            , m_names(names)
        {
        }

        QVector<SharedEditLine> lines()
        {
            const QString who = m_edits[m_begin].editor;
            // Gaps deleted and brought back in this step, gaps created in it.
            QSet<QString> deleted, restored, created;
            for (qsizetype i = m_begin; i < m_end; ++i) {
                const SharedTriageEdit &e = m_edits[i];
                if (!isGap(e.item))
                    continue;
                if (e.item.field == QLatin1String("deleted"))
                    (e.newValue.isEmpty() ? restored : deleted).insert(e.item.key);
                else if (e.item.field == QLatin1String("title") && e.version == 1 && !m_names.importedGap(e.item.key))
                    created.insert(e.item.key);
            }
            // Tests moved out of a deleted gap: into another one (a merge) or nowhere (the deletion's); into a
            // restored gap (the deletion's undo); anywhere else, counted per gap they went to.
            QHash<QString, QHash<QString, int>> mergedInto; // deleted gap -> gap -> tests
            QHash<QString, int> unassignedBy; // deleted gap -> tests left unassigned
            QHash<QString, QStringList> movedTo; // gap ("" = Unassigned) -> test ids, in order
            QStringList targets;
            QHash<QString, int> restoredWith;
            for (qsizetype i = m_begin; i < m_end; ++i) {
                const SharedTriageEdit &e = m_edits[i];
                if (isGap(e.item))
                    continue;
                const QString from = old(e);
                if (deleted.contains(from)) {
                    if (e.newValue.isEmpty())
                        ++unassignedBy[from];
                    else
                        ++mergedInto[from][e.newValue];
                } else if (restored.contains(e.newValue)) {
                    ++restoredWith[e.newValue];
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
            for (qsizetype i = m_begin; i < m_end; ++i) {
                const SharedTriageEdit &e = m_edits[i];
                if (!isGap(e.item)) {
                    if (!testsSaid) {
                        testsSaid = true;
                        for (const QString &gap : std::as_const(targets))
                            say(moveSentence(gap, movedTo.value(gap)), int(movedTo.value(gap).size()));
                    }
                    continue;
                }
                const QString &gap = e.item.key;
                const QString &field = e.item.field;
                if (field == QLatin1String("deleted")) {
                    if (e.newValue.isEmpty()) {
                        const int with = restoredWith.value(gap);
                        say(QObject::tr("brought back the gap %1").arg(quoted(title(gap)))
                                + (with > 0 ? QObject::tr(" with its %1").arg(tests(with)) : QString()),
                            1 + with);
                    } else if (const auto into = mergedInto.value(gap); !into.isEmpty()) {
                        for (auto it = into.cbegin(); it != into.cend(); ++it)
                            say(QObject::tr("merged the gap %1 into %2 (%3)")
                                    .arg(quoted(title(gap)), quoted(title(it.key())), tests(it.value())),
                                1 + it.value());
                    } else {
                        const int left = unassignedBy.value(gap);
                        say(QObject::tr("deleted the gap %1").arg(quoted(title(gap)))
                                + (left > 0 ? QObject::tr(", leaving %1 unassigned").arg(tests(left)) : QString()),
                            1 + left);
                    }
                } else if (created.contains(gap)) {
                    if (field == QLatin1String("title"))
                        say(QObject::tr("created the gap %1").arg(quoted(e.newValue)));
                    else if (!isNewGapDefault(field, e.newValue))
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

        QString title(const QString &gapId) const { return m_names.gapTitle(gapId); }

        QString moveSentence(const QString &gap, const QStringList &testIds) const
        {
            const QString where
                = gap.isEmpty() ? QObject::tr("Unassigned") : QObject::tr("the gap %1").arg(quoted(title(gap)));
            if (testIds.size() == 1)
                return QObject::tr("moved the test %1 to %2").arg(m_names.testName(testIds.first()), where);
            return QObject::tr("moved %1 to %2").arg(tests(int(testIds.size())), where);
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
    };

} // namespace

QVector<SharedEditLine> sharedEditLines(const QVector<SharedTriageEdit> &edits, const SharedEditNames &names)
{
    QVector<SharedEditLine> out;
    for (qsizetype begin = 0; begin < edits.size();) {
        qsizetype end = begin + 1;
        while (end < edits.size() && edits[end].editor == edits[begin].editor
            && edits[end].editedAt == edits[begin].editedAt)
            ++end;
        out += Step(edits, begin, end, names).lines();
        begin = end;
    }
    return out;
}

} // namespace Gapwise
