// SPDX-License-Identifier: GPL-3.0-or-later
#include "handwrittenruns.h"

#include <QFile>

#include <stdexcept>

namespace HandwrittenRuns {

QString write(const QString &dir, int n, const QVector<Case> &cases)
{
    QString xml = QStringLiteral("<?xml version=\"1.0\"?>\n<testsuites><testsuite name=\"nightly\" "
                                 "timestamp=\"2025-09-%1T02:00:00\">\n")
                      .arg(10 + n, 2, 10, QLatin1Char('0'));
    for (const Case &c : cases) {
        xml += QStringLiteral("<testcase classname=\"%1\" name=\"%2\" time=\"0.1\"").arg(c.classname, c.name);
        xml += c.outcome == 'F'
            ? QStringLiteral("><failure message=\"%1\">trace</failure></testcase>\n")
                  .arg(c.message.isEmpty() ? QStringLiteral("RuntimeError: broken") : c.message.toHtmlEscaped())
            : c.outcome == 's' ? QStringLiteral("><skipped/></testcase>\n")
                               : QStringLiteral("/>\n");
    }
    xml += QStringLiteral("</testsuite></testsuites>\n");
    QString path = QStringLiteral("%1/run%2.xml").arg(dir).arg(n); // not const: returned by move
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(xml.toUtf8()) < 0)
        throw std::runtime_error("cannot write " + path.toStdString());
    return path;
}

QStringList writeRuns(const QString &dir, const QVector<Row> &rows)
{
    const int runs = rows.isEmpty() ? 0 : int(rows.first().outcomes.size());
    QStringList files;
    for (int n = 1; n <= runs; ++n) {
        QVector<Case> cases;
        for (const Row &row : rows) {
            if (row.outcomes.size() != runs)
                throw std::invalid_argument("the rows' outcomes differ in length at " + row.name.toStdString());
            if (row.outcomes[n - 1] != ' ')
                cases.append({ row.classname, row.name, row.outcomes[n - 1], row.message });
        }
        files << write(dir, n, cases);
    }
    return files;
}

} // namespace HandwrittenRuns
