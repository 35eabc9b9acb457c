// SPDX-License-Identifier: GPL-3.0-or-later
// The part of the Markdown report builder that reads status tables: which column names the tests (by its
// header), which gives their status and message, and the number column a group may cite ("Tests #23, #25").
#include "markdownreportbuilder.h"

#include "markdowntext.h"
#include "testidentifiers.h"

#include <QRegularExpression>

namespace Gapwise {

using namespace MarkdownText;
using RE = QRegularExpression;
constexpr auto CI = QRegularExpression::CaseInsensitiveOption;

void MarkdownReportBuilder::handleTableRow(const MarkdownBlock &block)
{
    if (block.headerRow) {
        TableColumns columns;
        // The column that names tests, by its header: "Test Name" beats "Test #" or "Test Category" whatever
        // their order; a number or id column is no name.
        static const RE testHeader(QStringLiteral(
            "^(?:test(?: name| case| function| method)?|name|failing test|failed test|node id|test id)s?$"));
        static const RE notTests(QStringLiteral("categor|file|suite|count|type|area|component|module|run|total|"
                                                "coverage|class|#|\\bno\\b|number|duration|time"));
        static const RE status(QStringLiteral("\\b(status|result|outcome)\\b"));
        static const RE message(QStringLiteral("\\b(notes?|findings?|details|error|issue|analysis|description|reason|"
                                               "message|root cause|evidence|problem)\\b"));
        static const RE numberHeader(QStringLiteral("^(?:test\\s*)?(?:#|no\\.?|nr\\.?|number)$"));
        int looseTest = -1;
        for (int i = 0; i < block.cells.size(); ++i) {
            const QString h = stripEmoji(block.cells[i]).toLower();
            if (testHeader.match(h).hasMatch()) {
                if (columns.test < 0)
                    columns.test = i;
            } else if (status.match(h).hasMatch()) {
                columns.status = i; // the last status column is the latest state ("Final Status")
            } else if (h.contains(QLatin1String("test")) && !notTests.match(h).hasMatch()) {
                if (looseTest < 0)
                    looseTest = i;
            } else if (columns.number < 0 && numberHeader.match(h).hasMatch()) {
                columns.number = i;
            } else if (columns.message < 0 && message.match(h).hasMatch()) {
                columns.message = i;
            }
        }
        if (columns.test < 0)
            columns.test = looseTest;
        m_tables.insert(block.table, columns);
        return;
    }
    const TableColumns columns = m_tables.value(block.table);
    QStringList names;
    if (columns.test >= 0 && columns.test < block.cells.size()) {
        names = findTestIdentifiers(block.cells[columns.test]);
        // A column headed "Test" names tests even when they are written as prose ("Wrong Import Fails"),
        // as long as the table also says how each one went.
        const QString cell = stripEmoji(block.cells[columns.test]);
        static const RE totalRow(QStringLiteral("^(total|sum|overall|all tests)\\b"), CI);
        if (names.isEmpty() && columns.status >= 0 && columns.status < block.cells.size() && !cell.isEmpty()
            && cell.size() <= 120 && !totalRow.match(cell).hasMatch()
            && statusStatedIn(block.cells[columns.status]).status != TestStatus::Unknown)
            names.append(cell);
    } else {
        for (const QString &cell : block.cells) {
            for (const QString &id : findTestIdentifiers(cell)) {
                if (isNodeId(id) && !names.contains(id))
                    names.append(id);
            }
        }
        if (!block.cells.isEmpty() && names.isEmpty())
            names = findTestIdentifiers(block.cells.first());
    }
    if (names.isEmpty())
        return;
    StatedStatus stated;
    if (columns.status >= 0 && columns.status < block.cells.size())
        stated = statusStatedIn(block.cells[columns.status]);
    if (stated.status == TestStatus::Unknown) {
        QString rest = block.text;
        for (const QString &n : names)
            rest.remove(n);
        stated = statusStatedIn(rest);
    }
    if (stated.status == TestStatus::Unknown)
        stated.status = contextStatus();
    const QString message = columns.message >= 0 && columns.message < block.cells.size()
        ? stripEmoji(block.cells[columns.message])
        : QString();
    Section *gapSection = nearestGapSection();
    for (const QString &name : names) {
        const int index = addTest(name, stated.status, stated.expectedFailure, names.size() == 1 ? message : QString(),
            stated.history, block.line);
        assignToGap(index, gapSection);
        bool isNumber = false;
        const int number = columns.number >= 0 && columns.number < block.cells.size() && names.size() == 1
            ? stripEmoji(block.cells[columns.number]).remove(QLatin1Char('#')).toInt(&isNumber)
            : 0;
        if (isNumber && index >= 0)
            m_testNumbers.insert(number, index);
    }
}

} // namespace Gapwise
