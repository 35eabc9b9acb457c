// SPDX-License-Identifier: GPL-3.0-or-later
#include "loghub.h"

#include <QFile>
#include <QHash>
#include <QXmlStreamWriter>

namespace Loghub {
namespace {

    // One CSV record from pos: fields, with quotes removed and "" unescaped; records may span lines.
    QStringList nextRecord(const QString &text, qsizetype &pos)
    {
        QStringList fields;
        QString field;
        bool quoted = false;
        while (pos < text.size()) {
            const QChar c = text.at(pos++);
            if (quoted) {
                if (c == QLatin1Char('"')) {
                    if (pos < text.size() && text.at(pos) == QLatin1Char('"')) {
                        field += c;
                        ++pos;
                    } else {
                        quoted = false;
                    }
                } else {
                    field += c;
                }
            } else if (c == QLatin1Char('"')) {
                quoted = true;
            } else if (c == QLatin1Char(',')) {
                fields << field;
                field.clear();
            } else if (c == QLatin1Char('\n')) {
                break;
            } else if (c != QLatin1Char('\r')) {
                field += c;
            }
        }
        fields << field;
        return fields;
    }

} // namespace

QVector<Line> readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    qsizetype pos = 0;
    const QStringList header = nextRecord(text, pos);
    const qsizetype content = header.indexOf(QLatin1String("Content"));
    const qsizetype event = header.indexOf(QLatin1String("EventId"));
    if (content < 0 || event < 0)
        return {};
    QVector<Line> lines;
    while (pos < text.size()) {
        const QStringList fields = nextRecord(text, pos);
        if (fields.size() > qMax(content, event))
            lines.append({ fields[content], fields[event] });
    }
    return lines;
}

QByteArray junitOf(const QString &system, const QVector<Line> &lines)
{
    QByteArray xml;
    QXmlStreamWriter w(&xml);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("testsuite"));
    w.writeAttribute(QStringLiteral("name"), system);
    w.writeAttribute(QStringLiteral("tests"), QString::number(lines.size()));
    w.writeAttribute(QStringLiteral("failures"), QString::number(lines.size()));
    for (int i = 0; i < lines.size(); ++i) {
        w.writeStartElement(QStringLiteral("testcase"));
        w.writeAttribute(QStringLiteral("classname"), system);
        w.writeAttribute(QStringLiteral("name"), QStringLiteral("line%1").arg(i + 1, 4, 10, QLatin1Char('0')));
        w.writeStartElement(QStringLiteral("failure"));
        w.writeAttribute(QStringLiteral("message"), lines[i].content);
        w.writeEndElement();
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return xml;
}

double groupingAccuracy(const QVector<Line> &lines, const QStringList &predicted)
{
    if (lines.isEmpty() || predicted.size() != lines.size())
        return 0.0;
    QHash<QString, QVector<int>> truth, guess;
    for (int i = 0; i < lines.size(); ++i) {
        truth[lines[i].eventId] << i;
        guess[predicted[i].isEmpty() ? QStringLiteral("\x1fline%1").arg(i) : predicted[i]] << i;
    }
    int right = 0;
    for (int i = 0; i < lines.size(); ++i) {
        const QString g = predicted[i].isEmpty() ? QStringLiteral("\x1fline%1").arg(i) : predicted[i];
        if (truth.value(lines[i].eventId) == guess.value(g))
            ++right;
    }
    return double(right) / lines.size();
}

} // namespace Loghub
