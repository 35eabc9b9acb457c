// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisonbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

ComparisonBanner::ComparisonBanner(QWidget *parent)
    : BannerFrame(parent)
    , m_second(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_details(new QPushButton(tr("Show details"), this))
    , m_end(new QPushButton(tr("End comparison"), this))
    , m_dismiss(new QPushButton(tr("Dismiss"), this))
{
    setObjectName(QStringLiteral("comparisonBanner"));
    m_label->setObjectName(QStringLiteral("comparisonSummary"));
    m_label->setTextFormat(Qt::RichText);
    m_second->setWordWrap(true);
    m_second->setTextFormat(Qt::RichText);
    m_second->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busy->setRange(0, 0); // indeterminate: reading, matching and carrying over have no useful percentage
    m_busy->setMaximumWidth(160);
    m_busy->setTextVisible(false);
    m_details->setToolTip(tr("Every changed test, the per-gap and per-phase deltas, what was not carried over"));
    m_end->setToolTip(tr("Leave comparison mode; carried-over triage stays (undo it with Edit > Undo)"));

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_label);
    text->addWidget(m_second);
    m_row->addLayout(text, 1);
    for (QWidget *w : { static_cast<QWidget *>(m_busy), static_cast<QWidget *>(m_cancel),
             static_cast<QWidget *>(m_details), static_cast<QWidget *>(m_end), static_cast<QWidget *>(m_dismiss) })
        m_row->addWidget(w, 0, Qt::AlignTop);
    connect(m_cancel, &QPushButton::clicked, this, &ComparisonBanner::cancelRequested);
    connect(m_details, &QPushButton::clicked, this, &ComparisonBanner::detailsRequested);
    connect(m_end, &QPushButton::clicked, this, &ComparisonBanner::endRequested);
    connect(m_dismiss, &QPushButton::clicked, this, &ComparisonBanner::dismissRequested);
}

// Each state shows its own buttons: Cancel while running, Show details / End on a result, Dismiss on a failure.
void ComparisonBanner::showState(State state, const QColor &color)
{
    tint(color, 0.2);
    m_busy->setVisible(state == State::Running);
    m_cancel->setVisible(state == State::Running);
    m_details->setVisible(state == State::Result);
    m_end->setVisible(state == State::Result);
    m_dismiss->setVisible(state == State::Failure);
    show();
}

void ComparisonBanner::showRunning(const QString &text)
{
    m_label->setText(text.toHtmlEscaped());
    m_second->hide();
    showState(State::Running, QColor(0x90, 0xa4, 0xae));
}

void ComparisonBanner::showResult(const QString &html, const QString &detailsHtml)
{
    m_label->setText(html);
    m_second->setText(detailsHtml);
    m_second->setVisible(!detailsHtml.isEmpty());
    showState(State::Result, QColor(0x42, 0x85, 0xf4));
}

void ComparisonBanner::showFailure(const QString &text)
{
    m_label->setText(text.toHtmlEscaped());
    m_second->hide();
    showState(State::Failure, QColor(0xd6, 0x45, 0x41));
}

QString ComparisonBanner::detailsText() const
{
    return m_second->isVisibleTo(this) ? plainText(m_second->text()) : QString();
}
