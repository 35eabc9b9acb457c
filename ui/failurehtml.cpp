// SPDX-License-Identifier: GPL-3.0-or-later
#include "failurehtml.h"
#include "colorblend.h"

#include "displaytext.h"
#include "report.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Gapwise;

namespace {

// A section heading with its Copy link.
QString heading(const QString &title, const QString &copyKey)
{
    return QStringLiteral("<p style=\"margin-top:8px\"><b>%1</b> &nbsp;<a href=\"copy:%2\">%3</a></p>")
        .arg(title.toHtmlEscaped(), copyKey, QCoreApplication::translate("FailureView", "Copy").toHtmlEscaped());
}

QString preBlock(const QString &innerHtml)
{
    return QStringLiteral("<pre style=\"white-space:pre-wrap; margin:0\">%1</pre>").arg(innerHtml);
}

// One value with its differing span marked.
QString markedValue(const QString &value, int start, int length, const QColor &mark)
{
    if (length <= 0)
        return value.toHtmlEscaped();
    return value.left(start).toHtmlEscaped()
        + QStringLiteral("<span style=\"background-color:%1\">%2</span>")
              .arg(mark.name(), value.mid(start, length).toHtmlEscaped())
        + value.mid(start + length).toHtmlEscaped();
}

} // namespace

FailureView failureView(const TestCase &test, const QPalette &palette)
{
    FailureView view;
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor dim = blend(base, text, 0.55);
    const FailureSections sections = splitFailureDetails(test.details);
    const auto block = [](const QString &text) { return cutForDisplay(text, DisplayedBlockChars); };

    const ExpectedActual ea = extractExpectedActual(test.message, test.details);
    if (ea.isValid()) {
        const DiffSpan span = differingSpan(ea.expected, ea.actual);
        const QColor expectedMark = blend(base, QColor(46, 160, 67), 0.35);
        const QColor actualMark = blend(base, QColor(218, 54, 51), 0.35);
        view.copyTexts.insert(QStringLiteral("expected"), ea.expected);
        view.copyTexts.insert(QStringLiteral("actual"), ea.actual);
        view.html
            += QStringLiteral("<p style=\"margin-top:8px\"><b>%1</b></p><table cellspacing=\"0\" cellpadding=\"2\">")
                   .arg(QCoreApplication::translate("FailureView", "Expected / actual").toHtmlEscaped());
        auto row = [&](const QString &label, const QString &key, const QString &value, int length, const QColor &mark) {
            view.html += QStringLiteral("<tr><td style=\"padding-right:8px\">%1</td><td><pre "
                                        "style=\"white-space:pre-wrap; margin:0\">%2</pre></td>"
                                        "<td style=\"padding-left:8px\"><a href=\"copy:%3\">%4</a></td></tr>")
                             .arg(label.toHtmlEscaped(), markedValue(block(value), span.start, length, mark), key,
                                 QCoreApplication::translate("FailureView", "Copy").toHtmlEscaped());
        };
        row(QCoreApplication::translate("FailureView", "Expected"), QStringLiteral("expected"), ea.expected,
            span.expectedLength, expectedMark);
        row(QCoreApplication::translate("FailureView", "Actual"), QStringLiteral("actual"), ea.actual,
            span.actualLength, actualMark);
        view.html += QStringLiteral("</table>");
    }

    if (!test.message.isEmpty()) {
        view.copyTexts.insert(QStringLiteral("message"), test.message);
        view.html += heading(QCoreApplication::translate("FailureView", "Message"), QStringLiteral("message"))
            + preBlock(block(test.message).toHtmlEscaped());
    }

    if (!sections.trace.isEmpty() && sections.trace != test.message.trimmed()) {
        view.copyTexts.insert(QStringLiteral("trace"), sections.trace);
        const QString trace = block(sections.trace);
        const QVector<TraceFrame> frames = traceFrames(trace);
        QHash<int, TraceFrame> frameOnLine;
        for (const TraceFrame &f : frames)
            frameOnLine.insert(f.lineIndex, f);
        QString body;
        const QStringList lines = trace.split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            if (i)
                body += QLatin1Char('\n');
            const auto it = frameOnLine.constFind(i);
            if (it == frameOnLine.cend()) {
                body += lines[i].toHtmlEscaped();
            } else if (it->project) {
                // The project's own frame: bold, and file:line opens the editor.
                view.sources.append({ it->file, it->line });
                body += QStringLiteral("<b>%1</b> <a href=\"open:%2\">%3:%4</a>")
                            .arg(lines[i].toHtmlEscaped())
                            .arg(view.sources.size() - 1)
                            .arg(it->file.section(QLatin1Char('/'), -1).toHtmlEscaped())
                            .arg(it->line);
            } else {
                body += QStringLiteral("<span style=\"color:%1\">%2</span>").arg(dim.name(), lines[i].toHtmlEscaped());
            }
        }
        view.html += heading(QCoreApplication::translate("FailureView", "Stack trace"), QStringLiteral("trace"))
            + preBlock(body);
    }
    const struct
    {
        QString title, key, content;
    } captured[] = { { QCoreApplication::translate("FailureView", "Captured stdout"), QStringLiteral("stdout"),
                         sections.stdOut },
        { QCoreApplication::translate("FailureView", "Captured stderr"), QStringLiteral("stderr"), sections.stdErr } };
    for (const auto &c : captured) {
        if (c.content.isEmpty())
            continue;
        view.copyTexts.insert(c.key, c.content);
        view.html += heading(c.title, c.key) + preBlock(block(c.content).toHtmlEscaped());
    }
    return view;
}
