// SPDX-License-Identifier: GPL-3.0-or-later
// Failure signatures and suggested gaps: what varies by run merges, what names a cause never does.
#include "failuresignature.h"
#include "gapsuggester.h"
#include "messagetemplate.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace Gapwise;

namespace {

TestCase failing(const QString &name, const QString &message, const QString &details = {})
{
    TestCase t;
    t.id = QLatin1String("p:") + name;
    t.name = name;
    t.status = TestStatus::Failed;
    t.message = message;
    t.details = details;
    return t;
}

Report reportOf(const QVector<TestCase> &tests)
{
    Report r;
    r.tests = tests;
    return r;
}

QString gapOf(const Report &r, const QString &name)
{
    const TestCase *t = TestSupport::testNamed(r, name);
    REQUIRE(t != nullptr);
    return t->gapId;
}

} // namespace

TEST_CASE("Message templates: typed placeholders for what varies", "[signatures]")
{
    CHECK(messageTemplate(QStringLiteral("request 9f86d081884c timed out after 30.5s"))
        == QLatin1String("request <HEX> timed out after <NUM>s"));
    CHECK(messageTemplate(QStringLiteral("GET http://10.0.0.7:8080/api/users/42?x=1 failed"))
        == QLatin1String("GET <URL> failed"));
    CHECK(messageTemplate(QStringLiteral("job 123e4567-e89b-12d3-a456-426614174000 lost"))
        == QLatin1String("job <UUID> lost"));
    CHECK(messageTemplate(QStringLiteral("deadline 2024-05-01T10:00:00.123+02:00 passed at 10:00:01"))
        == QLatin1String("deadline <TIMESTAMP> passed at <TIMESTAMP>"));
    CHECK(messageTemplate(QStringLiteral("cannot open /var/cache/run-7/users.json"))
        == QLatin1String("cannot open <PATH>"));
    CHECK(messageTemplate(QStringLiteral("cannot open C:\\build\\out\\a.dll")) == QLatin1String("cannot open <PATH>"));
    CHECK(messageTemplate(QStringLiteral("see src/app/module.py for details"))
        == QLatin1String("see <PATH> for details"));
    CHECK(messageTemplate(QStringLiteral("connect to localhost:6379 and 10.1.2.3:80 refused"))
        == QLatin1String("connect to <HOST:PORT> and <HOST:PORT> refused"));
    CHECK(messageTemplate(QStringLiteral("<Foo object at 0x7f3a2c1d9e50> is not Bar"))
        == QLatin1String("<Foo object at <ADDR>> is not Bar"));
    CHECK(messageTemplate(QStringLiteral("expected 3 items, got -12 (user-42)"))
        == QLatin1String("expected <NUM> items, got <NUM> (user-<NUM>)"));
    // Names stay: they name causes.
    CHECK(messageTemplate(QStringLiteral("No module named 'psycopg2'")) == QLatin1String("No module named 'psycopg2'"));
    CHECK(messageTemplate(QStringLiteral("'dict' object has no attribute 'attr2'"))
        == QLatin1String("'dict' object has no attribute 'attr2'"));
}

TEST_CASE("Readable templates: varying words in a row read as one \"…\" in a title", "[signatures]")
{
    CHECK(readableTemplate(QStringLiteral("quality message <*> <*> differences"), false)
        == QString::fromUtf8("quality message … differences"));
    CHECK(readableTemplate(QStringLiteral("<*>  <NUM> <*> lost"), false) == QString::fromUtf8("… lost"));
    // Words or punctuation between them keep both: each says where something varies.
    CHECK(readableTemplate(QStringLiteral("expected <NUM> items, got <NUM>"), false)
        == QString::fromUtf8("expected … items, got …"));
    CHECK(readableTemplate(QStringLiteral("<NUM>, <NUM>"), false) == QString::fromUtf8("…, …"));
    // Typed names are each shown.
    CHECK(readableTemplate(QStringLiteral("<NUM> <UUID>"), true)
        == QString::fromUtf8("\u2039number\u203a \u2039uuid\u203a"));
}

TEST_CASE("Template similarity is token edit distance", "[signatures]")
{
    const QStringList a = templateTokens(QStringLiteral("expected status <NUM> but got <NUM> for user alice"));
    const QStringList b = templateTokens(QStringLiteral("expected status <NUM> but got <NUM> for user bob"));
    CHECK(a.size() == 9);
    CHECK(templateSimilarity(a, a) == 1.0);
    CHECK(templateSimilarity(a, b) == Approx(1.0 - 1.0 / 9));
    CHECK(templateSimilarity(a, templateTokens(QStringLiteral("disk full"))) < 0.2);
}

TEST_CASE("Signatures: type, subject, template and project frames", "[signatures]")
{
    const FailureSignature s = failureSignature(failing(QStringLiteral("t1"), {},
        QStringLiteral("Traceback (most recent call last):\n"
                       "  File \"/home/ci/proj/tests/unit/test_x.py\", line 5, in test_x\n"
                       "    run()\n"
                       "  File \"/usr/lib/python3/dist-packages/requests/api.py\", line 59, in request\n"
                       "  File \"/home/ci/proj/app/service.py\", line 12, in run\n"
                       "  File \"/home/ci/proj/app/store.py\", line 30, in load\n"
                       "KeyError: 'user-9f86d081884c'")));
    CHECK(s.exceptionType == QLatin1String("KeyError"));
    CHECK(s.messageTemplate == QLatin1String("'user-<HEX>'"));
    CHECK(s.frames == QStringList { QStringLiteral("app.store:load"), QStringLiteral("app.service:run") });

    const FailureSignature java = failureSignature(failing(QStringLiteral("t2"), QStringLiteral("boom 42"),
        QStringLiteral("java.lang.IllegalStateException: boom 42\n"
                       "\tat com.acme.db.Store.save(Store.java:88)\n"
                       "\tat com.acme.db.StoreTest.testSave(StoreTest.java:20)\n"
                       "\tat org.junit.runners.ParentRunner.run(ParentRunner.java:363)")));
    CHECK(java.exceptionType == QLatin1String("java.lang.IllegalStateException"));
    CHECK(java.messageTemplate == QLatin1String("boom <NUM>"));
    CHECK(java.frames == QStringList { QStringLiteral("com.acme.db.Store:save") });

    CHECK(failureSignature(failing(QStringLiteral("a"), QStringLiteral("ModuleNotFoundError: No module named 'a.b'")))
              .subject
        == QLatin1String("a.b"));
    CHECK(
        failureSignature(failing(QStringLiteral("a"),
                             QStringLiteral("ImportError: cannot import name 'router' from 'app.api' (/x/app/api.py)")))
            .subject
        == QLatin1String("app.api.router"));
    CHECK(failureSignature(
              failing(QStringLiteral("a"), QStringLiteral("AttributeError: 'NoneType' object has no attribute 'id'")))
              .subject
        == QLatin1String("NoneType.id"));
    CHECK(failureSignature(failing(QStringLiteral("a"), QStringLiteral("NameError: name 'foo' is not defined"))).subject
        == QLatin1String("foo"));

    // pytest: the type comes from the location line, the text from the E-line.
    const FailureSignature py = failureSignature(failing(QStringLiteral("t3"), {},
        QStringLiteral("    def test_sub():\n>       assert 3 - 1 == 1\nE       assert 2 == "
                       "1\n\ntests/unit/test_math.py:7: AssertionError")));
    CHECK(py.exceptionType == QLatin1String("AssertionError"));
    CHECK(py.messageTemplate == QLatin1String("assert <NUM> == <NUM>"));
    CHECK_FALSE(py.fromTestName);

    // No message at all, or only a location: the test name's words.
    const FailureSignature named = failureSignature(
        failing(QStringLiteral("tests/a.py::test_checkout_total[3]"), {}, QStringLiteral("/src/Fake.php:42")));
    CHECK(named.fromTestName);
    CHECK(named.messageTemplate == QLatin1String("checkout total"));
    // A word instead of a message (go-junit-report's "Failed"), repeated in the details, says nothing either.
    const FailureSignature word = failureSignature(
        failing(QStringLiteral("package/x::TestFailingSubtest"), QStringLiteral("Failed"), QStringLiteral("Failed")));
    CHECK(word.fromTestName);
    CHECK(word.messageTemplate == QLatin1String("failing subtest"));
}

TEST_CASE(
    "Failure signatures: a restated status or a template of placeholders falls back to the test name", "[signatures]")
{
    auto fromName = [](const QString &message) {
        return failureSignature(failing(QStringLiteral("tests/a.py::test_checkout_total"), message)).fromTestName;
    };
    // Status words alone, in any case, glued or with punctuation between them; non-ASCII text goes through
    // the regular expression, with the same answer.
    for (const char *generic : { "Failed", "  error ", "test failed", "Assertion failed", "collection failure",
             "FAILING AS DESIGNED", "failedtest", "Expected failure (by design)", "errors/failure",
             "(\u26a0\ufe0f) POTENTIAL FAIL", "\u274c FAILED" }) {
        INFO(generic);
        CHECK(fromName(QString::fromUtf8(generic)));
    }
    for (const char *telling :
        { "failed: timeout", "fail2", "failed to connect", "testing", "Design review", "\u274c FAILED to connect" }) {
        INFO(telling);
        CHECK_FALSE(fromName(QString::fromUtf8(telling)));
    }
    // Only placeholders, punctuation and short words: nothing about the cause; three letters are a word.
    CHECK(fromName(QStringLiteral("/src/app/x.py:12 0x7f3a2c1d9e50")));
    CHECK(fromName(QStringLiteral("12 ab 34")));
    CHECK_FALSE(fromName(QStringLiteral("abc 12")));
}

TEST_CASE(
    "Suggested gaps: messages differing only in ids, numbers, paths, timestamps or ports share a gap", "[signatures]")
{
    Report r = reportOf({
        failing(QStringLiteral("id1"), QStringLiteral("TimeoutError: request 9f86d081884c timed out after 30s")),
        failing(QStringLiteral("id2"), QStringLiteral("TimeoutError: request 1a2b3c4d5e6f timed out after 45.5s")),
        failing(QStringLiteral("path1"), QStringLiteral("FileNotFoundError: /var/run/a-1/users.json missing")),
        failing(QStringLiteral("path2"), QStringLiteral("FileNotFoundError: /tmp/b/c/orders.json missing")),
        failing(QStringLiteral("time1"), QStringLiteral("RuntimeError: lease expired at 2024-05-01T10:00:00Z")),
        failing(QStringLiteral("time2"), QStringLiteral("RuntimeError: lease expired at 2025-12-31 23:59:59")),
        failing(QStringLiteral("port1"), QStringLiteral("ConnectionError: Error 111 connecting to localhost:6379.")),
        failing(QStringLiteral("port2"), QStringLiteral("ConnectionError: Error 111 connecting to localhost:6380.")),
        failing(QStringLiteral("uuid1"), QStringLiteral("LookupError: job 123e4567-e89b-12d3-a456-426614174000 lost")),
        failing(QStringLiteral("uuid2"), QStringLiteral("LookupError: job 00000000-0000-4000-8000-000000000001 lost")),
    });
    CHECK(suggestGaps(r) == 5);
    REQUIRE(r.gaps.size() == 5);
    for (const char *prefix : { "id", "path", "time", "port", "uuid" }) {
        INFO(prefix);
        const QString a = gapOf(r, QLatin1String(prefix) + QLatin1Char('1'));
        CHECK_FALSE(a.isEmpty());
        CHECK(a == gapOf(r, QLatin1String(prefix) + QLatin1Char('2')));
    }
    for (const Gap &g : std::as_const(r.gaps)) {
        CHECK(g.suggested);
        CHECK(g.id.startsWith(QLatin1String("sig-")));
    }
    for (const TestCase &t : std::as_const(r.tests))
        CHECK(t.gapSuggested);
    CHECK(r.gaps[0].title == QString::fromUtf8("TimeoutError: request … timed out after …s"));
}

TEST_CASE("Suggested gaps: different exception types never merge", "[signatures]")
{
    Report r = reportOf({
        failing(QStringLiteral("v1"), QStringLiteral("ValueError: bad input 3")),
        failing(QStringLiteral("v2"), QStringLiteral("ValueError: bad input 4")),
        failing(QStringLiteral("t1"), QStringLiteral("TypeError: bad input 3")),
        failing(QStringLiteral("t2"), QStringLiteral("TypeError: bad input 5")),
        failing(QStringLiteral("j1"), QStringLiteral("bad input 3"),
            QStringLiteral("java.lang.IllegalArgumentException: bad input 3")),
        failing(QStringLiteral("j2"), QStringLiteral("bad input 9"),
            QStringLiteral("java.lang.IllegalArgumentException: bad input 9")),
    });
    CHECK(suggestGaps(r) == 3);
    CHECK(gapOf(r, QStringLiteral("v1")) == gapOf(r, QStringLiteral("v2")));
    CHECK(gapOf(r, QStringLiteral("t1")) == gapOf(r, QStringLiteral("t2")));
    CHECK(gapOf(r, QStringLiteral("j1")) == gapOf(r, QStringLiteral("j2")));
    CHECK(gapOf(r, QStringLiteral("v1")) != gapOf(r, QStringLiteral("t1")));
    CHECK(gapOf(r, QStringLiteral("v1")) != gapOf(r, QStringLiteral("j1")));
}

TEST_CASE("Suggested gaps: import errors of different modules never merge, nor attributes or names", "[signatures]")
{
    Report r = reportOf({
        failing(QStringLiteral("m1"), QStringLiteral("ModuleNotFoundError: No module named 'psycopg2'")),
        failing(QStringLiteral("m2"), QStringLiteral("ModuleNotFoundError: No module named 'psycopg2'")),
        failing(QStringLiteral("m3"), QStringLiteral("ModuleNotFoundError: No module named 'psycopg3'")),
        failing(QStringLiteral("m4"), QStringLiteral("ModuleNotFoundError: No module named 'psycopg3'")),
        failing(QStringLiteral("m5"), QStringLiteral("ModuleNotFoundError: No module named 'redis'")),
        failing(QStringLiteral("m6"), QStringLiteral("ModuleNotFoundError: No module named 'redis'")),
        failing(QStringLiteral("a1"), QStringLiteral("AttributeError: 'dict' object has no attribute 'id'")),
        failing(QStringLiteral("a2"), QStringLiteral("AttributeError: 'dict' object has no attribute 'id'")),
        failing(QStringLiteral("a3"), QStringLiteral("AttributeError: 'dict' object has no attribute 'ids'")),
        failing(QStringLiteral("a4"), QStringLiteral("AttributeError: 'dict' object has no attribute 'ids'")),
        failing(QStringLiteral("n1"), QStringLiteral("NameError: name 'foo' is not defined")),
        failing(QStringLiteral("n2"), QStringLiteral("NameError: name 'bar' is not defined")),
    });
    CHECK(suggestGaps(r) == 5); // three modules, two attributes; each NameError stands alone
    QStringList moduleGaps;
    for (const char *t : { "m1", "m3", "m5" })
        moduleGaps << gapOf(r, QString::fromLatin1(t));
    moduleGaps.removeDuplicates();
    CHECK(moduleGaps.size() == 3);
    CHECK(gapOf(r, QStringLiteral("m1")) == gapOf(r, QStringLiteral("m2")));
    CHECK(gapOf(r, QStringLiteral("a1")) != gapOf(r, QStringLiteral("a3")));
    CHECK(gapOf(r, QStringLiteral("n1")).isEmpty());
    CHECK(TestSupport::gapTitled(r, QStringLiteral("No module named 'redis'")) != nullptr);
}

TEST_CASE("Suggested gaps: near-identical templates merge at the documented threshold, frames keep causes apart",
    "[signatures]")
{
    Report r = reportOf({
        failing(QStringLiteral("s1"), QStringLiteral("AssertionError: expected status 200 but got 500 for user alice")),
        failing(QStringLiteral("s2"), QStringLiteral("AssertionError: expected status 200 but got 500 for user bob")),
        failing(QStringLiteral("f1"), QStringLiteral("ValueError: boom"),
            QStringLiteral("File \"app/a.py\", line 3, in f\nValueError: boom")),
        failing(QStringLiteral("f2"), QStringLiteral("ValueError: boom"),
            QStringLiteral("File \"app/a.py\", line 9, in f\nValueError: boom")),
        failing(QStringLiteral("g1"), QStringLiteral("ValueError: boom"),
            QStringLiteral("File \"app/b.py\", line 3, in g\nValueError: boom")),
        failing(QStringLiteral("g2"), QStringLiteral("ValueError: boom"),
            QStringLiteral("File \"app/b.py\", line 4, in g\nValueError: boom")),
    });
    suggestGaps(r);
    CHECK(gapOf(r, QStringLiteral("s1")) == gapOf(r, QStringLiteral("s2"))); // 8 of 9 tokens equal: 0.89 >= 0.8
    CHECK(gapOf(r, QStringLiteral("f1")) == gapOf(r, QStringLiteral("f2"))); // line numbers do not count
    CHECK(gapOf(r, QStringLiteral("f1")) != gapOf(r, QStringLiteral("g1"))); // another function, another cause

    Report strict = reportOf({ r.tests[0], r.tests[1] });
    strict.tests[0].gapId.clear();
    strict.tests[1].gapId.clear();
    SuggestOptions exact;
    exact.mine = false;
    CHECK(suggestGaps(strict, exact) == 0);
}

TEST_CASE("Suggested gaps: deterministic, and they leave assigned tests, passes and xfails alone", "[signatures]")
{
    QVector<TestCase> tests = {
        failing(QStringLiteral("x1"), QStringLiteral("OSError: disk /dev/sda1 full")),
        failing(QStringLiteral("x2"), QStringLiteral("OSError: disk /dev/sdb2 full")),
        failing(QStringLiteral("x3"), QStringLiteral("OSError: disk /dev/sdc3 full")),
        failing(QStringLiteral("x4"), QStringLiteral("OSError: disk /dev/sdd4 full")),
    };
    tests[1].gapId = QStringLiteral("gap-1");
    tests[2].expectedFailure = true;
    tests[3].status = TestStatus::Passed;
    tests.append(failing(QStringLiteral("x5"), QStringLiteral("OSError: disk /dev/sde5 full")));
    Report a = reportOf(tests), b = reportOf(tests);
    CHECK(suggestGaps(a) == 1);
    suggestGaps(b);
    REQUIRE(a.gaps.size() == 1);
    CHECK(a.gaps[0].id == b.gaps[0].id);
    CHECK(a.gaps[0].title == b.gaps[0].title);
    CHECK(a.tests[0].gapId == a.gaps[0].id);
    CHECK(a.tests[4].gapId == a.gaps[0].id);
    CHECK(a.tests[1].gapId == QLatin1String("gap-1"));
    CHECK_FALSE(a.tests[1].gapSuggested);
    CHECK(a.tests[2].gapId.isEmpty());
    CHECK(a.tests[3].gapId.isEmpty());
}

TEST_CASE("Suggested gaps from a pytest log: timeouts, connection errors and one gap per missing module",
    "[signatures][pytestlog]")
{
    const Report r = TestSupport::importOrFail(TestSupport::dataPath(QStringLiteral("pytest/grouped-failures.log")));
    REQUIRE(r.gaps.size() == 4);
    const QString timeouts = gapOf(r, QStringLiteral("tests/integration/test_api.py::test_get_user"));
    CHECK(timeouts == gapOf(r, QStringLiteral("tests/integration/test_api.py::test_get_order")));
    // Raised in the test itself, not in app/http/client.py: another place, another gap candidate.
    CHECK(timeouts != gapOf(r, QStringLiteral("tests/integration/test_api.py::test_list")));
    CHECK(gapOf(r, QStringLiteral("tests/integration/test_cache.py::test_put"))
        == gapOf(r, QStringLiteral("tests/integration/test_cache.py::test_get")));
    const QString psycopg = gapOf(r, QStringLiteral("tests/integration/test_db.py"));
    const QString redis = gapOf(r, QStringLiteral("tests/integration/test_queue.py"));
    CHECK(psycopg == gapOf(r, QStringLiteral("tests/integration/test_db2.py")));
    CHECK(redis == gapOf(r, QStringLiteral("tests/integration/test_queue2.py")));
    CHECK(psycopg != redis);
    const Gap &first = r.gaps[r.gapIndex(timeouts)];
    CHECK(first.title == QString::fromUtf8("TimeoutError: request … to … timed out after …s (in http.client:_send)"));
    CHECK(r.phases[0].importErrors == 4);

    // Importing the same file again gives the same gaps with the same ids.
    const Report again
        = TestSupport::importOrFail(TestSupport::dataPath(QStringLiteral("pytest/grouped-failures.log")));
    REQUIRE(again.gaps.size() == r.gaps.size());
    for (int i = 0; i < r.gaps.size(); ++i) {
        CHECK(again.gaps[i].id == r.gaps[i].id);
        CHECK(again.gaps[i].title == r.gaps[i].title);
    }
}

TEST_CASE("Suggested gaps: a gap's report line is in the file of the test it quotes", "[signatures]")
{
    // QA: in a run of several files, a suggested gap named line 3 of the run's first file (another test's
    // <testsuite>) instead of line 3 of the file its first test was read from.
    Report r = reportOf({
        failing(QStringLiteral("other"), QStringLiteral("KeyError: 'user'")),
        failing(QStringLiteral("email1"), QStringLiteral("AssertionError: invalid email address 'a@'")),
        failing(QStringLiteral("email2"), QStringLiteral("AssertionError: invalid email address 'b@'")),
    });
    r.files = { QStringLiteral("run/jest.xml"), QStringLiteral("run/EmailAddressTest.xml") };
    r.tests[0].file = 0;
    r.tests[0].line = 7;
    r.tests[1].file = r.tests[2].file = 1;
    r.tests[1].line = 3;
    r.tests[2].line = 9;
    REQUIRE(suggestGaps(r) >= 1);
    const QString gapId = r.tests[1].gapId;
    REQUIRE_FALSE(gapId.isEmpty());
    REQUIRE(r.tests[2].gapId == gapId);
    const Gap &gap = r.gaps[r.gapIndex(gapId)];
    CHECK(gap.file == 1);
    CHECK(gap.line == 3);
}

TEST_CASE("Suggested gaps: failures grouped by test name say so, with the name as written", "[signatures]")
{
    // A message that names no cause ("failure") groups the failures by their test's name: the evidence said
    // "Message: a" (the name's words, lowercased, as if they were the message) and the title lowercased "A".
    const QByteArray xml = R"(<testsuites><testsuite name="packet">
<testsuite name="TestA"><testcase classname="" name="A"><failure message="failure"/></testcase></testsuite>
<testsuite name="TestB"><testcase classname="" name="B"><failure message="failure"/></testcase></testsuite>
<testcase classname="" name="A"><failure message="failure"/></testcase>
</testsuite></testsuites>
)";
    const Report r = TestSupport::importBytesOrFail(xml, QStringLiteral("nested.xml"));
    REQUIRE(r.gaps.size() == 1);
    const Gap &gap = r.gaps.first();
    CHECK(gap.title == QLatin1String("Failures in tests named \"A\""));
    CHECK(gap.evidence.contains(QLatin1String("Message: \"failure\", which names no cause")));
    CHECK(gap.evidence.contains(QLatin1String("Test name: A")));
    CHECK_FALSE(gap.evidence.contains(QLatin1String("Message: a")));
    // The evidence still holds for its members (evidenceOfMembers() reads the test name line).
    QVector<TestCase> members;
    for (const TestCase &t : r.tests) {
        if (t.gapId == gap.id)
            members << t;
    }
    CHECK(members.size() == 2);
    CHECK(evidenceOfMembers(gap.evidence, members) == gap.evidence);
    // No message at all: the evidence says there is none.
    Report none;
    none.tests << failing(QStringLiteral("tests/a.py::test_checkout_total[1]"), {})
               << failing(QStringLiteral("tests/a.py::test_checkout_total[2]"), {});
    REQUIRE(suggestGaps(none) == 1);
    CHECK(none.gaps.first().title == QLatin1String("Failures in tests named \"test_checkout_total\""));
    CHECK(none.gaps.first().evidence.contains(QLatin1String("Message: none that names a cause")));
}

TEST_CASE("Evidence counts are grouped as the locale groups digits where a person reads them", "[signatures]")
{
    // "2000 failures share this signature" stood beside "2,000 (2,000 failing)" in the Details pane.
    const QLocale en(QLocale::English, QLocale::UnitedStates);
    CHECK(evidenceLineForDisplay(QStringLiteral("Suggested by Gapwise: 2000 failures share this signature"), en)
        == QLatin1String("Suggested by Gapwise: 2,000 failures share this signature"));
    CHECK(evidenceLineForDisplay(QStringLiteral("12000 failures of 1500 signatures"), en)
        == QLatin1String("12,000 failures of 1,500 signatures"));
    CHECK(evidenceLineForDisplay(QStringLiteral("1 failure has this signature"), en)
        == QLatin1String("1 failure has this signature"));
    // Other lines, a message with numbers among them, stay as written.
    CHECK(evidenceLineForDisplay(QStringLiteral("Message: expected 2000 got 3000"), en)
        == QLatin1String("Message: expected 2000 got 3000"));
    const QLocale de(QLocale::German, QLocale::Germany);
    CHECK(evidenceLineForDisplay(QStringLiteral("2000 failures share this signature"), de)
        == QLatin1String("2.000 failures share this signature"));
}

TEST_CASE(
    "A suggested title writes its ellipses one way: a relative frame's dots and a cut title read \"…\"", "[signatures]")
{
    // r0620: a pytest traceback that starts in "..\staging_test_base.py" titled its gap
    // "InvalidStatus: … (in ...staging_test_base:wrapper)", two kinds of ellipsis in one title.
    const FailureSignature s = failureSignature(failing(QStringLiteral("tests/e2e/test_ws.py::test_flow"),
        QStringLiteral("websockets.exceptions.InvalidStatus: server rejected WebSocket connection: HTTP 403"),
        QStringLiteral("..\\staging_test_base.py:293: in wrapper\n    return await func(*args, **kwargs)\n"
                       "test_ws.py:222: in test_flow\n    async with websockets.connect(\n"
                       "E   websockets.exceptions.InvalidStatus: server rejected WebSocket connection: HTTP 403")));
    REQUIRE_FALSE(s.frames.isEmpty());
    const QString title = s.title(false);
    INFO(title.toStdString());
    CHECK(title.endsWith(QStringLiteral(" (in staging_test_base:wrapper)")));
    CHECK_FALSE(title.contains(QStringLiteral("...")));

    const FailureSignature longer = failureSignature(failing(
        QStringLiteral("t"), QStringLiteral("RuntimeError: ") + QStringLiteral("word ").repeated(50).trimmed()));
    const QString cut = longer.title(false);
    INFO(cut.toStdString());
    CHECK(cut.size() == 160);
    CHECK(cut.endsWith(QStringLiteral("…")));
    CHECK_FALSE(cut.contains(QStringLiteral("...")));
}
