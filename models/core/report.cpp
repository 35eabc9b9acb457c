// SPDX-License-Identifier: GPL-3.0-or-later
#include "report.h"
#include "counttext.h"
#include "testdisplayname.h"

#include <QRegularExpression>

namespace Gapwise {

QString distinctTestName(const TestCase &t)
{
    if (!t.id.contains(QLatin1Char('#')))
        return t.name; // most tests: no regular expression to run
    static const QRegularExpression numbered(QStringLiteral("#\\d+$"));
    const QRegularExpressionMatch m = numbered.match(t.id);
    if (!m.hasMatch() || t.name.endsWith(m.captured(0)))
        return t.name;
    return t.name + QLatin1Char(' ') + m.captured(0);
}

int Report::phaseIndex(const QString &phaseId) const
{
    for (int i = 0; i < phases.size(); ++i) {
        if (phases[i].id == phaseId)
            return i;
    }
    return -1;
}

int Report::gapIndex(const QString &gapId) const
{
    for (int i = 0; i < gaps.size(); ++i) {
        if (gaps[i].id == gapId)
            return i;
    }
    return -1;
}

int Report::countTests(TestStatus status) const
{
    return int(std::count_if(tests.cbegin(), tests.cend(), [status](const TestCase &t) { return t.status == status; }));
}

QString Report::shownTitle() const
{
    if (!title.isEmpty())
        return title;
    const QString path = QString(sourceFile).replace(QLatin1Char('\\'), QLatin1Char('/'));
    return path.section(QLatin1Char('/'), -1);
}

bool Report::holdsNothing() const
{
    return title.isEmpty() && phases.isEmpty() && tests.isEmpty() && gaps.isEmpty() && remediation.isEmpty()
        && actions.isEmpty();
}

namespace {

    // "Sept" and "September" alike: the month a name starts with, 0 when it names none.
    int monthNamed(const QString &name)
    {
        static const QStringList months
            = { QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"), QStringLiteral("apr"),
                  QStringLiteral("may"), QStringLiteral("jun"), QStringLiteral("jul"), QStringLiteral("aug"),
                  QStringLiteral("sep"), QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec") };
        return int(months.indexOf(name.left(3).toLower())) + 1;
    }

    // "September 15, 2025", "Sep 15 2025 14:30", "15 September 2025": dates as people write them in a
    // report's header. Without a time of day, midnight, as for "2025-09-15".
    QDateTime writtenOutDateTime(const QString &text)
    {
        static const QString time = QStringLiteral(R"((?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?)?)");
        static const QRegularExpression monthFirst(
            QStringLiteral(R"(^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b)") + time);
        static const QRegularExpression dayFirst(
            QStringLiteral(R"(^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b)") + time);
        int day = 0, month = 0, year = 0;
        QRegularExpressionMatch m = monthFirst.match(text);
        if (m.hasMatch()) {
            month = monthNamed(m.captured(1));
            day = m.captured(2).toInt();
        } else if (m = dayFirst.match(text); m.hasMatch()) {
            day = m.captured(1).toInt();
            month = monthNamed(m.captured(2));
        } else {
            return {};
        }
        year = m.captured(3).toInt();
        const QDate date(year, month, day);
        const QTime clock(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
        if (!date.isValid() || !clock.isValid())
            return {};
        return QDateTime(date, clock, Qt::UTC);
    }

} // namespace

QString unreadFilesText(const QStringList &unreadFiles)
{
    if (unreadFiles.isEmpty())
        return QString();
    return countText(unreadFiles.size(), QStringLiteral("%1 file not imported: "),
               QStringLiteral("%1 files not imported: "), QLocale::c())
        + unreadFiles.join(QLatin1String("; "));
}

QDateTime reportDateTime(const QString &date)
{
    const QString text = date.trimmed();
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!t.isValid()) {
        // "2026-11-30 02:00 UTC", "2026-11-30, nightly": the leading date (and time) is what counts.
        static const QRegularExpression leading(
            QStringLiteral(R"(^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?)"));
        const auto m = leading.match(text);
        if (m.hasMatch()) {
            QString time = m.captured(2).isEmpty() ? QStringLiteral("00:00:00") : m.captured(2);
            if (time.size() == 5)
                time += QStringLiteral(":00");
            t = QDateTime::fromString(m.captured(1) + QLatin1Char('T') + time, Qt::ISODate);
        }
    }
    if (!t.isValid())
        t = writtenOutDateTime(text);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC); // reports rarely say the zone; read them as UTC so the order is stable
    return t;
}

} // namespace Gapwise
