// SPDX-License-Identifier: GPL-3.0-or-later
#include "planpdfcontent.h"

#include "comparisondigest.h"
#include "counttext.h"
#include "displaytext.h"
#include "grouplabels.h"
#include "pdfpagelayout.h"
#include "planchart.h"
#include "ratetext.h"
#include "remediationplan.h"
#include "testdisplayname.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QSet>

using namespace Gapwise;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PlanPdf", text);
}

QFont font(qreal points, bool bold = false, bool mono = false)
{
    QFont f(mono ? QStringLiteral("DejaVu Sans Mono") : QStringLiteral("DejaVu Sans"));
    if (mono)
        f.setStyleHint(QFont::Monospace);
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

const QColor Grey(0x55, 0x55, 0x55);

// Every number in the plan is written one way, its digits grouped as the charts' axes group theirs ("1,236").
QString count(qint64 n)
{
    return n < 0 ? QStringLiteral("—") : QLocale().toString(n);
}

QString rate(double r)
{
    return r < 0 ? QStringLiteral("—") : percentText(r);
}

// "76.2% (16 of 21)": the rate and what it is of.
QString rateOf(const PlanPhase &p)
{
    return p.failureRate < 0 ? rate(p.failureRate) : phaseRateText(p, QLocale());
}

QString gapHeading(const Gap &gap)
{
    const QString prio = priorityName(gap.priority);
    return prio.isEmpty() ? gap.title : prio + QStringLiteral(" · ") + gap.title;
}

void heading(PdfPageLayout &layout, const QString &text, qreal points, qreal spaceBefore)
{
    layout.space(spaceBefore);
    const QFont f = font(points, true);
    layout.keepWithNext(layout.lineHeight(f) + layout.lineHeight(font(9)) * 3); // never alone at a page's foot
    layout.text(text, f);
    layout.space(2);
}

void titleBlock(PdfPageLayout &layout, const RemediationPlan &plan)
{
    layout.text(planTitle(plan), font(18, true));
    layout.space(4);
    const QFont body = font(9.5);
    if (!plan.run.date.isEmpty())
        layout.text(tr("Report date: ") + plan.run.date, body);
    if (!plan.run.environment.isEmpty())
        layout.text(tr("Environment: ") + plan.run.environment, body);
    if (!plan.run.unreadFiles.isEmpty())
        layout.text(unreadFilesText(plan.run.unreadFiles), body);
    if (!plan.run.sourceFile.isEmpty())
        layout.text(tr("Source: ") + plan.run.sourceFile, body, 0, Grey);
    layout.text(tr("Exported: ") + QLocale().toString(plan.exportedAt, QLocale::LongFormat), body);
}

// At most `limit` of `items` (each written by `line`), then "… and N more" with `more` explaining where they are.
template <typename T, typename Line>
void bounded(PdfPageLayout &layout, const QVector<T> &items, int limit, const QString &more, Line line)
{
    for (int i = 0; i < items.size() && i < limit; ++i)
        line(items[i]);
    if (items.size() > limit)
        layout.text(tr("… and %1 more%2").arg(count(items.size() - limit), more), font(8.5), layout.pt(8), Grey);
}

void summary(PdfPageLayout &layout, const RemediationPlan &plan)
{
    const QFont body = font(9.5);
    heading(layout, tr("Phases"), 12, 10);
    const qreal w = layout.content().width();
    const QVector<qreal> columns = { 0, w * 0.30, w * 0.40, w * 0.50, w * 0.59, w * 0.68, w * 0.79 };
    layout.row(
        { tr("Phase"), tr("Total"), tr("Passed"), tr("Failed"), tr("Errors"), tr("Skipped"), tr("Failure rate") },
        columns, font(9, true), true);
    layout.rule();
    // A phase's stated outcome ("CRITICAL FAILURE BLOCKING CHECKOUT") on the line below its name, smaller
    // and grey, in the name's column: the counts stay one row, and the name reads as the report wrote it.
    const QFont outcomeFont = font(8);
    const QVector<qreal> outcomeColumns = { layout.pt(8), columns[1] };
    for (const PlanPhase &p : plan.phases) {
        if (!p.phase.outcome.isEmpty()) // the phase and its outcome on one page
            layout.keepWithNext(layout.lineHeight(font(9)) * PdfPageLayout::MaxCellLines
                + layout.lineHeight(outcomeFont) * PdfPageLayout::MaxCellLines);
        layout.row({ p.phase.name, count(p.total), count(p.passed), count(p.failed), count(p.errors), count(p.skipped),
                       rateOf(p) },
            columns, font(9), true);
        if (!p.phase.outcome.isEmpty()) {
            layout.row({ p.phase.outcome }, outcomeColumns, outcomeFont, false, Grey);
            layout.space(3); // it belongs to the row above, not the next
        }
    }
    layout.rule();
    // The tree counts the tests the report names; the rate is of the results it states: say which.
    if (!plan.phases.isEmpty())
        layout.text(failureRateBasisText(), font(8), 0, Grey);
    for (const QString &note : plan.countNotes)
        layout.text(note, font(8), 0, Grey);
    layout.space(4);
    layout.text(planSummaryLine(plan, QLocale()), body);
    if (!plan.run.diagnostics.isEmpty()) {
        // Where the report's own numbers disagree: the window's Import diagnostics pane.
        heading(layout, tr("Import notes"), 12, 10);
        bounded(layout, plan.run.diagnostics, 20, tr(", in the Markdown and JSON plans"),
            [&](const Diagnostic &d) { layout.text(QStringLiteral("• ") + importNoteText(d), font(9), layout.pt(8)); });
    }

    heading(layout, tr("What the triage changed"), 12, 10);
    if (!plan.changes.any())
        layout.text(tr("Nothing: the plan is the report as imported."), body);
    for (const QString &line : changeLines(plan.changes))
        layout.text(line, body);
}

void chart(PdfPageLayout &layout, const PlanChart &chart)
{
    if (chart.size.isEmpty())
        return;
    layout.space(10);
    const qreal width = layout.content().width();
    qreal height = width * chart.size.height() / chart.size.width();
    qreal scaledWidth = width;
    if (height > layout.content().height() * 0.9) { // a very tall gap chart: shrink to fit a page
        scaledWidth = width * layout.content().height() * 0.9 / height;
        height = layout.content().height() * 0.9;
    }
    layout.picture(chart.picture, chart.size, QSizeF(scaledWidth, height));
    if (!chart.note.isEmpty())
        layout.text(chart.note, font(8), 0, Grey);
}

// The failing tests per group that changed, as a table: title, last run, this run, change.
void deltaTable(PdfPageLayout &layout, const QString &label, const QVector<GroupDelta> &groups)
{
    QVector<GroupDelta> changed;
    for (const GroupDelta &g : groups) {
        if (g.delta() != 0)
            changed.append(g);
    }
    if (changed.isEmpty())
        return;
    const qreal w = layout.content().width();
    const QVector<qreal> columns = { 0, w * 0.64, w * 0.76, w * 0.88 };
    layout.space(6);
    layout.keepWithNext(layout.lineHeight(font(9)) * 3);
    layout.row({ label, tr("Last run"), tr("This run"), tr("Change") }, columns, font(9, true), true);
    layout.rule();
    bounded(layout, changed, 12, QString(), [&](const GroupDelta &g) {
        layout.row({ g.title, count(g.oldFailing), count(g.newFailing), deltaText(g.delta(), QLocale()) }, columns,
            font(9), true);
    });
}

// "Since last run": on the first page, what a reader of a rerun looks for first. Bounded so that it stays
// there; the plan's pages mark every new failure, and the other exports list every change.
void sinceLastRun(PdfPageLayout &layout, const ComparisonDigest &d, const PlanChart &comparisonChart)
{
    heading(layout, tr("Since last run"), 12, 10);
    layout.text(tr("Compared with ") + oldSideText(d), font(9.5), 0, Grey);
    layout.space(2);
    layout.text(changeCountLines(d).join(QStringLiteral(" · ")), font(10, true));
    deltaTable(layout, tr("Failing tests per gap"), d.gaps);
    deltaTable(layout, tr("Failing tests per phase"), d.phases);
    const auto unchanged = [](const QVector<GroupDelta> &groups) {
        return std::all_of(groups.cbegin(), groups.cend(), [](const GroupDelta &g) { return g.delta() == 0; });
    };
    if (unchanged(d.gaps) && unchanged(d.phases))
        layout.text(tr("Every gap and every phase has as many failing tests as in the last run."), font(9.5));

    QVector<ChangedTest> newFailures;
    for (const ChangedTest &t : d.tests) {
        if (t.change == ChangeClass::NewFailure)
            newFailures.append(t);
    }
    if (!newFailures.isEmpty()) {
        // By gap, in the order the gaps first appear: each name stays on one line and the gap says why.
        QHash<QString, int> rank, perGap;
        for (const ChangedTest &t : qAsConst(newFailures)) {
            if (perGap[t.gap]++ == 0)
                rank.insert(t.gap, int(rank.size()));
        }
        std::stable_sort(newFailures.begin(), newFailures.end(),
            [&](const ChangedTest &a, const ChangedTest &b) { return rank.value(a.gap) < rank.value(b.gap); });
        heading(layout, tr("New failures (%1)").arg(count(newFailures.size())), 10, 6);
        const QString *shownGap = nullptr;
        bounded(layout, newFailures, 20, tr(", marked “new” in the plan"), [&](const ChangedTest &t) {
            if (!shownGap || *shownGap != t.gap) {
                layout.keepWithNext(layout.lineHeight(font(9)) * 2);
                layout.text(
                    QStringLiteral("%1 (%2)").arg(t.gap, count(perGap.value(t.gap))), font(9), layout.pt(8), Grey);
                shownGap = &t.gap;
            }
            layout.text(onOneLine(t.name), font(8.5, false, true), layout.pt(20));
        });
    }
    QVector<ChangedTest> known;
    for (const ChangedTest &t : d.tests) {
        if (t.change == ChangeClass::KnownFailure)
            known.append(t);
    }
    if (!known.isEmpty()) {
        // Failures a person expects: in a gap marked as a known issue, with the tracker that follows it.
        heading(layout, tr("Known failures (%1)").arg(count(known.size())), 10, 6);
        bounded(layout, known, 12, QString(), [&](const ChangedTest &t) {
            layout.text(QStringLiteral("%1 — %2 (%3)").arg(onOneLine(t.name), t.gap, t.knownIssue),
                font(8.5, false, true), layout.pt(8));
        });
    }
    if (d.carriedEdits > 0 || !d.notCarried.isEmpty() || !d.suggested.isEmpty()) {
        heading(layout, tr("Triage of the last run"), 10, 6);
        const QFont body = font(9);
        QString carried = countText(d.carriedChanges, tr("%1 change carried over"), tr("%1 changes carried over"))
            + QStringLiteral(", ") + tr("%1 not carried").arg(count(d.notCarried.size()));
        if (!d.suggested.isEmpty())
            carried += QStringLiteral(", ")
                + countText(d.suggested.size(), tr("%1 new failure suggested into an existing gap"),
                    tr("%1 new failures suggested into existing gaps"));
        layout.text(carried, body);
        bounded(layout, d.notCarried, 8, QString(),
            [&](const QString &line) { layout.text(QStringLiteral("• ") + line, body, layout.pt(8), Grey); });
    }
    chart(layout, comparisonChart);
}

// A test's name and its status ("  [failed]") on as few lines as the width allows, the status always on the name's
// last line: a long pytest node id breaks after a "/" or before a "::", never between the name and its status
// (QA: "[failed]" on a line of its own under "tests/e2e/staging/…"). A part longer than a line is cut anywhere.
QStringList testNameLines(
    PdfPageLayout &layout, const QString &name, const QString &status, const QFont &font, qreal indent)
{
    const qreal first = layout.content().width() - indent;
    if (layout.textWidth(name + status, font) <= first)
        return { name + status };
    // The name's parts: "tests/", "e2e/", "staging/", "test_x.py", "::TestX", "::test_y".
    QStringList parts;
    int start = 0;
    for (int i = 0; i < name.size(); ++i) {
        const bool afterSlash = name[i] == QLatin1Char('/') || name[i] == QLatin1Char('\\');
        const bool beforeColons = i > start && name.mid(i, 2) == QLatin1String("::");
        if (beforeColons) {
            parts << name.mid(start, i - start);
            start = i;
        } else if (afterSlash) {
            parts << name.mid(start, i + 1 - start);
            start = i + 1;
        }
    }
    if (start < name.size())
        parts << name.mid(start);
    const qreal next = first - layout.pt(6); // the next lines are indented under the first
    QStringList lines;
    QString line;
    for (int i = 0; i < parts.size(); ++i) {
        const QString tail = i + 1 == parts.size() ? status : QString();
        const qreal width = lines.isEmpty() ? first : next;
        if (!line.isEmpty() && layout.textWidth(line + parts[i] + tail, font) > width) {
            lines << line;
            line.clear();
        }
        QString part = parts[i];
        // A part wider than a whole line: cut at the line's width, keeping the status with what is left.
        while (layout.textWidth(part + tail, font) > (lines.isEmpty() ? first : next) && part.size() > 1) {
            int fit = int(part.size()) - 1;
            while (fit > 1 && layout.textWidth(part.left(fit), font) > (lines.isEmpty() ? first : next))
                --fit;
            if (!tail.isEmpty() && layout.textWidth(part, font) <= (lines.isEmpty() ? first : next))
                fit = qMax(1, fit - int(tail.size())); // the status goes with a piece of the name, not alone
            lines << part.left(fit);
            part.remove(0, fit);
        }
        line += part + tail;
    }
    if (!line.isEmpty())
        lines << line;
    return lines;
}

// `newFailures`: ids of tests that did not fail in the compared last run, marked "new".
void testGroups(PdfPageLayout &layout, const QVector<PlanTestGroup> &groups, const QString &section,
    const QSet<QString> &newFailures)
{
    const QFont name = font(8.5, false, true);
    const QFont message = font(8);
    for (const PlanTestGroup &group : groups) {
        const QString phase = group.phaseName.isEmpty() ? noPhaseGroupTitle() : group.phaseName;
        heading(layout, tr("%1 — %2 failing").arg(phase, count(group.tests.size())), 10, 4);
        layout.setContinuation(section + QStringLiteral(" — ") + phase, font(9, true));
        for (const TestCase &t : group.tests) {
            const QString mark = newFailures.contains(t.id) ? tr(", new") : QString();
            const QStringList lines = testNameLines(layout, onOneLine(distinctTestName(t)),
                QStringLiteral("  [") + statusName(t.status) + mark + QLatin1Char(']'), name, layout.pt(8));
            layout.keepWithNext(layout.lineHeight(name) * (lines.size() + 1));
            for (int i = 0; i < lines.size(); ++i)
                layout.text(lines[i], name, layout.pt(i == 0 ? 8 : 14));
            if (!t.message.isEmpty())
                layout.text(t.message, message, layout.pt(20), Grey);
            layout.space(1.5); // sets each test apart from the next
        }
        layout.setContinuation(QString(), QFont());
    }
}

void gapSection(PdfPageLayout &layout, const PlanGap &pg, const QSet<QString> &newFailures)
{
    const Gap &g = pg.gap;
    const QString title = gapHeading(g);
    heading(layout, title, 13, 14);
    const QFont body = font(9.5);
    QStringList meta;
    if (g.suggested)
        meta << tr("Suggested by Gapwise, not accepted yet");
    meta << tr("Priority: %1").arg(priorityName(g.priority).isEmpty() ? tr("none") : priorityName(g.priority));
    meta << tr("Owner: %1").arg(g.owner.isEmpty() ? tr("unassigned") : g.owner);
    meta << tr("Status: %1").arg(gapStatusName(g.status));
    meta << countText(pg.failures, tr("%1 failing test"), tr("%1 failing tests"));
    layout.text(meta.join(QStringLiteral(" · ")), body, 0, Grey);
    layout.setContinuation(title, font(9, true));
    if (!g.notes.isEmpty())
        layout.text(tr("Notes: ") + g.notes, body);
    if (!g.evidence.isEmpty()) {
        heading(layout, tr("Evidence"), 10, 4);
        for (const QString &e : g.evidence)
            layout.text(QStringLiteral("• ") + e, body, layout.pt(8));
    }
    if (!pg.remediation.isEmpty()) {
        heading(layout, tr("Remediation"), 10, 4);
        for (const RemediationItem &item : pg.remediation) {
            const QString prio = priorityName(item.priority);
            layout.text(QStringLiteral("• ")
                    + (prio.isEmpty() ? QString() : QLatin1Char('[') + prio + QStringLiteral("] ")) + item.title,
                font(9.5, true), layout.pt(8));
            if (!item.details.isEmpty())
                layout.text(item.details, body, layout.pt(20));
        }
    }
    if (!pg.actions.isEmpty()) {
        heading(layout, tr("Recommended actions"), 10, 4);
        for (const RecommendedAction &a : pg.actions) {
            layout.text(
                QStringLiteral("• ") + (a.horizon.isEmpty() ? QString() : a.horizon + QStringLiteral(": ")) + a.title,
                body, layout.pt(8));
            for (const QString &step : a.steps)
                layout.text(QStringLiteral("– ") + step, body, layout.pt(20));
        }
    }
    testGroups(layout, pg.testsByPhase, title, newFailures);
    layout.setContinuation(QString(), QFont());
}

void historyTests(PdfPageLayout &layout, const QString &title, const QVector<PlanHistoryTest> &tests, bool since)
{
    heading(layout, tr("%1 (%2)").arg(title, count(tests.size())), 11, 10);
    if (tests.isEmpty()) {
        layout.text(tr("None."), font(9.5), layout.pt(8));
        return;
    }
    bounded(layout, tests, 25, QString(), [&](const PlanHistoryTest &t) {
        layout.keepWithNext(layout.lineHeight(font(9)) * 2);
        layout.text(onOneLine(t.name), font(8.5, false, true), layout.pt(8));
        QString line = QStringLiteral("|%1|  %2").arg(t.strip, t.numbers);
        if (since && !t.failingSince.isEmpty())
            line += tr(", failing since %1").arg(t.failingSince);
        if (t.newFailure)
            line += t.knownIssue.isEmpty() ? tr(", new") : tr(", known (%1)").arg(t.knownIssue);
        layout.text(line, font(8.5, false, true), layout.pt(20), Grey);
    });
}

// The history store's view of the last runs: new failures, flaky tests, regressions with "failing since",
// tests that failed whenever they ran, and each gap's failures per run.
void historySection(PdfPageLayout &layout, const PlanHistory &h)
{
    layout.newPage();
    layout.text(tr("History"), font(16, true));
    if (h.runs == 0) {
        layout.text(tr("The history store %1 holds no runs.").arg(h.store), font(9.5));
        return;
    }
    layout.text(tr("The last %1 in %2, %3 to %4 (oldest left; . pass, F fail, s skipped or expected, "
                   "blank absent).")
                    .arg(countText(h.runs, tr("%1 run"), tr("%1 runs")), h.store, h.firstRun, h.lastRun),
        font(9.5), 0, Grey);
    layout.space(4);
    layout.text(tr("New failures in %1: %2 (%3 of them in known issues)")
                    .arg(h.lastRun, count(h.newFailures), count(h.knownFailures)),
        font(10, true));
    layout.text(tr("Flaky: %1 · Regressions: %2 · Failed whenever run: %3")
                    .arg(count(h.flaky.size()), count(h.regressions.size()), count(h.failing.size())),
        font(10));
    layout.text(tr("Rule: ") + h.rule, font(8.5), 0, Grey);
    historyTests(layout, tr("Flaky tests"), h.flaky, false);
    historyTests(layout, tr("Regressions"), h.regressions, true);
    historyTests(layout, tr("Failed whenever run"), h.failing, true);
    heading(layout, tr("Failures per gap per run (oldest first)"), 11, 10);
    if (h.gaps.isEmpty())
        layout.text(tr("No gaps in these runs."), font(9.5), layout.pt(8));
    bounded(layout, h.gaps, 30, QString(), [&](const PlanHistoryGap &g) {
        QStringList counts;
        for (int f : g.failures)
            counts << count(f);
        layout.keepWithNext(layout.lineHeight(font(9)) * 2);
        layout.text(
            g.tracker.isEmpty() ? g.title : tr("%1 — known issue %2").arg(g.title, g.tracker), font(9.5), layout.pt(8));
        layout.text(counts.join(QLatin1Char(' ')), font(8.5, false, true), layout.pt(20), Grey);
    });
}

} // namespace

void layOutPlan(PdfPageLayout &layout, const RemediationPlan &plan, const PlanCharts &charts)
{
    titleBlock(layout, plan);
    if (plan.comparison)
        sinceLastRun(layout, *plan.comparison, charts.comparison);
    summary(layout, plan);
    chart(layout, charts.phases);
    chart(layout, charts.gaps);

    QSet<QString> newFailures;
    if (plan.comparison) {
        for (const ChangedTest &t : plan.comparison->tests) {
            if (t.change == ChangeClass::NewFailure)
                newFailures.insert(t.id);
        }
    }
    layout.newPage();
    layout.text(tr("Remediation plan by priority"), font(16, true));
    // A report that names no failing test and no action left this page blank under its heading.
    if (plan.gaps.isEmpty() && plan.unassigned.isEmpty() && plan.otherRemediation.isEmpty())
        layout.text(tr("Nothing to remediate: the report names no failing test and no remediation item."), font(9.5),
            layout.pt(8));
    for (const PlanGap &gap : plan.gaps)
        gapSection(layout, gap, newFailures);

    if (!plan.unassigned.isEmpty()) {
        heading(layout, tr("Unassigned failures (%1)").arg(count(plan.unassignedFailures)), 13, 14);
        testGroups(layout, plan.unassigned, tr("Unassigned failures"), newFailures);
    }
    if (!plan.otherRemediation.isEmpty()) {
        // The plan's last block. Its last lines never stand alone on a page (QA: r1099's last page held two): a
        // short block goes to a new page whole, a long one takes its last three items there together.
        const QVector<RemediationItem> &items = plan.otherRemediation;
        constexpr int ShortBlock = 8;
        constexpr int KeptTogether = 3;
        const auto height = [&](int from) {
            int lines = 0;
            for (int i = from; i < items.size(); ++i)
                lines += items[i].details.isEmpty() ? 1 : 2;
            return layout.lineHeight(font(9.5)) * lines;
        };
        const QString title = tr("Remediation items linked to no gap");
        if (items.size() <= ShortBlock)
            layout.keepWithNext(layout.pt(16) + layout.lineHeight(font(13, true)) + height(0));
        heading(layout, title, 13, 14);
        layout.setContinuation(title, font(9, true));
        for (int i = 0; i < items.size(); ++i) {
            const RemediationItem &item = items[i];
            if (items.size() > ShortBlock && i == items.size() - KeptTogether)
                layout.keepWithNext(height(i));
            const QString prio = priorityName(item.priority);
            layout.text(QStringLiteral("• ")
                    + (prio.isEmpty() ? QString() : QLatin1Char('[') + prio + QStringLiteral("] ")) + item.title,
                font(9.5, true), layout.pt(8));
            if (!item.details.isEmpty())
                layout.text(item.details, font(9.5), layout.pt(20));
        }
        layout.setContinuation(QString(), QFont());
    }
    if (plan.history)
        historySection(layout, *plan.history);
}

QString planTitle(const RemediationPlan &plan)
{
    return plan.run.title.isEmpty() ? tr("Remediation plan") : plan.run.title;
}
