// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer.h"

namespace Gapwise {

// Imports a Markdown test-execution report (decoded UTF-8 text, LF newlines).
ImportResult importMarkdown(const QByteArray &utf8, const QString &displayName, const ImportControl &control = {});

} // namespace Gapwise
