// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharedtriagelink.h"

#include "sharedtriageworker.h"
#include "triagesession.h"

#include <QUndoStack>
#include <QUuid>

#include <algorithm>
#include <utility>

namespace Gapwise {
namespace {

    // "yes" when the gap is not in the session (deleted, or merged into another: its tests' moves are shared
    // on their own), "" when it is. Written like any field, with its version: two deletions of one gap, or a
    // deletion and an undo of it, are conflicts like two owners.
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

    // "<who>-<8 hex>": who made the gap (letters, digits and '_' of the role or login, for people reading ids)
    // and a random part of this window's own, so that two windows of one role cannot make the same id either.
    QString gapIdPrefixFor(const QString &editor)
    {
        QString who;
        for (const QChar c : editor) {
            if (who.size() < 16 && (c.isLetterOrNumber() || c == QLatin1Char('_')) && c.unicode() < 128)
                who.append(c.toLower());
        }
        if (who.isEmpty())
            who = QStringLiteral("shared");
        return who + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::Id128).left(8);
    }

} // namespace

SharedTriageLink::SharedTriageLink(
    TriageSession *session, const QString &location, qint64 runId, const QString &password, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_location(location)
    , m_runId(runId)
    , m_worker(new SharedTriageWorker(location, runId, password))
{
    qRegisterMetaType<SharedTriageItem>();
    qRegisterMetaType<SharedTriageValue>();
    qRegisterMetaType<SharedTriageValues>();
    qRegisterMetaType<QVector<SharedTriageEdit>>();
    qRegisterMetaType<QVector<SharedTriageOutgoing>>();
    qRegisterMetaType<QVector<SharedTriageWrite>>();
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SharedTriageWorker::opened, this, &SharedTriageLink::onOpened);
    connect(m_worker, &SharedTriageWorker::written, this, &SharedTriageLink::onWritten);
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
    connect(session, &TriageSession::gapRemoved, this, [this](int, const QString &gapId) {
        if (!m_applying) {
            const SharedTriageItem item { QStringLiteral("gap"), gapId, deletedField() };
            m_dirty.insert(keyOf(item), item);
        }
    });
    connect(session->undoStack(), &QUndoStack::indexChanged, this, &SharedTriageLink::onIndexChanged);
    connect(session, &TriageSession::modelReset, this, [this] {
        // Another report: this link no longer describes the session.
        if (m_session)
            m_session->disconnect(this);
        m_session = nullptr;
    });
    // Gaps created while shared get ids nobody else's window makes (onOpened names the role once known).
    session->setGapIdPrefix(gapIdPrefixFor(qEnvironmentVariable("USER")));
    m_undoIndex = session->undoStack()->index();
    m_nextRedo = m_undoIndex < session->undoStack()->count() ? session->undoStack()->command(m_undoIndex) : nullptr;

    m_thread.setObjectName(QStringLiteral("shared triage"));
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &SharedTriageWorker::start, Qt::QueuedConnection);
}

SharedTriageLink::~SharedTriageLink()
{
    if (m_session)
        m_session->setGapIdPrefix({}); // no longer shared: "user-N" again
    m_thread.quit();
    m_thread.wait();
}

QString SharedTriageLink::valueIn(const Report &report, const SharedTriageItem &item, bool *present)
{
    if (present)
        *present = false;
    if (isGap(item)) {
        const int i = report.gapIndex(item.key);
        if (item.field == deletedField()) {
            if (present)
                *present = true; // a gap that is not there is a value: "deleted"
            return i < 0 ? QStringLiteral("yes") : QString();
        }
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
        QString field = item.field == deletedField()   ? QStringLiteral("Deletion")
            : item.field == QLatin1String("suggested") ? QStringLiteral("Acceptance")
                                                       : item.field;
        if (!field.isEmpty())
            field[0] = field[0].toUpper();
        return QStringLiteral("%1 of gap \u201c%2\u201d").arg(field, title);
    }
    const int t = findTest(report, item.key);
    return QStringLiteral("Gap of test %1").arg(t >= 0 ? report.tests[t].name : item.key);
}

QString SharedTriageLink::displayValue(const SharedTriageItem &item, const QString &value)
{
    if (isGap(item) && item.field == deletedField())
        return value.isEmpty() ? QStringLiteral("kept") : QStringLiteral("deleted");
    if (isGap(item) && item.field == QLatin1String("suggested"))
        return value.isEmpty() ? QStringLiteral("accepted") : QStringLiteral("suggested");
    return value;
}

QVector<SharedEditLine> SharedTriageLink::readable(const QVector<SharedTriageEdit> &edits) const
{
    SharedEditNames names;
    names.gapTitle = [this](const QString &id) {
        if (!m_session)
            return id;
        if (const int i = m_session->gapIndex(id); i >= 0)
            return m_session->report().gaps[i].title;
        const auto known = m_known.constFind(keyOf({ QStringLiteral("gap"), id, QStringLiteral("title") }));
        if (known != m_known.constEnd() && !known->value.isEmpty())
            return known->value;
        const int imported = m_session->imported().gapIndex(id);
        return imported >= 0 ? m_session->imported().gaps[imported].title : id;
    };
    names.testName = [this](const QString &id) {
        const int t = m_session ? m_session->testIndex(id) : -1;
        return t >= 0 && t < m_session->report().tests.size() ? m_session->report().tests[t].name : id;
    };
    names.importedValue = [this](const SharedTriageItem &item) { return m_session ? current(item, true) : QString(); };
    names.importedGap = [this](const QString &id) { return m_session && m_session->imported().gapIndex(id) >= 0; };
    return sharedEditLines(edits, names);
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
    if (isGap(item) && m_session->gapIndex(item.key) < 0) {
        // A gap deleted here: named by the title the store or the report as imported gave it, not by its id.
        const auto title = m_known.constFind(keyOf({ item.kind, item.key, QStringLiteral("title") }));
        Report named;
        Gap gap;
        gap.id = item.key;
        const int imported = m_session->imported().gapIndex(item.key);
        gap.title = title != m_known.constEnd() ? title->value
            : imported >= 0                     ? m_session->imported().gaps[imported].title
                                                : item.key;
        named.gaps.append(gap);
        return describe(named, item);
    }
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
    m_session->setGapIdPrefix(gapIdPrefixFor(editor));
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
        if (!present || local == current(item, true)) {
            if (!applyRemote(item, value.value).isEmpty())
                addConflict(item, local, value); // deleted there, still holds your tests here
        } else {
            addConflict(item, local, value);
        }
    }
    for (const Gap &gap : now.gaps) {
        for (const QString &field : gapFields()) {
            const SharedTriageItem item { QStringLiteral("gap"), gap.id, field };
            const QString local = gapField(gap, field);
            if (!m_known.contains(keyOf(item)) && local != current(item, true))
                queue(item, local, 0);
        }
    }
    for (const Gap &gap : imported.gaps) {
        const SharedTriageItem item { QStringLiteral("gap"), gap.id, deletedField() };
        if (now.gapIndex(gap.id) < 0 && !m_known.contains(keyOf(item)))
            queue(item, QStringLiteral("yes"), 0); // deleted or merged before sharing started
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
    sendAll(); // the whole undo step in one transaction
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
}

void SharedTriageLink::sendAll()
{
    if (!m_online || !m_ready)
        return;
    QVector<SharedTriageOutgoing> batch;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (m_inFlight.contains(it.key()) || it->afterInFlight) {
            ++it;
            continue;
        }
        batch.append({ it->item, it->value, it->base });
        m_inFlight.insert(it.key(), *it);
        it = m_pending.erase(it);
    }
    if (batch.isEmpty())
        return;
    SharedTriageWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, batch] { worker->write(batch); }, Qt::QueuedConnection);
}

void SharedTriageLink::onWritten(const QVector<SharedTriageOutgoing> &writes, const QVector<SharedTriageWrite> &results)
{
    for (qsizetype i = 0; i < writes.size() && i < results.size(); ++i) {
        if (results[i].written)
            written(writes[i].item, writes[i].value, results[i].version);
        else
            conflicted(writes[i].item, writes[i].value, results[i].theirs);
    }
    sendAll(); // what waited for these answers
    Q_EMIT stateChanged();
}

void SharedTriageLink::onWriteFailed(const QVector<SharedTriageOutgoing> &writes)
{
    for (const SharedTriageOutgoing &w : writes)
        failed(w.item, w.value, w.baseVersion);
    m_online = false;
    Q_EMIT stateChanged();
}

void SharedTriageLink::written(const SharedTriageItem &item, const QString &value, int version)
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
    }
}

void SharedTriageLink::conflicted(const SharedTriageItem &item, const QString &mine, const SharedTriageValue &theirs)
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
}

void SharedTriageLink::failed(const SharedTriageItem &item, const QString &value, int baseVersion)
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
}

void SharedTriageLink::onEdits(const QVector<SharedTriageEdit> &edits)
{
    QVector<QPair<SharedTriageItem, QString>> theirs;
    QHash<QString, int> theirsAt; // key -> index in `theirs`: a field edited twice in one batch goes in once
    QHash<QString, SharedTriageValue> who; // key -> the latest edit's value, who and when
    bool conflictChanged = false;
    for (const SharedTriageEdit &e : edits) {
        m_edits.append(e);
        const QString key = keyOf(e.item);
        if (e.version <= m_known.value(key).version)
            continue; // yours, or already known
        m_known.insert(key, { e.newValue, e.version });
        who.insert(key, { e.newValue, e.version, e.editor, e.editedAt });
        const QString touched = isGap(e.item) ? (e.item.field != deletedField() ? e.item.key : QString())
                                              : e.newValue; // a test moved into it touches the gap too
        if (!touched.isEmpty() && m_session && m_session->gapIndex(touched) < 0) {
            // An edit of a gap you deleted: the deletion and their edit meet here, never silently.
            const SharedTriageItem deleted { QStringLiteral("gap"), touched, deletedField() };
            const QString deletedKey = keyOf(deleted);
            if (m_mine.contains(deletedKey) || m_pending.contains(deletedKey) || m_inFlight.contains(deletedKey)) {
                addConflict(deleted, QStringLiteral("yes"),
                    { QString(), m_known.value(deletedKey).version, e.editor, e.editedAt });
                continue;
            }
        }
        auto conflict = std::find_if(
            m_conflicts.begin(), m_conflicts.end(), [&key](const Conflict &c) { return keyOf(c.item) == key; });
        if (conflict != m_conflicts.end()) {
            conflict->theirs = { e.newValue, e.version, e.editor, e.editedAt };
            if (conflict->mine == e.newValue)
                m_conflicts.erase(conflict); // they came round to yours: nothing left to choose
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
    for (const SharedTriageItem &refused : applyRemote(theirs)) {
        // Deleted there, but your tests are still in it here (or your edits of it are not shared yet).
        addConflict(refused, QString(), who.value(keyOf(refused)));
    }
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
    QVector<QPair<SharedTriageItem, QString>> changes { { c.item, c.theirs.value } };
    if (c.item.field == deletedField() && c.theirs.value.isEmpty()) {
        // The gap comes back with the tests the store has in it.
        for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
            const QStringList parts = it.key().split(QChar(0x1f));
            if (parts.size() == 3 && parts[0] == QLatin1String("test") && it->value == c.item.key)
                changes.append({ { parts[0], parts[1], parts[2] }, it->value });
        }
    }
    QStringList left; // your tests in a gap they deleted: unassigned with it, and said so to the store
    if (c.item.field == deletedField() && !c.theirs.value.isEmpty() && m_session) {
        for (const TestCase &t : m_session->report().tests) {
            if (t.gapId == c.item.key)
                left.append(t.id);
        }
    }
    applyRemote(changes, true);
    const QString key = keyOf(c.item);
    if (c.item.field == deletedField() && m_known.value(key).value != c.theirs.value) {
        // Their edit of a gap you deleted: keeping it brings the gap back for everyone.
        queue(c.item, c.theirs.value, m_known.value(key).version);
    }
    for (const QString &test : std::as_const(left)) {
        const SharedTriageItem item { QStringLiteral("test"), test, QStringLiteral("gap") };
        queue(item, QString(), m_known.value(keyOf(item)).version);
    }
    sendAll();
    Q_EMIT conflictsChanged();
}

void SharedTriageLink::writeMineOver(int index)
{
    if (index < 0 || index >= m_conflicts.size())
        return;
    const Conflict c = m_conflicts.takeAt(index);
    queue(c.item, c.mine, c.theirs.version);
    sendAll();
    Q_EMIT conflictsChanged();
    Q_EMIT stateChanged();
}

QVector<SharedTriageItem> SharedTriageLink::applyRemote(const SharedTriageItem &item, const QString &value, bool force)
{
    return applyRemote(QVector<QPair<SharedTriageItem, QString>> { { item, value } }, force);
}

bool SharedTriageLink::hasUnshared(const QString &gapId) const
{
    for (const QString &field : gapFields()) {
        const QString key = keyOf({ QStringLiteral("gap"), gapId, field });
        if (m_pending.contains(key) || m_inFlight.contains(key))
            return true;
    }
    return false;
}

bool SharedTriageLink::editedByMe(const QString &gapId) const
{
    for (const QString &field : gapFields()) {
        if (field == deletedField())
            continue;
        const QString key = keyOf({ QStringLiteral("gap"), gapId, field });
        const auto mine = m_mine.constFind(key);
        if (mine != m_mine.constEnd() && *mine == m_known.value(key).version)
            return true; // your value of that field is the store's latest
    }
    return false;
}

QVector<SharedTriageItem> SharedTriageLink::applyRemote(
    const QVector<QPair<SharedTriageItem, QString>> &changes, bool force)
{
    if (!m_session || changes.isEmpty())
        return {};
    m_applying = true;
    const auto ensureGap = [this](const QString &id) {
        int i = m_session->gapIndex(id);
        if (i < 0 && !id.isEmpty()) {
            // Another engineer's new gap, or one brought back: its fields as the store has them.
            const int imported = m_session->imported().gapIndex(id);
            Gap gap = imported >= 0 ? m_session->imported().gaps[imported] : Gap();
            gap.id = id;
            if (imported < 0)
                gap.title = id;
            for (const QString &field : gapFields()) {
                const auto known = m_known.constFind(keyOf({ QStringLiteral("gap"), id, field }));
                if (field != deletedField() && known != m_known.constEnd())
                    setGapField(gap, field, known->value);
            }
            i = m_session->report().gaps.size();
            m_session->applyInsertGap(i, gap);
        }
        return i;
    };
    const auto deletedThere = [this](const QString &id) {
        return m_known.value(keyOf({ QStringLiteral("gap"), id, deletedField() })).value == QLatin1String("yes");
    };
    // Tests move in one call (one signal for the models), however many another engineer moved.
    QVector<int> tests;
    QStringList gapIds;
    QHash<int, int> listed; // test index -> its place in `tests`
    QVector<SharedTriageItem> removals; // after the moves: a deleted gap's tests moved out first
    QStringList accepted;
    for (const auto &[item, value] : changes) {
        if (isGap(item) && item.field == deletedField()) {
            if (value.isEmpty())
                ensureGap(item.key);
            else
                removals.append(item);
        } else if (isGap(item)) {
            if (m_session->gapIndex(item.key) < 0 && deletedThere(item.key))
                continue; // an edit of a gap deleted since: it stays deleted
            const int i = ensureGap(item.key);
            Gap gap = m_session->report().gaps[i];
            setGapField(gap, item.field, value);
            m_session->applyGap(i, gap);
            if (item.field == QLatin1String("suggested") && value.isEmpty())
                accepted.append(item.key); // its tests' placements become people's too, as on accepting
        } else if (const int t = m_session->testIndex(item.key); t >= 0) {
            if (m_session->gapIndex(value) < 0 && deletedThere(value))
                continue; // moved into a gap deleted since: the conflict is the deleter's
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
    for (int t = 0; t < m_session->report().tests.size() && !accepted.isEmpty(); ++t) {
        const TestCase &test = m_session->report().tests[t];
        if (test.gapSuggested && accepted.contains(test.gapId) && !listed.contains(t)) {
            listed.insert(t, int(tests.size()));
            tests.append(t);
            gapIds.append(test.gapId);
        }
    }
    if (!tests.isEmpty())
        m_session->applyTestGaps(tests, gapIds, QVector<bool>(tests.size(), false));
    QVector<SharedTriageItem> refused;
    for (const SharedTriageItem &item : std::as_const(removals)) {
        const int i = m_session->gapIndex(item.key);
        if (i < 0)
            continue;
        QVector<int> left; // tests still in it here
        for (int t = 0; t < m_session->report().tests.size(); ++t) {
            if (m_session->report().tests[t].gapId == item.key)
                left.append(t);
        }
        if (!force && (!left.isEmpty() || hasUnshared(item.key) || editedByMe(item.key))) {
            refused.append(item);
            continue;
        }
        if (!left.isEmpty())
            m_session->applyTestGaps(left, QStringList(left.size(), QString()), QVector<bool>(left.size(), false));
        m_session->applyRemoveGap(i);
    }
    m_applying = false;
    return refused;
}

} // namespace Gapwise
