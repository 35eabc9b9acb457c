// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 9's hostile inputs not covered by tst_hostile_inputs.cpp / tst_junit_hostile.cpp: every format gets a
// clean import or a clear error. The big ones import in a child process that reports its peak memory, so
// the bound is on what the absurd file costs, not on the test binary's own heap.
#include "testsupport.h"

#include "multifile.h"
#include "reportjson.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace Gapwise;
using TestSupport::importBytesOrFail;

namespace {

struct ChildOutcome
{
    QString line; // "ok tests=… gaps=… phases=…" or "error file:line:col: message"
    qint64 maxRssKb = -1;
};

// Writes `bytes` to a temporary file and imports it in gapwise_import_child.
ChildOutcome importInChild(const QByteArray &bytes, const QString &fileName)
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(fileName);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
    file.close();
    QProcess child;
    child.start(QStringLiteral(GAPWISE_IMPORT_CHILD), { path });
    REQUIRE(child.waitForFinished(-1)); // ctest's timeout bounds the time
    INFO(QString::fromUtf8(child.readAllStandardError()).toStdString());
    REQUIRE(child.exitStatus() == QProcess::NormalExit);
    REQUIRE(child.exitCode() == 0);
    const QStringList lines
        = QString::fromUtf8(child.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 2);
    ChildOutcome outcome;
    outcome.line = lines[0];
    REQUIRE(lines[1].startsWith(QLatin1String("maxrss_kb=")));
    outcome.maxRssKb = lines[1].mid(10).toLongLong();
    return outcome;
}

// "Well under 1 GB". A sanitizer build keeps freed memory in quarantine and shadows every byte, so there the
// bound only guards against runaway growth.
#if defined(__SANITIZE_ADDRESS__)
#define GAPWISE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GAPWISE_ASAN 1
#endif
#endif

qint64 memoryBoundKb()
{
#ifdef GAPWISE_ASAN
    return 3LL * 1024 * 1024;
#else
    return 512LL * 1024;
#endif
}

// 40 MB as the issue asks; under ASan (10x slower) 8 MB keeps the sanitizer job within CI's time.
qsizetype bigReportBytes()
{
#ifdef GAPWISE_ASAN
    return qsizetype(8) * 1024 * 1024;
#else
    return qsizetype(40) * 1024 * 1024;
#endif
}

int countIn(const QString &outcome, const char *key)
{
    const QRegularExpression re(QLatin1String(key) + QLatin1String("=(\\d+)"));
    const auto m = re.match(outcome);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QByteArray json(const Report &r)
{
    return QJsonDocument(reportToJson(r)).toJson();
}

const QByteArray PytestLog = "============================= test session starts ==============================\n"
                             "collected 3 items\n\n"
                             "tests/unit/test_a.py::test_one PASSED\n"
                             "tests/unit/test_a.py::test_two FAILED\n"
                             "tests/unit/test_a.py::test_three PASSED\n\n"
                             "=========================== short test summary info ============================\n"
                             "FAILED tests/unit/test_a.py::test_two - AssertionError: boom\n"
                             "========================= 1 failed, 2 passed in 0.12s ==========================\n";

} // namespace

TEST_CASE("hostile: NUL bytes in XML and pytest logs", "[hostile]")
{
    // In the first 8 KiB NUL means binary; later it is an XML error with its place, or a character a log
    // line may carry.
    const ImportResult early = importBytes(
        QByteArray("<testsuite name=\"n\"><testcase name=\"a\0b\"/></testsuite>", 51), QStringLiteral("nul.xml"));
    REQUIRE_FALSE(early.ok());
    CHECK(early.error.toString() == QLatin1String("nul.xml: the file is binary, not text"));

    QByteArray xml = "<testsuite name=\"n\">\n<!--" + QByteArray(9000, '-').replace("--", "- ")
        + "-->\n<testcase name=\"a\"/>\n</testsuite>\n";
    xml.insert(xml.indexOf("<testcase") + 16, QByteArray(2, '\0'));
    const ImportResult late = importBytes(xml, QStringLiteral("nul.xml"));
    REQUIRE_FALSE(late.ok());
    CHECK(late.error.line == 3);
    CHECK(late.error.message.startsWith(QLatin1String("malformed XML")));

    QByteArray log = PytestLog;
    log.insert(log.indexOf("tests/unit/test_a.py::test_one"),
        QByteArray("tests/unit/test_a.py::test_filler PASSED\n").repeated(250));
    log.insert(log.indexOf("test_three"), QByteArray(4, '\0'));
    REQUIRE(log.indexOf('\0') > 8192);
    const Report r = importBytesOrFail(log, QStringLiteral("nul.log"));
    REQUIRE(r.phases.size() == 1);
    CHECK(r.phases[0].failed == 1);
}

TEST_CASE("hostile: CRLF with a BOM imports a pytest log exactly as LF", "[hostile]")
{
    const ImportResult lf = importBytes(PytestLog, QStringLiteral("run.log"));
    QByteArray crlf = "\xEF\xBB\xBF" + PytestLog;
    crlf.replace("\n", "\r\n");
    const ImportResult withBom = importBytes(crlf, QStringLiteral("run.log"));
    REQUIRE(lf.ok());
    REQUIRE(withBom.ok());
    CHECK(json(*withBom.report) == json(*lf.report));
}

TEST_CASE("hostile: UTF-16 with a BOM imports Markdown and pytest logs as UTF-8 does", "[hostile]")
{
    const QString markdown = QStringLiteral("# Résultats\r\n\r\n## Unit Tests\r\n- **Failed:** 1\r\n"
                                            "- ❌ `test_café` - échoué\r\n");
    const Report utf8 = importBytesOrFail(markdown.toUtf8(), QStringLiteral("r.md"));
    for (const bool bigEndian : { false, true }) {
        QByteArray utf16 = bigEndian ? QByteArray("\xFE\xFF", 2) : QByteArray("\xFF\xFE", 2);
        for (const QChar c : markdown) {
            const char hi = char(c.unicode() >> 8), lo = char(c.unicode() & 0xff);
            utf16 += bigEndian ? QByteArray(1, hi) + lo : QByteArray(1, lo) + hi;
        }
        INFO((bigEndian ? "UTF-16BE" : "UTF-16LE"));
        const ImportResult r = importBytes(utf16, QStringLiteral("r.md"));
        REQUIRE(r.ok());
        CHECK(json(*r.report) == json(utf8));
        CHECK(r.report->tests[0].name == utf8.tests[0].name);
    }
    const QString log = QString::fromUtf8(PytestLog);
    QByteArray utf16("\xFF\xFE", 2);
    utf16.append(reinterpret_cast<const char *>(log.utf16()), log.size() * 2);
    const Report r = importBytesOrFail(utf16, QStringLiteral("run.log"));
    CHECK(json(r) == json(*importBytes(PytestLog, QStringLiteral("run.log")).report));
}

TEST_CASE("hostile: XML nested 100,000 deep is a clear error, in bounded memory", "[hostile][limits]")
{
    SECTION("suites in suites")
    {
        const QByteArray xml = "<testsuites>" + QByteArray("<testsuite name=\"s\">").repeated(100000)
            + "<testcase name=\"deep\"/>" + QByteArray("</testsuite>").repeated(100000) + "</testsuites>";
        const ChildOutcome o = importInChild(xml, QStringLiteral("deep.xml"));
        CHECK(o.line.startsWith(QLatin1String("error ")));
        CHECK(o.line.contains(QLatin1String("deep.xml:1:")));
        CHECK(o.line.endsWith(QLatin1String("XML elements nested more than 256 deep; Gapwise stops there")));
        CHECK(o.maxRssKb < memoryBoundKb());
    }
    SECTION("unknown elements inside a testcase")
    {
        const QByteArray xml = "<testsuite name=\"s\"><testcase name=\"t\">" + QByteArray("<x>").repeated(100000)
            + QByteArray("</x>").repeated(100000) + "</testcase></testsuite>";
        const ChildOutcome o = importInChild(xml, QStringLiteral("deep.xml"));
        CHECK(o.line.endsWith(QLatin1String("XML elements nested more than 256 deep; Gapwise stops there")));
        CHECK(o.maxRssKb < memoryBoundKb());
    }
    SECTION("256 deep still imports")
    {
        const QByteArray xml = "<testsuites>" + QByteArray("<testsuite name=\"s\">").repeated(254)
            + "<testcase name=\"deep\"/>" + QByteArray("</testsuite>").repeated(254) + "</testsuites>";
        const ImportResult r = importBytes(xml, QStringLiteral("deep.xml"));
        INFO(r.error.toString().toStdString());
        REQUIRE(r.ok());
        CHECK(r.report->tests.size() == 1);
    }
}

TEST_CASE("hostile: a 2 MB test name in JUnit XML and a pytest log", "[hostile]")
{
    const QByteArray name = "test_" + QByteArray(qsizetype(2) * 1024 * 1024, 'x');
    const ImportResult xml = importBytes("<testsuite name=\"s\"><testcase classname=\"c\" name=\"" + name
            + "\"><failure message=\"boom\"/></testcase></testsuite>",
        QStringLiteral("long.xml"));
    REQUIRE(xml.ok());
    REQUIRE(xml.report->tests.size() == 1);
    CHECK(xml.report->tests[0].name.endsWith(QString::fromLatin1(name))); // whole, after its class
    CHECK(xml.report->tests[0].status == TestStatus::Failed);

    const ImportResult log = importBytes("tests/unit/test_a.py::" + name
            + " FAILED\n"
              "========================= 1 failed in 0.12s =========================\n",
        QStringLiteral("long.log"));
    REQUIRE(log.ok());
    REQUIRE(log.report->tests.size() == 1);
    CHECK(log.report->tests[0].name.endsWith(QLatin1String("xxx")));
    CHECK(log.report->tests[0].status == TestStatus::Failed);
}

TEST_CASE("hostile: 40 MB reports import in bounded memory", "[hostile][limits]")
{
    SECTION("JUnit XML")
    {
        QByteArray xml = "<?xml version=\"1.0\"?>\n<testsuites>\n";
        int n = 0;
        for (int suite = 0; xml.size() < bigReportBytes(); ++suite) {
            xml += "<testsuite name=\"suite" + QByteArray::number(suite) + "\">\n";
            for (int i = 0; i < 1000; ++i, ++n)
                xml += "<testcase classname=\"pkg.mod" + QByteArray::number(suite) + ".TestThing\" name=\"test_"
                    + QByteArray::number(i) + "\" time=\"0.01\">"
                    + (i % 10 ? QByteArray()
                              : "<failure message=\"assert " + QByteArray::number(i % 70)
                                + " == 0\">Traceback\n  File \"x.py\", line 3\nAssertionError</failure>")
                    + "</testcase>\n";
            xml += "</testsuite>\n";
        }
        xml += "</testsuites>\n";
        const ChildOutcome o = importInChild(xml, QStringLiteral("big.xml"));
        INFO(o.line.toStdString());
        REQUIRE(o.line.startsWith(QLatin1String("ok ")));
        CHECK(countIn(o.line, "tests") == n);
        CHECK(o.maxRssKb < memoryBoundKb());
    }
    SECTION("pytest log")
    {
        QByteArray log = "============================= test session starts ==============================\n";
        int n = 0;
        while (log.size() < bigReportBytes()) {
            log += "tests/unit/test_big" + QByteArray::number(n / 1000) + ".py::test_case_" + QByteArray::number(n)
                + (n % 10 ? " PASSED" : " FAILED") + "                                 [ 50%]\n";
            ++n;
        }
        const ChildOutcome o = importInChild(log, QStringLiteral("big.log"));
        INFO(o.line.toStdString());
        REQUIRE(o.line.startsWith(QLatin1String("ok ")));
        CHECK(countIn(o.line, "tests") == n);
        CHECK(o.maxRssKb < memoryBoundKb());
    }
}

// A Markdown report is written by people; one of 40 MB (475,000 tests) is refused with a clear message before
// it is parsed, instead of taking a minute and most of a gigabyte.
TEST_CASE("hostile: a 40 MB Markdown report gets a clear error before it is parsed", "[hostile][limits]")
{
    QByteArray md = "# Big\n\n";
    for (int phase = 0; md.size() < bigReportBytes(); ++phase) {
        md += "## Phase " + QByteArray::number(phase) + " Tests\n\n";
        for (int i = 0; i < 1000; ++i)
            md += "- ❌ `test_phase" + QByteArray::number(phase) + "_case_" + QByteArray::number(i)
                + "` - AssertionError: expected " + QByteArray::number(i % 50) + " got something else entirely\n";
        md += '\n';
    }
    const ImportResult r = importBytes(md, QStringLiteral("big.md"));
    REQUIRE_FALSE(r.ok());
    CHECK(
        r.error.toString().startsWith(QStringLiteral("big.md: a Markdown report larger than 8 MiB is not supported")));
}

TEST_CASE("hostile: 20,000 gaps in a Markdown report", "[hostile][limits]")
{
    QByteArray md = "# Many gaps\n\n## Test Results\n\n";
    for (int g = 1; g <= 20000; ++g)
        md += "## ISSUE " + QByteArray::number(g) + ": Root cause number " + QByteArray::number(g) + "\n- ❌ `test_gap_"
            + QByteArray::number(g) + "` - failure " + QByteArray::number(g) + "\n\n";
    const ChildOutcome o = importInChild(md, QStringLiteral("gaps.md"));
    INFO(o.line.toStdString());
    REQUIRE(o.line.startsWith(QLatin1String("ok ")));
    CHECK(countIn(o.line, "gaps") == 20000);
    CHECK(countIn(o.line, "tests") == 20000);
    CHECK(o.maxRssKb < memoryBoundKb());
}

TEST_CASE("hostile: a file over the size limit is refused before it is read", "[hostile][limits]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("huge.xml"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.resize(MaxInputBytes + 1)); // sparse: no disk space, no memory
    file.close();
    const ImportResult r = importFile(path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error.toString() == path + QStringLiteral(": the file is larger than 512 MiB"));
}

TEST_CASE("hostile: a device or FIFO is refused by name before it is opened", "[hostile][limits]")
{
    // /dev/zero never ends (it grew to 1 GB and on); a FIFO blocks on open until a writer comes. Both are
    // refused before they are opened, by name, as is /dev/null (which read as an empty file).
    const QString expected = QStringLiteral(": not a regular file (a device, FIFO or socket); Gapwise reads report "
                                            "files and folders of them");
    for (const QString &device : { QStringLiteral("/dev/null"), QStringLiteral("/dev/zero") }) {
        if (!QFileInfo::exists(device))
            continue;
        const ImportResult r = importFile(device);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error.toString() == device + expected);
    }
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString fifo = dir.filePath(QStringLiteral("pipe.xml"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const ImportResult r = importFiles({ fifo });
    REQUIRE_FALSE(r.ok());
    CHECK(r.error.toString() == fifo + expected);
}

TEST_CASE("hostile: a file of unknown size is read no further than the limit", "[hostile][limits]")
{
    // A device of unknown length (/proc files say 0 bytes) is read in pieces that stop one byte past the limit.
    QBuffer small;
    small.setData(QByteArray(100, 'x'));
    REQUIRE(small.open(QIODevice::ReadOnly));
    bool tooBig = true;
    CHECK(readAtMost(&small, 100, &tooBig) == QByteArray(100, 'x'));
    CHECK_FALSE(tooBig);
    QBuffer big;
    big.setData(QByteArray(101, 'x'));
    REQUIRE(big.open(QIODevice::ReadOnly));
    CHECK(readAtMost(&big, 100, &tooBig).isEmpty());
    CHECK(tooBig);
    CHECK(big.pos() == 101); // not a byte more was read
    // A regular file that reports no size is still read: /proc/self/status is text, read whole.
    if (QFileInfo::exists(QStringLiteral("/proc/self/status"))) {
        const ImportResult r = importFile(QStringLiteral("/proc/self/status"));
        INFO(r.error.toString().toStdString());
        CHECK_FALSE(r.error.message.contains(QLatin1String("empty")));
    }
}
