// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectframes.h"

#include <QRegularExpression>

namespace Gapwise {
namespace {

    bool isForeignPythonPath(const QString &path)
    {
        for (const char *marker : { "site-packages", "dist-packages", "/lib/python", "importlib", "<frozen", "_pytest",
                 "pluggy", "unittest/" }) {
            if (path.contains(QLatin1String(marker)))
                return true;
        }
        return false;
    }

    bool isPythonTestPath(const QString &path)
    {
        const QStringList parts = QString(path).replace(QLatin1Char('\\'), QLatin1Char('/')).split(QLatin1Char('/'));
        const QString &file = parts.last();
        if (file.startsWith(QLatin1String("test_")) || file.endsWith(QLatin1String("_test.py"))
            || file == QLatin1String("conftest.py"))
            return true;
        return parts.contains(QLatin1String("tests")) || parts.contains(QLatin1String("test"));
    }

    bool isForeignJavaClass(const QString &cls)
    {
        for (const char *prefix : { "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.junit.", "junit.",
                 "org.testng.", "org.hamcrest.", "org.apache.maven.", "org.gradle.", "kotlin.", "scala.",
                 "org.opentest4j.", "org.assertj.", "org.mockito.", "org.springframework.test." }) {
            if (cls.startsWith(QLatin1String(prefix)))
                return true;
        }
        return false;
    }

    bool isJavaTestClass(const QString &cls)
    {
        const QString simple = cls.section(QLatin1Char('.'), -1).section(QLatin1Char('$'), 0, 0);
        return simple.endsWith(QLatin1String("Test")) || simple.endsWith(QLatin1String("Tests"))
            || simple.endsWith(QLatin1String("IT")) || simple.endsWith(QLatin1String("TestCase"))
            || simple.startsWith(QLatin1String("Test"));
    }

    QString pythonModule(const QString &path)
    {
        QStringList parts
            = QString(path).replace(QLatin1Char('\\'), QLatin1Char('/')).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts.isEmpty())
            return path;
        parts.last().chop(3); // ".py"
        return parts.mid(qMax(0, int(parts.size()) - 2)).join(QLatin1Char('.'));
    }

    constexpr int MaxFrames = 2;

} // namespace

QStringList projectFrames(const QStringList &lines)
{
    static const QRegularExpression pyFrame(QStringLiteral("^File \"([^\"]+\\.py)\", line \\d+, in (\\S+)"));
    static const QRegularExpression pytestFrame(QStringLiteral("^([^\\s:]+\\.py):\\d+: in (\\S+)"));
    static const QRegularExpression javaFrame(QStringLiteral("^at ([\\w$.]+)\\.([\\w$<>]+)\\("));
    // pytest's long format names a frame's function in its source ("def _send(") and closes the frame with
    // "app/client.py:6: TimeoutError" (the raise) or "tests/x.py:4: " (a call), without "in".
    static const QRegularExpression pytestDef(QStringLiteral("^(?:>\\s*)?(?:async\\s+)?def (\\w+)\\("));
    static const QRegularExpression pytestLocation(QStringLiteral("^([^\\s:]+\\.py):\\d+:(?:\\s+[\\w.]+)?\\s*$"));
    QStringList python, java; // python outermost first, java innermost first
    QString lastDef;
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        // Cheap tests first: a trace has many lines and only a few are frames.
        const auto def = line.contains(QLatin1String("def ")) ? pytestDef.match(line) : QRegularExpressionMatch();
        if (def.hasMatch()) {
            lastDef = def.captured(1);
            continue;
        }
        const bool pyLocation = line.contains(QLatin1String(".py:"));
        if (const auto l = pyLocation ? pytestLocation.match(line) : QRegularExpressionMatch();
            l.hasMatch() && !lastDef.isEmpty()) {
            const QString path = l.captured(1);
            if (!isForeignPythonPath(path) && !isPythonTestPath(path)) {
                const QString frame = pythonModule(path) + QLatin1Char(':') + lastDef;
                if (python.isEmpty() || python.last() != frame)
                    python << frame;
            }
            lastDef.clear();
            continue;
        }
        if (line.startsWith(QLatin1String("at "))) {
            const auto m = javaFrame.match(line);
            if (m.hasMatch() && !isForeignJavaClass(m.captured(1)) && !isJavaTestClass(m.captured(1)))
                java << m.captured(1) + QLatin1Char(':') + m.captured(2);
            continue;
        }
        if (!pyLocation && !line.startsWith(QLatin1String("File \"")))
            continue;
        auto m = pyFrame.match(line);
        if (!m.hasMatch())
            m = pytestFrame.match(line);
        if (m.hasMatch() && !isForeignPythonPath(m.captured(1)) && !isPythonTestPath(m.captured(1))) {
            const QString frame = pythonModule(m.captured(1)) + QLatin1Char(':') + m.captured(2);
            if (python.isEmpty() || python.last() != frame)
                python << frame;
        }
    }
    QStringList frames;
    for (auto it = python.crbegin(); it != python.crend() && frames.size() < MaxFrames; ++it)
        frames << *it;
    for (auto it = java.cbegin(); it != java.cend() && frames.size() < MaxFrames; ++it) {
        if (!frames.contains(*it))
            frames << *it;
    }
    return frames;
}
} // namespace Gapwise
