#include "junitnames.h"

#include <QRegularExpression>

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

QString pytestNodeId(const JUnitCase &c)
{
    if (!c.name.startsWith(QLatin1String("test")))
        return QString();
    const QStringList classParts = c.classname.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    if (c.file.endsWith(QLatin1String(".py"))) {
        static const QRegularExpression separators(QStringLiteral("[/\\\\]"));
        const QStringList fileParts = c.file.chopped(3).split(separators, Qt::SkipEmptyParts);
        // The classname repeats the module path (or its tail): what follows it are the classes.
        for (int k = qMin(fileParts.size(), classParts.size()); k > 0; --k) {
            if (fileParts.mid(fileParts.size() - k) == classParts.mid(0, k)) {
                QString id = c.file;
                for (const QString &cls : classParts.mid(k))
                    id += QLatin1String("::") + cls;
                return id + QLatin1String("::") + c.name;
            }
        }
        return classParts.isEmpty() ? c.file + QLatin1String("::") + c.name : QString();
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
        return id + QLatin1String("::") + c.name;
    }
    return QString();
}

} // namespace

QString junitTestName(const JUnitCase &c, const QString &innermostSuiteName)
{
    const QString name = c.name.isEmpty() ? QStringLiteral("(unnamed)") : c.name;
    if (c.synthetic)
        return (innermostSuiteName.isEmpty() ? QStringLiteral("(suite)") : innermostSuiteName)
               + QLatin1String("::(suite)");
    const QString nodeId = pytestNodeId(c);
    if (!nodeId.isEmpty())
        return nodeId;
    if (!c.classname.isEmpty())
        return c.classname + QLatin1String("::") + name;
    if (!c.file.isEmpty())
        return c.file + QLatin1String("::") + name;
    if (!innermostSuiteName.isEmpty())
        return innermostSuiteName + QLatin1String("::") + name;
    return name;
}

QString junitPhasePath(const JUnitCase &c)
{
    if (!c.file.isEmpty())
        return c.file;
    QString path = c.classname;
    path.replace(QLatin1Char('.'), QLatin1Char('/'));
    return path;
}

} // namespace Gapwise
