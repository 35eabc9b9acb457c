#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Gapwise {

// The leaf blocks of a Markdown file in document order, as md4c parses them, each with its source line.
// Recognisers work on these instead of on raw lines, so '#' inside a code fence is never a heading and a
// table is a table however it is spaced.
struct MarkdownBlock
{
    enum Kind { Heading, Paragraph, ListItem, Code, TableRow, ThematicBreak };

    Kind kind = Paragraph;
    int line = 0;      // 1-based line of the block's first text
    int level = 0;     // heading level; list nesting depth (1 = top) for list items and blocks inside them
    bool ordered = false;  // list items of an ordered list
    int parentItem = -1;   // index of the enclosing list item block, -1 at top level
    QString text;          // inline text, spans flattened; code blocks keep their newlines
    QStringList codeSpans; // `...` spans, in order
    QStringList strongSpans; // **...** spans, in order
    QString codeInfo;      // info string of a fenced code block ("bash", "python")
    QStringList cells;     // table rows: the cells' text
    bool headerRow = false;
    int table = -1;        // table rows: which table of the document (0-based)
};

struct MarkdownDocument
{
    QVector<MarkdownBlock> blocks;
    int lineCount = 0;
};

// Parses UTF-8 Markdown (CommonMark + GitHub tables, strikethrough, task lists).
MarkdownDocument parseMarkdown(const QByteArray &utf8);

} // namespace Gapwise
