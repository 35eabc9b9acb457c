// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

class QIODevice;

namespace Gapwise {

enum class InputFormat
{
    Markdown,
    JUnitXml,
    PytestLog,
    Trx, // Visual Studio / dotnet test
    NUnitXml, // NUnit 3 and 2
    XUnitXml, // xUnit.net v2 (and v1)
    Ctrf, // Common Test Report Format, JSON
    Unknown
};

// What a long import may report and how it is stopped. Importers know nothing of threads: a worker calls
// them with a progress callback and a flag that the GUI sets to cancel.
struct ImportControl
{
    std::function<void(int permille)> progress; // 0..1000, throttled by the importer
    const std::atomic_bool *cancel = nullptr;
    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

struct ImportError
{
    QString file;
    int line = 0; // 1-based, 0 when it concerns the whole file
    int column = 0; // 1-based, 0 when unknown
    QString message;
    QString toString() const; // "file:line:column: message"
};

struct ImportResult
{
    std::optional<Report> report;
    ImportError error;
    bool ok() const { return report.has_value(); }
};

// Largest file any importer accepts; bigger ones get a clear error instead of eating memory.
constexpr qint64 MaxInputBytes = 512LL * 1024 * 1024;
// Markdown reports are written by people: the largest real one we have seen is 52 KB. Past this size an
// import would take many seconds and hundreds of MB, so it is refused with a message instead.
constexpr qint64 MaxMarkdownBytes = 8LL * 1024 * 1024;

InputFormat detectFormat(const QByteArray &utf8Head);
bool isXmlFormat(InputFormat format);
QString formatName(InputFormat format);

// Reads, decodes, detects the format by content and imports. `displayName` names the file in messages.
ImportResult importBytes(const QByteArray &raw, const QString &displayName, const ImportControl &control = {});
// Refuses what is not a regular file (a device, FIFO or socket) and never reads more than MaxInputBytes.
ImportResult importFile(const QString &path, const ImportControl &control = {});

// Reads `device` to its end, at most `limit` bytes: past them, an empty array and *tooBig set.
QByteArray readAtMost(QIODevice *device, qint64 limit, bool *tooBig);

} // namespace Gapwise
