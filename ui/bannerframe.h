// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;

// What the window's strips above the views share (the message banner, the comparison banner): a panel
// tinted with a colour that says what kind of news it holds, a wrapping label for the news and a row that
// the strip fills with its own widgets and buttons. Hidden until the strip has something to say.
class BannerFrame : public QFrame
{
    Q_OBJECT
public:
    explicit BannerFrame(QWidget *parent = nullptr);

    // The label's text as the user reads it: a rich-text label's markup is dropped, any other label's text
    // is returned as it was set.
    QString text() const;

protected:
    // Mixes `share` of `color` into the palette's own window colour, so that the strip stays readable in
    // light and dark themes.
    void tint(const QColor &color, double share);
    static QString plainText(const QString &html);

    QLabel *m_label;
    QHBoxLayout *m_row;
};
