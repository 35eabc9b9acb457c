// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisonmode.h"

#include "chartfold.h"
#include "comparewithrun.h"
#include "comparisonchart.h"
#include "comparisoncolumnproxy.h"
#include "comparisonview.h"
#include "counttext.h"
#include "filterbar.h"
#include "gapchart.h"
#include "messagebanner.h"
#include "runcomparison.h"
#include "triagecarryover.h"
#include "triagedrun.h"
#include "triagesession.h"

#include <QAction>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

using namespace Gapwise;

ComparisonMode::ComparisonMode(
    TriageSession *session, ComparisonColumnProxy *model, const Views &views, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_model(model)
    , m_views(views)
    , m_window(window)
    , m_banner(new MessageBanner)
    , m_chart(new ComparisonChart)
    , m_cancelAction(new QAction(tr("Cancel"), this))
    , m_detailsAction(new QAction(tr("Show details"), this))
    , m_endAction(new QAction(tr("E&nd comparison"), this))
    , m_refresh(new QTimer(this))
{
    m_chart->setObjectName(QStringLiteral("comparisonChart"));
    m_chart->hide();
    m_chart->setMinimumHeight(m_chart->fontMetrics().height() * 8); // beside the phase chart, in a small window too
    const int at = m_views.chartSplitter->indexOf(m_views.gapChart);
    m_views.chartSplitter->insertWidget(at + 1, m_chart);
    m_views.chartSplitter->setStretchFactor(at + 1, 3);
    // The chart column in a fold: a window too short for the phase chart and this one shows one at a time.
    auto *outer = qobject_cast<QSplitter *>(m_views.chartSplitter->parentWidget());
    const int place = outer ? outer->indexOf(m_views.chartSplitter) : -1;
    if (m_views.phaseChart) {
        m_fold = new ChartFold(
            m_views.chartSplitter, m_views.phaseChart, tr("Tests per phase"), m_chart, tr("Failing tests per gap"));
        if (outer)
            outer->insertWidget(place, m_fold);
    }
    m_views.tree->setColumnHidden(ComparisonColumnProxy::ChangeColumn, true);
    // Edits come in bursts (a macro, a drag of many tests): recount the gap deltas once per event-loop turn.
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(0);
    connect(m_refresh, &QTimer::timeout, this, &ComparisonMode::refreshDeltas);
    connect(m_session, &TriageSession::changed, this, [this] {
        if (isActive())
            m_refresh->start();
    });
    // Another report (or a reload) replaces the run being compared: the comparison no longer applies.
    connect(m_session, &TriageSession::modelReset, this, [this] {
        if (m_running)
            cancel();
        end();
    });
    m_banner->setObjectName(QStringLiteral("comparisonBanner"));
    m_detailsAction->setToolTip(tr("Every changed test, the per-gap and per-phase deltas, what was not carried over"));
    m_endAction->setToolTip(tr("Leave comparison mode; carried-over triage stays (undo it with Edit > Undo)"));
    m_endAction->setEnabled(false);
    connect(m_cancelAction, &QAction::triggered, this, &ComparisonMode::cancel);
    connect(m_endAction, &QAction::triggered, this, &ComparisonMode::end);
    connect(m_detailsAction, &QAction::triggered, this, &ComparisonMode::showDetails);
    // A failed second comparison leaves the first in place: dismissing its message shows the first again.
    connect(m_banner, &MessageBanner::dismissed, this, [this] {
        if (isActive())
            showSummary();
    });
}

ComparisonMode::~ComparisonMode() = default; // a running worker holds only values; its watcher dies with us

bool ComparisonMode::start(const QString &oldPath)
{
    const Report &imported = m_session->imported();
    if (imported.sourceFile.isEmpty() && imported.tests.isEmpty()) {
        const QString message = tr("Open the newer run first, then compare it with an earlier one.");
        m_banner->showMessage(MessageBanner::Kind::Error, message.toHtmlEscaped());
        m_summaryShown = false;
        Q_EMIT failed(message);
        return false;
    }
    const int generation = ++m_generation; // supersedes a comparison still running
    m_running = true;
    m_banner->showMessage(MessageBanner::Kind::Busy,
        tr("Comparing with %1…").arg(QFileInfo(oldPath).fileName()).toHtmlEscaped(), { m_cancelAction });
    m_summaryShown = false;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation, oldPath] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // cancelled, superseded, or the window opened another report meanwhile
        m_running = false;
        present(oldPath, watcher->result());
    });
    // Reports are implicitly shared: the worker gets copies without copying the tests.
    watcher->setFuture(QtConcurrent::run(
        &ComparisonMode::compute, oldPath, imported, m_session->report(), m_knownIssues, m_rereadKnownIssues));
    return true;
}

void ComparisonMode::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    m_running = false;
    if (isActive())
        showSummary();
    else
        m_banner->hide();
    Q_EMIT cancelled();
}

ComparisonMode::Outcome ComparisonMode::compute(const QString &oldPath, const Report &imported, const Report &current,
    const KnownIssues &knownThen, const KnownIssuesReader &reread)
{
    Outcome outcome;
    std::optional<KnownIssues> knownNow = reread ? reread() : std::nullopt;
    const KnownIssues &known = knownNow ? *knownNow : knownThen;
    const auto oldRun = loadTriagedRun(oldPath, &outcome.error);
    if (!oldRun)
        return outcome;
    RunComparison comparison = compareRuns(oldRun->imported, imported);
    const CarriedEdits carried = carryOverEdits(current, *oldRun, comparison);
    markKnownFailures(comparison, carried.triaged, known);
    outcome.digest = digestComparison(oldRun->triaged, carried.triaged, comparison, &carried.result);
    outcome.digest.oldSession = sessionPathOf(*oldRun);
    noteKnownIssues(outcome.digest, carried.triaged, known);
    outcome.edits = carried.edits;
    outcome.tree = std::make_shared<const TreeComparison>(
        treeComparison(oldRun->triaged, int(current.tests.size()), comparison, carried.result.gapMap));
    // Every gap of then, under its id now: undoing the carried triage may remove gaps it made.
    for (const Gap &g : oldRun->triaged.gaps)
        outcome.goneGapTitles.insert(carried.result.gapMap.value(g.id, g.id), g.title);
    outcome.carriedGapTitles = outcome.goneGapTitles;
    for (const Gap &g : carried.triaged.gaps)
        outcome.carriedGapTitles.insert(g.id, g.title);
    return outcome;
}

void ComparisonMode::present(const QString &oldPath, const Outcome &outcome)
{
    if (!outcome.error.isEmpty()) {
        const QString text
            = tr("Could not compare with %1 — %2").arg(QFileInfo(oldPath).fileName(), outcome.error).toHtmlEscaped();
        if (isActive() && m_views.messages) {
            // The comparison shown keeps its banner and its actions; the failure is said beside it (QA: it took
            // the banner's place, and End comparison with it).
            m_views.messages->showMessage(MessageBanner::Kind::Error, text);
            showSummary(); // in place of "Comparing with …"
        } else {
            m_banner->showMessage(MessageBanner::Kind::Error, text);
            m_summaryShown = false;
        }
        Q_EMIT failed(outcome.error);
        return;
    }
    m_oldPath = oldPath;
    m_digest = outcome.digest;
    m_tree = outcome.tree;
    m_goneGapTitles = outcome.goneGapTitles;
    m_model->setComparison(m_tree);
    // The earlier run's triage, as one undo step in the window's own session.
    const QUndoStack *stack = m_session->undoStack();
    const int indexBefore = stack->index();
    const QStringList late = applyCarriedEdits(*m_session, outcome.edits,
        tr("Carry over triage from %1").arg(QFileInfo(oldPath).fileName()), outcome.carriedGapTitles);
    m_digest.notCarried += late;
    // One step when anything applied; none when nothing did (applyCarriedEdits leaves no empty step).
    m_carryStep = stack->index() > indexBefore ? stack->command(stack->index() - 1) : nullptr;
    setViewsComparing(true);
    m_summaryShown = true; // the new comparison's summary replaces whatever the banner said
    refreshDeltas();
    if (m_details)
        m_details->showDigest(m_digest);
    Q_EMIT compared();
}

void ComparisonMode::end()
{
    if (!isActive())
        return;
    m_refresh->stop();
    m_tree.reset();
    m_carryStep = nullptr;
    m_digest = ComparisonDigest();
    m_model->setComparison(nullptr);
    setViewsComparing(false);
    if (!m_running)
        m_banner->hide();
    if (m_details)
        m_details->close();
    Q_EMIT ended();
}

void ComparisonMode::setViewsComparing(bool comparing)
{
    m_views.filterBar->setComparisonActive(comparing);
    if (m_fold && !comparing)
        m_fold->setFoldable(false); // both charts back before the gap chart takes the comparison chart's place
    m_views.tree->setColumnHidden(ComparisonColumnProxy::ChangeColumn, !comparing);
    if (comparing) {
        const QFontMetrics metrics = m_views.tree->fontMetrics();
        int widest = 0;
        for (int c = 0; c < ChangeClassCount; ++c)
            widest = qMax(widest, metrics.horizontalAdvance(changeClassName(ChangeClass(c))));
        m_views.tree->setColumnWidth(ComparisonColumnProxy::ChangeColumn, widest + metrics.averageCharWidth() * 3);
    }
    // The chart coming into view takes the place and the height of the one it replaces.
    QSplitter *splitter = m_views.chartSplitter;
    const int gapAt = splitter->indexOf(m_views.gapChart);
    const int chartAt = splitter->indexOf(m_chart);
    QList<int> sizes = splitter->sizes();
    const bool swap = m_views.gapChart->isHidden() != comparing && gapAt >= 0 && chartAt >= 0;
    const int height = swap ? sizes.value(comparing ? gapAt : chartAt) : 0;
    m_views.gapChart->setVisible(!comparing);
    m_chart->setVisible(comparing);
    if (swap && height > 0) {
        sizes[comparing ? chartAt : gapAt] = height;
        sizes[comparing ? gapAt : chartAt] = 0;
        splitter->setSizes(sizes);
    }
    if (m_fold && comparing)
        m_fold->setFoldable(true);
    m_endAction->setEnabled(comparing);
}

const ComparisonDigest *ComparisonMode::digest()
{
    if (!isActive())
        return nullptr;
    if (m_refresh->isActive())
        refreshDeltas(); // an edit's recount is still queued: an export right after the edit gets it
    return &m_digest;
}

void ComparisonMode::refreshDeltas()
{
    if (!isActive())
        return;
    // Triage moves tests between gaps: the per-gap numbers "now" follow it; the earlier run's stay.
    m_refresh->stop(); // called directly (digest()) it stands for the pending recount
    m_digest.gaps = currentGapDeltas(*m_tree, m_session->report(), m_goneGapTitles);
    // So do the per-test rows' gaps: the exports and the details table list them.
    followTriage(m_digest.tests, m_session->report());
    m_chart->setDeltas(m_digest.gaps);
    if (m_details)
        m_details->updateDigest(m_digest);
    // A message shown since (another comparison running, or one that failed) stays until it is dismissed.
    if (m_summaryShown)
        showSummary();
}

ComparisonMode::CarryState ComparisonMode::carryState() const
{
    if (!m_carryStep)
        return CarryState::None;
    const QUndoStack *stack = m_session->undoStack();
    for (int i = stack->count() - 1; i >= 0; --i) {
        if (stack->command(i) == m_carryStep)
            return stack->index() > i ? CarryState::Applied : CarryState::Undone;
    }
    return CarryState::Gone;
}

void ComparisonMode::showSummary()
{
    m_summaryShown = true;
    const ComparisonDigest &d = m_digest;
    const QLocale locale; // grouped as the tree's and the filter bar's counts are: "3,334 new failures"
    QStringList parts;
    const ChangeClass order[] = { ChangeClass::NewFailure, ChangeClass::KnownFailure, ChangeClass::Fixed,
        ChangeClass::StillFailing, ChangeClass::NewlyPassing, ChangeClass::NewlySkipped, ChangeClass::Added };
    for (ChangeClass c : order) {
        if (d.count(c) > 0 || c == ChangeClass::NewFailure || c == ChangeClass::Fixed) {
            const QString part = changeCountText(c, d.count(c), locale);
            parts << (c == ChangeClass::NewFailure && d.count(c) > 0 ? QStringLiteral("<b>%1</b>").arg(part) : part);
        }
    }
    if (d.count(ChangeClass::Removed) > 0)
        parts << tr("%1 removed (not in this run)").arg(locale.toString(d.count(ChangeClass::Removed)));
    // As the exports and the command line name it: a session with the run it triages.
    QString html
        = tr("Compared with <b>%1</b>: ").arg(oldSideText(d, true).toHtmlEscaped()) + parts.join(QStringLiteral(" · "));
    const CarryState carry = carryState();
    if (carry == CarryState::Undone)
        html += tr(". The triage carried over from the earlier run is undone (Edit › Redo brings it back)");
    else if (carry == CarryState::Gone)
        html += tr(". The triage carried over from the earlier run is undone");
    else if (d.carriedEdits > 0 || !d.notCarried.isEmpty() || !d.suggested.isEmpty() || !d.restoredGaps.isEmpty()) {
        html += tr(". Triage carried over (one undo step): %1, %2")
                    .arg(countText(d.carriedChanges, tr("%1 change"), tr("%1 changes"), locale),
                        countText(d.suggested.size(), tr("%1 suggestion"), tr("%1 suggestions"), locale));
        if (!d.restoredGaps.isEmpty())
            html += tr(", gaps kept from the earlier run: %1")
                        .arg(d.restoredGaps.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    QString second;
    if (!d.notCarried.isEmpty() && (carry == CarryState::None || carry == CarryState::Applied)) {
        constexpr int Shown = 3;
        QStringList lines;
        for (const QString &l : d.notCarried.mid(0, Shown))
            lines << l.toHtmlEscaped();
        second = tr("Not carried over: ") + lines.join(QStringLiteral("; "));
        if (d.notCarried.size() > Shown)
            second += tr("; and %1 more (Show details)").arg(locale.toString(d.notCarried.size() - Shown));
    }
    m_banner->showMessage(MessageBanner::Kind::Result, html, { m_detailsAction, m_endAction }, second);
}

ComparisonView *ComparisonMode::showDetails()
{
    if (!isActive())
        return nullptr;
    if (!m_details) {
        m_details = new ComparisonView(m_window);
        m_details->setWindowFlag(Qt::Window);
        m_details->setAttribute(Qt::WA_DeleteOnClose);
        m_details->resize(1200, 700);
    }
    m_details->showDigest(m_digest);
    m_details->show();
    m_details->raise();
    return m_details;
}
