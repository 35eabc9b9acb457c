// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailspane.h"

#include "counttext.h"
#include "displaytext.h"
#include "gapsuggester.h"
#include "glyphfallback.h"
#include "phasecounts.h"
#include "reportroles.h"
#include "reporttreemodel.h"
#include "statuspalette.h"
#include "testnameparts.h"

#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QLocale>
#include <QUrl>

using namespace Gapwise;

namespace {

// Escaped, and cut where a report holds a line too long to lay out (displaytext.h): a name, title or quoted
// line after DisplayedNameChars, any other text (notes, evidence, messages) after DisplayedBlockChars.
QString esc(const QString &s)
{
    return cutForDisplay(s, DisplayedBlockChars).toHtmlEscaped();
}

QString escName(const QString &s)
{
    return cutForDisplay(s, DisplayedNameChars).toHtmlEscaped();
}

// A report line as the pane can draw it: "❌ FAILED" without an emoji font reads "✗ FAILED", not "▯ FAILED".
QString drawableLine(const QString &text)
{
    return withDrawableStatusMarks(text.trimmed(), QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

QString row(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><td style=\"padding-right:12px\"><b>%1</b></td><td>%2</td></tr>")
        .arg(esc(label), valueHtml);
}

QString count(int n)
{
    return n < 0 ? QStringLiteral("–") : QLocale().toString(n);
}

} // namespace

DetailsPane::DetailsPane(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("detailsPane"));
    setOpenLinks(false);
    setPlaceholderText(tr("Select a phase, gap or test to see its details."));
    connect(this, &QTextBrowser::anchorClicked, this, &DetailsPane::followLink);
}

void DetailsPane::followLink(const QUrl &url)
{
    const QString target = url.toString();
    if (target.startsWith(QLatin1String("copy:"))) {
        QGuiApplication::clipboard()->setText(copyText(target.mid(5)));
    } else if (target.startsWith(QLatin1String("open:"))) {
        const int n = target.mid(5).toInt();
        if (n >= 0 && n < m_view.sources.size())
            emit openSourceRequested(m_view.sources[n].file, m_view.sources[n].line);
    } else if (target.startsWith(QLatin1String("report:"))) {
        // report:FILE:LINE, FILE an index into the report's files
        const QStringList parts = target.mid(7).split(QLatin1Char(':'));
        const int file = parts.value(0).toInt();
        if (parts.size() == 2 && file >= 0 && file < m_reportFiles.size())
            emit openSourceRequested(m_reportFiles[file], parts[1].toInt());
    } else if (target == QLatin1String("source:test") && !m_source.file.isEmpty()) {
        emit openSourceRequested(m_source.file, m_source.line);
    }
}

void DetailsPane::showSummary(const ReportTreeModel *model)
{
    const Report &r = model->report();
    if (r.phases.isEmpty() && r.tests.isEmpty() && r.gaps.isEmpty()) {
        clear();
        return;
    }
    QString html = QStringLiteral("<h3>%1</h3><table>").arg(escName(r.title.isEmpty() ? r.sourceFile : r.title));
    if (!r.date.isEmpty())
        html += row(tr("Date"), esc(r.date));
    html += row(tr("Phases"), count(int(r.phases.size())));
    html += row(tr("Gaps"), count(int(r.gaps.size())));
    html += row(tr("Named tests"), count(int(r.tests.size())));
    html += row(tr("Failing"), count(r.countTests(TestStatus::Failed) + r.countTests(TestStatus::Error)));
    setHtml(html + QStringLiteral("</table>"));
}

void DetailsPane::showIndex(const ReportTreeModel *model, const QModelIndex &sourceIndex)
{
    m_view = {};
    m_source = {};
    m_reportFile.clear();
    m_reportFiles = model->report().files;
    if (!sourceIndex.isValid()) {
        showSummary(model);
        return;
    }
    switch (model->kindOf(sourceIndex)) {
    case NodeKind::Test: {
        const TestCase &t = model->report().tests[model->testIndexAt(sourceIndex)];
        m_view = failureView(t, palette());
        m_source = testSourceLocation(t);
        m_reportFile = model->report().fileAt(t.file);
        setHtml(testHtml(model, model->testIndexAt(sourceIndex)));
        break;
    }
    case NodeKind::Gap:
        setHtml(gapHtml(model, sourceIndex));
        break;
    case NodeKind::Phase:
        setHtml(phaseHtml(model, sourceIndex));
        break;
    }
}

QString DetailsPane::quotedLine(int line, int file) const
{
    const QString text = m_lines.line(line, file);
    if (text.isEmpty())
        return QString::number(line);
    return tr("%1: <code>%2</code>").arg(line).arg(escName(drawableLine(text)));
}

QString DetailsPane::reportLineRows(const Report &report, int file, int line) const
{
    if (line <= 0)
        return QString();
    const QString path = report.fileAt(file);
    if (path.isEmpty())
        return row(tr("Report line"), quotedLine(line, file));
    // A run of several files names each file from the run's folder; one file by its name.
    const QString name = report.files.size() > 1 && QFileInfo(report.sourceFile).isDir()
        ? QDir(report.sourceFile).relativeFilePath(path)
        : QFileInfo(path).fileName();
    QString html = row(tr("Report file"),
        tr("<a href=\"report:%1:%2\">%3</a>, line %2").arg(file).arg(line).arg(esc(QDir::toNativeSeparators(name))));
    const QString text = m_lines.line(line, file);
    if (!text.isEmpty())
        html += row(tr("Report line"), QStringLiteral("<code>%1</code>").arg(escName(drawableLine(text))));
    return html;
}

QString DetailsPane::testHtml(const ReportTreeModel *model, int testIndex) const
{
    const Report &r = model->report();
    const TestCase &t = r.tests[testIndex];
    const int p = r.phaseIndex(t.phaseId);
    const int g = model->gapIndexOfTest(testIndex);
    // The test's own name as the heading, its file and class under it: a long node id stays readable.
    const TestNameParts name = splitTestName(t.name);
    QString html = QStringLiteral("<h3 style=\"margin-bottom:0\">%1</h3>").arg(escName(name.own));
    if (!name.context.isEmpty())
        html += QStringLiteral("<p style=\"margin-top:0; color:%1\">%2</p>")
                    .arg(palette().color(QPalette::PlaceholderText).name(), escName(name.context));
    html += QStringLiteral("<table>");
    html += row(tr("Status"),
        QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>%3")
            .arg(statusColor(t.status).name(), esc(statusName(t.status)),
                t.expectedFailure ? esc(tr(" (expected failure)")) : QString()));
    html += row(tr("Phase"), p >= 0 ? escName(r.phases[p].name) : esc(ReportTreeModel::noPhaseTitle()));
    html += row(tr("Gap"),
        g >= 0 ? escName(r.gaps[g].title) + (t.gapSuggested ? esc(tr(" (suggested by Gapwise)")) : QString())
               : esc(ReportTreeModel::unassignedTitle()));
    if (g >= 0 && r.gaps[g].priority != Priority::None)
        html += row(tr("Priority"), priorityName(r.gaps[g].priority));
    if (!t.history.isEmpty())
        html += row(tr("History"), esc(t.history));
    if (t.durationSeconds >= 0)
        html += row(tr("Duration"), durationText(t.durationSeconds, QLocale()));
    if (!m_source.file.isEmpty()) {
        const QString where
            = m_source.line > 0 ? QStringLiteral("%1:%2").arg(m_source.file).arg(m_source.line) : m_source.file;
        html += row(tr("Source"), QStringLiteral("<a href=\"source:test\">%1</a> (Enter)").arg(esc(where)));
    }
    html += reportLineRows(r, t.file, t.line);
    html += QStringLiteral("</table>");
    return html + m_view.html;
}

QString DetailsPane::gapHtml(const ReportTreeModel *model, const QModelIndex &index) const
{
    const Gap *gap = model->gapAt(index);
    const int tests = index.data(TestCountRole).toInt();
    const int failures = index.data(FailuresRole).toInt();
    if (!gap) {
        return QStringLiteral("<h3>%1</h3><p>%2</p>")
            .arg(esc(ReportTreeModel::unassignedTitle()),
                esc(tr("%1 (%2 failing) that the report places in no gap.")
                        .arg(countText(tests, tr("%1 test"), tr("%1 tests")), count(failures))));
    }
    QString html = QStringLiteral("<h3>%1</h3><table>").arg(escName(gap->title));
    html += row(tr("Priority"),
        gap->priority == Priority::None ? esc(tr("none"))
                                        : QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>")
                                              .arg(priorityColor(gap->priority).name(), priorityName(gap->priority)));
    html += row(tr("Status"), esc(gapStatusName(gap->status)));
    if (!gap->owner.isEmpty())
        html += row(tr("Owner"), esc(gap->owner));
    html += row(tr("Tests here"), tr("%1 (%2 failing)").arg(count(tests), count(failures)));
    if (gap->declaredFailures >= 0)
        html += row(tr("Report says"), countText(gap->declaredFailures, tr("%1 failure"), tr("%1 failures")));
    html += reportLineRows(model->report(), gap->file, gap->line);
    html += QStringLiteral("</table>");
    if (!gap->evidence.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(esc(tr("Evidence")));
        for (const QString &e : gap->evidence)
            html += QStringLiteral("<li>%1</li>").arg(esc(evidenceLineForDisplay(e, QLocale())));
        html += QStringLiteral("</ul>");
    }
    if (!gap->notes.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(gap->notes));
    const Report &r = model->report();
    QString remediation;
    for (const RemediationItem &item : r.remediation) {
        if (item.gapIds.contains(gap->id))
            remediation
                += QStringLiteral("<li><b>%1</b> %2%3</li>")
                       .arg(priorityName(item.priority), esc(item.title),
                           item.details.isEmpty() ? QString() : QString(QStringLiteral("<br>") + esc(item.details)));
    }
    if (!remediation.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p><ul>%2</ul>").arg(esc(tr("Remediation")), remediation);
    return html + gapTestsHtml(model, r.gapIndex(gap->id));
}

// The gap's tests, failing ones first, by their own names (the first 50: the tree has them all).
QString DetailsPane::gapTestsHtml(const ReportTreeModel *model, int gapIndex) const
{
    constexpr int Shown = 50;
    const Report &r = model->report();
    QVector<int> failing, others;
    for (int i = 0; i < r.tests.size(); ++i) {
        if (model->gapIndexOfTest(i) == gapIndex)
            (isFailing(r.tests[i].status) ? failing : others).append(i);
    }
    if (failing.isEmpty() && others.isEmpty())
        return QString();
    QString html
        = QStringLiteral("<p><b>%1</b></p><ul>")
              .arg(esc(tr("Tests (%1 failing of %2)").arg(failing.size()).arg(failing.size() + others.size())));
    int shown = 0;
    for (const QVector<int> *list : { &failing, &others }) {
        for (int i : *list) {
            if (shown++ == Shown)
                break;
            const TestCase &t = r.tests[i];
            const TestNameParts name = splitTestName(t.name);
            html += QStringLiteral("<li><span style=\"color:%1\">%2</span> %3 <span style=\"color:%4\">%5</span></li>")
                        .arg(statusColor(t.status).name(), esc(statusName(t.status)), escName(name.own),
                            palette().color(QPalette::PlaceholderText).name(), escName(name.context));
        }
    }
    html += QStringLiteral("</ul>");
    if (shown > Shown)
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("… and %1 more").arg(failing.size() + others.size() - Shown)));
    return html;
}

QString DetailsPane::phaseHtml(const ReportTreeModel *model, const QModelIndex &index) const
{
    const Phase *phase = model->phaseAt(index);
    if (!phase) {
        return QStringLiteral("<h3>%1</h3><p>%2</p>")
            .arg(esc(ReportTreeModel::noPhaseTitle()),
                esc(tr("%1 the report places in no phase.")
                        .arg(countText(index.data(TestCountRole).toInt(), tr("%1 test"), tr("%1 tests")))));
    }
    QString html = QStringLiteral("<h3>%1</h3><table>").arg(escName(phase->name));
    if (!phase->outcome.isEmpty())
        html += row(tr("Outcome"), esc(phase->outcome));
    if (!phase->command.isEmpty())
        html += row(tr("Command"), QStringLiteral("<code>%1</code>").arg(esc(phase->command)));
    const QString unknown = unknownCount(*phase) > 0 ? tr(", %1 unknown").arg(count(unknownCount(*phase))) : QString();
    html += row(tr("Counts"),
        esc(tr("%1 passed, %2 failed, %3, %4 skipped%5 (total %6)")
                .arg(count(phase->passed), count(phase->failed),
                    countText(phase->errors, tr("%1 error"), tr("%1 errors")), count(phase->skipped), unknown,
                    count(phase->total))));
    html += row(tr("Named tests"), count(index.data(TestCountRole).toInt()));
    html += row(tr("Failing"), count(index.data(FailuresRole).toInt()));
    if (phase->durationSeconds >= 0)
        html += row(tr("Duration"), durationText(phase->durationSeconds, QLocale()));
    html += reportLineRows(model->report(), phase->file, phase->line);
    html += QStringLiteral("</table>");
    if (phase->importErrors > 0 || !phase->importErrorMessages.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>")
                    .arg(esc(tr("Import errors (%1)")
                                 .arg(qMax(phase->importErrors, int(phase->importErrorMessages.size())))));
        for (const QString &e : phase->importErrorMessages)
            html += QStringLiteral("<li><code>%1</code></li>").arg(esc(e));
        html += QStringLiteral("</ul>");
    }
    return html;
}
