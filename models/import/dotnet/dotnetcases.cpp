// SPDX-License-Identifier: GPL-3.0-or-later
#include "dotnetcases.h"

#include "counttext.h"

namespace Gapwise {
namespace {
    constexpr int MaxCapturedOutput = 8 * 1024; // per stream and test, as for JUnit
} // namespace

TestStatus statusOfWord(const QString &result, std::initializer_list<StatusWord> vocabulary, TestStatus otherwise)
{
    for (const StatusWord &w : vocabulary) {
        if (result.compare(QLatin1String(w.word), Qt::CaseInsensitive) == 0)
            return w.status;
    }
    return otherwise;
}

QString assemblyName(const QString &pathOrName)
{
    QString name = pathOrName.trimmed();
    const qsizetype slash = qMax(name.lastIndexOf(QLatin1Char('/')), name.lastIndexOf(QLatin1Char('\\')));
    if (slash >= 0)
        name = name.mid(slash + 1);
    for (const char *ext : { ".dll", ".exe" }) {
        if (name.endsWith(QLatin1String(ext), Qt::CaseInsensitive))
            name.chop(4);
    }
    return name;
}

double dotnetSeconds(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return -1.0;
    bool ok = false;
    if (!text.contains(QLatin1Char(':'))) {
        const double s = text.toDouble(&ok);
        return ok && s >= 0 ? s : -1.0;
    }
    // [d.]hh:mm:ss[.fffffff]
    const QList<QStringView> parts = text.split(QLatin1Char(':'));
    if (parts.size() != 3)
        return -1.0;
    double days = 0;
    QStringView hours = parts[0];
    if (const qsizetype dot = hours.indexOf(QLatin1Char('.')); dot >= 0) {
        days = hours.left(dot).toDouble(&ok);
        if (!ok)
            return -1.0;
        hours = hours.mid(dot + 1);
    }
    const double h = hours.toDouble(&ok);
    if (!ok)
        return -1.0;
    const double m = parts[1].toDouble(&ok);
    if (!ok)
        return -1.0;
    const double s = parts[2].toDouble(&ok);
    if (!ok || h < 0 || m < 0 || s < 0)
        return -1.0;
    return ((days * 24 + h) * 60 + m) * 60 + s;
}

QString withoutClassPrefix(const QString &testName, const QString &className)
{
    if (!className.isEmpty() && testName.size() > className.size() + 1 && testName.startsWith(className)
        && testName.at(className.size()) == QLatin1Char('.'))
        return testName.mid(className.size() + 1);
    return testName;
}

QString classOfFullName(const QString &fullName)
{
    // The last dot outside parentheses and quotes: "Ns.Fixture(4.2).Test(\"a.b\")" → "Ns.Fixture(4.2)".
    int depth = 0;
    bool quoted = false;
    qsizetype lastDot = -1;
    for (qsizetype i = 0; i < fullName.size(); ++i) {
        const QChar ch = fullName.at(i);
        if (ch == QLatin1Char('"'))
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (ch == QLatin1Char('(') || ch == QLatin1Char('['))
            ++depth;
        else if ((ch == QLatin1Char(')') || ch == QLatin1Char(']')) && depth > 0)
            --depth;
        else if (ch == QLatin1Char('.') && depth == 0)
            lastDot = i;
    }
    return lastDot <= 0 ? QString() : fullName.left(lastDot);
}

QString failureDetails(const QString &type, const QString &message, const QString &trace)
{
    QString details = message.trimmed();
    if (!type.isEmpty() && !details.contains(type))
        details = type + QLatin1String(": ") + details;
    QString t = trace.trimmed(); // not const: returned, so moved
    if (t.isEmpty())
        return details;
    // A JavaScript stack ("Error: boom\n    at f (x.js:1:2)") begins with the message itself: said once.
    const bool restated = t.startsWith(details)
        && (t.size() == details.size() || t.at(details.size()) == QLatin1Char('\n')
            || t.at(details.size()) == QLatin1Char('\r'));
    if (details.isEmpty() || restated)
        return t;
    return details + QLatin1Char('\n') + t;
}

void appendFurtherFailures(JUnitCase &c, const QVector<FurtherFailure> &further)
{
    c.failureElements = 1 + int(further.size());
    for (int i = 0; i < further.size(); ++i) {
        const FurtherFailure &f = further[i];
        c.details += furtherOutcomeHeading(true, i + 2, c.failureElements, f.line)
            + failureDetails(f.type, f.message, f.trace);
    }
}

int addSuite(JUnitDocument &doc, const QString &name, int line, int parent)
{
    JUnitSuite s;
    s.name = name;
    s.line = line;
    s.parent = parent;
    const int index = int(doc.suites.size());
    s.topLevel = parent < 0 ? index : doc.suites[parent].topLevel;
    doc.suites.append(s);
    return index;
}

void placeCase(const JUnitDocument &doc, int index, JUnitCase &c)
{
    c.suite = index;
    if (index < 0)
        return;
    const JUnitSuite &suite = doc.suites[index];
    c.suiteName = suite.name;
    c.topLevel = suite.topLevel;
    c.topLevelName = doc.suites[suite.topLevel].name;
    c.topLevelLine = doc.suites[suite.topLevel].line;
}

void appendOutput(JUnitCase &c, const QString &label, const QString &text)
{
    const QString t = text.trimmed();
    if (!t.isEmpty())
        c.details += QStringLiteral("\n\n--- %1 ---\n").arg(label) + t.left(MaxCapturedOutput);
}

void warnOnStatedCounts(Report &report, int line, const QString &who, std::initializer_list<StatedCount> counts)
{
    QStringList stated, present;
    bool differ = false;
    for (const StatedCount &c : counts) {
        if (c.stated < 0)
            continue;
        const QString many = QStringLiteral("%1 ") + QLatin1String(c.what);
        const QString one = c.one ? QStringLiteral("%1 ") + QLatin1String(c.one) : many;
        stated << countText(c.stated, one, many, QLocale::c());
        present << countText(c.present, one, many, QLocale::c());
        differ = differ || c.stated != c.present;
    }
    if (differ)
        report.diagnostics.append({ Severity::Warning, line,
            QStringLiteral("%1 states %2 but its tests give %3; Gapwise counts the tests")
                .arg(who, stated.join(QLatin1String(", ")), present.join(QLatin1String(", "))) });
}

} // namespace Gapwise
