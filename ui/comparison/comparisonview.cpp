// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisonview.h"

#include "comparewithrun.h"
#include "comparisonchart.h"
#include "comparisoncolumns.h"
#include "comparisontablemodel.h"
#include "importer.h"
#include "triagedrun.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Gapwise;

ComparisonView::ComparisonView(QWidget *parent)
    : QWidget(parent)
    , m_model(new ComparisonTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_summary(new QLabel(this))
    , m_filter(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_columns(new ComparisonColumns(m_table))
    , m_chart(new ComparisonChart(this))
    , m_notCarried(new QLabel(this))
{
    setWindowTitle(tr("Compare runs"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(ComparisonTableModel::ChangeKeyRole);
    m_proxy->setFilterKeyColumn(ComparisonTableModel::ChangeColumn);
    m_table->setModel(m_proxy);
    m_proxy->setSortRole(ComparisonTableModel::SortRole);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ComparisonTableModel::ChangeColumn, Qt::AscendingOrder); // new failures first
    m_table->setWordWrap(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_notCarried->setWordWrap(true);
    m_notCarried->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_filter->addItem(tr("All changes"), QString());
    for (int c = 0; c < ChangeClassCount; ++c) {
        if (ChangeClass(c) != ChangeClass::Unchanged)
            m_filter->addItem(changeClassTitle(ChangeClass(c)), changeClassKey(ChangeClass(c)));
    }
    connect(m_filter, &QComboBox::currentIndexChanged, this, &ComparisonView::filterChanged);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_table);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({ 660, 440 });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addWidget(m_notCarried);

    // A window of its own: Escape and Ctrl+W close it, as they do a dialog.
    auto *closeAction = new QAction(tr("Close"), this);
    // The platform's Close keys (Ctrl+F4 on some), and Ctrl+W everywhere.
    QList<QKeySequence> closeKeys = QKeySequence::keyBindings(QKeySequence::Close);
    for (const QKeySequence &key : { QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_W) }) {
        if (!closeKeys.contains(key))
            closeKeys << key;
    }
    closeAction->setShortcuts(closeKeys);
    closeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(closeAction, &QAction::triggered, this, &QWidget::close);
    addAction(closeAction);

    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] { present(m_watcher.result()); });
}

ComparisonView::~ComparisonView()
{
    m_watcher.waitForFinished(); // the worker holds no pointer to us, but its result is delivered here
}

const ComparisonDigest &ComparisonView::digest() const
{
    return m_model->digest();
}

void ComparisonView::showDigest(const ComparisonDigest &digest)
{
    present({ digest, QString() });
}

void ComparisonView::updateDigest(const ComparisonDigest &digest)
{
    m_model->updateDigest(digest);
    showSummaryOf(digest);
}

void ComparisonView::compare(const QString &oldPath, const QString &newPath)
{
    m_summary->setText(tr("Comparing with %1…").arg(oldPath.toHtmlEscaped()));
    m_watcher.setFuture(QtConcurrent::run(&ComparisonView::run, oldPath, newPath));
}

ComparisonView::Outcome ComparisonView::run(const QString &oldPath, const QString &newPath)
{
    Outcome outcome;
    const auto oldRun = loadTriagedRun(oldPath, &outcome.error);
    if (!oldRun)
        return outcome;
    const ImportResult newRun = importFile(newPath);
    if (!newRun.ok()) {
        outcome.error = newRun.error.toString();
        return outcome;
    }
    outcome.digest = compareAndCarry(*oldRun, *newRun.report).digest;
    return outcome;
}

void ComparisonView::present(const Outcome &outcome)
{
    if (!outcome.error.isEmpty()) {
        m_summary->setText(tr("Cannot compare: %1").arg(outcome.error.toHtmlEscaped()));
        Q_EMIT failed(outcome.error);
        return;
    }
    m_model->setDigest(outcome.digest);
    showSummaryOf(outcome.digest);
    Q_EMIT compared();
}

void ComparisonView::showSummaryOf(const ComparisonDigest &d)
{
    // Named as the banner names it: any earlier run or session may be the one compared with, not only the last (QA).
    QString html = tr("<b>Compared with</b> %1:").arg(oldSideText(d).toHtmlEscaped());
    const QStringList lines = sinceLastRunLines(d, QLocale());
    html += QLatin1String(" ") + lines.mid(0, 7).join(QStringLiteral(" · ")).toHtmlEscaped();
    if (lines.size() > 7)
        html += QLatin1String("<br>") + lines.mid(7).join(QStringLiteral(" · ")).toHtmlEscaped();
    m_summary->setText(html);
    m_chart->setDeltas(d.gaps);
    m_notCarried->setVisible(!d.notCarried.isEmpty());
    m_notCarried->setText(tr("Not carried over: %1").arg(d.notCarried.join(QLatin1String("; "))));
    m_columns->fit(); // a digest updated by triage may have longer gap titles
}

void ComparisonView::filterChanged()
{
    const QString key = m_filter->currentData().toString();
    m_proxy->setFilterRegularExpression(key.isEmpty() ? QString() : QLatin1Char('^') + key + QLatin1Char('$'));
}
