// SPDX-License-Identifier: GPL-3.0-or-later
// The store's reads: runs, a test's history, the timelines of a window of runs, gap trends, known issues.
#include "historystore.h"
#include "sqldialect.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace Gapwise {
namespace {

    QString idList(const QVector<StoredRun> &runs)
    {
        QStringList ids;
        ids.reserve(runs.size());
        for (const StoredRun &r : runs)
            ids << QString::number(r.id);
        return ids.join(QLatin1Char(','));
    }

    // Each run's place in `window`, by run id.
    QHash<qint64, int> columnOfRun(const QVector<StoredRun> &window)
    {
        QHash<qint64, int> column;
        for (int i = 0; i < window.size(); ++i)
            column.insert(window[i].id, i);
        return column;
    }

    template <typename T> std::optional<T> queryFailed(const QSqlQuery &q, QString *error)
    {
        *error = sqlErrorText(q.lastError());
        return std::nullopt;
    }

    StoredRun runFrom(const QSqlQuery &q)
    {
        StoredRun r;
        r.id = q.value(0).toLongLong();
        r.source = q.value(1).toString();
        r.contentHash = q.value(2).toString();
        r.time = QDateTime::fromString(q.value(3).toString(), Qt::ISODate);
        r.label = q.value(4).toString();
        r.branch = q.value(5).toString();
        r.commit = q.value(6).toString();
        r.title = q.value(7).toString();
        r.tests = q.value(8).toInt();
        r.failing = q.value(9).toInt();
        return r;
    }

    const char RunColumns[] = "id, source, content_hash, run_time, label, branch, commit_id, title, tests, failing";

    // The run whose `column` is `value` (the id, the content hash); nullopt with `error` empty when none is.
    std::optional<StoredRun> runWhere(const QSqlDatabase &db, const char *column, const QVariant &value, QString *error)
    {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("SELECT %1 FROM runs WHERE %2 = ?").arg(QLatin1String(RunColumns), QLatin1String(column)));
        q.addBindValue(value);
        if (!q.exec())
            return queryFailed<StoredRun>(q, error);
        if (!q.next())
            return std::nullopt;
        return runFrom(q);
    }

} // namespace

QVector<StoredRun> HistoryStore::runs(QString *error) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    QVector<StoredRun> out;
    if (!q.exec(QStringLiteral("SELECT %1 FROM runs ORDER BY run_time, id").arg(QLatin1String(RunColumns)))) {
        *error = sqlErrorText(q.lastError());
        return out;
    }
    while (q.next())
        out.append(runFrom(q));
    return out;
}

std::optional<StoredRun> HistoryStore::findRunByHash(const QString &contentHash, QString *error) const
{
    return runWhere(database(), "content_hash", contentHash, error);
}

std::optional<StoredRun> HistoryStore::findRun(qint64 runId, QString *error) const
{
    return runWhere(database(), "id", runId, error);
}

std::optional<QStringList> HistoryStore::findGapKeys(const QString &typed, QString *error) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT gap_key FROM gaps WHERE gap_key = ?"));
    q.addBindValue(typed);
    if (!q.exec())
        return queryFailed<QStringList>(q, error);
    if (q.next())
        return QStringList { q.value(0).toString() };
    // A title as `history gaps` shows it: the one a run gave the gap, or the one it was first stored with.
    QSqlQuery byTitle(database());
    byTitle.setForwardOnly(true);
    byTitle.prepare(QStringLiteral("SELECT DISTINCT g.gap_key FROM gaps g LEFT JOIN run_gaps rg ON rg.gap_id = g.id "
                                   "WHERE g.title = ? OR rg.title = ? ORDER BY g.gap_key"));
    byTitle.addBindValue(typed);
    byTitle.addBindValue(typed);
    if (!byTitle.exec())
        return queryFailed<QStringList>(byTitle, error);
    QStringList keys;
    while (byTitle.next())
        keys << byTitle.value(0).toString();
    return keys;
}

std::optional<QVector<NamedTest>> HistoryStore::findTests(const QString &typed, QString *error) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    // A key is unique: one indexed lookup answers what people paste most (the key history prints).
    q.prepare(QStringLiteral("SELECT test_key, name FROM tests WHERE test_key = ?"));
    q.addBindValue(typed);
    if (!q.exec())
        return queryFailed<QVector<NamedTest>>(q, error);
    if (q.next())
        return QVector<NamedTest> { { q.value(0).toString(), q.value(1).toString() } };
    // Else every key and name, matched in C++ as compare matches: ids and function names are not SQL.
    QSqlQuery all(database());
    all.setForwardOnly(true);
    if (!all.exec(QStringLiteral("SELECT test_key, name FROM tests")))
        return queryFailed<QVector<NamedTest>>(all, error);
    QVector<NamedTest> tests;
    while (all.next())
        tests.append({ all.value(0).toString(), all.value(1).toString() });
    QVector<NamedTest> found;
    for (int i : matchTestName(typed, tests))
        found.append(tests[i]);
    // By key in C++, not ORDER BY: PostgreSQL sorts by its locale, and both backends must list alike.
    std::sort(found.begin(), found.end(), [](const NamedTest &a, const NamedTest &b) { return a.key < b.key; });
    return found;
}

std::optional<TestTimeline> HistoryStore::testHistory(const QString &key, QString *error) const
{
    QSqlDatabase db = database();
    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT id, test_key, name FROM tests WHERE test_key = ?"));
    find.addBindValue(key);
    if (!find.exec())
        return queryFailed<TestTimeline>(find, error);
    if (!find.next())
        return std::nullopt;
    TestTimeline t;
    const qint64 testId = find.value(0).toLongLong();
    t.key = find.value(1).toString();
    t.name = find.value(2).toString();
    // One primary-key lookup per run: results are keyed (run, test).
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT r.status, g.gap_key, r.carried_from FROM runs ru "
                             "LEFT JOIN results r ON r.run_id = ru.id AND r.test_id = ? "
                             "LEFT JOIN gaps g ON g.id = r.gap_id ORDER BY ru.run_time, ru.id"));
    q.addBindValue(testId);
    if (!q.exec())
        return queryFailed<TestTimeline>(q, error);
    while (q.next()) {
        t.outcomes.append(q.isNull(0) ? RunOutcome::Absent : outcomeOfStatus(q.value(0).toInt()));
        t.statuses.append(q.isNull(0) ? -1 : q.value(0).toInt());
        t.gaps.append(q.value(1).toString());
        t.carriedFrom.append(q.value(2).toLongLong());
    }
    return t;
}

std::optional<QVector<TestTimeline>> HistoryStore::timelines(
    const QVector<StoredRun> &window, bool failedOnly, QString *error, qint64 beforeRunId) const
{
    QVector<TestTimeline> out;
    if (window.isEmpty())
        return out;
    QSqlDatabase db = database();
    const QString ids = idList(window);
    const QHash<qint64, int> column = columnOfRun(window);
    QString sql = QStringLiteral("SELECT r.test_id, r.run_id, r.status, g.gap_key, r.carried_from FROM results r "
                                 "LEFT JOIN gaps g ON g.id = r.gap_id WHERE r.run_id IN (%1)")
                      .arg(ids);
    if (failedOnly) // fails in the window: status failed (1) or error (2), not an expected failure
        sql += QStringLiteral(" AND r.test_id IN (SELECT test_id FROM results WHERE run_id IN (%1) "
                              "AND status IN (1, 2))")
                   .arg(ids);
    // In key order (run, test): SQLite reads them so anyway; PostgreSQL is told, so both list tests alike.
    sql += QStringLiteral(" ORDER BY r.run_id, r.test_id");
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return queryFailed<QVector<TestTimeline>>(q, error);
    QHash<qint64, int> rowOfTest;
    while (q.next()) {
        const qint64 testId = q.value(0).toLongLong();
        auto row = rowOfTest.constFind(testId);
        if (row == rowOfTest.cend()) {
            TestTimeline t;
            t.outcomes.fill(RunOutcome::Absent, window.size());
            t.statuses.fill(-1, window.size());
            t.gaps.resize(window.size());
            t.carriedFrom.fill(0, window.size());
            out.append(t);
            row = rowOfTest.insert(testId, int(out.size()) - 1);
        }
        TestTimeline &t = out[*row];
        const int c = column.value(q.value(1).toLongLong());
        t.outcomes[c] = outcomeOfStatus(q.value(2).toInt());
        t.statuses[c] = q.value(2).toInt();
        t.gaps[c] = q.value(3).toString();
        t.carriedFrom[c] = q.value(4).toLongLong();
    }
    if (beforeRunId > 0 && !out.isEmpty()) {
        // One run more, for the tests of the window only: a test the window lacks stays out of it.
        QSqlQuery b(db);
        b.setForwardOnly(true);
        b.prepare(QStringLiteral("SELECT test_id, status FROM results WHERE run_id = ?"));
        b.addBindValue(beforeRunId);
        if (!b.exec())
            return queryFailed<QVector<TestTimeline>>(b, error);
        while (b.next()) {
            const auto row = rowOfTest.constFind(b.value(0).toLongLong());
            if (row != rowOfTest.cend())
                out[*row].before = outcomeOfStatus(b.value(1).toInt());
        }
    }
    QSqlQuery names(db);
    names.setForwardOnly(true);
    if (!names.exec(QStringLiteral("SELECT id, test_key, name FROM tests")))
        return queryFailed<QVector<TestTimeline>>(names, error);
    while (names.next()) {
        const auto row = rowOfTest.constFind(names.value(0).toLongLong());
        if (row != rowOfTest.cend()) {
            out[*row].key = names.value(1).toString();
            out[*row].name = names.value(2).toString();
        }
    }
    return out;
}

std::optional<QVector<GapTrend>> HistoryStore::gapTrends(const QVector<StoredRun> &window, QString *error) const
{
    QVector<GapTrend> out;
    if (window.isEmpty())
        return out;
    const QHash<qint64, int> column = columnOfRun(window);
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT rg.run_id, g.gap_key, coalesce(rg.title, g.title), rg.failures, k.tracker, "
                               "k.url FROM run_gaps rg JOIN gaps g ON g.id = rg.gap_id "
                               "LEFT JOIN known_issues k ON k.gap_id = g.id WHERE rg.run_id IN (%1) "
                               "ORDER BY g.gap_key")
                    .arg(idList(window))))
        return queryFailed<QVector<GapTrend>>(q, error);
    QHash<QString, int> rowOfGap;
    QHash<QString, int> newestColumn;
    while (q.next()) {
        const QString key = q.value(1).toString();
        auto row = rowOfGap.constFind(key);
        if (row == rowOfGap.cend()) {
            GapTrend g;
            g.key = key;
            g.failures.fill(0, window.size());
            g.tracker = q.value(4).toString();
            g.url = q.value(5).toString();
            out.append(g);
            row = rowOfGap.insert(key, int(out.size()) - 1);
        }
        GapTrend &g = out[*row];
        const int c = column.value(q.value(0).toLongLong());
        if (c >= newestColumn.value(key, -1)) { // the newest run's title wins
            g.title = q.value(2).toString();
            newestColumn.insert(key, c);
        }
        g.failures[c] = q.value(3).toInt();
    }
    return out;
}

std::optional<QVector<int>> HistoryStore::unassignedFailures(const QVector<StoredRun> &window, QString *error) const
{
    QVector<int> out(window.size(), 0);
    if (window.isEmpty())
        return out;
    const QHash<qint64, int> column = columnOfRun(window);
    // A failing test has a signature (as run_gaps counts a gap's failures); one in no gap has no gap_id.
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT run_id, count(*) FROM results WHERE run_id IN (%1) AND signature_id IS NOT NULL "
                               "AND gap_id IS NULL GROUP BY run_id")
                    .arg(idList(window))))
        return queryFailed<QVector<int>>(q, error);
    while (q.next())
        out[column.value(q.value(0).toLongLong())] = q.value(1).toInt();
    return out;
}

std::optional<QVector<KnownIssue>> HistoryStore::knownIssues(QString *error) const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT g.gap_key, g.title, k.tracker, k.url FROM known_issues k "
                               "JOIN gaps g ON g.id = k.gap_id ORDER BY g.gap_key")))
        return queryFailed<QVector<KnownIssue>>(q, error);
    QVector<KnownIssue> out;
    while (q.next())
        out.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString() });
    return out;
}

} // namespace Gapwise
