// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace Gapwise;

namespace TestSupport {

QString dataPath(const QString &name)
{
    return QStringLiteral(GAPWISE_TEST_DATA "/") + name;
}

QString sharedPath(const QString &name)
{
    const QString dir = QStringLiteral(GAPWISE_SHARED_DIR);
    if (!QFileInfo(dir).isDir())
        return QString();
    return QDir(dir).filePath(name);
}

Report importOrFail(const QString &path)
{
    const ImportResult result = importFile(path);
    INFO("import of " << path.toStdString() << ": " << result.error.toString().toStdString());
    REQUIRE(result.ok());
    return *result.report;
}

Report importBytesOrFail(const QByteArray &bytes, const QString &fileName, const ImportControl &control)
{
    const ImportResult result = importBytes(bytes, fileName, control);
    INFO("import of " << fileName.toStdString() << ": " << result.error.toString().toStdString());
    REQUIRE(result.ok());
    return *result.report;
}

QString writeFileOrFail(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    REQUIRE(dir.isValid());
    QString path = dir.filePath(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return path;
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray checkoutRunWithOutcomes()
{
    return QByteArrayLiteral("# Checkout run\n\n"
                             "## Payment Tests - CRITICAL FAILURE BLOCKING CHECKOUT\n\n"
                             "- **Total Tests:** 4\n- **Failed:** 3\n\n"
                             "## Unit Tests (95.2% SUCCESS)\n\n"
                             "- **Total Tests:** 42\n- **Passed:** 40\n");
}

QStringList phaseIds(const Report &report)
{
    QStringList ids;
    for (const Phase &p : report.phases)
        ids << p.id;
    return ids;
}

QStringList phaseNames(const Report &report)
{
    QStringList names;
    for (const Phase &p : report.phases)
        names << p.name;
    return names;
}

QStringList testNames(const Report &report)
{
    QStringList names;
    for (const TestCase &t : report.tests)
        names << t.name;
    return names;
}

const Phase *phaseNamed(const Report &report, const QString &nameContains)
{
    for (const Phase &p : report.phases) {
        if (p.name.contains(nameContains, Qt::CaseInsensitive))
            return &p;
    }
    return nullptr;
}

const Gap *gapTitled(const Report &report, const QString &titleContains)
{
    for (const Gap &g : report.gaps) {
        if (g.title.contains(titleContains, Qt::CaseInsensitive))
            return &g;
    }
    return nullptr;
}

const TestCase *testNamed(const Report &report, const QString &name)
{
    for (const TestCase &t : report.tests) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

const TestCase &requireTest(const Report &report, const char *name)
{
    const TestCase *t = testNamed(report, QString::fromUtf8(name));
    INFO("test " << name);
    if (!t) {
        for (const TestCase &x : report.tests)
            UNSCOPED_INFO("present: " << x.name.toStdString());
    }
    REQUIRE(t != nullptr);
    return *t;
}

} // namespace TestSupport
