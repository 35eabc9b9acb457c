// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <functional>

namespace Gapwise {

// Fits titles into a label width without making two different titles read the same. Each title is elided
// at its end (`elide(text, Qt::ElideRight)`), except where that gives two different titles one label
// ("ModuleNotFoundError: No module named 'netra_backend.app.…'" eight times): those keep their first word
// and show the part that tells them apart ("ModuleNotFoundError: …services.auth'"), elided at its start
// when even that is too long. `elide` is the view's own (font metrics and width), so this stays widget-free;
// for Qt::ElideRight it may wrap onto lines ('\n') and elide only past them.
using ElideFunction = std::function<QString(const QString &text, Qt::TextElideMode mode)>;
QStringList distinctLabels(const QStringList &titles, const ElideFunction &elide);

} // namespace Gapwise
