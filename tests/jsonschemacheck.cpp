// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonschemacheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace {

bool hasType(const QJsonValue &v, const QString &type)
{
    if (type == QLatin1String("object"))
        return v.isObject();
    if (type == QLatin1String("array"))
        return v.isArray();
    if (type == QLatin1String("string"))
        return v.isString();
    if (type == QLatin1String("boolean"))
        return v.isBool();
    if (type == QLatin1String("number"))
        return v.isDouble();
    if (type == QLatin1String("integer"))
        return v.isDouble() && std::floor(v.toDouble()) == v.toDouble();
    if (type == QLatin1String("null"))
        return v.isNull();
    return false;
}

class Checker
{
public:
    explicit Checker(const QJsonObject &root)
        : m_root(root)
    {
    }
    void check(const QJsonValue &v, const QJsonObject &schema, const QString &path);
    QStringList violations;

private:
    QJsonObject resolve(const QString &ref, const QString &path);
    QJsonObject m_root;
};

QJsonObject Checker::resolve(const QString &ref, const QString &path)
{
    if (!ref.startsWith(QLatin1String("#/"))) {
        violations << path + QLatin1String(": unsupported $ref ") + ref;
        return {};
    }
    QJsonValue at = m_root;
    for (const QString &part : ref.mid(2).split(QLatin1Char('/')))
        at = at.toObject().value(part);
    if (!at.isObject())
        violations << path + QLatin1String(": $ref not found ") + ref;
    return at.toObject();
}

void Checker::check(const QJsonValue &v, const QJsonObject &schema, const QString &path)
{
    static const QSet<QString> known { QStringLiteral("$schema"), QStringLiteral("$ref"), QStringLiteral("title"),
        QStringLiteral("description"), QStringLiteral("type"), QStringLiteral("required"), QStringLiteral("properties"),
        QStringLiteral("additionalProperties"), QStringLiteral("items"), QStringLiteral("enum"),
        QStringLiteral("const"), QStringLiteral("pattern"), QStringLiteral("minLength"), QStringLiteral("minItems"),
        QStringLiteral("minimum"), QStringLiteral("anyOf"), QStringLiteral("format"), QStringLiteral("definitions") };
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        if (!known.contains(it.key()))
            violations << path + QLatin1String(": the checker does not know the keyword ") + it.key();
    }
    if (schema.contains(QLatin1String("$ref"))) {
        check(v, resolve(schema.value(QLatin1String("$ref")).toString(), path), path);
        return;
    }
    if (schema.contains(QLatin1String("type"))) {
        const QJsonValue type = schema.value(QLatin1String("type"));
        bool ok = false;
        if (type.isString())
            ok = hasType(v, type.toString());
        for (const QJsonValue &t : type.toArray())
            ok = ok || hasType(v, t.toString());
        if (!ok) {
            violations << path + QLatin1String(": not of type ")
                    + QString::fromUtf8(QJsonDocument(QJsonArray { type }).toJson(QJsonDocument::Compact));
            return;
        }
    }
    if (schema.contains(QLatin1String("const")) && v != schema.value(QLatin1String("const")))
        violations << path + QLatin1String(": not the constant ")
                + schema.value(QLatin1String("const")).toVariant().toString();
    if (schema.contains(QLatin1String("enum")) && !schema.value(QLatin1String("enum")).toArray().contains(v))
        violations << path + QLatin1String(": not one of the enum values");
    if (v.isString()) {
        const QString s = v.toString();
        if (schema.contains(QLatin1String("minLength")) && s.size() < schema.value(QLatin1String("minLength")).toInt())
            violations << path + QLatin1String(": shorter than minLength");
        if (schema.contains(QLatin1String("pattern"))
            && !QRegularExpression(schema.value(QLatin1String("pattern")).toString()).match(s).hasMatch())
            violations << path + QLatin1String(": does not match ") + schema.value(QLatin1String("pattern")).toString();
    }
    if (v.isDouble() && schema.contains(QLatin1String("minimum"))
        && v.toDouble() < schema.value(QLatin1String("minimum")).toDouble())
        violations << path + QLatin1String(": below minimum");
    if (schema.contains(QLatin1String("anyOf"))) {
        bool any = false;
        for (const QJsonValue &option : schema.value(QLatin1String("anyOf")).toArray()) {
            Checker sub(m_root);
            sub.check(v, option.toObject(), path);
            any = any || sub.violations.isEmpty();
        }
        if (!any)
            violations << path + QLatin1String(": matches none of anyOf");
    }
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (schema.contains(QLatin1String("minItems")) && a.size() < schema.value(QLatin1String("minItems")).toInt())
            violations << path + QLatin1String(": fewer than minItems");
        if (schema.value(QLatin1String("items")).isObject()) {
            for (int i = 0; i < a.size(); ++i)
                check(a.at(i), schema.value(QLatin1String("items")).toObject(), path + QStringLiteral("[%1]").arg(i));
        }
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (const QJsonValue &r : schema.value(QLatin1String("required")).toArray()) {
            if (!o.contains(r.toString()))
                violations << path + QLatin1String(": lacks the required ") + r.toString();
        }
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString at = path + QLatin1Char('.') + it.key();
            if (properties.contains(it.key()))
                check(it.value(), properties.value(it.key()).toObject(), at);
            else if (additional.isBool() && !additional.toBool())
                violations << at + QLatin1String(": not a property the schema allows");
            else if (additional.isObject())
                check(it.value(), additional.toObject(), at);
        }
    }
}

} // namespace

QStringList jsonSchemaViolations(const QJsonValue &value, const QJsonObject &schema)
{
    Checker checker(schema);
    checker.check(value, schema, QStringLiteral("$"));
    return checker.violations;
}
