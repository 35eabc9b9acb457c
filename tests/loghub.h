// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

// Loghub-2k as failing tests (../shared/corpus/loghub-2k/README.md): one JUnit testcase per log line, its
// failure message the line's Content; the suggested gaps are the predicted groups. Shared by the GA test
// (tst_signatures_loghub.cpp) and gapwise_loghubga, which measures any directory of such CSV files.
namespace Loghub {

struct Line
{
    QString content;
    QString eventId; // the true group
};

// The lines of a Loghub "_structured" CSV (quoted fields, "" escapes); empty when it cannot be read.
QVector<Line> readCsv(const QString &path);

// A JUnit report with one failing testcase per line, named "<system>.line<n>", the Content as message.
QByteArray junitOf(const QString &system, const QVector<Line> &lines);

// Grouping accuracy: the share of lines whose predicted group holds exactly the lines of their true group.
// predicted[i] is line i's group; an empty one is a group of its own.
double groupingAccuracy(const QVector<Line> &lines, const QStringList &predicted);

} // namespace Loghub
