// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QPicture>
#include <QRectF>
#include <QVector>

class QPainter;
class QPaintDevice;

// Flows text, rules and pictures down pages of a fixed content rectangle and remembers what goes where, so
// the pages can be painted afterwards knowing their total ("Page 3 of 12"). Lines are never cut: a
// paragraph breaks between its lines, and a page that starts inside a section repeats its heading with
// "(continued)". Text stays text (drawText), so the PDF is selectable and searchable.
// Units are the device's own (no painter scaling: fonts are sized by the device's resolution).
class PdfPageLayout
{
public:
    PdfPageLayout(QPaintDevice *device, const QRectF &content);

    qreal pt(qreal points) const { return points * m_dpi / 72.0; } // points → device units
    const QRectF &content() const { return m_content; }
    qreal remaining() const { return m_content.bottom() - m_y; }
    int pageCount() const { return int(m_pages.size()); }

    // Wrapped text; lines go to the next page when the current one is full.
    void text(const QString &text, const QFont &font, qreal indent = 0, const QColor &color = Qt::black);
    // Text cells at the given x offsets (table rows), a long cell wrapped onto up to MaxCellLines lines (the
    // row as tall as its tallest cell); never split across pages.
    static constexpr int MaxCellLines = 3;
    void row(const QStringList &cells, const QVector<qreal> &columns, const QFont &font,
        bool alignRightFromSecond = false, const QColor &color = Qt::black);
    void rule(qreal thickness = 0.5, const QColor &color = QColor(0x99, 0x99, 0x99));
    void space(qreal points);
    // `source` is the size the picture was recorded at; `size` what it takes on the page, in device units.
    void picture(const QPicture &picture, const QSizeF &source, const QSizeF &size);
    // A new page unless `height` still fits (keeps a heading with its first lines).
    void keepWithNext(qreal height);
    void newPage();
    // Repeated, with " (continued)", at the top of every page started inside the section; empty to end it.
    void setContinuation(const QString &heading, const QFont &font);

    qreal lineHeight(const QFont &font) const;
    qreal textWidth(const QString &text, const QFont &font);

    // Paints page `index` (the caller has started the page on the device).
    void paintPage(QPainter &painter, int index) const;

private:
    struct Op
    {
        enum Kind
        {
            Text,
            Line,
            Picture
        } kind
            = Text;
        QPointF pos; // Text: baseline start; Line: start; Picture: top left
        QPointF end; // Line: end; Picture: size
        QString text;
        int font = -1; // index into m_fonts
        QColor color;
        qreal width = 0; // Line thickness
        int picture = -1; // index into m_pictures
        QSizeF source; // Picture: recorded size
    };
    int fontIndex(const QFont &font);
    void addText(const QPointF &baseline, const QString &text, int font, const QColor &color);
    void ensure(qreal height);
    void startPage();

    QPaintDevice *m_device;
    QRectF m_content;
    qreal m_dpi;
    qreal m_y;
    QVector<QVector<Op>> m_pages;
    QVector<QFont> m_fonts;
    QVector<QFontMetricsF> m_metrics; // parallel to m_fonts
    QVector<QPicture> m_pictures;
    QString m_continuation;
    QFont m_continuationFont;
};
