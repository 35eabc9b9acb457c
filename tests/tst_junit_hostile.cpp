// SPDX-License-Identifier: GPL-3.0-or-later
// Broken and hostile XML: a clear error with line and column, never an external entity read.
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <atomic>

using namespace Gapwise;
using TestSupport::dataPath;
using TestSupport::importBytesOrFail;
using TestSupport::writeFileOrFail;

namespace {

ImportError importError(const QString &path)
{
    const ImportResult result = importFile(path);
    INFO(path.toStdString());
    REQUIRE_FALSE(result.ok());
    return result.error;
}

QByteArray manyTestcases(int n)
{
    QByteArray xml = "<?xml version=\"1.0\"?>\n<testsuites><testsuite name=\"big\">\n";
    for (int i = 0; i < n; ++i)
        xml += "<testcase classname=\"big.T\" name=\"test_" + QByteArray::number(i) + "\"/>\n";
    return xml + "</testsuite></testsuites>\n";
}

} // namespace

TEST_CASE("JUnit hostile: truncated XML names the line and says so", "[junit][hostile]")
{
    const ImportError e = importError(dataPath(QStringLiteral("junit/truncated.xml")));
    CHECK(e.file.endsWith(QLatin1String("truncated.xml")));
    CHECK(e.line == 6);
    CHECK(e.message.contains(QLatin1String("truncated")));
}

TEST_CASE("JUnit hostile: an unescaped '<' in an attribute gives line and column", "[junit][hostile]")
{
    const ImportError e = importError(dataPath(QStringLiteral("junit/unescaped-attribute.xml")));
    CHECK(e.line == 4);
    CHECK(e.column == 30);
    CHECK(e.message.startsWith(QLatin1String("malformed XML")));
    CHECK(e.toString().contains(QLatin1String("unescaped-attribute.xml:4:30: malformed XML")));
}

TEST_CASE("JUnit hostile: XML that is not JUnit names its root element", "[junit][hostile]")
{
    const ImportError e = importError(dataPath(QStringLiteral("junit/not-junit.xml")));
    CHECK(e.message.contains(QLatin1String("root element is <project>")));
    CHECK(e.line == 2);
}

TEST_CASE("JUnit hostile: an external entity is refused and the file it names is never read", "[junit][hostile]")
{
    QTemporaryDir dir;
    const QString secretPath = writeFileOrFail(dir, QStringLiteral("secret.txt"), "CANARY-SECRET-42");
    QFile fixture(dataPath(QStringLiteral("junit/xxe-local-file.xml")));
    REQUIRE(fixture.open(QIODevice::ReadOnly));
    const QByteArray xml = fixture.readAll().replace("@CANARY@", secretPath.toUtf8());

    const ImportResult result = importBytes(xml, QStringLiteral("xxe.xml"));
    REQUIRE_FALSE(result.ok());
    CHECK(result.error.line == 3);
    CHECK(result.error.column == 3);
    CHECK(result.error.message.contains(QLatin1String("entit")));
    CHECK_FALSE(result.error.toString().contains(QLatin1String("CANARY")));
}

TEST_CASE("JUnit hostile: billion laughs is refused before any expansion", "[junit][hostile]")
{
    const ImportError e = importError(dataPath(QStringLiteral("junit/billion-laughs.xml")));
    CHECK(e.line == 3);
    CHECK(e.message.contains(QLatin1String("refuses entity declarations")));
}

TEST_CASE("JUnit hostile: an undeclared entity is an error, not silently dropped", "[junit][hostile]")
{
    const ImportError e = importError(dataPath(QStringLiteral("junit/undeclared-entity.xml")));
    CHECK(e.line == 5);
    CHECK_FALSE(e.message.isEmpty());
}

TEST_CASE("JUnit hostile: fragments and oddities never crash", "[junit][hostile]")
{
    const QList<QByteArray> inputs = {
        "<?xml version=\"1.0\"?>",
        "<testsuites>",
        "<testsuite><testcase><failure>",
        "<testsuites></testsuite>",
        "<testsuites><testcase name=\"orphan\"/></testsuites>",
        "<testsuite><testcase name=\"a\"><testcase name=\"inner\"/></testcase></testsuite>",
        "<?xml version=\"1.0\"?><!-- only a comment -->",
        "<!ENTITY x \"y\">",
        "<testsuites tests=\"-5\" failures=\"many\"><testsuite tests=\"99999999999999\"/></testsuites>",
        QByteArray("<testsuites>\0</testsuites>", 26),
    };
    for (const QByteArray &input : inputs) {
        INFO(input.toStdString());
        const ImportResult result = importBytes(input, QStringLiteral("fragment.xml"));
        if (!result.ok())
            CHECK_FALSE(result.error.message.isEmpty());
    }
    // A prolog of many declarations (and an unterminated one) is scanned in linear time, then refused by the
    // XML reader for what it is.
    const ImportResult manyDeclarations = importBytes(
        "<?xml version=\"1.0\"?>" + QByteArray("<!a>").repeated(100000) + "<testsuites/>", QStringLiteral("decl.xml"));
    REQUIRE_FALSE(manyDeclarations.ok());
    CHECK(manyDeclarations.error.line == 1);
    CHECK_FALSE(importBytes("<!DOCTYPE x [" + QByteArray(100000, 'x'), QStringLiteral("open.xml")).ok());

    // A testcase outside any suite still imports, in a phase named after the report.
    const ImportResult orphan
        = importBytes("<testsuites name=\"R\"><testcase name=\"orphan\"/></testsuites>", QStringLiteral("orphan.xml"));
    REQUIRE(orphan.ok());
    REQUIRE(orphan.report->tests.size() == 1);
    CHECK(orphan.report->tests[0].phaseId == QLatin1String("r"));
}

TEST_CASE("JUnit: progress runs 0..1000 in order and the cancel flag stops the import", "[junit]")
{
    const QByteArray xml = manyTestcases(5000);
    QVector<int> seen;
    ImportControl control;
    control.progress = [&seen](int permille) { seen.append(permille); };
    const Report done = importBytesOrFail(xml, QStringLiteral("big.xml"), control);
    CHECK(done.tests.size() == 5000);
    REQUIRE(seen.size() >= 2);
    CHECK(std::is_sorted(seen.cbegin(), seen.cend()));
    CHECK(seen.front() >= 0);
    CHECK(seen.back() == 1000);
    CHECK(seen.size() <= 1001); // throttled: never more reports than permille steps
    CHECK(std::any_of(seen.cbegin(), seen.cend(), [](int v) { return v > 0 && v < 1000; })); // real steps

    std::atomic_bool cancel { true };
    ImportControl cancelling;
    cancelling.cancel = &cancel;
    const ImportResult stopped = importBytes(xml, QStringLiteral("big.xml"), cancelling);
    REQUIRE_FALSE(stopped.ok());
    CHECK(stopped.error.message == QLatin1String("import cancelled"));
}

TEST_CASE("JUnit hostile: every fixture cut at any point fails clearly or imports, never crashes", "[junit][hostile]")
{
    const QDir dir(dataPath(QStringLiteral("junit")));
    const QFileInfoList files = dir.entryInfoList({ QStringLiteral("*.xml") }, QDir::Files, QDir::Name);
    REQUIRE_FALSE(files.isEmpty());
    int refused = 0;
    for (const QFileInfo &info : files) {
        QFile f(info.absoluteFilePath());
        REQUIRE(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        for (int cut = 1; cut < bytes.size(); cut += 7) {
            INFO(info.fileName().toStdString() << " cut at " << cut);
            const ImportResult result = importBytes(bytes.left(cut), info.fileName());
            if (!result.ok()) {
                ++refused;
                CHECK_FALSE(result.error.message.isEmpty());
            }
        }
    }
    CHECK(refused > 0);
}
