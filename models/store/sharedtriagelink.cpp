// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharedtriagelink.h"

#include "sharedtriageworker.h"
#include "triagesession.h"

#include <QUndoStack>

#include <algorithm>
#include <utility>

namespace Gapwise {
namespace {

    const QStringList &gapFields()
    {
        static const QStringList fields { QStringLiteral("title"), QStringLiteral("owner"), QStringLiteral("status"),
            QStringLiteral("priority"), QStringLiteral("notes") };
        return fields;
    }

    QString keyOf(const SharedTriageItem &item)
    {
        return item.kind + QChar(0x1f) + item.key + QChar(0x1f) + item.field;
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
        gap.suggested = false; // an engineer's edit makes it theirs, as TriageSession does
    }

} // namespace

SharedTriageLink::SharedTriageLink(TriageSession *session, const QString &location, qint64 runId, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_location(location)
    , m_runId(runId)
    , m_worker(new SharedTriageWorker(location, runId))
{
    qRegisterMetaType<SharedTriageItem>();
    qRegisterMetaType<SharedTriageValue>();
    qRegisterMetaType<SharedTriageValues>();
    qRegisterMetaType<QVector<SharedTriageEdit>>();
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SharedTriageWorker::opened, this, &SharedTriageLink::onOpened);
    connect(m_worker, &SharedTriageWorker::written, this, &SharedTriageLink::onWritten);
    connect(m_worker, &SharedTriageWorker::conflicted, this, &SharedTriageLink::onConflicted);
    connect(m_worker, &SharedTriageWorker::writeFailed, this, &SharedTriageLink::onWriteFailed);
    connect(m_worker, &SharedTriageWorker::editsArrived, this, &SharedTriageLink::onEdits);
    connect(m_worker, &SharedTriageWorker::connectionLost, this, [this](const QString &error) {
        m_online = false;
        m_lastError = error;
        Q_EMIT stateChanged();
    });
    connect(m_worker, &SharedTriageWorker::connectionBack, this, [this] {
        m_online = true;
        m_lastError.clear();
        sendAll();
        Q_EMIT stateChanged();
    });

    connect(session, &TriageSession::gapChanged, this, &SharedTriageLink::markGap);
    connect(session, &TriageSession::gapInserted, this, &SharedTriageLink::markGap);
    connect(session, &TriageSession::testsReassigned, this, &SharedTriageLink::markTests);
    connect(session->undoStack(), &QUndoStack::indexChanged, this, &SharedTriageLink::onIndexChanged);
    connect(session, &TriageSession::modelReset, this, [this] {
        // Another report: this link no longer describes the session.
        if (m_session)
            m_session->disconnect(this);
        m_session = nullptr;
    });
    m_undoIndex = session->undoStack()->index();
    m_nextRedo = m_undoIndex < session->undoStack()->count() ? session->undoStack()->command(m_undoIndex) : nullptr;

    m_thread.setObjectName(QStringLiteral("shared triage"));
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &SharedTriageWorker::start, Qt::QueuedConnection);
}

SharedTriageLink::~SharedTriageLink()
{
    m_thread.quit();
    m_thread.wait();
}

QString SharedTriageLink::valueIn(const Report &report, const SharedTriageItem &item, bool *present)
{
    if (present)
        *present = false;
    if (isGap(item)) {
        const int i = report.gapIndex(item.key);
        if (i < 0)
            return {};
        if (present)
            *present = true;
        return gapField(report.gaps[i], item.field);
    }
    const int t = findTest(report, item.key);
    if (t < 0)
        return {};
    if (present)
        *present = true;
    return report.tests[t].gapId;
}

QString SharedTriageLink::describe(const Report &report, const SharedTriageItem &item)
{
    if (isGap(item)) {
        const int i = report.gapIndex(item.key);
        const QString title = i >= 0 ? report.gaps[i].title : item.key;
        QString field = item.field;
        if (!field.isEmpty())
            field[0] = field[0].toUpper();
        return QStringLiteral("%1 of gap \u201c%2\u201d").arg(field, title);
    }
    const int t = findTest(report, item.key);
    return QStringLiteral("Gap of test %1").arg(t >= 0 ? report.tests[t].name : item.key);
}

QString SharedTriageLink::current(const SharedTriageItem &item, bool imported, bool *present) const
{
    const Report &report = imported ? m_session->imported() : m_session->report();
    if (isGap(item))
        return valueIn(report, item, present);
    const int t = m_session->testIndex(item.key); // the same index in both: triage never adds or removes tests
    if (present)
        *present = t >= 0 && t < report.tests.size();
    return t >= 0 && t < report.tests.size() ? report.tests[t].gapId : QString();
}

QString SharedTriageLink::describe(const SharedTriageItem &item) const
{
    if (!m_session)
        return item.key;
    if (isGap(item) || m_session->testIndex(item.key) < 0)
        return describe(m_session->report(), item);
    return QStringLiteral("Gap of test %1").arg(m_session->report().tests[m_session->testIndex(item.key)].name);
}

QString SharedTriageLink::baseline(const QString &key, const SharedTriageItem &item) const
{
    const auto known = m_known.constFind(key);
    if (known != m_known.constEnd())
        return known->value;
    return current(item, true);
}

void SharedTriageLink::onOpened(const SharedTriageValues &values, const QString &editor)
{
    m_editor = editor;
    m_online = true; // also when the first attempt failed and a retry opened it
    m_lastError.clear();
    if (!m_session)
        return;
    for (const auto &[item, value] : values) {
        const QString key = keyOf(item);
        m_known.insert(key, { value.value, value.version });
        m_startVersion.insert(key, value.version);
    }
    // The store's values win over the report as imported; what the engineer changed before sharing (a restored
    // recovery file) is written, or is a conflict when the store has another value.
    const Report &now = m_session->report();
    const Report &imported = m_session->imported();
    for (const auto &[item, value] : values) {
        if (value.version <= 0)
            continue;
        bool present = false;
        const QString local = current(item, false, &present);
        if (!present && !isGap(item))
            continue;
        if (present && local == value.value)
            continue;
        if (!present || local == current(item, true))
            applyRemote(item, value.value);
        else
            addConflict(item, local, value);
    }
    for (const Gap &gap : now.gaps) {
        for (const QString &field : gapFields()) {
            const SharedTriageItem item { QStringLiteral("gap"), gap.id, field };
            const QString local = gapField(gap, field);
            if (!m_known.contains(keyOf(item)) && local != current(item, true))
                queue(item, local, 0);
        }
    }
    for (int i = 0; i < now.tests.size() && i < imported.tests.size(); ++i) {
        const SharedTriageItem item { QStringLiteral("test"), now.tests[i].id, QStringLiteral("gap") };
        if (now.tests[i].gapId != imported.tests[i].gapId && !m_known.contains(keyOf(item)))
            queue(item, now.tests[i].gapId, 0);
    }
    m_dirty.clear();
    m_ready = true;
    sendAll();
    Q_EMIT ready();
    Q_EMIT stateChanged();
}

void SharedTriageLink::markGap(int gapIndex)
{
    if (m_applying || !m_session || gapIndex < 0 || gapIndex >= m_session->report().gaps.size())
        return;
    const QString id = m_session->report().gaps[gapIndex].id;
    for (const QString &field : gapFields()) {
        const SharedTriageItem item { QStringLiteral("gap"), id, field };
        m_dirty.insert(keyOf(item), item);
    }
}

void SharedTriageLink::markTests(const QVector<int> &testIndices)
{
    if (m_applying || !m_session)
        return;
    for (const int i : testIndices) {
        if (i < 0 || i >= m_session->report().tests.size())
            continue;
        const SharedTriageItem item { QStringLiteral("test"), m_session->report().tests[i].id, QStringLiteral("gap") };
        m_dirty.insert(keyOf(item), item);
    }
}

void SharedTriageLink::onIndexChanged(int index)
{
    if (!m_session)
        return;
    QUndoStack *stack = m_session->undoStack();
    // A new edit is pushed on top (the command there is new) or merged into the top one (same index); anything
    // else is an undo or a redo of one of your earlier edits.
    const bool fresh = index == m_undoIndex || (index == m_undoIndex + 1 && stack->command(m_undoIndex) != m_nextRedo);
    m_undoIndex = index;
    m_nextRedo = index < stack->count() ? stack->command(index) : nullptr;
    const QHash<QString, SharedTriageItem> dirty = std::exchange(m_dirty, {});
    if (!m_ready)
        return; // onOpened compares the whole session with the store
    bool conflictChanged = false;
    for (auto it = dirty.cbegin(); it != dirty.cend(); ++it) {
        const QString &key = it.key();
        bool present = false;
        const QString local = current(it.value(), false, &present);
        if (!present)
            continue;
        auto conflict = std::find_if(
            m_conflicts.begin(), m_conflicts.end(), [&key](const Conflict &c) { return keyOf(c.item) == key; });
        if (conflict != m_conflicts.end()) {
            conflict->mine = local; // still yours against theirs: the engineer decides in the window
            conflictChanged = true;
            continue;
        }
        if (local == baseline(key, it.value()) && !m_inFlight.contains(key)) {
            m_pending.remove(key); // back to what the store has (an undo before it was shared)
            continue;
        }
        const int base = fresh ? m_known.value(key).version
                               : (m_mine.contains(key) ? m_mine.value(key) : m_startVersion.value(key, 0));
        queue(it.value(), local, base);
    }
    if (conflictChanged)
        Q_EMIT conflictsChanged();
    Q_EMIT stateChanged();
}

void SharedTriageLink::queue(const SharedTriageItem &item, const QString &value, int base)
{
    const QString key = keyOf(item);
    if (m_inFlight.contains(key)) {
        m_pending.insert(key, { item, value, base, true });
        return; // sent when the write under way is answered
    }
    auto pending = m_pending.find(key);
    if (pending != m_pending.end())
        pending->value = value; // still based on what the first unshared edit saw
    else
        m_pending.insert(key, { item, value, base, false });
    if (m_online && m_ready)
        send(key);
}

void SharedTriageLink::send(const QString &key)
{
    if (m_inFlight.contains(key) || !m_pending.contains(key))
        return;
    const Outgoing out = m_pending.take(key);
    m_inFlight.insert(key, out);
    SharedTriageWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, out] { worker->write(out.item, out.value, out.base); }, Qt::QueuedConnection);
}

void SharedTriageLink::sendAll()
{
    const QStringList keys = m_pending.keys();
    for (const QString &key : keys)
        send(key);
}

void SharedTriageLink::onWritten(const SharedTriageItem &item, const QString &value, int version)
{
    const QString key = keyOf(item);
    m_inFlight.remove(key);
    if (version > m_known.value(key).version)
        m_known.insert(key, { value, version });
    m_mine.insert(key, version);
    auto next = m_pending.find(key);
    if (next != m_pending.end() && next->afterInFlight) {
        next->afterInFlight = false;
        next->base = version;
        if (next->value == value)
            m_pending.erase(next); // the same value again: already there
        else if (m_online)
            send(key);
    }
    Q_EMIT stateChanged();
}

void SharedTriageLink::onConflicted(const SharedTriageItem &item, const QString &mine, const SharedTriageValue &theirs)
{
    const QString key = keyOf(item);
    m_inFlight.remove(key);
    m_pending.remove(key); // later edits of the field are part of "yours" in the conflict
    if (theirs.version > m_known.value(key).version)
        m_known.insert(key, { theirs.value, theirs.version });
    bool present = false;
    const QString local = m_session ? current(item, false, &present) : QString();
    if (!present || local != theirs.value) // both wrote the same value: nothing to choose
        addConflict(item, present ? local : mine, theirs);
    Q_EMIT stateChanged();
}

void SharedTriageLink::onWriteFailed(const SharedTriageItem &item, const QString &value, int baseVersion)
{
    const QString key = keyOf(item);
    m_inFlight.remove(key);
    auto later = m_pending.find(key);
    if (later != m_pending.end()) {
        if (later->afterInFlight) {
            later->afterInFlight = false; // the newer value replaces the unsent one, on the same base
            later->base = baseVersion;
        }
    } else {
        m_pending.insert(key, { item, value, baseVersion, false });
    }
    m_online = false;
    Q_EMIT stateChanged();
}

void SharedTriageLink::onEdits(const QVector<SharedTriageEdit> &edits)
{
    QVector<QPair<SharedTriageItem, QString>> theirs;
    QHash<QString, int> theirsAt; // key -> index in `theirs`: a field edited twice in one batch goes in once
    bool conflictChanged = false;
    for (const SharedTriageEdit &e : edits) {
        m_edits.append(e);
        const QString key = keyOf(e.item);
        if (e.version <= m_known.value(key).version)
            continue; // yours, or already known
        m_known.insert(key, { e.newValue, e.version });
        auto conflict = std::find_if(
            m_conflicts.begin(), m_conflicts.end(), [&key](const Conflict &c) { return keyOf(c.item) == key; });
        if (conflict != m_conflicts.end()) {
            conflict->theirs = { e.newValue, e.version, e.editor, e.editedAt };
            conflictChanged = true;
            continue;
        }
        if (m_pending.contains(key) || m_inFlight.contains(key) || !m_session || !m_ready)
            continue; // your unshared write meets it in the store: a conflict then
        bool present = false;
        const QString local = current(e.item, false, &present);
        if (const auto at = theirsAt.constFind(key); at != theirsAt.constEnd()) {
            theirs[*at].second = e.newValue;
        } else if ((present || isGap(e.item)) && local != e.newValue) {
            theirsAt.insert(key, int(theirs.size()));
            theirs.append({ e.item, e.newValue });
        }
    }
    applyRemote(theirs);
    if (conflictChanged)
        Q_EMIT conflictsChanged();
    Q_EMIT editsArrived(edits);
    if (!theirs.isEmpty())
        Q_EMIT remoteApplied(int(theirs.size()));
}

void SharedTriageLink::addConflict(const SharedTriageItem &item, const QString &mine, const SharedTriageValue &theirs)
{
    const QString key = keyOf(item);
    auto conflict = std::find_if(
        m_conflicts.begin(), m_conflicts.end(), [&key](const Conflict &c) { return keyOf(c.item) == key; });
    if (conflict != m_conflicts.end())
        *conflict = { item, mine, theirs };
    else
        m_conflicts.append({ item, mine, theirs });
    Q_EMIT conflictsChanged();
}

void SharedTriageLink::keepTheirs(int index)
{
    if (index < 0 || index >= m_conflicts.size())
        return;
    const Conflict c = m_conflicts.takeAt(index);
    applyRemote(c.item, c.theirs.value);
    Q_EMIT conflictsChanged();
}

void SharedTriageLink::writeMineOver(int index)
{
    if (index < 0 || index >= m_conflicts.size())
        return;
    const Conflict c = m_conflicts.takeAt(index);
    queue(c.item, c.mine, c.theirs.version);
    Q_EMIT conflictsChanged();
    Q_EMIT stateChanged();
}

void SharedTriageLink::applyRemote(const SharedTriageItem &item, const QString &value)
{
    applyRemote(QVector<QPair<SharedTriageItem, QString>> { { item, value } });
}

void SharedTriageLink::applyRemote(const QVector<QPair<SharedTriageItem, QString>> &changes)
{
    if (!m_session || changes.isEmpty())
        return;
    m_applying = true;
    const auto ensureGap = [this](const QString &id) {
        int i = m_session->gapIndex(id);
        if (i < 0 && !id.isEmpty()) {
            Gap gap; // another engineer's new gap: its fields follow as their own edits
            gap.id = id;
            gap.title = id;
            i = m_session->report().gaps.size();
            m_session->applyInsertGap(i, gap);
        }
        return i;
    };
    // Tests move in one call (one signal for the models), however many another engineer moved.
    QVector<int> tests;
    QStringList gapIds;
    QHash<int, int> listed; // test index -> its place in `tests`
    for (const auto &[item, value] : changes) {
        if (isGap(item)) {
            const int i = ensureGap(item.key);
            Gap gap = m_session->report().gaps[i];
            setGapField(gap, item.field, value);
            m_session->applyGap(i, gap);
        } else if (const int t = m_session->testIndex(item.key); t >= 0) {
            ensureGap(value);
            if (const auto earlier = listed.constFind(t); earlier != listed.constEnd()) {
                gapIds[*earlier] = value;
            } else {
                listed.insert(t, int(tests.size()));
                tests.append(t);
                gapIds.append(value);
            }
        }
    }
    if (!tests.isEmpty())
        m_session->applyTestGaps(tests, gapIds, QVector<bool>(tests.size(), false));
    m_applying = false;
}

} // namespace Gapwise
