// SPDX-License-Identifier: GPL-3.0-or-later
#include "ctrfimporter.h"
#include "counttext.h"
#include "dotnetcases.h"
#include "enums.h"
#include "gapsuggester.h"
#include "junitreport.h"
#include "xmlelementreader.h"
#include "xmlsafety.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Gapwise {
namespace {

    QString retriesText(int retries)
    {
        return countText(retries, QStringLiteral("%1 retry"), QStringLiteral("%1 retries"), QLocale::c());
    }

    TestStatus statusOf(const QString &status)
    {
        if (status == QLatin1String("passed"))
            return TestStatus::Passed;
        if (status == QLatin1String("failed"))
            return TestStatus::Failed;
        if (status == QLatin1String("skipped") || status == QLatin1String("pending"))
            return TestStatus::Skipped;
        return TestStatus::Unknown; // "other"
    }

    QStringList stringList(const QJsonValue &v)
    {
        QStringList list;
        if (v.isString())
            list << v.toString();
        for (const auto &item : v.toArray()) {
            if (item.isString())
                list << item.toString();
        }
        return list;
    }

    QString joinedLines(const QJsonValue &v)
    {
        return v.isString() ? v.toString() : stringList(v).join(QLatin1Char('\n'));
    }

    // Seconds from CTRF's milliseconds; -1 when absent.
    double seconds(const QJsonValue &v)
    {
        return v.isDouble() && v.toDouble() >= 0 ? v.toDouble() / 1000.0 : -1.0;
    }

    QString attemptText(const QJsonObject &a)
    {
        const QString message = firstTextLine(a.value(QLatin1String("message")).toString());
        return QStringLiteral("attempt %1: %2%3")
            .arg(a.value(QLatin1String("attempt")).toInt())
            .arg(a.value(QLatin1String("status")).toString(QStringLiteral("no status")),
                message.isEmpty() ? QString() : QLatin1String(" - ") + message);
    }

    // The line of each element of results.tests, in order: where its "name" key is, else where it starts.
    // QJsonDocument keeps no positions, so the bytes are walked once more, strings skipped and keys followed. A later
    // "results" or "tests" key replaces an earlier one, as it does in the parsed document. An element this does not
    // find gets line 0.
    QVector<int> testElementLines(const QByteArray &json)
    {
        struct Open
        {
            bool object = false;
            QByteArray key; // in an object, the key last read: the one its open child sits under
        };
        QVector<Open> containers; // each open object and array, outermost first
        QVector<int> lines;
        QByteArray lastString;
        bool inTests = false; // the innermost open container is results.tests
        bool elementDue = false; // in results.tests, where its next element starts
        bool inElement = false; // in a test's object, before its "name"
        int line = 1;
        for (qsizetype i = 0; i < json.size(); ++i) {
            const char c = json.at(i);
            if (c == '\n') {
                ++line;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r')
                continue;
            if (inTests && elementDue && c != ']' && c != ',') {
                lines.append(line);
                elementDue = false;
            }
            switch (c) {
            case '"': {
                const qsizetype start = i + 1;
                for (++i; i < json.size() && json.at(i) != '"'; ++i) {
                    if (json.at(i) == '\\')
                        ++i;
                }
                lastString = json.mid(start, i - start);
                break;
            }
            case ':':
                if (!containers.isEmpty() && containers.last().object)
                    containers.last().key = lastString;
                if (inElement && containers.size() == 4 && lastString == "name" && !lines.isEmpty()) {
                    lines.last() = line; // the line that names the test, which the details pane quotes
                    inElement = false;
                }
                break;
            case ',':
                elementDue = inTests;
                break;
            case '{':
            case '[':
                if (inTests)
                    inElement = c == '{';
                inTests = c == '[' && containers.size() == 2 && containers[0].object && containers[0].key == "results"
                    && containers[1].object && containers[1].key == "tests";
                if (inTests) {
                    lines.clear();
                    elementDue = true;
                }
                containers.append({ c == '{', QByteArray() });
                break;
            case '}':
            case ']':
                if (!containers.isEmpty())
                    containers.removeLast();
                inTests = containers.size() == 3 && !containers[2].object && containers[0].key == "results"
                    && containers[1].key == "tests";
                elementDue = false;
                break;
            default:
                break;
            }
        }
        return lines;
    }

    // Gaps that Gapwise itself wrote into extra.gapwise (export --format ctrf): read back so a round trip keeps
    // the triage.
    void readGapwiseGaps(const QJsonObject &extra, const QHash<QString, QString> &gapOfTestName, Report &report)
    {
        const QJsonArray gaps = extra.value(QLatin1String("gapwise")).toObject().value(QLatin1String("gaps")).toArray();
        for (const auto &v : gaps) {
            const QJsonObject o = v.toObject();
            Gap g;
            g.id = o.value(QLatin1String("id")).toString();
            g.title = o.value(QLatin1String("title")).toString();
            if (g.id.isEmpty() || report.gapIndex(g.id) >= 0)
                continue;
            g.priority = priorityFromText(o.value(QLatin1String("priority")).toString());
            g.status = gapStatusFromName(o.value(QLatin1String("status")).toString());
            g.owner = o.value(QLatin1String("owner")).toString();
            g.notes = o.value(QLatin1String("notes")).toString();
            g.evidence = stringList(o.value(QLatin1String("evidence")));
            report.gaps.append(g);
        }
        for (TestCase &t : report.tests) {
            const QString gap = gapOfTestName.value(t.name);
            if (!gap.isEmpty() && report.gapIndex(gap) >= 0)
                t.gapId = gap;
        }
    }

} // namespace

bool looksLikeCtrf(const QByteArray &utf8Head)
{
    static const QRegularExpression format(QStringLiteral("\"reportFormat\"\\s*:\\s*\"CTRF\""));
    static const QRegularExpression results(
        QStringLiteral("^\\s*\\{\\s*(?:\"[^\"]*\"\\s*:[^{]*,\\s*)*\"results\"\\s*:\\s*\\{"
                       "\\s*\"(?:tool|summary|tests|environment)\""));
    const QString head = QString::fromUtf8(utf8Head.left(4096));
    return format.match(head).hasMatch() || results.match(head).hasMatch();
}

ImportResult importCtrf(const QByteArray &json, const QString &displayName, const ImportControl &control)
{
    ImportResult result;
    result.error.file = displayName;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        lineAndColumnAt(json, parseError.offset, &result.error.line, &result.error.column);
        result.error.message = QStringLiteral("not valid JSON: %1").arg(parseError.errorString());
        return result;
    }
    const QJsonObject root = document.object();
    const QJsonValue resultsValue = root.value(QLatin1String("results"));
    if (!resultsValue.isObject() || !resultsValue.toObject().value(QLatin1String("tests")).isArray()) {
        result.error.message = QStringLiteral("not a CTRF report: it has no results.tests array");
        return result;
    }
    const QJsonObject results = resultsValue.toObject();
    const QJsonObject summary = results.value(QLatin1String("summary")).toObject();
    const QJsonObject environment = results.value(QLatin1String("environment")).toObject();
    const QString tool = results.value(QLatin1String("tool")).toObject().value(QLatin1String("name")).toString();

    JUnitDocument doc;
    doc.rootName = environment.value(QLatin1String("reportName")).toString();
    if (doc.rootName.isEmpty())
        doc.rootName = tool;
    JUnitReportBuilder builder(doc, displayName);
    QHash<QString, int> suiteByPath;
    QHash<int, QString> gapOfIndex;
    int present[5] = { 0, 0, 0, 0, 0 }; // passed, failed, skipped, pending, other
    int flaky = 0;
    const QJsonArray tests = results.value(QLatin1String("tests")).toArray();
    QVector<QString> gapOfTest;
    const QVector<int> elementLines = testElementLines(json);
    const bool cancellable = control.cancel != nullptr;
    for (int i = 0; i < tests.size(); ++i) {
        if (cancellable && control.cancelled()) {
            result.error.message = QStringLiteral("import cancelled");
            return result;
        }
        if (control.progress && i % 1024 == 0)
            control.progress(int(qint64(i) * 900 / qMax<qsizetype>(1, tests.size())));
        const QJsonObject t = tests.at(i).toObject();
        JUnitCase c;
        // The suite path (["checkout", "cart"]) nests suites; its first name is the outermost suite.
        const QStringList suite = stringList(t.value(QLatin1String("suite")));
        int parent = -1;
        QString path;
        for (const QString &name : suite) {
            path += name + QLatin1Char('\x1f');
            auto it = suiteByPath.constFind(path);
            if (it == suiteByPath.cend())
                it = suiteByPath.insert(path, addSuite(doc, name, 0, parent));
            parent = *it;
        }
        placeCase(doc, parent, c);
        c.name = t.value(QLatin1String("name")).toString();
        for (const char *where : { "browser", "device" }) { // one test run in several browsers is several tests
            const QString value = t.value(QLatin1String(where)).toString();
            if (!value.isEmpty())
                c.name += QStringLiteral(" [%1]").arg(value);
        }
        // CTRF's line is the test's line in its source file (filePath); the report line is its object's.
        c.file = t.value(QLatin1String("filePath")).toString();
        c.sourceLine = t.value(QLatin1String("line")).toInt();
        c.line = i < elementLines.size() ? elementLines[i] : 0;
        c.seconds = seconds(t.value(QLatin1String("duration")));
        const QString status = t.value(QLatin1String("status")).toString();
        c.status = statusOf(status);
        const int kind = status == QLatin1String("passed") ? 0
            : status == QLatin1String("failed")            ? 1
            : status == QLatin1String("skipped")           ? 2
            : status == QLatin1String("pending")           ? 3
                                                           : 4;
        ++present[kind];
        const QString message = t.value(QLatin1String("message")).toString();
        const QString trace = t.value(QLatin1String("trace")).toString();
        c.message = firstTextLine(message);
        if (c.status != TestStatus::Passed) {
            c.details = failureDetails(QString(), message, trace);
            appendOutput(c, QStringLiteral("stdout"), joinedLines(t.value(QLatin1String("stdout"))));
            appendOutput(c, QStringLiteral("stderr"), joinedLines(t.value(QLatin1String("stderr"))));
        }
        if (c.status == TestStatus::Unknown && c.message.isEmpty())
            c.message = t.value(QLatin1String("rawStatus")).toString(status);
        for (const auto &a : t.value(QLatin1String("retryAttempts")).toArray())
            c.history << attemptText(a.toObject());
        const int retries = t.value(QLatin1String("retries")).toInt();
        if (t.value(QLatin1String("flaky")).toBool()) {
            ++flaky;
            c.history.prepend(retries > 0 ? QStringLiteral("flaky: %1 after %2").arg(status, retriesText(retries))
                                          : QStringLiteral("flaky"));
        } else if (retries > 0 && c.history.isEmpty()) {
            c.history << retriesText(retries);
        }
        const QString gap = t.value(QLatin1String("extra"))
                                .toObject()
                                .value(QLatin1String("gapwise"))
                                .toObject()
                                .value(QLatin1String("gap"))
                                .toString();
        gapOfTest.append(gap);
        builder.addCase(std::move(c));
    }
    result.report = builder.finish();
    Report &report = *result.report;
    report.format = QStringLiteral("ctrf");
    // A start past the year 9999 is no date, and converting it to qint64 would be undefined (fuzz_ctrf).
    constexpr double lastMsecs = 253402300799999.0;
    const double start = summary.value(QLatin1String("start")).toDouble();
    if (start > 0 && start <= lastMsecs)
        report.date = QDateTime::fromMSecsSinceEpoch(qint64(start), Qt::UTC).toString(Qt::ISODate);
    QStringList env;
    for (const char *key : { "appName", "appVersion", "buildName", "branchName", "osPlatform" }) {
        const QString value = environment.value(QLatin1String(key)).toVariant().toString();
        if (!value.isEmpty())
            env << value;
    }
    report.environment = env.join(QLatin1String(", "));
    if (!tool.isEmpty())
        report.summaryFacts << QStringLiteral("written by %1").arg(tool);
    if (flaky > 0)
        report.summaryFacts << countText(flaky, QStringLiteral("%1 flaky test (passed after retries)"),
            QStringLiteral("%1 flaky tests (passed after retries)"), QLocale::c());
    auto stated = [&summary](const char *key) {
        const QJsonValue v = summary.value(QLatin1String(key));
        return v.isDouble() ? v.toInt() : -1;
    };
    warnOnStatedCounts(report, 0, QStringLiteral("the summary"),
        { { "tests", stated("tests"), int(tests.size()), "test" }, { "passed", stated("passed"), present[0] },
            { "failed", stated("failed"), present[1] }, { "skipped", stated("skipped"), present[2] },
            { "pending", stated("pending"), present[3] }, { "other", stated("other"), present[4] } });

    // Gaps written by Gapwise come back; tests are matched by name (the builder keeps names as given).
    QHash<QString, QString> gapOfTestName;
    for (int i = 0; i < report.tests.size() && i < gapOfTest.size(); ++i) {
        if (!gapOfTest[i].isEmpty())
            gapOfTestName.insert(report.tests[i].name, gapOfTest[i]);
    }
    readGapwiseGaps(root.value(QLatin1String("extra")).toObject(), gapOfTestName, report);
    if (report.gaps.isEmpty())
        suggestGaps(report);
    if (control.progress)
        control.progress(1000);
    return result;
}

} // namespace Gapwise
