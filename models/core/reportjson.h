// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QJsonObject>

namespace Gapwise {

// The whole imported model as JSON, the shape `gapwise inspect --json` prints (documented in README.md).
QJsonObject reportToJson(const Report &report);

} // namespace Gapwise
