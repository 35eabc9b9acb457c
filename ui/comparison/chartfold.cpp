// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartfold.h"

#include <QSplitter>
#include <QTabBar>
#include <QVBoxLayout>

namespace {

// What a layout gives a widget at the least: its own minimum height where one is set, else its hint's.
int leastHeight(const QWidget *widget)
{
    return widget->minimumHeight() > 0 ? widget->minimumHeight() : widget->minimumSizeHint().height();
}

} // namespace

ChartFold::ChartFold(QSplitter *splitter, QWidget *back, const QString &backTitle, QWidget *front,
    const QString &frontTitle, QWidget *parent)
    : QWidget(parent)
    , m_splitter(splitter)
    , m_back(back)
    , m_front(front)
    , m_tabs(new QTabBar(this))
{
    setObjectName(QStringLiteral("chartFold"));
    m_tabs->setObjectName(QStringLiteral("chartFoldTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setExpanding(false);
    m_tabs->setFocusPolicy(Qt::TabFocus);
    m_tabs->addTab(frontTitle);
    m_tabs->addTab(backTitle);
    m_tabs->setToolTip(tr("The window is too short for both charts: one shows at a time"));
    m_tabs->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    // The window lays this out at minimumSizeHint() (the folded height), not at the two charts' stacked.
    layout->setSizeConstraint(QLayout::SetNoConstraint);
    layout->addWidget(m_tabs);
    layout->addWidget(splitter, 1);
    setSizePolicy(splitter->sizePolicy()); // its share of the window's width (QSplitter keeps it there)
    connect(m_tabs, &QTabBar::currentChanged, this, &ChartFold::showTab);
}

void ChartFold::setFoldable(bool foldable)
{
    if (foldable == m_foldable)
        return;
    m_foldable = foldable;
    updateGeometry();
    refold();
}

QSize ChartFold::minimumSizeHint() const
{
    QSize size = layout()->minimumSize();
    if (m_foldable)
        size.setHeight(m_tabs->sizeHint().height() + qMax(leastHeight(m_back), leastHeight(m_front)));
    return size;
}

void ChartFold::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    refold();
}

int ChartFold::unfoldedHeight() const
{
    return leastHeight(m_back) + leastHeight(m_front) + m_splitter->handleWidth();
}

void ChartFold::refold()
{
    // Decided on this widget's height alone, which folding does not change: no back and forth.
    const bool fold = m_foldable && height() < unfoldedHeight();
    if (fold == m_folded)
        return;
    m_folded = fold;
    if (fold) {
        m_sizes = m_splitter->sizes();
        m_tabs->show();
        showTab(m_tabs->currentIndex());
    } else {
        m_tabs->hide();
        m_back->show();
        m_front->show();
        if (m_sizes.size() == m_splitter->count())
            m_splitter->setSizes(m_sizes);
    }
}

void ChartFold::showTab(int index)
{
    if (!m_folded)
        return;
    m_front->setVisible(index == 0);
    m_back->setVisible(index != 0);
}
