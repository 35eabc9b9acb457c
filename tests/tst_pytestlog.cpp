// SPDX-License-Identifier: GPL-3.0-or-later
// pytest terminal output: -v results, failure sections, collection (import) errors, summary and tally.
#include "pytestlog.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QFile>

#include <algorithm>
#include <atomic>

using namespace Gapwise;
using namespace TestSupport;

TEST_CASE("pytest log: a -v session with failures, setup errors, import errors, summary and tally", "[pytestlog]")
{
    const Report r = importOrFail(dataPath(QStringLiteral("pytest/verbose-run.log")));
    CHECK(r.format == QLatin1String("pytest-log"));
    CHECK(r.environment == QLatin1String("linux -- Python 3.11.2, pytest-7.4.0, pluggy-1.2.0 -- /usr/bin/python3"));
    REQUIRE(r.phases.size() == 1);
    const Phase &p = r.phases[0];
    CHECK(p.id == QLatin1String("unit"));
    CHECK(p.name == QLatin1String("Unit"));
    CHECK(p.line == 1);
    CHECK(p.collected == 7);
    CHECK(p.passed == 2);
    CHECK(p.failed == 2);
    CHECK(p.errors == 3);
    CHECK(p.skipped == 2); // 1 skipped + 1 xfailed
    CHECK(p.total == 9);
    CHECK(p.durationSeconds == Approx(0.52));
    CHECK(p.importErrors == 2);
    CHECK(p.importErrorMessages
        == QStringList { QStringLiteral("tests/unit/test_db.py: ModuleNotFoundError: No module named 'psycopg2'"),
            QStringLiteral("tests/unit/test_api.py: ImportError: cannot import name 'router' from 'app.api' "
                           "(/home/ci/proj/app/api.py)") });
    REQUIRE(r.tests.size() == 9);

    const TestCase &add = requireTest(r, "tests/unit/test_math.py::test_add");
    CHECK(add.status == TestStatus::Passed);
    CHECK(add.line == 7);
    CHECK(add.id == QLatin1String("unit:tests/unit/test_math.py::test_add"));

    const TestCase &sub = requireTest(r, "tests/unit/test_math.py::test_sub");
    CHECK(sub.status == TestStatus::Failed);
    CHECK(sub.line == 8);
    CHECK(sub.message == QLatin1String("assert 2 == 1"));
    CHECK(sub.details.contains(QLatin1String("tests/unit/test_math.py:7: AssertionError")));

    const TestCase &zero = requireTest(r, "tests/unit/test_math.py::TestDiv::test_by_zero[1]");
    CHECK(zero.status == TestStatus::Failed);
    CHECK(zero.message == QLatin1String("ZeroDivisionError: division by zero"));
    CHECK(zero.details.contains(QLatin1String("0x7f3a2c1d9e50")));

    const TestCase &read = requireTest(r, "tests/unit/test_io.py::test_read");
    CHECK(read.status == TestStatus::Skipped);
    CHECK(read.message == QLatin1String("no disk"));

    const TestCase &write = requireTest(r, "tests/unit/test_io.py::test_write");
    CHECK(write.status == TestStatus::Error);
    CHECK(write.message == QLatin1String("OSError: disk full"));
    CHECK(write.details.contains(QLatin1String("tests/unit/conftest.py:8: OSError")));

    const TestCase &bug = requireTest(r, "tests/unit/test_io.py::test_known_bug");
    CHECK(bug.status == TestStatus::Skipped); // xfailed counts as skipped, as in the tally
    CHECK(bug.expectedFailure);
    CHECK(bug.message == QLatin1String("bug 12"));

    const TestCase &db = requireTest(r, "tests/unit/test_db.py");
    CHECK(db.status == TestStatus::Error);
    CHECK(db.line == 16); // the "ERROR collecting" block header
    CHECK(db.message == QLatin1String("ModuleNotFoundError: No module named 'psycopg2'"));
    CHECK(db.details.contains(QLatin1String("import psycopg2")));
    CHECK(requireTest(r, "tests/unit/test_api.py").status == TestStatus::Error);

    // Named failures and errors agree with the tally: nothing to warn about.
    CHECK(r.diagnostics.isEmpty());
}

TEST_CASE("pytest log: -q output, failure blocks without node ids, a tally without rules", "[pytestlog]")
{
    const Report r = importOrFail(dataPath(QStringLiteral("pytest/quiet-summary.log")));
    REQUIRE(r.phases.size() == 1);
    const Phase &p = r.phases[0];
    CHECK(p.id == QLatin1String("e2e"));
    CHECK(p.line == 2);
    CHECK(p.passed == 5);
    CHECK(p.failed == 2);
    CHECK(p.skipped == 1);
    CHECK(p.total == 8);
    CHECK(p.durationSeconds == Approx(3.10));
    REQUIRE(r.tests.size() == 2);
    const TestCase &redirect = requireTest(r, "tests/e2e/test_login.py::TestLogin::test_redirect");
    CHECK(redirect.message == QLatin1String("AssertionError: expected 302, got 500"));
    CHECK(redirect.details == QLatin1String("E   AssertionError: expected 302, got 500"));
    const TestCase &timeout = requireTest(r, "test_timeout");
    CHECK(timeout.status == TestStatus::Failed);
    CHECK(timeout.line == 3);
    CHECK(timeout.message == QLatin1String("TimeoutError: request to http://10.0.0.7:8080/api took 30.5s"));
}

TEST_CASE("pytest log: two sessions become two phases, xdist, timestamps and colours are stripped", "[pytestlog]")
{
    const Report r = importOrFail(dataPath(QStringLiteral("pytest/two-sessions.log")));
    REQUIRE(r.phases.size() == 2);
    CHECK(r.phases[0].id == QLatin1String("unit"));
    CHECK(r.phases[0].line == 2);
    CHECK(r.phases[0].passed == 2);
    CHECK(r.phases[0].total == 2);
    CHECK(r.phases[1].id == QLatin1String("integration"));
    CHECK(r.phases[1].line == 11);
    CHECK(r.phases[1].failed == 1);
    CHECK(r.phases[1].passed == 2);
    REQUIRE(r.tests.size() == 5);
    CHECK(requireTest(r, "tests/integration/test_b.py::test_db").line == 15);
    CHECK(requireTest(r, "tests/integration/test_b.py::test_queue").status == TestStatus::Passed);
    const TestCase &cache = requireTest(r, "tests/integration/test_b.py::test_cache");
    CHECK(cache.phaseId == QLatin1String("integration"));
    CHECK(cache.message.startsWith(QLatin1String("redis.exceptions.ConnectionError: Error 111")));

    const Report colour = importOrFail(dataPath(QStringLiteral("pytest/ansi.log")));
    REQUIRE(testNames(colour) == QStringList { QStringLiteral("tests/test_c.py::test_colour") });
    CHECK(colour.phases[0].id == QLatin1String("pytest"));
    CHECK(colour.phases[0].passed == 1);
}

TEST_CASE("pytest log reader: lines from elsewhere keep their own line numbers", "[pytestlog]")
{
    // The Markdown importer feeds the lines of a code block; numbers must point into the report.
    PytestLogReader reader;
    reader.addBlock(QStringLiteral("tests/unit/test_a.py::test_x FAILED\n"
                                   "tests/unit/test_a.py::test_y PASSED\n"
                                   "FAILED tests/unit/test_a.py::test_x - KeyError: 'id'\n"
                                   "==== 1 failed, 1 passed in 0.20s ===="),
        100);
    const QVector<PytestRun> runs = reader.finish();
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].line == 100);
    CHECK(runs[0].tallyLine == 103);
    CHECK(runs[0].hasVerboseResults);
    REQUIRE(runs[0].tests.size() == 2);
    CHECK(runs[0].tests[0].line == 100);
    CHECK(runs[0].tests[0].message == QLatin1String("KeyError: 'id'"));
    CHECK(runs[0].tests[1].line == 101);
    CHECK(reader.finish().isEmpty()); // finish() empties the reader

    PytestLogReader lines;
    lines.addLines({ QStringLiteral("tests/a.py::test_z ERROR"), QStringLiteral("tests/a.py::test_q PASSED [0.00s]"),
                       QStringLiteral("1 error, 1 passed in 0.1s") },
        7);
    const QVector<PytestRun> more = lines.finish();
    REQUIRE(more.size() == 1);
    REQUIRE(more[0].tests.size() == 2);
    CHECK(more[0].tests[0].status == TestStatus::Error);
    CHECK(more[0].tests[1].message.isEmpty()); // a duration column is not a message
    CHECK(more[0].tally.errors == 1);
}

TEST_CASE("pytest log: a tally that disagrees with the named tests is reported", "[pytestlog]")
{
    const QByteArray log = "============================= test session starts ==============================\n"
                           "tests/a.py::test_1 FAILED\n"
                           "tests/a.py::test_2 FAILED\n"
                           "tests/a.py::test_3 FAILED\n"
                           "========================= 1 failed, 2 passed in 0.01s =========================\n";
    const Report r = importBytesOrFail(log, QStringLiteral("contradiction.log"));
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic &d = r.diagnostics[0];
    CHECK(d.severity == Severity::Warning);
    CHECK(d.line == 5);
    CHECK(d.message.contains(QLatin1String("the log names 3 failed")));
    CHECK(r.phases[0].failed == 1); // the tally is what the run states
}

TEST_CASE("pytest log: an xfail is skipped with expectedFailure, so tests and tally count alike", "[pytestlog]")
{
    // QA: the phase said "2 failed … 2 skipped" (the tally), the tests "3 failed … 1 skipped".
    const QByteArray log = "============================= test session starts ==============================\n"
                           "tests/a.py::test_ok PASSED\n"
                           "tests/a.py::test_bad FAILED\n"
                           "tests/a.py::test_worse FAILED\n"
                           "tests/b.py::test_skip SKIPPED (no db)\n"
                           "tests/b.py::test_xf XFAIL (bug 7)\n"
                           "=========================== short test summary info ============================\n"
                           "FAILED tests/a.py::test_bad - assert 1 == 2\n"
                           "FAILED tests/a.py::test_worse - assert 2 == 3\n"
                           "XFAIL tests/b.py::test_xf - bug 7\n"
                           "============ 2 failed, 1 passed, 1 skipped, 1 xfailed in 0.12s ============\n";
    const Report r = importBytesOrFail(log, QStringLiteral("xfail.log"));
    const TestCase &xf = requireTest(r, "tests/b.py::test_xf");
    CHECK(xf.status == TestStatus::Skipped);
    CHECK(xf.expectedFailure);
    REQUIRE(r.phases.size() == 1);
    const Phase &p = r.phases[0];
    CHECK(p.failed == 2);
    CHECK(p.skipped == 2);
    CHECK(r.countTests(TestStatus::Failed) == p.failed);
    CHECK(r.countTests(TestStatus::Skipped) == p.skipped);
    CHECK(r.countTests(TestStatus::Passed) == p.passed);
    CHECK(std::count_if(r.tests.cbegin(), r.tests.cend(), [](const TestCase &t) { return isFailing(t.status); }) == 2);
    CHECK(r.diagnostics.isEmpty()); // the tally and the named tests agree
}

TEST_CASE("pytest log: progress 0..1000, the cancel flag, and any cut of a log never crashes", "[pytestlog]")
{
    QByteArray log = "============================= test session starts ==============================\n";
    for (int i = 0; i < 20000; ++i)
        log += "tests/unit/test_big.py::test_" + QByteArray::number(i) + (i % 50 ? " PASSED\n" : " FAILED\n");
    log += "======================== 400 failed, 19600 passed in 9.00s ========================\n";
    QVector<int> seen;
    ImportControl control;
    control.progress = [&seen](int permille) { seen.append(permille); };
    const Report done = importBytesOrFail(log, QStringLiteral("big.log"), control);
    CHECK(done.tests.size() == 20000);
    REQUIRE(seen.size() >= 2);
    CHECK(std::is_sorted(seen.cbegin(), seen.cend()));
    CHECK(seen.back() == 1000);
    CHECK(std::any_of(seen.cbegin(), seen.cend(), [](int v) { return v > 0 && v < 1000; })); // real steps

    std::atomic_bool cancel { true };
    ImportControl cancelling;
    cancelling.cancel = &cancel;
    const ImportResult stopped = importBytes(log, QStringLiteral("big.log"), cancelling);
    REQUIRE_FALSE(stopped.ok());
    CHECK(stopped.error.message == QLatin1String("import cancelled"));

    QFile f(dataPath(QStringLiteral("pytest/verbose-run.log")));
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    for (int cut = 1; cut < bytes.size(); cut += 11) {
        const ImportResult r = importBytes(bytes.left(cut), QStringLiteral("cut.log"));
        if (!r.ok())
            CHECK_FALSE(r.error.message.isEmpty());
    }
}

TEST_CASE("pytest log: real pytest 7.2 -v output (Debian's python3-pytest), with its JUnit XML twin", "[pytestlog]")
{
    // Written by `pytest -v --continue-on-collection-errors` on a small project made for this fixture.
    const Report r = importOrFail(dataPath(QStringLiteral("pytest/pytest-7.2-verbose.log")));
    REQUIRE(r.phases.size() == 1);
    const Phase &p = r.phases[0];
    CHECK(p.id == QLatin1String("pytest")); // unit and integration tests in one session
    CHECK(p.collected == 11);
    CHECK(p.failed == 6);
    CHECK(p.errors == 2);
    CHECK(p.passed == 2);
    CHECK(p.skipped == 2);
    CHECK(p.importErrors == 1);
    CHECK(p.importErrorMessages
        == QStringList {
            QStringLiteral("tests/unit/test_db.py: ModuleNotFoundError: No module named 'psycopg2_missing_module'") });
    REQUIRE(r.tests.size() == 12);
    CHECK(r.diagnostics.isEmpty());

    // The short summary cut these messages at the terminal width; the failure blocks have them whole.
    const TestCase &user = requireTest(r, "tests/integration/test_api.py::test_get_user");
    CHECK(user.message
        == QLatin1String("TimeoutError: request 9f86d081884c to http://10.0.0.7:8080/api timed out after 40s"));
    CHECK(requireTest(r, "tests/unit/test_math.py::test_attr").message
        == QLatin1String("AttributeError: 'dict' object has no attribute 'attr'"));
    CHECK(requireTest(r, "tests/unit/test_math.py::test_write").status == TestStatus::Error);
    CHECK(requireTest(r, "tests/unit/test_math.py::test_known_bug").expectedFailure);

    REQUIRE(r.gaps.size() == 2);
    const QString timeouts = user.gapId;
    CHECK(requireTest(r, "tests/integration/test_api.py::test_get_order").gapId == timeouts);
    CHECK(r.gaps[r.gapIndex(timeouts)].title
        == QString::fromUtf8("TimeoutError: request … to … timed out after …s (in app.client:_send)"));
    CHECK(requireTest(r, "tests/unit/test_math.py::TestDiv::test_by_zero[1]").gapId
        == requireTest(r, "tests/unit/test_math.py::TestDiv::test_by_zero[2]").gapId);

    // pytest's --junitxml of the same run: same node ids, same phases by path, same suggested gap ids.
    const Report x = importOrFail(dataPath(QStringLiteral("junit/pytest-7.2-junitxml.xml")));
    CHECK(x.format == QLatin1String("junit"));
    REQUIRE(phaseIds(x) == QStringList { QStringLiteral("unit"), QStringLiteral("integration") });
    const TestCase &collect = requireTest(x, "tests/unit/test_db.py");
    CHECK(collect.status == TestStatus::Error);
    CHECK(collect.phaseId == QLatin1String("unit"));
    CHECK(x.phases[0].importErrors == 1);
    CHECK(x.phases[0].importErrorMessages == p.importErrorMessages);
    CHECK(x.phases[1].importErrors == -1); // nothing said about imports there
    CHECK(requireTest(x, "tests/unit/test_math.py::TestDiv::test_by_zero[2]").status == TestStatus::Failed);
    CHECK(requireTest(x, "tests/unit/test_math.py::test_known_bug").expectedFailure);
    CHECK(requireTest(x, "tests/integration/test_api.py::test_get_user").gapId == timeouts);
    CHECK(x.diagnostics.isEmpty()); // its stated counts agree with its testcases
}
