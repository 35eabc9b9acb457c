// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfpagelayout.h"

#include "displaytext.h"
#include "labelwrap.h"

#include <QFontMetrics>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QTextLayout>

PdfPageLayout::PdfPageLayout(QPaintDevice *device, const QRectF &content)
    : m_device(device)
    , m_content(content)
    , m_dpi(device->logicalDpiY())
    , m_y(content.top())
{
    m_pages.append(QVector<Op>());
}

int PdfPageLayout::fontIndex(const QFont &font)
{
    // A handful of fonts serve thousands of lines: store each once.
    for (int i = 0; i < m_fonts.size(); ++i) {
        if (m_fonts[i] == font)
            return i;
    }
    m_fonts.append(font);
    m_metrics.append(QFontMetricsF(font, m_device));
    return int(m_fonts.size()) - 1;
}

void PdfPageLayout::addText(const QPointF &baseline, const QString &text, int font, const QColor &color)
{
    Op op;
    op.kind = Op::Text;
    op.pos = baseline;
    op.text = text;
    op.font = font;
    op.color = color;
    m_pages.last().append(op);
}

qreal PdfPageLayout::lineHeight(const QFont &font) const
{
    return QFontMetricsF(font, m_device).lineSpacing();
}

qreal PdfPageLayout::textWidth(const QString &text, const QFont &font)
{
    return m_metrics[fontIndex(font)].horizontalAdvance(text);
}

void PdfPageLayout::newPage()
{
    m_pages.append(QVector<Op>());
    m_y = m_content.top();
    startPage();
}

void PdfPageLayout::startPage()
{
    if (m_continuation.isEmpty())
        return;
    const QFontMetricsF metrics(m_continuationFont, m_device);
    // One line within the margins: a long gap title and phase ran past the page's right edge (QA). The middle
    // goes, so the gap's start and the phase's name stay.
    const QString suffix = QStringLiteral(" (continued)");
    const QString heading
        = metrics.elidedText(m_continuation, Qt::ElideMiddle, m_content.width() - metrics.horizontalAdvance(suffix))
        + suffix;
    addText(QPointF(m_content.left(), m_y + metrics.ascent()), heading, fontIndex(m_continuationFont),
        QColor(0x55, 0x55, 0x55));
    m_y += metrics.lineSpacing() + pt(4);
}

void PdfPageLayout::ensure(qreal height)
{
    if (m_y + height > m_content.bottom() && m_y > m_content.top() + pt(1))
        newPage();
}

void PdfPageLayout::keepWithNext(qreal height)
{
    ensure(height);
}

void PdfPageLayout::setContinuation(const QString &heading, const QFont &font)
{
    m_continuation = heading;
    m_continuationFont = font;
}

void PdfPageLayout::text(const QString &text, const QFont &font, qreal indent, const QColor &color)
{
    if (text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))) {
        // A line break the text holds (notes an engineer typed on several lines) starts a new line here too:
        // QTextLayout would draw it as nothing and run the lines together.
        QStringList lines = Gapwise::textLines(text);
        while (lines.size() > 1 && lines.last().trimmed().isEmpty())
            lines.removeLast(); // a message's final newline adds no blank line
        for (const QString &line : std::as_const(lines))
            this->text(line, font, indent, color);
        return;
    }
    const int fi = fontIndex(font);
    const QFontMetricsF &metrics = m_metrics[fi];
    const qreal width = m_content.width() - indent;
    // Most lines (test names, short messages) fit: skip the text layout, the export's hot path at 5,000 tests.
    if (metrics.horizontalAdvance(text) <= width) {
        ensure(metrics.lineSpacing());
        addText(QPointF(m_content.left() + indent, m_y + metrics.ascent()), text, fi, color);
        m_y += metrics.lineSpacing();
        return;
    }
    QTextLayout layout(text, font, m_device);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        ensure(metrics.lineSpacing());
        const QString part = text.mid(line.textStart(), line.textLength()).trimmed();
        if (!part.isEmpty()) {
            addText(QPointF(m_content.left() + indent, m_y + metrics.ascent()), part, fi, color);
        }
        m_y += metrics.lineSpacing();
    }
    layout.endLayout();
}

void PdfPageLayout::row(const QStringList &cells, const QVector<qreal> &columns, const QFont &font,
    bool alignRightFromSecond, const QColor &color)
{
    const int fi = fontIndex(font);
    const QFontMetricsF &metrics = m_metrics[fi];
    // A cell too long for its column ("Integration Tests (Non-Docker)") wraps onto up to three lines and the
    // row grows with it; only what is longer still is elided.
    const QFontMetrics wrapMetrics(font, m_device);
    QVector<QStringList> lines;
    int height = 1;
    for (int i = 0; i < cells.size() && i < columns.size(); ++i) {
        const qreal right = i + 1 < columns.size() ? columns[i + 1] : m_content.width();
        const qreal cellWidth = right - columns[i] - pt(6) - (i == 0 || !alignRightFromSecond ? pt(8) : 0);
        lines.append(Gapwise::wrapLabel(cells[i], wrapMetrics, int(cellWidth), MaxCellLines).split(QLatin1Char('\n')));
        height = qMax(height, int(lines.last().size()));
    }
    ensure(metrics.lineSpacing() * height);
    for (int i = 0; i < lines.size(); ++i) {
        const qreal right = i + 1 < columns.size() ? columns[i + 1] : m_content.width();
        const qreal cellWidth = right - columns[i] - pt(6);
        for (int l = 0; l < lines[i].size(); ++l) {
            const QString &cell = lines[i][l];
            qreal x = m_content.left() + columns[i];
            if (alignRightFromSecond && i > 0)
                x += cellWidth - metrics.horizontalAdvance(cell);
            else if (l > 0)
                x += pt(8); // a hanging indent: the cell's next line, not the next row
            addText(QPointF(x, m_y + metrics.lineSpacing() * l + metrics.ascent()), cell, fi, color);
        }
    }
    m_y += metrics.lineSpacing() * height + (height > 1 ? pt(2) : 0);
}

void PdfPageLayout::rule(qreal thickness, const QColor &color)
{
    ensure(pt(4));
    m_y += pt(2);
    Op op;
    op.kind = Op::Line;
    op.pos = QPointF(m_content.left(), m_y);
    op.end = QPointF(m_content.right(), m_y);
    op.color = color;
    op.width = pt(thickness);
    m_pages.last().append(op);
    m_y += pt(2);
}

void PdfPageLayout::space(qreal points)
{
    m_y = qMin(m_content.bottom(), m_y + pt(points));
}

void PdfPageLayout::picture(const QPicture &picture, const QSizeF &source, const QSizeF &size)
{
    ensure(size.height());
    m_pictures.append(picture);
    Op op;
    op.kind = Op::Picture;
    op.pos = QPointF(m_content.left(), m_y);
    op.end = QPointF(size.width(), size.height());
    op.picture = int(m_pictures.size()) - 1;
    op.source = source;
    m_pages.last().append(op);
    m_y += size.height();
}

void PdfPageLayout::paintPage(QPainter &painter, int index) const
{
    int font = -1;
    QColor color;
    for (const Op &op : m_pages.at(index)) {
        switch (op.kind) {
        case Op::Text:
            if (op.font != font) {
                font = op.font;
                painter.setFont(m_fonts[font]);
            }
            if (op.color != color) {
                color = op.color;
                painter.setPen(color);
            }
            painter.drawText(op.pos, op.text);
            break;
        case Op::Line:
            painter.setPen(QPen(op.color, op.width));
            painter.drawLine(op.pos, op.end);
            color = QColor(); // the pen is no longer the text's
            break;
        case Op::Picture: {
            // Charts are recorded at screen resolution; only the picture is scaled, never the text around it.
            const QPicture &pic = m_pictures[op.picture];
            painter.save();
            painter.translate(op.pos);
            // QPicture::play already scales from the picture's resolution to the device's; scale only the rest.
            const qreal dpiRatioX = qreal(pic.logicalDpiX()) / painter.device()->logicalDpiX();
            const qreal dpiRatioY = qreal(pic.logicalDpiY()) / painter.device()->logicalDpiY();
            if (!op.source.isEmpty())
                painter.scale(op.end.x() / op.source.width() * dpiRatioX, op.end.y() / op.source.height() * dpiRatioY);
            painter.drawPicture(0, 0, pic);
            painter.restore();
            font = -1;
            color = QColor();
            break;
        }
        }
    }
}
