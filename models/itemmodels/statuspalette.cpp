// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuspalette.h"

#include <QPainter>
#include <QPixmap>

#include <array>

namespace Gapwise {

QColor statusColor(TestStatus status)
{
    switch (status) {
    case TestStatus::Passed:
        return QColor(0x2e, 0x9d, 0x4a);
    case TestStatus::Failed:
        return QColor(0xd6, 0x45, 0x41);
    case TestStatus::Error:
        return QColor(0xe6, 0x7e, 0x22);
    case TestStatus::Skipped:
        return QColor(0x8e, 0x8e, 0x93);
    case TestStatus::Unknown:
        break;
    }
    return QColor(0x60, 0x7d, 0x8b);
}

QColor priorityColor(Priority priority)
{
    switch (priority) {
    case Priority::P0:
        return QColor(0xc6, 0x28, 0x28);
    case Priority::P1:
        return QColor(0xef, 0x6c, 0x00);
    case Priority::P2:
        return QColor(0xd4, 0xa0, 0x17);
    case Priority::P3:
        return QColor(0x1e, 0x88, 0xe5);
    case Priority::None:
        break;
    }
    return QColor(0x78, 0x90, 0x9c);
}

static QIcon makeDisc(const QColor &color)
{
    QIcon icon;
    // Several sizes so the icon stays crisp at 100 % and on a 4K screen at 200 %.
    for (int size : { 16, 32, 64 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(color.darker(130), size / 16.0));
        painter.setBrush(color);
        const qreal margin = size * 0.22;
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QIcon statusIcon(TestStatus status)
{
    static const std::array<QIcon, 5> icons = { makeDisc(statusColor(TestStatus::Passed)),
        makeDisc(statusColor(TestStatus::Failed)), makeDisc(statusColor(TestStatus::Error)),
        makeDisc(statusColor(TestStatus::Skipped)), makeDisc(statusColor(TestStatus::Unknown)) };
    return icons[static_cast<size_t>(status)];
}

int statusSeverityRank(TestStatus status)
{
    switch (status) {
    case TestStatus::Failed:
        return 0;
    case TestStatus::Error:
        return 1;
    case TestStatus::Unknown:
        return 2;
    case TestStatus::Skipped:
        return 3;
    case TestStatus::Passed:
        return 4;
    }
    return 2;
}

QFont suggestionFont()
{
    QFont font;
    font.setItalic(true);
    return font;
}

QColor changeColor(ChangeClass change)
{
    switch (change) {
    case ChangeClass::NewFailure:
        return QColor(0xc6, 0x28, 0x28);
    case ChangeClass::Fixed:
    case ChangeClass::NewlyPassing:
        return QColor(0x2e, 0x7d, 0x32);
    case ChangeClass::StillFailing:
        return QColor(0xb2, 0x6a, 0x00);
    case ChangeClass::KnownFailure:
        return QColor(0x6a, 0x1b, 0x9a);
    default:
        return {};
    }
}

} // namespace Gapwise
