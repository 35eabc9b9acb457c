#include "planpdfcontent.h"

#include "pdfpagelayout.h"
#include "plancharts.h"
#include "remediationplan.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Gapwise;

namespace {

QString tr(const char *text) { return QCoreApplication::translate("PlanPdf", text); }

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

QString count(int n) { return n < 0 ? QStringLiteral("—") : QString::number(n); }

QString rate(double r) { return r < 0 ? QStringLiteral("—") : QStringLiteral("%1%").arg(r * 100, 0, 'f', 1); }

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

void summary(PdfPageLayout &layout, const RemediationPlan &plan)
{
    layout.text(plan.title.isEmpty() ? tr("Remediation plan") : plan.title, font(18, true));
    layout.space(4);
    const QFont body = font(9.5);
    if (!plan.date.isEmpty())
        layout.text(tr("Report date: ") + plan.date, body);
    if (!plan.environment.isEmpty())
        layout.text(tr("Environment: ") + plan.environment, body);
    if (!plan.sourceFile.isEmpty())
        layout.text(tr("Source: ") + plan.sourceFile, body, 0, Grey);
    layout.text(tr("Exported: ") + QLocale().toString(plan.exportedAt, QLocale::LongFormat), body);

    heading(layout, tr("Phases"), 12, 10);
    const qreal w = layout.content().width();
    const QVector<qreal> columns = {0, w * 0.40, w * 0.50, w * 0.60, w * 0.70, w * 0.80, w * 0.90};
    layout.row({tr("Phase"), tr("Total"), tr("Passed"), tr("Failed"), tr("Errors"), tr("Skipped"), tr("Failing")},
               columns, font(9, true), true);
    layout.rule();
    for (const PlanPhase &p : plan.phases) {
        layout.row({p.phase.name, count(p.phase.total), count(p.phase.passed), count(p.phase.failed),
                    count(p.phase.errors), count(p.phase.skipped), rate(p.failureRate)},
                   columns, font(9), true);
    }
    layout.rule();
    layout.space(4);
    const auto count = [](int n, const char *one, const char *many) -> QString { // QString, not a dangling QStringBuilder
        return QString::number(n) + QLatin1Char(' ') + tr(n == 1 ? one : many);
    };
    layout.text(count(int(plan.gaps.size()), "gap", "gaps") + QStringLiteral(" · ")
                    + count(plan.unassignedFailures, "unassigned failure", "unassigned failures") + QStringLiteral(" · ")
                    + count(plan.unnamedFailures, "failure counted but not named in the report",
                            "failures counted but not named in the report"),
                body);

    heading(layout, tr("What the triage changed"), 12, 10);
    const TriageChanges &c = plan.changes;
    if (!c.any())
        layout.text(tr("Nothing: the plan is the report as imported."), body);
    if (c.movedTests > 0)
        layout.text(tr("%1 tests moved to another gap").arg(c.movedTests), body);
    const struct { const char *label; const QStringList &names; } lists[] = {
        {"Merged: ", c.mergedGaps}, {"Created: ", c.createdGaps}, {"Renamed: ", c.renamedGaps}, {"Deleted: ", c.deletedGaps}};
    for (const auto &list : lists) {
        for (const QString &name : list.names)
            layout.text(tr(list.label) + name, body);
    }
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

void testGroups(PdfPageLayout &layout, const QVector<PlanTestGroup> &groups, const QString &section)
{
    const QFont name = font(8.5, false, true);
    const QFont message = font(8);
    for (const PlanTestGroup &group : groups) {
        const QString phase = group.phaseName.isEmpty() ? tr("No phase") : group.phaseName;
        heading(layout, tr("%1 — %2 failing").arg(phase).arg(group.tests.size()), 10, 4);
        layout.setContinuation(section + QStringLiteral(" — ") + phase, font(9, true));
        for (const TestCase &t : group.tests) {
            layout.keepWithNext(layout.lineHeight(name) * 2);
            layout.text(t.name + QStringLiteral("  [") + statusName(t.status) + QLatin1Char(']'), name, layout.pt(8));
            if (!t.message.isEmpty())
                layout.text(t.message, message, layout.pt(20), Grey);
            layout.space(1.5); // sets each test apart from the next
        }
        layout.setContinuation(QString(), QFont());
    }
}

void gapSection(PdfPageLayout &layout, const PlanGap &pg)
{
    const Gap &g = pg.gap;
    const QString title = gapHeading(g);
    heading(layout, title, 13, 14);
    const QFont body = font(9.5);
    QStringList meta;
    meta << tr("Priority: %1").arg(priorityName(g.priority).isEmpty() ? tr("none") : priorityName(g.priority));
    meta << tr("Owner: %1").arg(g.owner.isEmpty() ? tr("unassigned") : g.owner);
    meta << tr("Status: %1").arg(gapStatusName(g.status));
    meta << tr("%1 failing tests").arg(pg.failures);
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
            layout.text(QStringLiteral("• ") + (prio.isEmpty() ? QString() : QLatin1Char('[') + prio + QStringLiteral("] "))
                            + item.title, font(9.5, true), layout.pt(8));
            if (!item.details.isEmpty())
                layout.text(item.details, body, layout.pt(20));
        }
    }
    if (!pg.actions.isEmpty()) {
        heading(layout, tr("Recommended actions"), 10, 4);
        for (const RecommendedAction &a : pg.actions) {
            layout.text(QStringLiteral("• ") + (a.horizon.isEmpty() ? QString() : a.horizon + QStringLiteral(": ")) + a.title,
                        body, layout.pt(8));
            for (const QString &step : a.steps)
                layout.text(QStringLiteral("– ") + step, body, layout.pt(20));
        }
    }
    testGroups(layout, pg.testsByPhase, title);
    layout.setContinuation(QString(), QFont());
}

} // namespace

void layOutPlan(PdfPageLayout &layout, const RemediationPlan &plan, const PlanCharts &charts)
{
    summary(layout, plan);
    chart(layout, charts.phases);
    chart(layout, charts.gaps);

    layout.newPage();
    layout.text(tr("Remediation plan by priority"), font(16, true));
    for (const PlanGap &gap : plan.gaps)
        gapSection(layout, gap);

    if (!plan.unassigned.isEmpty()) {
        heading(layout, tr("Unassigned failures (%1)").arg(plan.unassignedFailures), 13, 14);
        testGroups(layout, plan.unassigned, tr("Unassigned failures"));
    }
    if (!plan.otherRemediation.isEmpty()) {
        heading(layout, tr("Remediation items linked to no gap"), 13, 14);
        for (const RemediationItem &item : plan.otherRemediation) {
            const QString prio = priorityName(item.priority);
            layout.text(QStringLiteral("• ") + (prio.isEmpty() ? QString() : QLatin1Char('[') + prio + QStringLiteral("] "))
                            + item.title, font(9.5, true), layout.pt(8));
            if (!item.details.isEmpty())
                layout.text(item.details, font(9.5), layout.pt(20));
        }
    }
}
