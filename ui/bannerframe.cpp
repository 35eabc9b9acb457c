// SPDX-License-Identifier: GPL-3.0-or-later
#include "bannerframe.h"
#include "colorblend.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTextDocument>

BannerFrame::BannerFrame(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_row(new QHBoxLayout(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setWordWrap(true);
    m_row->setContentsMargins(8, 4, 4, 4);
    hide();
}

QString BannerFrame::text() const
{
    return m_label->textFormat() == Qt::RichText ? plainText(m_label->text()) : m_label->text();
}

QString BannerFrame::plainText(const QString &html)
{
    QTextDocument doc;
    doc.setHtml(html);
    return doc.toPlainText();
}

void BannerFrame::tint(const QColor &color, double share)
{
    QPalette pal = palette();
    pal.setColor(QPalette::Window, blend(pal.color(QPalette::Window), color, share));
    setPalette(pal);
}
