// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QStringList>

namespace GapwiseBench {

// Writes a synthetic, deterministic JUnit XML report of `testcases` tests: pytest-style classnames and
// files under tests/unit, tests/integration and tests/e2e, suites of 200 tests, about 4% failures and
// 1% errors whose messages vary only in ids, numbers, paths and ports (so they group into a few causes),
// short tracebacks, some skips and captured output. About 180 bytes per testcase.
void writeSyntheticJUnit(QIODevice &out, int testcases, quint32 seed = 1);

// The benchmarks' sizes: the numbers on the command line after the program name, else 1k, 10k and 100k.
QList<int> benchmarkSizes(const QStringList &arguments);
// Writes synthetic-N.xml into `dir`; the path, or an empty string when it cannot be written.
QString writeSyntheticJUnitFile(const QString &dir, int testcases);

} // namespace GapwiseBench
