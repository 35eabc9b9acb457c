// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// A nightly run series with planted behaviour, for the history tests and the history benchmark: test i of
// `tests` is, by its index,
//   flaky        (i % 50 == 1): fails in runs where (run + i) % 4 == 0, passes otherwise;
//   regression   (i % 50 == 2): passes until run breakRun(i), fails from it on;
//   failing      (i % 50 == 3): fails in every run;
//   fixed        (i % 50 == 4): fails until the middle of the series, passes after;
//   skipped      (i % 50 == 5): skipped in every run;
//   stable       otherwise: passes.
// Run r is dated 2026-01-01 plus r days, 02:00 UTC. Each kind fails with its own cause (message), so
// failure signatures group them.
namespace HistorySeries {

enum class Kind
{
    Stable,
    Flaky,
    Regression,
    Failing,
    Fixed,
    Skipped
};

struct Spec
{
    int tests = 200;
    int runs = 20;
};

Kind kindOf(int test);
int breakRun(const Spec &spec, int test); // the run a regression starts failing in
bool failsIn(const Spec &spec, int test, int run);
QString testName(int test); // pytest node id "tests/unit/test_mod3.py::test_case_151"

Gapwise::Report report(const Spec &spec, int run); // in memory (the benchmark fills a store with these)
QByteArray junitXml(const Spec &spec, int run); // the same run as a JUnit file
// dir/run-NNN.xml. A file that cannot be written throws std::runtime_error naming it, so a test fails with
// that message rather than on a count.
QString writeJUnit(const Spec &spec, int run, const QString &dir);
QStringList writeJUnitSeries(const Spec &spec, const QString &dir); // every run, oldest first

} // namespace HistorySeries
