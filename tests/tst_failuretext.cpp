// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a failure for the details pane: the trace apart from captured output, the frames with the
// project's own marked, expected/actual values, and a test's own name apart from its path.
#include "distinctlabels.h"
#include "failuretext.h"
#include "testnameparts.h"

#include <QFile>

#include <catch2/catch.hpp>

using namespace Gapwise;

namespace {

QString fixture(const char *name)
{
    QFile f(QStringLiteral(GAPWISE_TEST_DATA "/failures/") + QString::fromLatin1(name));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}

} // namespace

TEST_CASE("failure text: captured output is split from the trace", "[failuretext]")
{
    const FailureSections pytest = splitFailureDetails(fixture("pytest-assert.txt"));
    CHECK(pytest.trace.startsWith(QStringLiteral("def test_total():")));
    CHECK(pytest.trace.endsWith(QStringLiteral("tests/unit/test_cart.py:14: AssertionError")));
    CHECK(pytest.stdOut == QStringLiteral("adding item 2\nadding item 3"));
    CHECK(pytest.stdErr == QStringLiteral("warning: legacy pricing"));

    const FailureSections junit = splitFailureDetails(fixture("junit4-comparison.txt"));
    CHECK(junit.trace.startsWith(QStringLiteral("org.junit.ComparisonFailure")));
    CHECK_FALSE(junit.trace.contains(QStringLiteral("greeting")));
    CHECK(junit.stdOut == QStringLiteral("greeting someone"));
    CHECK(junit.stdErr == QStringLiteral("SLF4J: no binding"));

    const FailureSections plain = splitFailureDetails(QStringLiteral("boom"));
    CHECK(plain.trace == QStringLiteral("boom"));
    CHECK(plain.stdOut.isEmpty());
    CHECK(splitFailureDetails(QString()).trace.isEmpty());
}

TEST_CASE("failure text: frames and which are the project's own", "[failuretext]")
{
    const QVector<TraceFrame> py = traceFrames(fixture("python-traceback.txt"));
    REQUIRE(py.size() == 3);
    CHECK(py[0].file == QStringLiteral("/usr/lib/python3.11/unittest/case.py"));
    CHECK_FALSE(py[0].project);
    CHECK(py[1].file == QStringLiteral("/home/ci/shop/tests/test_db.py"));
    CHECK(py[1].line == 22);
    CHECK(py[1].lineIndex == 3);
    CHECK(py[1].project);
    CHECK_FALSE(py[2].project); // site-packages

    const QVector<TraceFrame> pytest = traceFrames(splitFailureDetails(fixture("pytest-assert.txt")).trace);
    REQUIRE(pytest.size() == 1);
    CHECK(pytest[0].file == QStringLiteral("tests/unit/test_cart.py"));
    CHECK(pytest[0].line == 14);
    CHECK(pytest[0].project);

    const QVector<TraceFrame> java = traceFrames(fixture("junit4-comparison.txt"));
    REQUIRE(java.size() == 4); // the "Native Method" frame has no line
    CHECK_FALSE(java[0].project);
    CHECK(java[2].file == QStringLiteral("GreeterTest.java"));
    CHECK(java[2].line == 21);
    CHECK(java[2].project);
    CHECK_FALSE(java[3].project);

    const QVector<TraceFrame> js = traceFrames(fixture("jest-expect.txt"));
    REQUIRE(js.size() == 3);
    CHECK(js[0].file == QStringLiteral("/home/ci/app/src/__tests__/sum.test.js"));
    CHECK(js[0].line == 5);
    CHECK(js[0].project);
    CHECK_FALSE(js[1].project); // node_modules
    CHECK_FALSE(js[2].project); // node internals

    CHECK(traceFrames(QStringLiteral("no frames here\nat all")).isEmpty());
}

TEST_CASE("failure text: expected and actual values", "[failuretext]")
{
    const ExpectedActual pytest = extractExpectedActual(QStringLiteral("assert 5 == 6"), fixture("pytest-assert.txt"));
    CHECK(pytest.source == QStringLiteral("pytest"));
    CHECK(pytest.expected == QStringLiteral("6"));
    CHECK(pytest.actual == QStringLiteral("5"));

    // Only the details hold it (the message is the exception type).
    const ExpectedActual fromE = extractExpectedActual(QStringLiteral("AssertionError"), fixture("pytest-assert.txt"));
    CHECK(fromE.expected == QStringLiteral("6"));

    // An " == " inside a string or a call is not the comparison.
    const ExpectedActual quoted
        = extractExpectedActual(QStringLiteral("AssertionError: assert 'a == b' == f(x == 1, 'c')"), QString());
    CHECK(quoted.actual == QStringLiteral("'a == b'"));
    CHECK(quoted.expected == QStringLiteral("f(x == 1, 'c')"));

    const ExpectedActual junit = extractExpectedActual(QString(), fixture("junit4-comparison.txt"));
    CHECK(junit.source == QStringLiteral("junit"));
    CHECK(junit.expected == QStringLiteral("[Hello] World"));
    CHECK(junit.actual == QStringLiteral("[Goodbye] World"));

    const ExpectedActual junit5 = extractExpectedActual(QStringLiteral("expected: <3> but was: <4>"), QString());
    CHECK(junit5.expected == QStringLiteral("3"));
    CHECK(junit5.actual == QStringLiteral("4"));

    const ExpectedActual hamcrest = extractExpectedActual(QString(), fixture("hamcrest.txt"));
    CHECK(hamcrest.source == QStringLiteral("hamcrest"));
    CHECK(hamcrest.expected == QStringLiteral("is \"blue\""));
    CHECK(hamcrest.actual == QStringLiteral("\"red\""));

    const ExpectedActual assertj = extractExpectedActual(QString(), fixture("assertj.txt"));
    CHECK(assertj.source == QStringLiteral("assertj"));
    CHECK(assertj.expected == QStringLiteral("\"frodo\""));
    CHECK(assertj.actual == QStringLiteral("\"sam\""));

    const ExpectedActual assertjOld = extractExpectedActual(QString(), fixture("assertj-old.txt"));
    CHECK(assertjOld.expected == QStringLiteral("<\"frodo\">"));
    CHECK(assertjOld.actual == QStringLiteral("<\"sam\">"));

    const ExpectedActual jest = extractExpectedActual(QString(), fixture("jest-expect.txt"));
    CHECK(jest.source == QStringLiteral("jest"));
    CHECK(jest.expected == QStringLiteral("3"));
    CHECK(jest.actual == QStringLiteral("4"));

    // No comparison stated: nothing invented.
    CHECK_FALSE(extractExpectedActual(
        QStringLiteral("ModuleNotFoundError: No module named 'x'"), fixture("python-traceback.txt"))
                    .isValid());
    CHECK_FALSE(extractExpectedActual(QStringLiteral("assert x"), QString()).isValid());
    CHECK_FALSE(extractExpectedActual(QString(), QString()).isValid());
}

TEST_CASE("failure text: the differing span of two values", "[failuretext]")
{
    const DiffSpan d = differingSpan(QStringLiteral("Hello World"), QStringLiteral("Help World"));
    CHECK(d.start == 3);
    CHECK(d.expectedLength == 2); // "lo"
    CHECK(d.actualLength == 1); // "p"
    const DiffSpan same = differingSpan(QStringLiteral("abc"), QStringLiteral("abc"));
    CHECK(same.expectedLength == 0);
    CHECK(same.actualLength == 0);
    const DiffSpan grown = differingSpan(QStringLiteral("aa"), QStringLiteral("aaa"));
    CHECK(grown.start + grown.expectedLength <= 2);
    CHECK(grown.actualLength == grown.expectedLength + 1);
}

TEST_CASE("test names: own name in full, context apart", "[names]")
{
    auto parts = [](const char *name) { return splitTestName(QString::fromUtf8(name)); };
    CHECK(parts("tests/e2e/staging/test_basic.py::TestBasic::test_basic_functionality").own
        == QStringLiteral("test_basic_functionality"));
    CHECK(parts("tests/e2e/staging/test_basic.py::TestBasic::test_basic_functionality").context
        == QStringLiteral("tests/e2e/staging/test_basic.py::TestBasic"));
    // Parametrisation stays with the name, separators inside it do not split.
    CHECK(parts("tests/a.py::test_x[http://h/a::b]").own == QStringLiteral("test_x[http://h/a::b]"));
    CHECK(parts("tests/a.py::test_x[http://h/a::b]").context == QStringLiteral("tests/a.py"));
    CHECK(parts("com.acme.shop.GreeterTest::greets").own == QStringLiteral("greets"));
    CHECK(parts("com.acme.shop.GreeterTest::greets").context == QStringLiteral("com.acme.shop.GreeterTest"));
    CHECK(parts("Cart › totals › adds two items").own == QStringLiteral("adds two items"));
    CHECK(parts("Cart › totals › adds two items").context == QStringLiteral("Cart › totals"));
    CHECK(parts("tests/e2e/staging/test_basic_functionality").own == QStringLiteral("test_basic_functionality"));
    CHECK(parts("Cart adds items::Cart adds items").own == QStringLiteral("Cart adds items"));
    CHECK(parts("Cart adds items::Cart adds items").context.isEmpty());
    CHECK(parts("test_plain").own == QStringLiteral("test_plain"));
    CHECK(parts("test_plain").context.isEmpty());
    // A sentence with a slash is a name, not a path.
    CHECK(parts("reads and/or writes").own == QStringLiteral("reads and/or writes"));
    CHECK(parts("::").own == QStringLiteral("::"));
    CHECK(parts("a.py::").own == QStringLiteral("a.py::"));
    CHECK(parts("").own.isEmpty());
    // Two tests of one long file are told apart by what the tree shows first.
    CHECK(parts("tests/unit/test_service_user_detection.py::test_service_user_detection_failure").own
        != parts("tests/unit/test_service_user_detection.py::test_service_user_detection_failure_logged").own);
}

namespace {

// Elides like a view would, by characters: `width` of them, "…" counting as one.
ElideFunction charElide(int width)
{
    return [width](const QString &text, Qt::TextElideMode mode) -> QString {
        if (text.size() <= width)
            return text;
        if (mode == Qt::ElideLeft)
            return QStringLiteral("…") + text.right(width - 1);
        return text.left(width - 1) + QStringLiteral("…");
    };
}

} // namespace

TEST_CASE("gap labels: alike titles are told apart", "[names]")
{
    const QStringList titles = {
        QStringLiteral("ModuleNotFoundError: No module named 'netra_backend.app.services.auth'"),
        QStringLiteral("ModuleNotFoundError: No module named 'netra_backend.app.services.billing'"),
        QStringLiteral("ModuleNotFoundError: No module named 'netra_backend.app.core.config'"),
        QStringLiteral("Database connection refused"),
        QStringLiteral("Short"),
    };
    const QStringList labels = distinctLabels(titles, charElide(40));
    REQUIRE(labels.size() == titles.size());
    // Every label fits, and no two different titles share one.
    for (int i = 0; i < labels.size(); ++i) {
        CHECK(labels[i].size() <= 40 + 21); // the head plus an elided tail at most
        for (int j = i + 1; j < labels.size(); ++j)
            CHECK(labels[i] != labels[j]);
    }
    CHECK(labels[0].startsWith(QStringLiteral("ModuleNotFoundError:")));
    CHECK(labels[0].contains(QStringLiteral("auth")));
    CHECK(labels[1].contains(QStringLiteral("billing")));
    CHECK(labels[2].contains(QStringLiteral("core.config")));
    // Titles that fit or do not clash are left as the plain right elision.
    CHECK(labels[3] == QStringLiteral("Database connection refused"));
    CHECK(labels[4] == QStringLiteral("Short"));

    // A distinguishing part longer than the width keeps its end.
    const QStringList deep
        = distinctLabels({ QStringLiteral("Error: x.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_one"),
                             QStringLiteral("Error: x.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_two") },
            charElide(20));
    CHECK(deep[0] != deep[1]);
    CHECK(deep[0].endsWith(QStringLiteral("_one")));

    // Identical titles stay identical (nothing to tell apart), and nothing is lost on an empty list.
    const QStringList twins = distinctLabels({ QStringLiteral("same"), QStringLiteral("same") }, charElide(3));
    CHECK(twins[0] == twins[1]);
    CHECK(distinctLabels({}, charElide(10)).isEmpty());
}

TEST_CASE("failure text: where a test's source is", "[failuretext]")
{
    const SourceLocation pytest
        = testSourceLocation(QStringLiteral("tests/unit/test_cart.py::test_total"), fixture("pytest-assert.txt"));
    CHECK(pytest.file == QStringLiteral("tests/unit/test_cart.py"));
    CHECK(pytest.line == 14);
    // No frame in the test's file: the project's first frame.
    const SourceLocation java
        = testSourceLocation(QStringLiteral("com.acme.shop.GreeterTest::greets"), fixture("junit4-comparison.txt"));
    CHECK(java.file == QStringLiteral("GreeterTest.java"));
    CHECK(java.line == 21);
    // A passing test has no trace: its file from the node id.
    const SourceLocation passed = testSourceLocation(QStringLiteral("tests/unit/test_cart.py::test_empty"), QString());
    CHECK(passed.file == QStringLiteral("tests/unit/test_cart.py"));
    CHECK(passed.line == 0);
    CHECK(testSourceLocation(QStringLiteral("test_plain"), QString()).file.isEmpty());
}
