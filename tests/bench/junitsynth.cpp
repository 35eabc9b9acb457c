// SPDX-License-Identifier: GPL-3.0-or-later
#include "junitsynth.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

namespace GapwiseBench {
namespace {

    const char *const Phases[] = { "unit", "integration", "e2e" };

    QByteArray failureFor(QRandomGenerator &rng, int i, QByteArray *type)
    {
        switch (rng.bounded(5)) {
        case 0:
            *type = "AssertionError";
            return "assert " + QByteArray::number(rng.bounded(1000)) + " == " + QByteArray::number(rng.bounded(1000));
        case 1:
            *type = "ConnectionError";
            return "Error 111 connecting to 10.0." + QByteArray::number(rng.bounded(255))
                + ".7:" + QByteArray::number(6000 + rng.bounded(1000)) + ". Connection refused.";
        case 2:
            *type = "KeyError";
            return "'user-" + QByteArray::number(rng.generate(), 16) + "' not found in /var/cache/run-"
                + QByteArray::number(i) + "/users.json";
        case 3:
            *type = "TimeoutError";
            return "request " + QByteArray::number(rng.generate64(), 16) + " timed out after "
                + QByteArray::number(rng.bounded(30, 90)) + "s";
        default:
            *type = "ModuleNotFoundError";
            return QByteArray("No module named '") + (rng.bounded(2) ? "psycopg2" : "redis") + "'";
        }
    }

} // namespace

void writeSyntheticJUnit(QIODevice &out, int testcases, quint32 seed)
{
    QRandomGenerator rng(seed);
    out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites name=\"synthetic\">\n");
    constexpr int SuiteSize = 200;
    for (int i = 0; i < testcases; ++i) {
        const int suite = i / SuiteSize;
        const QByteArray phase = Phases[suite % 3];
        const QByteArray module = "test_module_" + QByteArray::number(suite).rightJustified(4, '0');
        if (i % SuiteSize == 0) {
            if (i > 0)
                out.write("  </testsuite>\n");
            out.write(
                "  <testsuite name=\"pytest-" + QByteArray::number(suite) + "\" timestamp=\"2026-01-01T00:00:00\">\n");
        }
        QByteArray tc = "    <testcase classname=\"tests." + phase + "." + module + ".TestC" + QByteArray::number(i % 7)
            + "\" name=\"test_case_" + QByteArray::number(i).rightJustified(6, '0') + "_behaves\" file=\"tests/" + phase
            + "/" + module + ".py\" line=\"" + QByteArray::number(i % 500) + "\" time=\"0.0"
            + QByteArray::number(rng.bounded(100)) + "\"";
        const int roll = int(rng.bounded(100));
        if (roll < 5) {
            QByteArray type;
            const QByteArray message = failureFor(rng, i, &type);
            const QByteArray kind = roll < 4 ? "failure" : "error";
            tc += ">\n      <" + kind + " message=\"" + type + ": " + message + "\">tests/" + phase + "/" + module
                + ".py:" + QByteArray::number(i % 500) + ": in test_case_" + QByteArray::number(i)
                + "\n    client.call()\napp/client.py:42: in call\n    raise " + type + "(msg)\nE   " + type + ": "
                + message + "</" + kind + ">\n    </testcase>\n";
        } else if (roll < 7) {
            tc += ">\n      <skipped message=\"needs GPU\"/>\n    </testcase>\n";
        } else {
            tc += "/>\n";
        }
        out.write(tc);
    }
    if (testcases > 0)
        out.write("  </testsuite>\n");
    out.write("</testsuites>\n");
}

QList<int> benchmarkSizes(const QStringList &arguments)
{
    QList<int> sizes;
    for (int i = 1; i < arguments.size(); ++i)
        sizes << arguments.at(i).toInt();
    if (sizes.isEmpty())
        sizes = { 1000, 10000, 100000 };
    return sizes;
}

QString writeSyntheticJUnitFile(const QString &dir, int testcases)
{
    const QString path = QDir(dir).filePath(QStringLiteral("synthetic-%1.xml").arg(testcases));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    writeSyntheticJUnit(file, testcases);
    return file.error() == QFileDevice::NoError ? path : QString();
}

} // namespace GapwiseBench
