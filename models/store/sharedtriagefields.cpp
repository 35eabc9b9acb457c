// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharedtriagefields.h"

#include "enums.h"
#include "report.h"

namespace Gapwise::SharedTriageFields {
namespace {

    constexpr QChar keySeparator { 0x1f }; // a control character no id or field name holds

} // namespace

QString deletedField()
{
    return QStringLiteral("deleted");
}

const QStringList &gapFields()
{
    static const QStringList fields { QStringLiteral("title"), QStringLiteral("owner"), QStringLiteral("status"),
        QStringLiteral("priority"), QStringLiteral("notes"), QStringLiteral("suggested"), deletedField() };
    return fields;
}

QString keyOf(const SharedTriageItem &item)
{
    return item.kind + keySeparator + item.key + keySeparator + item.field;
}

SharedTriageItem itemOfKey(const QString &key)
{
    const QStringList parts = key.split(keySeparator);
    if (parts.size() != 3)
        return {};
    return { parts[0], parts[1], parts[2] };
}

bool isGap(const SharedTriageItem &item)
{
    return item.kind == QLatin1String("gap");
}

int findTest(const Report &report, const QString &id)
{
    for (int i = 0; i < report.tests.size(); ++i) {
        if (report.tests[i].id == id)
            return i;
    }
    return -1;
}

QString gapField(const Gap &gap, const QString &field)
{
    if (field == QLatin1String("title"))
        return gap.title;
    if (field == QLatin1String("owner"))
        return gap.owner;
    if (field == QLatin1String("status"))
        return gapStatusName(gap.status);
    if (field == QLatin1String("priority"))
        return priorityName(gap.priority);
    if (field == QLatin1String("notes"))
        return gap.notes;
    if (field == QLatin1String("suggested")) // Gapwise's suggestion until someone accepts or edits it
        return gap.suggested ? QStringLiteral("yes") : QString();
    return {};
}

void setGapField(Gap &gap, const QString &field, const QString &value)
{
    if (field == QLatin1String("title"))
        gap.title = value;
    else if (field == QLatin1String("owner"))
        gap.owner = value;
    else if (field == QLatin1String("status"))
        gap.status = gapStatusFromName(value);
    else if (field == QLatin1String("priority"))
        gap.priority = priorityFromText(value);
    else if (field == QLatin1String("notes"))
        gap.notes = value;
    if (field == QLatin1String("suggested"))
        gap.suggested = !value.isEmpty();
    else
        gap.suggested = false; // an engineer's edit makes it theirs, as TriageSession does
}

} // namespace Gapwise::SharedTriageFields
