// SPDX-License-Identifier: GPL-3.0-or-later
#include "importprogress.h"

#include "importrunner.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QProgressBar>
#include <QToolButton>

ImportProgress::ImportProgress(ImportRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("importProgress"));
    // A fixed width: the status bar squeezed the bar below its text, which then wrapped onto two cut lines.
    m_bar->setFixedWidth(fontMetrics().averageCharWidth() * 34);
    m_bar->setTextVisible(true);
    m_cancel->setObjectName(QStringLiteral("cancelImport"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop importing; the report that is open stays open"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    hide();

    connect(m_cancel, &QToolButton::clicked, runner, &ImportRunner::cancel);
    connect(runner, &ImportRunner::started, this, [this](const QString &path) {
        m_bar->setRange(0, 0); // busy until the first progress step
        // The file name elided in its middle so that the whole line fits the bar (its tooltip has the path).
        const QString rest = tr("Opening %1… %p%");
        const int room = m_bar->width()
            - fontMetrics().horizontalAdvance(rest.arg(QString()).replace(QLatin1String("%p"), QLatin1String("100")))
            - fontMetrics().averageCharWidth() * 4;
        m_bar->setFormat(rest.arg(fontMetrics().elidedText(QFileInfo(path).fileName(), Qt::ElideMiddle, room)));
        m_bar->setToolTip(path);
        show();
    });
    connect(runner, &ImportRunner::progress, this, [this](int permille) {
        m_bar->setRange(0, 1000);
        m_bar->setValue(permille);
    });
    connect(runner, &ImportRunner::loaded, this, &QWidget::hide);
    connect(runner, &ImportRunner::failed, this, &QWidget::hide);
    connect(runner, &ImportRunner::cancelled, this, &QWidget::hide);
}
