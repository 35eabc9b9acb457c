// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyseries.h"

#include <QDateTime>
#include <QFile>

#include <stdexcept>

namespace HistorySeries {

Kind kindOf(int test)
{
    switch (test % 50) {
    case 1:
        return Kind::Flaky;
    case 2:
        return Kind::Regression;
    case 3:
        return Kind::Failing;
    case 4:
        return Kind::Fixed;
    case 5:
        return Kind::Skipped;
    default:
        break;
    }
    return Kind::Stable;
}

int breakRun(const Spec &spec, int test)
{
    return spec.runs / 2 + (test / 50) % 3; // spread over three consecutive runs
}

bool failsIn(const Spec &spec, int test, int run)
{
    switch (kindOf(test)) {
    case Kind::Flaky:
        return (run + test) % 4 == 0;
    case Kind::Regression:
        return run >= breakRun(spec, test);
    case Kind::Failing:
        return true;
    case Kind::Fixed:
        return run < spec.runs / 2;
    default:
        break;
    }
    return false;
}

QString testName(int test)
{
    return QStringLiteral("tests/unit/test_mod%1.py::test_case_%2").arg(test / 50).arg(test);
}

namespace {

    QString messageOf(int test, int run)
    {
        switch (kindOf(test)) {
        case Kind::Flaky:
            return QStringLiteral("TimeoutError: request to 10.0.%1.%2 timed out after %3s")
                .arg(test % 200)
                .arg(run % 200)
                .arg(30 + run % 7);
        case Kind::Regression:
            return QStringLiteral("AssertionError: expected 3 items, got %1").arg(test % 9 + 4);
        case Kind::Failing:
            return QStringLiteral("ModuleNotFoundError: No module named 'legacy_billing'");
        default:
            break;
        }
        return QStringLiteral("KeyError: 'session_%1'").arg(test);
    }

    QDateTime runTime(int run)
    {
        return QDateTime(QDate(2026, 1, 1), QTime(2, 0), Qt::UTC).addDays(run);
    }

} // namespace

Gapwise::Report report(const Spec &spec, int run)
{
    using namespace Gapwise;
    Report r;
    r.title = QStringLiteral("nightly");
    r.date = runTime(run).toString(Qt::ISODate);
    r.format = QStringLiteral("junit");
    Phase unit;
    unit.id = QStringLiteral("unit");
    unit.name = QStringLiteral("Unit");
    r.phases.append(unit);
    r.tests.reserve(spec.tests);
    for (int i = 0; i < spec.tests; ++i) {
        TestCase t;
        t.name = testName(i);
        t.id = QStringLiteral("unit::") + t.name;
        t.phaseId = unit.id;
        t.durationSeconds = 0.01 * (i % 13);
        if (kindOf(i) == Kind::Skipped)
            t.status = TestStatus::Skipped;
        else if (failsIn(spec, i, run)) {
            t.status = TestStatus::Failed;
            t.message = messageOf(i, run);
        } else {
            t.status = TestStatus::Passed;
        }
        r.tests.append(t);
    }
    return r;
}

QByteArray junitXml(const Spec &spec, int run)
{
    QByteArray xml;
    xml.reserve(qsizetype(spec.tests) * 120);
    xml += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites><testsuite name=\"pytest\" timestamp=\"";
    xml += runTime(run).toString(Qt::ISODate).toUtf8();
    xml += "\">\n";
    for (int i = 0; i < spec.tests; ++i) {
        xml += QStringLiteral("<testcase classname=\"tests.unit.test_mod%1\" name=\"test_case_%2\" "
                              "file=\"tests/unit/test_mod%1.py\" time=\"0.01\"")
                   .arg(i / 50)
                   .arg(i)
                   .toUtf8();
        if (kindOf(i) == Kind::Skipped)
            xml += "><skipped message=\"not on this platform\"/></testcase>\n";
        else if (failsIn(spec, i, run))
            xml += "><failure message=\"" + messageOf(i, run).toHtmlEscaped().toUtf8() + "\"/></testcase>\n";
        else
            xml += "/>\n";
    }
    xml += "</testsuite></testsuites>\n";
    return xml;
}

QString writeJUnit(const Spec &spec, int run, const QString &dir)
{
    QString path = QStringLiteral("%1/run-%2.xml").arg(dir).arg(run, 3, 10, QLatin1Char('0'));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(junitXml(spec, run)) < 0)
        throw std::runtime_error(QStringLiteral("%1: %2").arg(path, f.errorString()).toStdString());
    return path;
}

QStringList writeJUnitSeries(const Spec &spec, const QString &dir)
{
    QStringList files;
    for (int run = 0; run < spec.runs; ++run)
        files << writeJUnit(spec, run, dir);
    return files;
}

} // namespace HistorySeries
