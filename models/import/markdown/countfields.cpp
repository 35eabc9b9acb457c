// SPDX-License-Identifier: GPL-3.0-or-later
#include "countfields.h"
#include "pytestlines.h"

#include <QRegularExpression>

namespace Gapwise {
namespace {

    using RE = QRegularExpression;
    constexpr auto CI = QRegularExpression::CaseInsensitiveOption;

    int firstNumber(const QString &text)
    {
        static const RE number(QStringLiteral("^\\D{0,3}?(\\d{1,7})(?![\\d.,]*\\s*[%$KkMm])"));
        const auto m = number.match(text.trimmed());
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }

    // The counts a tally states where the reading has none of its own: a label's count comes first.
    // The counts a tally states where the reading has none of its own: a label's count comes first.
    void fillUnsetFromTally(CountReading &r, const PytestLine &tally)
    {
        const auto fill = [](int &field, int value) {
            if (field < 0)
                field = value;
        };
        fill(r.passed, tally.passed);
        fill(r.failed, tally.failed);
        fill(r.errors, tally.errors);
        fill(r.skipped, tally.skipped);
        fill(r.deselected, tally.deselected);
        if (r.durationSeconds < 0)
            r.durationSeconds = tally.seconds;
    }

    void readFraction(const QString &text, CountReading &r)
    {
        // "(40/42)", "6/7 tests" → passed/total
        static const RE fraction(QStringLiteral("\\(?(\\d+)\\s*/\\s*(\\d+)\\)?(?:\\s*tests?)?"));
        const auto m = fraction.match(text);
        if (m.hasMatch() && m.captured(1).toInt() <= m.captured(2).toInt()) {
            r.passed = m.captured(1).toInt();
            r.total = m.captured(2).toInt();
        }
    }

} // namespace

bool CountReading::any() const
{
    return total >= 0 || collected >= 0 || selected >= 0 || passed >= 0 || failed >= 0 || errors >= 0 || skipped >= 0
        || deselected >= 0 || importErrors >= 0 || durationSeconds >= 0;
}

CountReading readCounts(const QString &rawLabel, const QString &text)
{
    CountReading r;
    QString label = rawLabel.trimmed();
    while (label.endsWith(QLatin1Char(':')))
        label.chop(1);
    QString value = text;
    if (!label.isEmpty()) {
        const int at = value.indexOf(label);
        if (at >= 0)
            value = value.mid(at + label.size());
        value = value.trimmed();
        if (value.startsWith(QLatin1Char(':')))
            value = value.mid(1).trimmed();
    }
    const QString l = label.toLower();
    static const RE rate(QStringLiteral("(fail(?:ure)?|pass|success)\\s*(rate|ratio|percentage)"), CI);
    static const RE duration(QStringLiteral("^(?:total\\s+)?(execution time|duration|time|run ?time|elapsed|"
                                            "test time|execution duration|total time)$"),
        CI);
    if (!l.isEmpty() && l.size() < 48) {
        if (const auto m = rate.match(l); m.hasMatch()) {
            static const RE percent(QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*%"));
            const auto p = percent.match(value);
            if (p.hasMatch()) {
                const double v = p.captured(1).toDouble();
                r.failureRatePercent
                    = m.captured(1).startsWith(QLatin1String("fail"), Qt::CaseInsensitive) ? v : 100.0 - v;
            }
            readFraction(value, r);
            // "**Success Rate:** 25% (1 passed, 3 failed)": the tally beside a rate counts.
            PytestLine beside;
            if (r.passed < 0 && parseTally(value, beside) >= 2) {
                r.passed = beside.passed;
                r.failed = beside.failed;
                r.errors = beside.errors;
                r.skipped = beside.skipped;
            }
            return r;
        }
        if (duration.match(l).hasMatch()) {
            r.durationSeconds = parseDuration(value);
            return r;
        }
        const int n = firstNumber(value);
        const bool isTotal = l.contains(QLatin1String("total")) || l == QLatin1String("tests")
            || l.contains(QLatin1String("tests run")) || l.contains(QLatin1String("collected"))
            || l.contains(QLatin1String("tests executed")) || l == QLatin1String("test count");
        if (n >= 0) {
            if (l.contains(QLatin1String("import error")) || l.contains(QLatin1String("collection error"))) {
                r.importErrors = n;
                r.errors = n;
            } else if (l.contains(QLatin1String("deselected"))) {
                r.deselected = n;
            } else if (l.contains(QLatin1String("selected"))) {
                r.selected = n;
            } else if (isTotal && !l.contains(QLatin1String("fail")) && !l.contains(QLatin1String("pass"))) {
                // "**Total Tests Executed:** 21/25": 21 of the 25 there are.
                static const RE ofAll(QStringLiteral("^\\s*\\d+\\s*/\\s*(\\d+)\\b"));
                const auto all = ofAll.match(value);
                r.total = all.hasMatch() && all.captured(1).toInt() >= n ? all.captured(1).toInt() : n;
                if (l.contains(QLatin1String("collected")))
                    r.collected = n;
            } else if (l.contains(QLatin1String("fail"))) {
                r.failed = n;
            } else if (l.contains(QLatin1String("pass"))) {
                r.passed = n;
            } else if (l.contains(QLatin1String("error"))) {
                r.errors = n;
            } else if (l.contains(QLatin1String("skip"))) {
                r.skipped = n;
            }
        }
        // Tails such as "(10 selected, 7 deselected)" and tallies ("10 failed, 1 passed") after any label.
        static const RE countLabel(
            QStringLiteral("^(results?|status|outcome|summary|tests?|test results?|final results?|"
                           "overall(?: results?| status)?|totals?|total tests|test execution|"
                           "execution|test status|test summary)$"),
            CI);
        // "5/5 TESTS PASSED", "ALL 4 TESTS FAILED AS EXPECTED"
        static const RE fractionOutcome(
            QStringLiteral(
                "\\b(?:(\\d+)\\s*/"
                "\\s*(\\d+)\\s+(?:tests?\\s+)?|all\\s+(\\d+)\\s+tests?\\s+)(pass(?:ed|ing)?|fail(?:ed|ing)?)\\b"),
            CI);
        if (const auto m = fractionOutcome.match(value); m.hasMatch() && !r.any() && countLabel.match(l).hasMatch()) {
            const int n = m.captured(3).isEmpty() ? m.captured(1).toInt() : m.captured(3).toInt();
            const int of = m.captured(3).isEmpty() ? m.captured(2).toInt() : n;
            if (n <= of) {
                r.total = of;
                (m.captured(4).startsWith(QLatin1String("pass"), Qt::CaseInsensitive) ? r.passed : r.failed) = n;
                // "51/61 passed, 7 failed": what follows the fraction may count the other outcomes.
                PytestLine rest;
                if (parseTally(value.mid(m.capturedEnd()), rest) > 0)
                    fillUnsetFromTally(r, rest);
                return r;
            }
        }
        // "**Status:** ✅ 100% PASS RATE (10/10 tests)", "1/1 test executed successfully": a fraction with
        // the word that says which outcome it counts.
        static const RE wordedFraction(QStringLiteral("\\b(\\d+)\\s*/\\s*(\\d+)\\s*tests?\\b"), CI);
        static const RE passWords(
            QStringLiteral("\\b(?:pass(?:ed|es|ing)?|success(?:ful(?:ly)?)?|succeeded|green)\\b"), CI);
        static const RE failWords(QStringLiteral("\\b(?:fail(?:ed|s|ing|ures?)?|errors?|red)\\b"), CI);
        if (const auto m = wordedFraction.match(value); m.hasMatch() && !r.any() && countLabel.match(l).hasMatch()
            && m.captured(1).toInt() <= m.captured(2).toInt()) {
            const bool pass = passWords.match(value).hasMatch();
            if (pass != failWords.match(value).hasMatch()) {
                r.total = m.captured(2).toInt();
                (pass ? r.passed : r.failed) = m.captured(1).toInt();
                return r;
            }
        }
        PytestLine tally;
        const int outcomes = parseTally(value, tally);
        // "**Success Pattern:** 10 passed, 5 failed, 3 errors": two outcomes counted make a tally, whatever the label.
        if (r.any() || countLabel.match(l).hasMatch() || (outcomes >= 2 && !l.contains(QLatin1String("before")))) {
            if (outcomes > 0) {
                static const RE selected(QStringLiteral("(\\d+)\\s+selected"), CI);
                if (const auto s = selected.match(value); s.hasMatch() && r.selected < 0)
                    r.selected = s.captured(1).toInt();
                fillUnsetFromTally(r, tally);
            }
        }
        return r;
    }
    // No label: "92% test pass rate (71/77 tests passing)" gives passed/total, the percentage a cross-check.
    static const RE passFraction(
        QStringLiteral(
            "(\\d+(?:\\.\\d+)?)\\s*%[^(]{0,40}\\bpass(?:ing|ed)?\\b[^(]{0,20}\\((\\d+)\\s*/\\s*(\\d+)\\s*tests?"),
        CI);
    if (const auto m = passFraction.match(text); m.hasMatch() && m.captured(2).toInt() <= m.captured(3).toInt()) {
        r.passed = m.captured(2).toInt();
        r.total = m.captured(3).toInt();
        r.failureRatePercent = 100.0 - m.captured(1).toDouble();
        return r;
    }
    // A bare tally in prose ("51 passed, 0 failed in 0.42s") counts when it names two outcomes.
    PytestLine tally;
    if (parseTally(text, tally) >= 2) {
        r.passed = tally.passed;
        r.failed = tally.failed;
        r.errors = tally.errors;
        r.skipped = tally.skipped;
        r.deselected = tally.deselected;
        r.durationSeconds = tally.seconds;
    }
    return r;
}

QStringList applyCounts(const CountReading &reading, Phase &phase)
{
    QStringList changed;
    auto set = [&](int value, int &field, const char *name) {
        if (value < 0)
            return;
        if (field >= 0 && field != value)
            changed.append(QStringLiteral("%1 %2 → %3").arg(QLatin1String(name)).arg(field).arg(value));
        field = value;
    };
    set(reading.total, phase.total, "total");
    set(reading.collected, phase.collected, "collected");
    set(reading.selected, phase.selected, "selected");
    set(reading.passed, phase.passed, "passed");
    set(reading.failed, phase.failed, "failed");
    set(reading.errors, phase.errors, "errors");
    set(reading.skipped, phase.skipped, "skipped");
    set(reading.deselected, phase.deselected, "deselected");
    set(reading.importErrors, phase.importErrors, "import errors");
    if (reading.durationSeconds >= 0)
        phase.durationSeconds = reading.durationSeconds;
    return changed;
}

} // namespace Gapwise
