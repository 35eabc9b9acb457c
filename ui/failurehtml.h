// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failuretext.h"

#include <QHash>
#include <QPalette>
#include <QString>
#include <QVector>

namespace Gapwise {
struct TestCase;
}

// A test's failure as the details pane shows it: expected/actual with the differing part marked, the
// message, the stack trace in monospace with the project's own frames bold and linked (file:line opens in
// the editor) and the rest dimmed, captured stdout and stderr, each with a Copy link. Links are
// "open:N" (N indexes `sources`) and "copy:KEY" (KEY indexes `copyTexts`).
struct FailureView
{
    QString html;
    QVector<Gapwise::SourceLocation> sources;
    QHash<QString, QString> copyTexts;
};
FailureView failureView(const Gapwise::TestCase &test, const QPalette &palette);
