// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QString>
#include <QStringList>

namespace Gapwise {

// What a failure says about its cause, with everything incidental taken out (rules in docs/junit.md):
// the exception type, the message as a template (messagetemplate.h), the innermost frames of the project's
// own code (module and function, no line numbers), and, where the exception names the cause, that name:
// the module of an ImportError/ModuleNotFoundError, the type and attribute of an AttributeError, the name
// of a NameError. Failures with equal keys share a cause.
struct FailureSignature
{
    QString exceptionType; // "ZeroDivisionError", "java.lang.AssertionError"; empty when none is given
    QString subject; // "psycopg2", "dict.attr", "foo"; empty for other exceptions
    QString messageTemplate; // "request <HEX> timed out after <NUM>s"
    QStringList frames; // innermost first, at most two: "app.client:call", "com.acme.Store:save"
    bool fromTestName = false; // no message anywhere: the template is made of the test name's words
    // With fromTestName: the test's name as written ("A", "test_checkout_total"), which the title shows (what
    // the names share, or empty when they share no word, where templates of several names were mined together),
    // and the message that said nothing ("failure").
    QString testName;
    QString emptyMessage;
    // testName is what the names of several tests share as written ("Ns.FixtureTests.…_Test"), mined together.
    bool testNameMerged = false;

    QString key() const; // exact grouping key
    QString bucket() const; // what must be equal before templates may merge (templateminer.h)
    // "ModuleNotFoundError: No module named 'psycopg2'", "TimeoutError: request … timed out after …s";
    // with typedNames "request ‹hex› timed out after ‹number›s" (readableTemplate()).
    QString title(bool typedNames = false) const;
};

FailureSignature failureSignature(const TestCase &test);

} // namespace Gapwise
