// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer.h"

#include <QByteArray>

#include <optional>

namespace Gapwise {

// Refuses XML that declares entities, before any parser sees it: a DOCTYPE internal subset with <!ENTITY
// (billion laughs, external entities) or a stray entity declaration. Gapwise never resolves an external
// entity anyway; this check gives the user a clear reason instead of a parse error further down.
// Returns the error (line and column of the declaration) or nothing when the prolog is harmless.
// `prologEnds` (optional) tells whether the root element's start was reached: when `xml` is only the start of
// a file and it was not, the rest of the prolog is still unchecked.
std::optional<ImportError> checkXmlProlog(
    const QByteArray &xml, const QString &displayName, bool *prologEnds = nullptr);

// 1-based line and column of a byte offset in `text` (column counts bytes).
void lineAndColumnAt(const QByteArray &text, qsizetype offset, int *line, int *column);

} // namespace Gapwise
