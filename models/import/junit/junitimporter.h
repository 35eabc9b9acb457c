// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer.h"

class QIODevice;

namespace Gapwise {

// Imports JUnit/xUnit XML (Ant, Surefire, pytest, jest, go-junit-report, ...) from the file's raw bytes,
// streaming with libxml2 (XmlStreamTokenizer). Rules for names, phases and counts: docs/junit.md.
ImportResult importJUnit(const QByteArray &xml, const QString &displayName, const ImportControl &control = {});
// The same from an open device, read from its start: a file streams from disk and is never held whole.
ImportResult importJUnit(QIODevice *xml, const QString &displayName, const ImportControl &control = {});

} // namespace Gapwise
