// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace Gapwise {

// The text of the files a report came from (Report::files), indexed by line, so the details pane can quote
// the line a test was read from in the file it was read from. Built off the GUI thread (in the import
// worker); lookups are O(1); copies share the text.
class SourceLines
{
public:
    SourceLines() = default;
    explicit SourceLines(QByteArray utf8); // one file
    static SourceLines fromFile(const QString &path, qint64 maxBytes);
    // Every file, in order, until `maxBytes` in all are read: the files past that (or unreadable) quote
    // no lines, but keep their index.
    static SourceLines fromFiles(const QStringList &paths, qint64 maxBytes);

    int fileCount() const { return m_files ? int(m_files->size()) : 0; }
    int lineCount(int file = 0) const;
    QString line(int oneBased, int file = 0) const; // empty when out of range

private:
    struct Text
    {
        QByteArray utf8;
        std::vector<int> starts;
    };
    static Text indexed(QByteArray utf8);
    const Text *text(int file) const;

    std::shared_ptr<const std::vector<Text>> m_files;
};

} // namespace Gapwise
