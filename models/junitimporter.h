#pragma once

#include "importer.h"

namespace Gapwise {

// Imports JUnit/xUnit XML (Ant, Surefire, pytest, jest, go-junit-report, ...) from the file's raw bytes,
// streaming with QXmlStreamReader. Rules for names, phases and counts: docs/junit.md.
ImportResult importJUnit(const QByteArray &xml, const QString &displayName, const ImportControl &control = {});

} // namespace Gapwise
