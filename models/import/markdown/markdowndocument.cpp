// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdowndocument.h"

#include <md4c.h>

#include <algorithm>
#include <cctype>
#include <vector>

namespace Gapwise {
namespace {

    // Builds leaf blocks from md4c's callbacks. md4c hands text out as pointers into the input, which gives
    // every block its source line through a table of line starts.
    class BlockBuilder
    {
        // An open emphasis span: where its text starts in the block (at the strong mark for strong spans)
        // and where its first text stands in the input, which tells '_' from '*' delimiters.
        struct Emphasis
        {
            bool strong = false;
            int start = 0;
            const MD_CHAR *firstText = nullptr;
            const MD_CHAR *lastEnd = nullptr; // where its last text ends in the input
        };

    public:
        explicit BlockBuilder(const QByteArray &input)
            : m_input(input)
        {
            m_lineStarts.push_back(0);
            for (int i = 0; i < input.size(); ++i) {
                if (input[i] == '\n')
                    m_lineStarts.push_back(i + 1);
            }
            m_doc.lineCount = int(m_lineStarts.size());
        }

        MarkdownDocument take() { return std::move(m_doc); }

        int enterBlock(MD_BLOCKTYPE type, void *detail)
        {
            switch (type) {
            case MD_BLOCK_UL:
            case MD_BLOCK_OL:
                m_lists.push_back(type == MD_BLOCK_OL);
                break;
            case MD_BLOCK_LI:
                m_itemStack.push_back(openBlock(MarkdownBlock::ListItem));
                m_doc.blocks[m_itemStack.back()].ordered = !m_lists.empty() && m_lists.back();
                m_current = m_itemStack.back();
                break;
            case MD_BLOCK_H:
                m_current = openBlock(MarkdownBlock::Heading);
                m_doc.blocks[m_current].level = int(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level);
                break;
            case MD_BLOCK_P:
                // The first paragraph of a list item is the item's own text (loose lists wrap it in <p>).
                if (!m_itemStack.empty() && m_doc.blocks[m_itemStack.back()].text.isEmpty()
                    && m_current == m_itemStack.back()) {
                    break;
                }
                m_current = openBlock(MarkdownBlock::Paragraph);
                break;
            case MD_BLOCK_CODE: {
                m_current = openBlock(MarkdownBlock::Code);
                const auto *d = static_cast<MD_BLOCK_CODE_DETAIL *>(detail);
                m_doc.blocks[m_current].codeInfo = attribute(d->info);
                break;
            }
            case MD_BLOCK_TABLE:
                ++m_tableCount;
                break;
            case MD_BLOCK_THEAD:
                m_inTableHead = true;
                break;
            case MD_BLOCK_TBODY:
                m_inTableHead = false;
                break;
            case MD_BLOCK_TR:
                m_current = openBlock(MarkdownBlock::TableRow);
                m_doc.blocks[m_current].table = m_tableCount - 1;
                m_doc.blocks[m_current].headerRow = m_inTableHead;
                break;
            case MD_BLOCK_TH:
            case MD_BLOCK_TD:
                if (m_current >= 0)
                    m_doc.blocks[m_current].cells.append(QString());
                m_inCell = true;
                break;
            case MD_BLOCK_HR:
                openBlock(MarkdownBlock::ThematicBreak);
                break;
            case MD_BLOCK_DOC:
            case MD_BLOCK_QUOTE:
            case MD_BLOCK_HTML:
                break;
            }
            return 0;
        }

        int leaveBlock(MD_BLOCKTYPE type)
        {
            switch (type) {
            case MD_BLOCK_UL:
            case MD_BLOCK_OL:
                if (!m_lists.empty())
                    m_lists.pop_back();
                break;
            case MD_BLOCK_LI:
                if (!m_itemStack.empty()) {
                    finish(m_doc.blocks[m_itemStack.back()]);
                    m_itemStack.pop_back();
                }
                m_current = m_itemStack.empty() ? -1 : m_itemStack.back();
                break;
            case MD_BLOCK_TH:
            case MD_BLOCK_TD:
                m_inCell = false;
                break;
            case MD_BLOCK_H:
            case MD_BLOCK_P:
            case MD_BLOCK_CODE:
            case MD_BLOCK_TR:
                if (m_current >= 0)
                    finish(m_doc.blocks[m_current]);
                m_current = m_itemStack.empty() ? -1 : m_itemStack.back();
                break;
            default:
                break;
            }
            return 0;
        }

        int enterSpan(MD_SPANTYPE type)
        {
            if (m_current < 0)
                return 0;
            if (type == MD_SPAN_EM || type == MD_SPAN_STRONG) {
                m_emphasis.push_back({ type == MD_SPAN_STRONG, currentTextLength(), nullptr });
                if (type == MD_SPAN_STRONG)
                    spanText(m_doc.blocks[m_current]) += QChar(SpanMark::StrongOpen);
                return 0;
            }
            if (type != MD_SPAN_CODE)
                return 0;
            spanText(m_doc.blocks[m_current]) += QChar(SpanMark::CodeOpen);
            m_codeStart.push_back(currentTextLength());
            return 0;
        }

        int leaveSpan(MD_SPANTYPE type)
        {
            if (m_current < 0)
                return 0;
            MarkdownBlock &b = m_doc.blocks[m_current];
            if (type == MD_SPAN_EM || type == MD_SPAN_STRONG) {
                if (m_emphasis.empty())
                    return 0;
                const Emphasis e = m_emphasis.back();
                m_emphasis.pop_back();
                QString &text = spanText(b);
                const int contentStart = e.start + (e.strong ? 1 : 0);
                const QString content = text.mid(contentStart);
                const char delimiter = isIdentifierInUnderscores(e, SpanMark::strip(content)) ? '_'
                    : isIntraword(e)                                                          ? '*'
                                                                                              : '\0';
                if (delimiter) {
                    // "in __await_impl__", "tests/__init__.py", "f(*a*b)": code as written, not emphasis.
                    const QString delimiters(e.strong ? 2 : 1, QLatin1Char(delimiter));
                    text.truncate(e.start);
                    text += delimiters + content + delimiters;
                    return 0;
                }
                if (e.strong) {
                    b.strongSpans.append(SpanMark::strip(content).trimmed());
                    text += QChar(SpanMark::StrongClose);
                }
                return 0;
            }
            if (type != MD_SPAN_CODE || m_codeStart.empty())
                return 0;
            const int start = m_codeStart.back();
            m_codeStart.pop_back();
            b.codeSpans.append(SpanMark::strip(spanText(b).mid(start)).trimmed());
            spanText(b) += QChar(SpanMark::CodeClose);
            return 0;
        }

        int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
        {
            if (m_current < 0)
                return 0;
            MarkdownBlock &b = m_doc.blocks[m_current];
            if (b.line == 0)
                b.line = lineOf(text);
            for (Emphasis &e : m_emphasis) {
                if (!e.firstText)
                    e.firstText = text;
                e.lastEnd = text + size;
            }
            QString piece;
            switch (type) {
            case MD_TEXT_SOFTBR:
            case MD_TEXT_BR:
                piece = (b.kind == MarkdownBlock::Code || b.kind == MarkdownBlock::Paragraph
                            || b.kind == MarkdownBlock::ListItem)
                    ? QStringLiteral("\n")
                    : QStringLiteral(" ");
                break;
            case MD_TEXT_NULLCHAR:
                piece = QChar(0xFFFD);
                break;
            case MD_TEXT_ENTITY:
                piece = decodeEntity(QByteArray(text, int(size)));
                break;
            default:
                piece = QString::fromUtf8(text, int(size));
                break;
            }
            spanText(b) += piece;
            return 0;
        }

    private:
        int openBlock(MarkdownBlock::Kind kind)
        {
            MarkdownBlock b;
            b.kind = kind;
            b.level = int(m_lists.size());
            b.parentItem = m_itemStack.empty() ? -1 : m_itemStack.back();
            if (kind == MarkdownBlock::ListItem && m_itemStack.size() > 0)
                b.parentItem = m_itemStack.back();
            b.line = 0;
            m_doc.blocks.push_back(std::move(b));
            return int(m_doc.blocks.size()) - 1;
        }

        // Text goes to the current cell of a table row, else to the block itself.
        QString &spanText(MarkdownBlock &b)
        {
            if (b.kind == MarkdownBlock::TableRow && m_inCell && !b.cells.isEmpty())
                return b.cells.last();
            return b.text;
        }

        // md4c reads "__await_impl__" and the "__init__" of "tests/__init__.py" as strong emphasis. Underscores
        // around a lower-case word, or around a word that has underscores, dots or digits of its own, write an
        // identifier: it stays as written. "__Note__" and "_not_" stay emphasis; '*' delimiters always do.
        bool isIdentifierInUnderscores(const Emphasis &e, const QString &content) const
        {
            const char *begin = m_input.constData();
            const int delimiters = e.strong ? 2 : 1;
            if (!e.firstText || e.firstText - delimiters < begin || e.firstText > begin + m_input.size()
                || content.isEmpty())
                return false;
            for (int i = 1; i <= delimiters; ++i) {
                if (e.firstText[-i] != '_')
                    return false;
            }
            bool lowerOnly = true, inner = false;
            for (const QChar c : content) {
                const char16_t u = c.unicode();
                const bool lower = (u >= 'a' && u <= 'z') || u == '_';
                const bool other = u == '.' || (u >= '0' && u <= '9');
                if (!lower && !other && !(u >= 'A' && u <= 'Z'))
                    return false; // white space, punctuation: prose
                lowerOnly = lowerOnly && (lower || other);
                inner = inner || u == '_' || other;
            }
            return inner || (e.strong && lowerOnly);
        }

        // "f(*a*b)", "2*3*4": '*' emphasis that starts or ends inside a word is code or arithmetic, not prose.
        bool isIntraword(const Emphasis &e) const
        {
            const char *begin = m_input.constData();
            const char *end = begin + m_input.size();
            const int n = e.strong ? 2 : 1;
            if (!e.firstText || !e.lastEnd || e.firstText - n < begin || e.lastEnd + n > end)
                return false;
            for (int i = 0; i < n; ++i) {
                if (e.firstText[-1 - i] != '*' || e.lastEnd[i] != '*')
                    return false;
            }
            const auto isWordChar = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
            return (e.firstText - n > begin && isWordChar(e.firstText[-n - 1]))
                || (e.lastEnd + n < end && isWordChar(e.lastEnd[n]));
        }

        int currentTextLength() { return m_current < 0 ? 0 : int(spanText(m_doc.blocks[m_current]).size()); }

        void finish(MarkdownBlock &b)
        {
            if (b.kind == MarkdownBlock::TableRow) {
                for (QString &c : b.cells)
                    c = SpanMark::strip(c).trimmed();
                b.text = b.cells.join(QLatin1String(" | "));
            } else if (b.kind == MarkdownBlock::Heading) {
                b.text = SpanMark::strip(b.text).simplified();
            } else if (b.kind != MarkdownBlock::Code) {
                b.text = b.text.trimmed();
            }
            if (b.line == 0)
                b.line = m_lastLine;
            m_lastLine = b.line;
        }

        int lineOf(const MD_CHAR *p)
        {
            const char *begin = m_input.constData();
            if (p < begin || p > begin + m_input.size())
                return m_lastLine; // md4c's own constants ("\n" for breaks) are not in the input
            const int offset = int(p - begin);
            const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
            m_lastLine = int(it - m_lineStarts.begin());
            return m_lastLine;
        }

        QString attribute(const MD_ATTRIBUTE &a) const
        {
            return a.text ? QString::fromUtf8(a.text, int(a.size)).trimmed() : QString();
        }

        static QString decodeEntity(const QByteArray &e)
        {
            if (e == "&amp;")
                return QStringLiteral("&");
            if (e == "&lt;")
                return QStringLiteral("<");
            if (e == "&gt;")
                return QStringLiteral(">");
            if (e == "&quot;")
                return QStringLiteral("\"");
            if (e == "&nbsp;")
                return QStringLiteral(" ");
            if (e.startsWith("&#")) {
                bool ok = false;
                const uint code = e.startsWith("&#x") || e.startsWith("&#X") ? e.mid(3, e.size() - 4).toUInt(&ok, 16)
                                                                             : e.mid(2, e.size() - 3).toUInt(&ok, 10);
                if (ok && code > 0 && code <= 0x10FFFF && QChar::isPrint(code)) {
                    const char32_t c = code;
                    return QString::fromUcs4(&c, 1);
                }
            }
            return QString::fromUtf8(e);
        }

        const QByteArray &m_input;
        std::vector<int> m_lineStarts;
        MarkdownDocument m_doc;
        std::vector<bool> m_lists; // ordered?
        std::vector<int> m_itemStack; // open list items
        std::vector<Emphasis> m_emphasis;
        std::vector<int> m_codeStart;
        int m_current = -1;
        int m_tableCount = 0;
        int m_lastLine = 1;
        bool m_inTableHead = false;
        bool m_inCell = false;
    };

} // namespace

QString SpanMark::strip(const QString &marked)
{
    QString out = marked;
    out.remove(QChar(StrongOpen));
    out.remove(QChar(StrongClose));
    out.remove(QChar(CodeOpen));
    out.remove(QChar(CodeClose));
    return out;
}

QVector<InlineLine> inlineLines(const MarkdownBlock &block)
{
    QVector<InlineLine> lines;
    const QStringList parts = block.text.split(QLatin1Char('\n'));
    for (int i = 0; i < parts.size(); ++i) {
        const QString &marked = parts[i];
        InlineLine l;
        l.line = block.line + i;
        l.plain = SpanMark::strip(marked).trimmed();
        if (l.plain.isEmpty())
            continue;
        for (int pos = 0; pos < marked.size(); ++pos) {
            const QChar c = marked[pos];
            if (c != QChar(SpanMark::StrongOpen) && c != QChar(SpanMark::CodeOpen))
                continue;
            const QChar close
                = c == QChar(SpanMark::StrongOpen) ? QChar(SpanMark::StrongClose) : QChar(SpanMark::CodeClose);
            const int end = marked.indexOf(close, pos + 1);
            if (end < 0)
                break;
            const QString span = SpanMark::strip(marked.mid(pos + 1, end - pos - 1)).trimmed();
            (c == QChar(SpanMark::StrongOpen) ? l.strong : l.code).append(span);
        }
        // "**Label:** value", "**Label**: value" or "Label: value" at the start of the line.
        QString head = marked.trimmed();
        while (!head.isEmpty() && !head[0].isLetterOrNumber() && head[0] != QChar(SpanMark::StrongOpen))
            head.remove(0, 1); // emoji and bullets before the label
        if (head.startsWith(QChar(SpanMark::StrongOpen))) {
            const int end = head.indexOf(QChar(SpanMark::StrongClose));
            if (end > 0) {
                QString label = SpanMark::strip(head.mid(1, end - 1)).trimmed();
                QString rest = head.mid(end + 1);
                if (label.endsWith(QLatin1Char(':'))) {
                    label.chop(1);
                    l.label = label.trimmed();
                    l.value = SpanMark::strip(rest).trimmed();
                } else if (rest.trimmed().startsWith(QLatin1Char(':'))) {
                    l.label = label;
                    l.value = SpanMark::strip(rest.trimmed().mid(1)).trimmed();
                }
            }
        } else {
            const QString plainHead = SpanMark::strip(head);
            const int colon = plainHead.indexOf(QLatin1Char(':'));
            if (colon > 0 && colon <= 40 && !plainHead.left(colon).contains(QLatin1String("::"))
                && plainHead.left(colon).count(QLatin1Char(' ')) <= 4 && plainHead[0].isUpper()) {
                l.label = plainHead.left(colon).trimmed();
                l.value = plainHead.mid(colon + 1).trimmed();
            }
        }
        lines.append(l);
    }
    return lines;
}

MarkdownDocument parseMarkdown(const QByteArray &utf8)
{
    BlockBuilder builder(utf8);
    MD_PARSER parser = {};
    parser.abi_version = 0;
    parser.flags
        = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_NOHTMLBLOCKS | MD_FLAG_NOHTMLSPANS;
    parser.enter_block
        = [](MD_BLOCKTYPE t, void *d, void *u) { return static_cast<BlockBuilder *>(u)->enterBlock(t, d); };
    parser.leave_block = [](MD_BLOCKTYPE t, void *, void *u) { return static_cast<BlockBuilder *>(u)->leaveBlock(t); };
    parser.enter_span = [](MD_SPANTYPE t, void *, void *u) { return static_cast<BlockBuilder *>(u)->enterSpan(t); };
    parser.leave_span = [](MD_SPANTYPE t, void *, void *u) { return static_cast<BlockBuilder *>(u)->leaveSpan(t); };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR *s, MD_SIZE n, void *u) {
        return static_cast<BlockBuilder *>(u)->text(t, s, n);
    };
    md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &builder);
    return builder.take();
}

} // namespace Gapwise
