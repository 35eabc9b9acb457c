// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

// A JSON Schema (draft-07) check for the keywords the CTRF schema uses: type, required, properties,
// additionalProperties (false or a schema), items, enum, const, pattern, minLength, minItems, minimum, anyOf and
// $ref into #/definitions. "format" is not checked (annotations only in draft-07 by default). Returns the
// violations as "path: what", empty when `value` is valid. Unknown keywords fail the check, so a schema that
// grows a keyword this checker does not know is noticed instead of passing silently.
QStringList jsonSchemaViolations(const QJsonValue &value, const QJsonObject &schema);
