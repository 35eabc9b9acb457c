// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Gapwise {

// A failure message with its variable parts replaced by typed placeholders, so that failures differing only
// in ids, numbers, paths, timestamps or addresses read the same:
//   "GET http://10.0.0.7:8080/api/users/42 timed out after 30.5s (req 9f86d081884c)"
//   → "GET <URL> timed out after <NUM>s (req <HEX>)"
// Placeholders: <URL>, <UUID>, <TIMESTAMP>, <PATH>, <HOST:PORT>, <ADDR> (0x… memory addresses), <HEX> (hex ids
// of 6+ digits), <NUM>. Quoted names ('psycopg2', 'attr') stay: they name causes.
QString messageTemplate(const QString &message);

// A template for people: placeholders read "…" ("timed out after …s"), or with typedNames their kind
// ("‹number›", "‹path›", "‹url›", "‹time›" …), so that two templates that read alike can be told apart.
QString readableTemplate(const QString &templ, bool typedNames = false);

// Words of a template for similarity: placeholders and words, punctuation dropped.
QStringList templateTokens(const QString &templ);

// 1 - (token edit distance / longer length): 1.0 for equal token lists, 0.0 for nothing in common.
double templateSimilarity(const QStringList &a, const QStringList &b);

} // namespace Gapwise
