// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace Gapwise {

// A message template cut into tokens for mining: words split at whitespace and at the punctuation that
// separates values (= : , ; brackets, quotes, /), typed placeholders ("<NUM>", "<PATH>") kept whole, and
// words that mix letters and digits ("blk_-1608", "tty2", "c0ffee1") made "<ID>": they are ids, not words.
// separators[i] is the punctuation and space after words[i]; lead what comes before the first word.
struct TemplateTokens
{
    QString lead;
    QStringList words;
    QStringList separators;
};

TemplateTokens splitTemplate(const QString &templ);

// True for "<NUM>", "<ID>", "<*>" …: a position that varies.
bool isPlaceholder(const QString &word);

// One distinct template to mine, with the number of failures that have it.
struct MinerInput
{
    QString bucket; // templates of different buckets never merge (exception type, subject, frames)
    QString templ; // messageTemplate() of the failure
    int weight = 1;
};

struct MinedGroup
{
    QVector<int> members; // indices into the input, ascending
    QString templ; // the merged template: what varies inside the group is "<*>" (or its type)
};

// Groups templates that are one template with variable parts (see docs/junit.md, "Template mining"):
// by token count, each template's words are weighed by how often they occur at their position among the
// templates of that length; the words that are as frequent as the template's most common frequency (or more)
// are its constant part, the rarer ones vary. Templates with equal constant parts form a group; a position
// that varies among a group's members becomes "<*>". Groups whose templates differ only in how many tokens
// a variable part spans merge last. Independent of input order: only counts and sorted keys decide.
QVector<MinedGroup> mineTemplates(const QVector<MinerInput> &inputs);

} // namespace Gapwise
