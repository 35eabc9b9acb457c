// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer.h"

namespace Gapwise {

// CTRF, the Common Test Report Format (JSON, ctrf-io): results.tests[] with name, status, message, trace,
// suite (a path of names), filePath, flaky, retries and retryAttempts. Each test maps onto a JUnit case (file
// and suite), so names, phases and counts follow the JUnit rules. A document whose extra.gapwise holds gaps
// (what `gapwise export --format ctrf` writes) gets its gaps and placements back. Rules: README "Formats".
ImportResult importCtrf(const QByteArray &json, const QString &displayName, const ImportControl &control = {});

// True when `utf8Head` (the start of a file) reads as a CTRF document.
bool looksLikeCtrf(const QByteArray &utf8Head);

} // namespace Gapwise
