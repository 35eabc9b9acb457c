// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QApplication;

// Fusion with a dark palette (`gapwise --dark`): how Gapwise looks on a dark desktop, checked in screenshots.
void applyDarkPalette(QApplication &app);
