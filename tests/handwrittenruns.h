// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

// Small JUnit runs written out test by test, for history tests that need a shape the generated series
// (historyseries.h) does not have: a test that leaves the suite, a name two classes share.
namespace HandwrittenRuns {

struct Case
{
    QString classname;
    QString name;
    // '.' passes, 'F' fails ("RuntimeError: broken" for all: no test's name in a gap title), 's' is skipped
    char outcome = '.';
    QString message = QString(); // a failure's message when not empty ("expected:<1> but was:<2>")
};

// dir/run<N>.xml: one suite "nightly" dated 2025-09-<10 + N> 02:00 UTC, so runs sort by N. Throws
// std::runtime_error naming the file when it cannot be written.
QString write(const QString &dir, int n, const QVector<Case> &cases);

// One test through a series of runs: its outcome in each, a character a run as in Case ('.', 'F', 's'), or ' '
// where that run does not have the test.
struct Row
{
    QString classname;
    QString name;
    QByteArray outcomes;
    QString message = QString(); // its failures' message when not empty, as in Case
};

// The runs dir/run1.xml … run<N>.xml (write()), N the length of the rows' outcomes, each holding the rows it has
// in the rows' order: their paths, oldest first.
QStringList writeRuns(const QString &dir, const QVector<Row> &rows);

} // namespace HandwrittenRuns
