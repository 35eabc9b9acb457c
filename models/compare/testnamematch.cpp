// SPDX-License-Identifier: GPL-3.0-or-later
#include "testnamematch.h"

#include "testidentifiers.h"

#include <QRegularExpression>

namespace Gapwise {

QString testMatchKey(const QString &name)
{
    return normalisedTestKey(name);
}

QString testMatchFunction(const QString &name)
{
    return testFunctionOf(normalisedTestKey(name));
}

namespace {

    template <typename Matches> QVector<int> indicesWhere(const QVector<NamedTest> &tests, Matches matches)
    {
        QVector<int> out;
        for (int i = 0; i < tests.size(); ++i) {
            if (matches(tests[i]))
                out.append(i);
        }
        return out;
    }

    struct IdParts
    {
        QString phase;
        QString key; // with the repeat: "tests/a.py::test_y#2", as the store keys the second test of that name
        QString repeat; // "#2", empty for the first
    };

    // "nightly:pkg.Mod::t_x" → ("nightly", "pkg.Mod::t_x"); "phase::tests/a.py::test_y#2" → ("phase",
    // "tests/a.py::test_y#2", "#2"). Empty when `typed` has no phase in front.
    IdParts partsOfId(const QString &typed)
    {
        const int colon = int(typed.indexOf(QLatin1Char(':')));
        if (colon <= 0)
            return {};
        QString key = typed.mid(colon + 1);
        if (key.startsWith(QLatin1Char(':')))
            key.remove(0, 1);
        static const QRegularExpression repeat(QStringLiteral("#\\d+$"));
        const QString number = repeat.match(key).captured();
        key.chop(number.size());
        return { typed.left(colon), testMatchKey(key) + number, number };
    }

} // namespace

QVector<int> matchTestName(const QString &typed, const QVector<NamedTest> &tests)
{
    const QString key = testMatchKey(typed);
    if (key.isEmpty())
        return {};
    QVector<int> found = indicesWhere(tests, [&](const NamedTest &t) { return t.key == typed || t.key == key; });
    if (found.isEmpty())
        found = indicesWhere(tests, [&](const NamedTest &t) { return testMatchKey(t.name) == key; });
    const IdParts id = partsOfId(typed);
    if (found.isEmpty() && !id.key.isEmpty()) {
        // Where the run had the key in several phases the store kept the phase in front: that test first. The
        // n-th test of a name is "key#n" in the store as in the id; a store written before kept only one of
        // them, under the key without the number.
        QStringList candidates { id.phase + QStringLiteral("::") + id.key, id.key };
        if (!id.repeat.isEmpty()) {
            const QString first = id.key.chopped(id.repeat.size());
            candidates << id.phase + QStringLiteral("::") + first << first;
        }
        for (const QString &candidate : std::as_const(candidates)) {
            found = indicesWhere(tests, [&](const NamedTest &t) { return t.key == candidate; });
            if (!found.isEmpty())
                break;
        }
    }
    if (found.isEmpty()) {
        // As compare's last pass: `test_x` in one place, a node id in the other. Compare also pairs two node
        // ids that share only their function, since both are tests of runs of one suite; a class someone typed
        // that no stored test has names another test, so here one side must be the bare name.
        const QString function = testMatchFunction(typed);
        const bool typedBare = function == key;
        found = indicesWhere(tests, [&](const NamedTest &t) {
            const QString theirs = testMatchFunction(t.name);
            return theirs == function && (typedBare || theirs == testMatchKey(t.name));
        });
    }
    return found;
}

} // namespace Gapwise
