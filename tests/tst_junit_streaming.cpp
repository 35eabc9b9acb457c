// SPDX-License-Identifier: GPL-3.0-or-later
// A JUnit file is read from disk as a stream (importFile), other inputs from bytes (importBytes): both ways
// must give the same report, the same error, and refuse the same hostile prologs.
#include "reportjson.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace Gapwise;
using TestSupport::dataPath;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return QString();
    return path;
}

// Imports `path` both ways and checks the outcomes are the same; returns how many were reports.
int checkBothWaysAgree(const QFileInfoList &files)
{
    int reports = 0;
    for (const QFileInfo &info : files) {
        const QString path = info.absoluteFilePath();
        INFO("file " << path.toStdString());
        ImportResult fromDisk = importFile(path);
        const ImportResult fromBytes = importBytes(TestSupport::fileContents(path), path);
        REQUIRE(fromDisk.ok() == fromBytes.ok());
        if (!fromDisk.ok()) {
            CHECK(fromDisk.error.toString() == fromBytes.error.toString());
            continue;
        }
        ++reports;
        // importFile records the absolute path (and lists it as the report's one file), importBytes the name given.
        fromDisk.report->sourceFile = path;
        fromDisk.report->files = fromBytes.report->files;
        CHECK(QJsonDocument(reportToJson(*fromDisk.report)).toJson()
            == QJsonDocument(reportToJson(*fromBytes.report)).toJson());
    }
    return reports;
}

} // namespace

TEST_CASE(
    "JUnit streamed from disk gives the same report or error as from its bytes: every fixture", "[junit][streaming]")
{
    const QFileInfoList files
        = QDir(dataPath(QStringLiteral("junit"))).entryInfoList({ QStringLiteral("*.xml") }, QDir::Files, QDir::Name);
    REQUIRE(files.size() >= 10);
    CHECK(checkBothWaysAgree(files) >= files.size() / 2); // the rest are broken or hostile on purpose
}

TEST_CASE("JUnit streamed from disk gives the same report or error as from its bytes: the corpus",
    "[junit][streaming][corpus]")
{
    const QString dirPath = TestSupport::sharedPath(QStringLiteral("corpus/junit-xml"));
    if (dirPath.isEmpty() || !QDir(dirPath).exists()) {
        WARN("../shared/corpus/junit-xml is absent: JUnit streaming corpus test skipped");
        return;
    }
    const QFileInfoList files = QDir(dirPath).entryInfoList({ QStringLiteral("*.xml") }, QDir::Files, QDir::Name);
    REQUIRE_FALSE(files.isEmpty());
    CHECK(checkBothWaysAgree(files) > files.size() / 2);
}

TEST_CASE("JUnit from disk: an entity declared after the first 64 KiB of the prolog is still refused",
    "[junit][streaming][hostile]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // A comment pushes the DOCTYPE's entity past what the format detection and first prolog check read.
    const QByteArray xml = "<?xml version=\"1.0\"?>\n<!-- " + QByteArray(100 * 1024, 'x')
        + " -->\n"
          "<!DOCTYPE testsuites [\n<!ENTITY leak SYSTEM \"file:///etc/passwd\">\n]>\n"
          "<testsuites><testsuite name=\"s\"><testcase name=\"t\">&leak;</testcase></testsuite>"
          "</testsuites>\n";
    const QString path = writeFile(dir, QStringLiteral("late-entity.xml"), xml);
    REQUIRE_FALSE(path.isEmpty());
    const ImportResult result = importFile(path);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error.file == path);
    CHECK(result.error.line == 4);
    CHECK(result.error.column == 1);
    CHECK(result.error.message.contains(QLatin1String("refuses entity declarations")));
}

TEST_CASE("JUnit from disk: progress runs 0..1000 in order and the file's report is whole", "[junit][streaming]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QByteArray xml = "<?xml version=\"1.0\"?>\n<testsuites><testsuite name=\"big\">\n";
    for (int i = 0; i < 20000; ++i)
        xml += "<testcase classname=\"tests.unit.test_big.T\" name=\"test_" + QByteArray::number(i) + "\"/>\n";
    xml += "</testsuite></testsuites>\n";
    const QString path = writeFile(dir, QStringLiteral("big.xml"), xml);
    REQUIRE_FALSE(path.isEmpty());
    QVector<int> seen;
    ImportControl control;
    control.progress = [&seen](int permille) { seen.append(permille); };
    const ImportResult result = importFile(path, control);
    REQUIRE(result.ok());
    CHECK(result.report->tests.size() == 20000);
    CHECK(result.report->tests.last().name == QLatin1String("tests/unit/test_big.py::T::test_19999"));
    REQUIRE(seen.size() >= 10);
    CHECK(std::is_sorted(seen.cbegin(), seen.cend()));
    CHECK(seen.back() == 1000);
    CHECK(std::count_if(seen.cbegin(), seen.cend(), [](int v) { return v > 0 && v < 1000; }) >= 5);
}
