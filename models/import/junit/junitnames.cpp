// SPDX-License-Identifier: GPL-3.0-or-later
#include "junitnames.h"
#include "phasewords.h"

namespace Gapwise {
namespace {

    bool isTestModule(const QString &segment)
    {
        return segment.startsWith(QLatin1String("test_")) || segment.endsWith(QLatin1String("_test"));
    }

    bool isClassSegment(const QString &segment)
    {
        return !segment.isEmpty() && segment.at(0).isUpper();
    }

    // The node id without the test function, or empty when classname and file do not read as pytest.
    QString pytestPrefix(const QString &classname, const QString &file)
    {
        const QStringList classParts = classname.split(QLatin1Char('.'), Qt::SkipEmptyParts);
        if (file.endsWith(QLatin1String(".py"))) {
            QString stem = file.chopped(3);
            stem.replace(QLatin1Char('\\'), QLatin1Char('/'));
            const QStringList fileParts = stem.split(QLatin1Char('/'), Qt::SkipEmptyParts);
            if (classParts.isEmpty())
                return file;
            // The classname repeats the module path (or its tail): what follows it are the classes.
            for (int k = qMin(fileParts.size(), classParts.size()); k > 0; --k) {
                if (fileParts.mid(fileParts.size() - k) == classParts.mid(0, k)) {
                    QString id = file;
                    for (const QString &cls : classParts.mid(k))
                        id += QLatin1String("::") + cls;
                    return id;
                }
            }
            return QString();
        }
        for (int i = classParts.size() - 1; i >= 0; --i) {
            if (!isTestModule(classParts[i]))
                continue;
            const QStringList classes = classParts.mid(i + 1);
            if (!std::all_of(classes.cbegin(), classes.cend(), isClassSegment))
                return QString();
            QString id = classParts.mid(0, i + 1).join(QLatin1Char('/')) + QLatin1String(".py");
            for (const QString &cls : classes)
                id += QLatin1String("::") + cls;
            return id;
        }
        return QString();
    }

    // pytest writes a module that failed to collect as classname="" name="tests.unit.test_db": name it by its
    // path, as the log does ("tests/unit/test_db.py").
    QString pytestCollectedModule(const JUnitCase &c)
    {
        if (!c.classname.isEmpty() || !c.file.isEmpty() || c.name.contains(QLatin1Char(' '))
            || c.status != TestStatus::Error)
            return QString();
        const QStringList parts = c.name.split(QLatin1Char('.'));
        if (parts.size() < 2 || !isTestModule(parts.last()))
            return QString();
        return parts.join(QLatin1Char('/')) + QLatin1String(".py");
    }

} // namespace

const JUnitNamer::Derived &JUnitNamer::derived(const JUnitCase &c)
{
    // The reader interns classname and file: a recent pair is found by where its characters are, without hashing
    // or comparing them. The entry keeps both strings, so their blocks cannot be reused for other text.
    RecentSet &set = m_recent[(quintptr(c.classname.constData()) / sizeof(void *)) % RecentSets];
    const auto same
        = [](const QString &a, const QString &b) { return a.constData() == b.constData() && a.size() == b.size(); };
    for (int k = 0; k < 2; ++k) {
        const Recent &hit = set.entries[k];
        if (hit.derived.computed && same(hit.classname, c.classname) && same(hit.derived.file, c.file)) {
            set.older = 1 - k;
            return hit.derived;
        }
    }
    Recent &r = set.entries[set.older];
    set.older = 1 - set.older;
    Derived &d = m_byClassname[c.classname];
    if (!d.computed || d.file != c.file) {
        d.computed = true;
        d.file = c.file;
        d.nodePrefix = pytestPrefix(c.classname, c.file);
        QString path = c.file;
        if (path.isEmpty()) {
            path = c.classname;
            path.replace(QLatin1Char('.'), QLatin1Char('/'));
        }
        d.phaseWord = phaseWordOfPath(path);
    }
    r.classname = c.classname;
    r.derived = d;
    r.derived.file = c.file; // the testcase's copy (equal to d.file): the one its next namesakes share
    return r.derived;
}

QString JUnitNamer::testName(const JUnitCase &c, const QString &innermostSuiteName)
{
    if (c.synthetic)
        return (innermostSuiteName.isEmpty() ? QStringLiteral("(suite)") : innermostSuiteName)
            + QLatin1String("::(suite)");
    if (QString module = pytestCollectedModule(c); !module.isEmpty()) // not const: returned, so moved
        return module;
    NameParts parts;
    nameParts(c, innermostSuiteName, &parts);
    if (parts.prefix.isEmpty() && parts.separator.isEmpty())
        return c.name.isEmpty() ? QStringLiteral("(unnamed)") : c.name;
    return parts.prefix + parts.separator + parts.name;
}

bool JUnitNamer::nameParts(const JUnitCase &c, const QString &innermostSuiteName, NameParts *parts)
{
    if (c.synthetic || !pytestCollectedModule(c).isEmpty())
        return false;
    const Derived &d = derived(c);
    parts->name = c.name.isEmpty() ? QStringView(u"(unnamed)") : QStringView(c.name);
    parts->separator = u"::";
    if (!d.nodePrefix.isEmpty() && c.name.startsWith(QLatin1String("test")))
        parts->prefix = d.nodePrefix;
    else if (!c.classname.isEmpty())
        parts->prefix = c.classname;
    else if (!c.file.isEmpty())
        parts->prefix = c.file;
    else if (!innermostSuiteName.isEmpty())
        parts->prefix = innermostSuiteName;
    else
        parts->separator = QStringView();
    return true;
}

QString JUnitNamer::phaseWord(const JUnitCase &c)
{
    if (const QString module = pytestCollectedModule(c); !module.isEmpty())
        return phaseWordOfPath(module);
    return derived(c).phaseWord;
}

} // namespace Gapwise
