// SPDX-License-Identifier: GPL-3.0-or-later
#include "testnamedelegate.h"
#include "colorblend.h"

#include "displaytext.h"
#include "reportroles.h"
#include "testnameparts.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

using namespace Gapwise;

namespace {
constexpr int MaxPaintedChars = 1000;
}

QString TestNameDelegate::shownName(const QFontMetrics &metrics, const QString &name, int width)
{
    return metrics.elidedText(name, Qt::ElideMiddle, width);
}

void TestNameDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text = onOneLine(opt.text); // a row has one line: a name's line break would draw over the next row
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const bool testName = index.column() == 0 && index.data(NodeKindRole).toInt() == int(NodeKind::Test);
    TestNameParts parts = testName ? splitTestName(opt.text) : TestNameParts { opt.text, QString() };
    if (testName) // names of one class share their start and differ at the end: a cut keeps both
        opt.textElideMode = Qt::ElideMiddle;
    if (parts.context.isEmpty() && parts.own == opt.text) {
        // No cell shows thousands of characters, and eliding millions (a test named by a 3 MB line) took
        // seconds at each paint.
        opt.text = cutForDisplay(opt.text, MaxPaintedChars);
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        return;
    }
    parts.own = cutForDisplay(parts.own, MaxPaintedChars);
    parts.context = parts.context.right(MaxPaintedChars); // its end is what shows
    // A jest title written as class and name ("t::t") shows once: its context adds nothing.
    // The background, selection and focus as the style draws them, then the two parts of the text.
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    QRect rect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(margin, 0, -margin, 0);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
        : (opt.state & QStyle::State_Active)                                ? QPalette::Active
                                                                            : QPalette::Inactive;
    const QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor background
        = selected ? opt.palette.color(group, QPalette::Highlight) : opt.palette.color(group, QPalette::Base);
    // Dimmed: two thirds of the way from the background to the text, readable on light and dark palettes.
    const QColor dim = blend(background, text, 0.62);

    painter->save();
    painter->setFont(opt.font);
    const QFontMetrics fm(opt.font);
    const QString own = shownName(fm, parts.own, rect.width());
    painter->setPen(text);
    painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, own);
    const int gap = fm.horizontalAdvance(QLatin1Char(' ')) * 3;
    const QRect rest = rect.adjusted(fm.horizontalAdvance(own) + gap, 0, 0, 0);
    if (!parts.context.isEmpty() && own == parts.own && rest.width() > fm.averageCharWidth() * 4) {
        // The context's end (file, class) sits next to the name; its start goes first when space is short.
        painter->setPen(dim);
        painter->drawText(rest, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
            fm.elidedText(parts.context, Qt::ElideLeft, rest.width()));
    }
    painter->restore();
}
