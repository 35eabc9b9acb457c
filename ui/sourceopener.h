// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Opens file:line in the user's editor: the command in the setting "editorCommand" when there is one
// ("code -g %f:%l", "kate -l %l %f"; %f the file, %l the line), else the desktop's handler for the file
// (QDesktopServices, which has no line). A relative path is looked for beside the report and up to three
// folders above it (a report under build/ names tests/unit/x.py from the checkout's root).
namespace SourceOpener {

QString resolve(const QString &file, const QString &reportPath);
// False with `error` set when the file is not found or the editor does not start.
bool open(const QString &file, int line, const QString &reportPath, QString *error);

} // namespace SourceOpener
