// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowreadable.h"

#include "chartdata.h"
#include "gapchart.h"
#include "mainwindow.h"
#include "phasechart.h"
#include "qcustomplotheader.h"
#include "reportroles.h"
#include "reporttreemodel.h"
#include "testnameparts.h"

#include <QStyle>
#include <QTreeView>

#include <algorithm>
#include <functional>

using namespace Gapwise;

namespace TestSupport {

int nameTextRoom(const QTreeView *tree, const QModelIndex &index)
{
    QStyleOptionViewItem option;
    option.initFrom(tree);
    option.rect = tree->visualRect(index);
    option.features = QStyleOptionViewItem::HasDisplay;
    option.text = index.data().toString();
    option.widget = tree;
    const int margin = tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree) + 1;
    return tree->style()->subElementRect(QStyle::SE_ItemViewItemText, &option, tree).width() - margin * 2;
}

QStringList clippedTestNames(const QTreeView *tree, int *checked)
{
    QStringList clipped;
    int rows = 0;
    const QAbstractItemModel *model = tree->model();
    const QFontMetrics metrics = tree->fontMetrics();
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < model->rowCount(parent); ++r) {
            const QModelIndex index = model->index(r, 0, parent);
            if (index.data(NodeKindRole).toInt() != int(NodeKind::Test)) {
                if (tree->isExpanded(index))
                    walk(index);
                continue;
            }
            ++rows;
            const QString own = splitTestName(index.data().toString()).own;
            const int needs = metrics.horizontalAdvance(own);
            const int has = nameTextRoom(tree, index);
            if (needs > has)
                clipped << QStringLiteral("%1: needs %2 px, has %3 px").arg(own).arg(needs).arg(has);
        }
    };
    walk({});
    if (checked)
        *checked = rows;
    return clipped;
}

QStringList elidedChartLabels(const MainWindow &window)
{
    // The texts the labels show, without the spaces and line breaks wrapping adds or drops.
    const auto flat = [](QString text) { return text.remove(QLatin1Char('\n')).remove(QLatin1Char(' ')); };
    QStringList whole;
    for (const Gap &gap : window.treeModel()->report().gaps)
        whole << flat(gap.title);
    for (const Phase &phase : window.treeModel()->report().phases)
        whole << flat(phase.name) << flat(phaseShortName(phase.name));
    QStringList elided;
    const auto collect = [&](const QCPAxis *axis) {
        const auto ticker = axis->ticker().dynamicCast<QCPAxisTickerText>();
        if (!ticker)
            return;
        for (const QString &label : ticker->ticks()) {
            // Elided at its end, unless the whole title ends so (a suggested title's placeholder: "got …").
            const QString shown = flat(label);
            if (label.endsWith(QChar(0x2026))
                && std::none_of(whole.begin(), whole.end(), [&](const QString &t) { return shown.endsWith(t); }))
                elided << QString(label).replace(QLatin1Char('\n'), QLatin1Char('|'));
        }
    };
    if (const PhaseChart *phases = window.findChild<PhaseChart *>())
        collect(phases->plot()->xAxis);
    if (const GapChart *gaps = window.findChild<GapChart *>())
        collect(gaps->plot()->yAxis);
    return elided;
}

} // namespace TestSupport
