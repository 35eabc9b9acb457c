// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// qcustomplot.h uses Qt's `foreach` inside two templates, but the project builds with QT_NO_FOREACH. Give the
// header a range-for spelling of it while it is parsed, and take it away again afterwards.
#ifndef foreach
// A declaration and a range cannot be put in parentheses: the check does not apply.
#define foreach(variable, container) for (variable : container) // NOLINT(bugprone-macro-parentheses)
#define GAPWISE_LOCAL_FOREACH
#endif
#include <qcustomplot.h>
#ifdef GAPWISE_LOCAL_FOREACH
#undef foreach
#undef GAPWISE_LOCAL_FOREACH
#endif
