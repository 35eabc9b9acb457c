// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Gapwise {

// The leaf blocks of a Markdown file in document order, as md4c parses them, each with its source line.
// Recognisers work on these instead of on raw lines, so '#' inside a code fence is never a heading and a
// table is a table however it is spaced.
// Inline text keeps where strong and code spans stood, with characters from Unicode's private use area,
// so a recogniser can tell "**Failed:** 3" (a label) from "failed: 3" in prose, line by line.
namespace SpanMark {
    constexpr char16_t StrongOpen = 0xE000;
    constexpr char16_t StrongClose = 0xE001;
    constexpr char16_t CodeOpen = 0xE002;
    constexpr char16_t CodeClose = 0xE003;
    QString strip(const QString &marked);
} // namespace SpanMark

struct MarkdownBlock
{
    enum Kind
    {
        Heading,
        Paragraph,
        ListItem,
        Code,
        TableRow,
        ThematicBreak
    };

    Kind kind = Paragraph;
    int line = 0; // 1-based line of the block's first text
    int level = 0; // heading level; list nesting depth (1 = top) for list items and blocks inside them
    bool ordered = false; // list items of an ordered list
    int parentItem = -1; // index of the enclosing list item block, -1 at top level
    QString text; // paragraphs, items: marked inline text, '\n' at line breaks; code: verbatim; rows: plain
    QStringList codeSpans; // `...` spans, in order
    QStringList strongSpans; // **...** spans, in order
    QString codeInfo; // info string of a fenced code block ("bash", "python")
    QStringList cells; // table rows: the cells' text
    bool headerRow = false;
    int table = -1; // table rows: which table of the document (0-based)
};

struct MarkdownDocument
{
    QVector<MarkdownBlock> blocks;
    int lineCount = 0;
};

// One source line of a paragraph or list item, as recognisers read it.
struct InlineLine
{
    int line = 0;
    QString plain; // without span marks
    QString label; // "Failed" for "**Failed:** 3" or "Failed: 3"; empty when the line has none
    QString value; // what follows the label
    QStringList code; // code spans on this line
    QStringList strong; // strong spans on this line
};
QVector<InlineLine> inlineLines(const MarkdownBlock &block);

// Parses UTF-8 Markdown (CommonMark + GitHub tables, strikethrough, task lists).
MarkdownDocument parseMarkdown(const QByteArray &utf8);

} // namespace Gapwise
