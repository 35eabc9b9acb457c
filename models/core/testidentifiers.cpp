// SPDX-License-Identifier: GPL-3.0-or-later
#include "testidentifiers.h"

#include <QRegularExpression>

namespace Gapwise {
namespace {

    // Path segments may be elided ("tests/.../x.py"); the test part may carry parameters.
    const QString NodeIdPattern = QStringLiteral(
        "(?:[A-Za-z0-9_.\\-]+[/\\\\])*(?:\\.\\.\\.[/\\\\])?(?:[A-Za-z0-9_.\\-]+[/\\\\])*[A-Za-z0-9_\\-]+\\.py"
        "(?:::[A-Za-z_][A-Za-z0-9_]*)+(?:\\[[^\\]\\s]*\\])?");
    const QString ClassNodePattern = QStringLiteral("\\b[A-Z][A-Za-z0-9_]*::test[A-Za-z0-9_]*(?:\\[[^\\]\\s]*\\])?");
    const QString FunctionPattern = QStringLiteral("\\btest_[A-Za-z0-9_]*[A-Za-z0-9](?:\\[[^\\]\\s]*\\])?");

    const QRegularExpression &anyIdentifier()
    {
        static const QRegularExpression re(
            NodeIdPattern + QLatin1Char('|') + ClassNodePattern + QLatin1Char('|') + FunctionPattern);
        return re;
    }

} // namespace

bool isNodeId(const QString &text)
{
    static const QRegularExpression re(
        QLatin1String("^(?:") + NodeIdPattern + QLatin1Char('|') + ClassNodePattern + QLatin1String(")$"));
    return re.match(text).hasMatch();
}

bool isTestFunctionName(const QString &text)
{
    static const QRegularExpression re(QLatin1String("^") + FunctionPattern + QLatin1String("$"));
    return re.match(text).hasMatch();
}

bool isTestIdentifier(const QString &text)
{
    return isNodeId(text) || isTestFunctionName(text);
}

QStringList findTestIdentifiers(const QString &text)
{
    QStringList found;
    auto it = anyIdentifier().globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const int end = m.capturedEnd();
        // "test_x.py" is a file; "test_x.something" a module path or attribute, not a test; "test_x/y.py" a
        // folder of a path.
        if (end < text.size() && text[end] == QLatin1Char('.') && end + 1 < text.size() && text[end + 1].isLetter())
            continue;
        if (end < text.size() && (text[end] == QLatin1Char('/') || text[end] == QLatin1Char('\\')))
            continue;
        const int start = m.capturedStart();
        if (start > 0 && (text[start - 1] == QLatin1Char('.') || text[start - 1] == QLatin1Char('/')))
            continue;
        const QString id = m.captured();
        if (!found.contains(id))
            found.append(id);
    }
    return found;
}

QString testFunctionOf(const QString &identifier)
{
    QString name = identifier.section(QLatin1String("::"), -1);
    const int bracket = name.indexOf(QLatin1Char('['));
    return bracket > 0 ? name.left(bracket) : name;
}

namespace {

    // Where the first "/.../" starts, or -1. Found from the dots (a name has one or two: ".py"), which is
    // cheaper than a substring search on every test of a million-test import.
    qsizetype elisionAt(QStringView text)
    {
        for (qsizetype dot = text.indexOf(QLatin1Char('.')); dot >= 0; dot = text.indexOf(QLatin1Char('.'), dot + 1)) {
            if (dot >= 1 && text.sliced(dot - 1).startsWith(QLatin1String("/.../")))
                return dot - 1;
        }
        return -1;
    }

} // namespace

QString normalisedTestKey(const QString &identifier)
{
    QString key = identifier.trimmed(); // shares the characters when there is nothing to trim
    if (key.contains(QLatin1Char('\\')))
        key.replace(QLatin1Char('\\'), QLatin1Char('/'));
    const qsizetype elided = elisionAt(key);
    if (elided >= 0)
        key = key.mid(elided + 5);
    return key;
}

} // namespace Gapwise
