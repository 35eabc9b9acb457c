// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace Gapwise {

// The text of the file a report came from, indexed by line, so the details pane can quote the line a test
// was read from. Built off the GUI thread (in the import worker); lookups are O(1).
class SourceLines
{
public:
    SourceLines() = default;
    explicit SourceLines(QByteArray utf8);
    static SourceLines fromFile(const QString &path, qint64 maxBytes);

    int lineCount() const { return int(m_starts.size()); }
    QString line(int oneBased) const; // empty when out of range

private:
    QByteArray m_text;
    std::vector<int> m_starts;
};

} // namespace Gapwise
