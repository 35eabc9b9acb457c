// SPDX-License-Identifier: GPL-3.0-or-later
#include "historypanel.h"

#include "carriedtriage.h"
#include "comparisonmode.h"
#include "counttext.h"

#include "filterbar.h"
#include "gaptrendchart.h"
#include "historystoresetting.h"
#include "historystrip.h"
#include "mainwindow.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "runcomparison.h"
#include "sessionfile.h"
#include "sharedtriageworker.h"
#include "statushistorydelegate.h"
#include "storelocation.h"
#include "testidentifiers.h"
#include "testnameparts.h"
#include "triagecarryover.h"
#include "triagesession.h"
#include "wheelguard.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPointer>
#include <QScrollArea>
#include <QTime>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Gapwise;

namespace {

constexpr int TestIndexRole = Qt::UserRole + 1;
constexpr int StripRole = Qt::UserRole + 2;

// The current test's strip, painted at a readable size.
class StripWidget : public QWidget
{
public:
    using QWidget::QWidget;
    void setStrip(const QString &strip)
    {
        m_strip = strip;
        setFixedSize(historyStripSize(int(strip.size())) + QSize(6, 8));
        update();
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        paintHistoryStrip(&p, rect().adjusted(3, 0, 0, 0), m_strip);
    }

private:
    QString m_strip;
};

// An identifier that may wrap after its separators ("test_a_b", "tests/unit/x.py::t"), as a sentence wraps at
// its spaces: a zero-width space after each. Unbroken, a long test name held the dock (and its word-wrapped
// labels) at its own width, taking it from the tree.
QString breakableName(const QString &name)
{
    QString out;
    out.reserve(name.size() + name.size() / 4);
    for (const QChar c : name) {
        out += c;
        if (c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('/') || c == QLatin1Char(':'))
            out += QChar(0x200B);
    }
    return out;
}

// A listed test's name: its function name, which reads at a glance, or where other tests of the run have that
// name, its own part and where it is by its key across runs, which no other test of the run has
// ("testSubmit in com.acme.unit.LoginTest", "t#2 in c.A"), as the tree tells them apart.
QString listedName(const QString &name, const QString &key, const QHash<QString, int> &named)
{
    QString function = testFunctionOf(name); // not const: returned, so moved
    if (named.value(function) < 2)
        return function;
    const TestNameParts parts = splitTestName(key);
    return parts.context.isEmpty() ? key : QObject::tr("%1 in %2").arg(parts.own, parts.context);
}

// Runs of the window that hold none of the open run's tests (another suite in the same store), named: the
// window is the store's runs by date, and these count in it with every test of this run absent.
QString foreignRunsText(const QVector<StoredRun> &runs)
{
    if (runs.isEmpty())
        return QString();
    constexpr int Named = 3;
    QStringList names;
    for (int i = 0; i < runs.size() && i < Named; ++i)
        names << runs[i].displayName().toHtmlEscaped();
    if (runs.size() > Named)
        names << QObject::tr("%n more", "", int(runs.size()) - Named);
    return QStringLiteral("<br>")
        + (runs.size() == 1 ? QObject::tr("%1 has none of this run's tests (another suite)")
                            : QObject::tr("%1 have none of this run's tests (another suite)"))
              .arg(names.join(QStringLiteral(", ")));
}

struct Loaded
{
    std::shared_ptr<TreeHistory> history;
    QString error;
    bool passwordRequired = false;
    bool unreachable = false;
};

// A gap as people know it: its title in the run as triaged now, else as the store last had it; its id only
// when neither names it.
QString gapTitle(const Report &report, const TreeHistory &history, const QString &gapId)
{
    const int g = report.gapIndex(gapId);
    if (g >= 0 && !report.gaps[g].title.isEmpty())
        return report.gaps[g].title;
    const GapTrend *stored = history.gapTrend(gapId);
    return stored && !stored->title.isEmpty() ? stored->title : gapId;
}

} // namespace

HistoryPanel::HistoryPanel(MainWindow *window, const QString &storePath, bool addRuns, QWidget *parent)
    : QWidget(parent)
    , m_window(window)
    , m_storePath(storePath)
    , m_addRuns(addRuns)
    , m_retry(new QTimer(this))
    , m_showSoon(new QTimer(this))
    , m_summary(new QLabel(this))
    , m_show(new QComboBox(this))
    , m_list(new QTreeWidget(this))
    , m_listEmpty(new QLabel(m_list->viewport()))
    , m_current(new QLabel(this))
    , m_currentStrip(new StripWidget(this))
    , m_trend(new GapTrendChart(this))
{
    setObjectName(QStringLiteral("historyPanel"));
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Reading the run history…"));
    takeWheelOnlyWithFocus(m_show); // the panel scrolls in its dock: the wheel over the list's choice scrolls it
    m_show->addItem(tr("New failures"), NewFailures);
    m_show->addItem(tr("Known failures"), KnownFailures);
    m_show->addItem(tr("Flaky"), Flaky);
    m_show->addItem(tr("Regressions"), Regressions);
    m_show->addItem(tr("Failed whenever run"), Failing);
    m_show->addItem(tr("Everything that failed"), AllWithFailures);
    m_show->setToolTip(tr("Which tests of the open run to list, by what their last runs say"));
    // One column at the dock's whole width: the strip, then the test's name and why it is listed, wrapped.
    // Beside the strip, the text had ~95 px of a 300 px dock and wrapped onto eight lines.
    m_list->setColumnCount(1);
    m_list->setHeaderLabels({ tr("Last runs, the test and why") });
    m_list->setRootIsDecorated(false);
    m_list->setItemDelegateForColumn(0, new HistoryStripDelegate(StripRole, m_list));
    m_list->setUniformRowHeights(false);
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->header()->setStretchLastSection(true);
    // In a short dock the list gives up its room first: the current row's history below is what was asked for.
    m_list->setMinimumHeight(m_list->header()->sizeHint().height() + fontMetrics().height() * 3);
    m_listEmpty->setObjectName(QStringLiteral("historyListEmpty"));
    m_listEmpty->setWordWrap(true);
    m_listEmpty->setEnabled(false); // greyed, as a placeholder text is
    auto *emptyLayout = new QVBoxLayout(m_list->viewport());
    emptyLayout->addWidget(m_listEmpty, 0, Qt::AlignTop);
    m_listEmpty->hide();
    m_current->setWordWrap(true);
    m_current->setTextFormat(Qt::RichText);
    m_trend->hide();

    auto *storeButton = new QToolButton(this);
    storeButton->setObjectName(QStringLiteral("historyStoreButton"));
    storeButton->setText(tr("Store…"));
    storeButton->setToolTip(tr("Which history store this window reads: a file, or the team's PostgreSQL database"));
    connect(storeButton, &QToolButton::clicked, this, [this] {
        const QString chosen = chooseHistoryStore(this, m_storePath);
        // The same store again is a request to read it again where it gave no history (unreachable, not
        // stored yet); one that gave its history has nothing new to say.
        if (chosen.isEmpty() || (chosen == m_storePath && m_history))
            return;
        if (chosen != m_storePath)
            m_password.clear();
        m_storePath = chosen;
        if (m_window->treeModel()->report().sourceFile.isEmpty())
            return;
        load();
    });

    m_passwordButton = new QToolButton(this);
    m_passwordButton->setObjectName(QStringLiteral("historyPasswordButton"));
    m_passwordButton->setText(tr("Password…"));
    m_passwordButton->setToolTip(tr("The server asks for a password (kept in memory only; ~/.pgpass saves it)"));
    m_passwordButton->hide();
    connect(m_passwordButton, &QToolButton::clicked, this, [this] {
        if (askStorePassword(this, m_storePath, &m_password))
            load();
    });

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_passwordButton, 0, Qt::AlignTop);
    top->addWidget(storeButton, 0, Qt::AlignTop);
    layout->addLayout(top);
    layout->addWidget(m_show);
    layout->addWidget(m_list, 3);
    layout->addWidget(m_current);
    layout->addWidget(m_currentStrip);
    layout->addWidget(m_trend, 2);

    connect(m_show, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { fillList(); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            selectInTree(item->data(0, TestIndexRole).toInt());
    });
    // The tree's Status column shows each test's latest runs where the status text leaves room: the test names
    // keep theirs (the model's History column, its data, stays hidden).
    QTreeView *tree = window->treeView();
    tree->setItemDelegateForColumn(
        ReportTreeModel::StatusColumn, new StatusHistoryDelegate(ReportTreeModel::HistoryColumn, tree));
    connect(window, &MainWindow::reportLoaded, this, [this] { load(); });
    // A gap renamed, tests moved: the current row's history says what the tree says now. Queued: the signal
    // comes while the tree's rows are still changing, and several times for one edit: one update a turn.
    m_showSoon->setSingleShot(true);
    m_showSoon->setInterval(0);
    connect(m_showSoon, &QTimer::timeout, this, &HistoryPanel::showCurrent);
    connect(window->treeModel(), &ReportTreeModel::triageChanged, m_showSoon, qOverload<>(&QTimer::start));
    m_retry->setSingleShot(true);
    m_retry->setInterval(SharedTriageWorker::retryIntervalMs());
    connect(m_retry, &QTimer::timeout, this, [this] { load(true); });
    connect(
        window->treeView()->selectionModel(), &QItemSelectionModel::currentChanged, this, &HistoryPanel::showCurrent);
    connect(window->treeView(), &QTreeView::clicked, this, &HistoryPanel::showCurrent);
}

HistoryPanel::~HistoryPanel() = default;

int HistoryPanel::heightForWidth(int width) const
{
    return layout() ? layout()->totalMinimumHeightForWidth(width) : QWidget::heightForWidth(width);
}

void HistoryPanel::load(bool retry)
{
    const int generation = ++m_generation;
    m_retry->stop();
    if (!retry) { // a retry keeps saying why there is no history until there is one
        // Nothing of the history read before stays: the tree's strips, the list, the current row's verdict and
        // chart, a comparison's known issues were another store's (or another run's).
        m_history.reset();
        m_window->treeModel()->setHistory(nullptr);
        if (ComparisonMode *comparison = m_window->comparisonMode())
            comparison->setKnownIssues({});
        m_summary->setText(tr("Reading the run history…"));
        fillList();
        showCurrent();
    }
    const Report report = m_window->treeModel()->report(); // implicitly shared: a cheap copy for the worker
    const QString store = m_storePath;
    const QString password = m_password;
    const bool add = m_addRuns;
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // another report was opened meanwhile
        const Loaded result = watcher->result();
        // Asked on request, not in a modal dialog of its own: a window opened for a screenshot must not block.
        m_passwordButton->setVisible(!result.history && result.passwordRequired);
        if (!result.history) {
            // When it was tried: a read asked for again (Store…, a retry) that fails as before says so.
            const QString when = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
            m_summary->setText(result.unreachable
                    ? tr("No run history: %1 (tried at %2; trying again every few seconds)").arg(result.error, when)
                    : tr("No run history: %1 (tried at %2)").arg(result.error, when));
            if (result.unreachable)
                m_retry->start();
            Q_EMIT historyFailed(result.error, result.unreachable);
            return;
        }
        apply(result.history);
    });
    watcher->setFuture(QtConcurrent::run([report, store, add, password] {
        Loaded out;
        QString why;
        const auto hash = fileSha256(report.sourceFile, &why);
        if (!hash) {
            out.error = QStringLiteral("%1: %2").arg(report.sourceFile, why);
            return out;
        }
        auto history = loadTreeHistory(report, report.sourceFile, *hash, store, add, DefaultHistoryWindow, &out.error,
            password, &out.passwordRequired, &out.unreachable);
        if (history)
            out.history = std::make_shared<TreeHistory>(std::move(*history));
        return out;
    }));
}

void HistoryPanel::apply(std::shared_ptr<const TreeHistory> history)
{
    m_history = std::move(history);
    // The tree gets its share as plain data, sharing the history's lifetime.
    m_window->treeModel()->setHistory(std::shared_ptr<const TestHistoryMarks>(m_history, &m_history->marks));
    // A comparison started from now on tells known failures from new ones by the store's known issues.
    if (ComparisonMode *comparison = m_window->comparisonMode())
        comparison->setKnownIssues(m_history->knownIssues,
            [store = m_history->storePath, password = m_password]() -> std::optional<KnownIssues> {
                QString error;
                return readKnownIssues(store, password, &error);
            });
    // Triage that sticks: failures the store carried into a gap a person triaged in an earlier run go into that
    // gap as suggestions, all of them one undo step.
    if (TriageSession *session = m_window->session()) {
        const CarriedSuggestions carried = carriedSuggestions(session->report(), *m_history);
        if (!carried.edits.isEmpty())
            applyCarriedEdits(*session, carried.edits,
                (carried.tests == 1 ? tr("Suggest 1 failure carried from %1")
                                    : tr("Suggest %n failures carried from %1", "", carried.tests))
                    .arg(carried.fromRun));
    }
    int fresh = 0, flaky = 0, regressions = 0, known = 0;
    for (int i = 0; i < m_history->judgedOfTest.size(); ++i) {
        fresh += m_history->matches(i, HistoryFilter::New) ? 1 : 0;
        flaky += m_history->matches(i, HistoryFilter::Flaky) ? 1 : 0;
        regressions += m_history->matches(i, HistoryFilter::Regression) ? 1 : 0;
        const JudgedTest *t = m_history->testAt(i);
        known += t && t->verdict.newFailure && !t->knownIssue.isEmpty() ? 1 : 0;
    }
    const StoredRun &run = m_history->window.last();
    m_summary->setText(
        (m_history->window.size() == 1 ? tr("<b>%1</b>, the first run in %2<br>%3 new · %4 known · %5 flaky · %6")
                : m_history->window.size() == 2
                ? tr("<b>%1</b> and the run before it in %2<br>%3 new · %4 known · %5 flaky · %6")
                : tr("<b>%1</b> and the %n runs before it in %2<br>%3 new · %4 known · %5 flaky · %6", "",
                    int(m_history->window.size()) - 1))
            .arg(run.displayName().toHtmlEscaped(), storeDisplayName(m_history->storePath).toHtmlEscaped())
            .arg(fresh)
            .arg(known)
            .arg(flaky)
            .arg(countText(regressions, tr("%1 regression"), tr("%1 regressions")))
        + foreignRunsText(m_history->runsWithoutItsTests()));
    fillList();
    showCurrent();
    Q_EMIT historyLoaded();
}

void HistoryPanel::fillList()
{
    m_list->clear();
    m_listEmpty->hide();
    if (!m_history)
        return;
    const auto show = Show(m_show->currentData().toInt());
    const Report &report = m_window->treeModel()->report();
    // Names several tests of the run share ("testSubmit" of three classes) read with where each test is.
    QHash<QString, int> named;
    for (const TestCase &t : report.tests)
        ++named[testFunctionOf(t.name)];
    QList<QTreeWidgetItem *> items;
    for (int i = 0; i < report.tests.size() && i < m_history->judgedOfTest.size(); ++i) {
        const JudgedTest *t = m_history->testAt(i);
        if (!t || t->verdict.failures == 0)
            continue;
        const bool known = t->verdict.newFailure && !t->knownIssue.isEmpty();
        const bool wanted = show == AllWithFailures
            || (show == NewFailures && m_history->matches(i, HistoryFilter::New)) || (show == KnownFailures && known)
            || (show == Flaky && t->verdict.kind == HistoryKind::Flaky)
            || (show == Regressions && t->verdict.kind == HistoryKind::Regression)
            || (show == Failing && t->verdict.kind == HistoryKind::Failing);
        if (!wanted)
            continue;
        auto *item = new QTreeWidgetItem;
        // The function name reads at a glance (the tooltip and the tree have the whole node id), why below it.
        // A new failure says first why it is new (QA: a test that passed in the run before read only "flaky: …").
        const QString reason = t->verdict.newFailureReason();
        const QString why = (reason.isEmpty() ? QString() : reason + QStringLiteral("; "))
            + historyKindName(t->verdict.kind) + QStringLiteral(": ") + t->verdict.explanation()
            + (t->failingSinceRun.isEmpty() || t->verdict.kind == HistoryKind::Flaky
                    ? QString()
                    : tr(", failing since %1").arg(t->failingSinceRun))
            + (known ? tr(", new but a known issue: %1").arg(t->knownIssue) : QString());
        item->setText(
            0, breakableName(listedName(report.tests[i].name, t->timeline.key, named)) + QLatin1Char('\n') + why);
        item->setData(0, TestIndexRole, i);
        item->setData(0, StripRole, m_history->strip(i));
        item->setTextAlignment(0, Qt::AlignLeft | Qt::AlignTop);
        item->setToolTip(0, report.tests[i].name);
        items.append(item);
    }
    m_list->addTopLevelItems(items);
    if (items.isEmpty()) {
        static const QHash<int, const char *> none = { { NewFailures, QT_TR_NOOP("No new failures in this run.") },
            { KnownFailures, QT_TR_NOOP("No new failures in known issues.") },
            { Flaky, QT_TR_NOOP("No flaky tests in these runs.") },
            { Regressions, QT_TR_NOOP("No regressions in these runs.") },
            { Failing, QT_TR_NOOP("No test failed whenever it ran.") },
            { AllWithFailures, QT_TR_NOOP("No test of this run failed in these runs.") } };
        m_listEmpty->setText(tr(none.value(show)));
        m_listEmpty->show();
    }
}

void HistoryPanel::selectInTree(int testIndex)
{
    const QModelIndex source = m_window->treeModel()->indexForTest(testIndex);
    ReportFilterProxy *proxy = m_window->filterProxy();
    QModelIndex row = proxy->mapFromTree(source);
    QStringList widened;
    if (!row.isValid() && source.isValid()) {
        // The tree's filters hide it (a flaky test that passes now, with passed tests hidden): widen them as little
        // as shows it, and say how, rather than select nothing.
        FilterBar *bar = m_window->filterBar();
        const TestStatus status = m_window->treeModel()->report().tests.value(testIndex).status;
        if (!proxy->isStatusVisible(status)) {
            bar->setShowPassed(true);
            widened << tr("passed and skipped tests are shown");
            row = proxy->mapFromTree(source);
        }
        if (!row.isValid() && proxy->historyFilter() != HistoryFilter::All) {
            bar->historyBox()->setCurrentIndex(bar->historyBox()->findData(int(HistoryFilter::All)));
            widened << tr("the history filter shows all tests");
            row = proxy->mapFromTree(source);
        }
        if (!row.isValid() && !bar->searchField()->text().isEmpty()) {
            bar->searchField()->clear();
            bar->applyNow();
            widened << tr("the search is cleared");
            row = proxy->mapFromTree(source);
        }
    }
    if (!row.isValid()) {
        m_current->setText(tr("The tree's filters hide this test (the change filter of the comparison): choose "
                              "<i>All</i> there to see it."));
        return;
    }
    m_window->treeView()->setCurrentIndex(row);
    if (!widened.isEmpty())
        m_current->setText(m_current->text() + tr("<br><i>Shown in the tree: %1.</i>").arg(widened.join(tr("; "))));
}

void HistoryPanel::showCurrent()
{
    auto *strip = static_cast<StripWidget *>(m_currentStrip);
    m_trend->hide();
    strip->setStrip({});
    m_current->clear();
    const QModelIndex index = m_window->treeView()->currentIndex();
    if (!m_history || !index.isValid())
        return;
    const auto kind = NodeKind(index.data(NodeKindRole).toInt());
    const int ref = index.data(ReportIndexRole).toInt();
    const Report &report = m_window->treeModel()->report();
    if (kind == NodeKind::Test && ref >= 0) {
        const JudgedTest *t = m_history->testAt(ref);
        if (!t) {
            m_current->setText(
                tr("%1: not in the stored runs").arg(breakableName(report.tests[ref].name).toHtmlEscaped()));
            return;
        }
        QString badge;
        if (t->verdict.kind == HistoryKind::Flaky)
            badge = QStringLiteral("<span style='background:#ef6c00;color:white'>&nbsp;flaky&nbsp;</span> ");
        else if (t->verdict.newFailure)
            badge = t->knownIssue.isEmpty()
                ? QStringLiteral("<span style='background:#c62828;color:white'>&nbsp;new&nbsp;</span> ")
                : QStringLiteral("<span style='background:#616161;color:white'>&nbsp;known %1&nbsp;</span> ")
                      .arg(t->knownIssue.toHtmlEscaped());
        QString text = badge
            + QStringLiteral("<b>%1</b><br>%2: %3")
                  .arg(breakableName(report.tests[ref].name).toHtmlEscaped(), historyKindName(t->verdict.kind),
                      t->verdict.explanation());
        if (!t->failingSinceRun.isEmpty() && t->verdict.kind != HistoryKind::Flaky)
            text += tr("<br>Failing since %1").arg(t->failingSinceRun.toHtmlEscaped());
        const qint64 carried = t->timeline.carriedFrom.isEmpty() ? 0 : t->timeline.carriedFrom.last();
        if (carried > 0)
            text += tr("<br>Put in the gap “%1”, carried from run #%2")
                        .arg(gapTitle(report, *m_history, t->timeline.gaps.last()).toHtmlEscaped())
                        .arg(carried);
        m_current->setText(text);
        strip->setStrip(m_history->strip(ref));
        return;
    }
    if (kind == NodeKind::Gap && ref >= 0) {
        const Gap &gap = report.gaps[ref];
        const GapTrend *stored = m_history->gapTrend(gap.id);
        m_current->setText(stored
                ? tr("<b>%1</b>: failing tests per run (this run as triaged now, earlier runs as stored)%2")
                      .arg(breakableName(gap.title).toHtmlEscaped(),
                          stored->tracker.isEmpty() ? QString()
                                                    : tr(" · known issue %1").arg(stored->tracker.toHtmlEscaped()))
                : tr("<b>%1</b>: not in the stored runs").arg(gap.title.toHtmlEscaped()));
        if (stored && !stored->failures.isEmpty()) {
            // The open run's bar follows the triage made since it was stored (tests moved in or out), as the
            // tree does; the earlier runs are what the store holds.
            GapTrend trend = *stored;
            int now = 0;
            for (const TestCase &t : report.tests)
                now += t.gapId == gap.id && failsInRun(t) ? 1 : 0;
            trend.failures.last() = now;
            m_trend->setTrend(&trend, m_history->window);
            m_trend->show();
            // In a dock too short for the whole panel (attachHistoryPanel's scroll area): the chart in view, once
            // the layout has placed it.
            QTimer::singleShot(0, this, [this] {
                if (auto *scroll
                    = qobject_cast<QScrollArea *>(parentWidget() ? parentWidget()->parentWidget() : nullptr))
                    scroll->ensureWidgetVisible(m_trend, 0, 0);
            });
        }
    }
}

HistoryPanel *attachHistoryPanel(MainWindow *window, const QString &storePath, bool addRuns)
{
    auto *dock = new QDockWidget(QObject::tr("Run history"), window);
    dock->setObjectName(QStringLiteral("runHistoryDock"));
    // In a scroll area: a dock shorter than the panel (a small window, the Shared triage dock below it) scrolls
    // instead of cutting off the bottom of the trend chart, its run labels first.
    auto *scroll = new QScrollArea(dock);
    scroll->setObjectName(QStringLiteral("runHistoryScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *panel = new HistoryPanel(window, storePath, addRuns, scroll);
    scroll->setWidget(panel);
    // 300 px, 22 % of a 1366 px window: the strip, the test and why on the lines below; a quarter (330) left
    // the tree's longest seed names 12 px short. The dock's width, scroll bar or not (it takes from the panel).
    // The user may narrow it to 40 characters (the panel's labels wrap): with the Shared triage dock below it, a
    // minimum of 300 px helped make the window too wide for a 1024 px screen.
    const int em = window->fontMetrics().averageCharWidth();
    scroll->setMinimumWidth(qMin(300, em * 40));
    dock->setWidget(scroll);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    window->resizeDocks({ dock }, { 300 }, Qt::Horizontal);
    // On a first run the tree keeps seven tenths of the rest when shown (MainWindow::showEvent), room for its
    // names beside the strips.
    window->resplitPanes();
    return panel;
}
