// SPDX-License-Identifier: GPL-3.0-or-later
#include "historycli.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QPdfDocument>
#include <QRegularExpression>

namespace HistoryCli {

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("GAPWISE_STORE"));
    return env;
}

namespace {

    Run finished(QProcess &p)
    {
        REQUIRE(p.waitForFinished(240000));
        return { p.exitCode(), p.exitStatus(), p.readAllStandardOutput(), p.readAllStandardError() };
    }

} // namespace

Run run(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.setProcessEnvironment(cleanEnvironment());
    p.start(program, arguments);
    return finished(p);
}

Run gapwise(const QStringList &arguments)
{
    return run(QStringLiteral(GAPWISE_BINARY), arguments);
}

QJsonObject jsonObject(const Run &run)
{
    INFO(run.errText().toStdString());
    REQUIRE(run.exitCode == 0);
    return QJsonDocument::fromJson(run.out).object();
}

std::unique_ptr<QProcess> startHistoryAdd(const QString &store, const QStringList &files, StoreNamed named)
{
    auto p = std::make_unique<QProcess>();
    QProcessEnvironment env = cleanEnvironment();
    QStringList arguments { QStringLiteral("history"), QStringLiteral("add") };
    if (named == StoreNamed::ByEnvironment)
        env.insert(QStringLiteral("GAPWISE_STORE"), store);
    else
        arguments << QStringLiteral("--store") << store;
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(GAPWISE_BINARY), arguments + files);
    return p;
}

Run historyAdd(const QString &store, const QStringList &files)
{
    return finished(*startHistoryAdd(store, files));
}

QString pdfText(const QString &path)
{
    QPdfDocument doc;
    REQUIRE(doc.load(path) == QPdfDocument::Error::None);
    QString text;
    for (int i = 0; i < doc.pageCount(); ++i)
        text += doc.getAllText(i).text().replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "))
            + QStringLiteral("\n=== page break ===\n");
    return text;
}

QStringList keysOf(const QJsonArray &tests)
{
    QStringList keys;
    for (const QJsonValue t : tests)
        keys << t.toObject().value(QStringLiteral("key")).toString();
    keys.sort();
    return keys;
}

} // namespace HistoryCli
