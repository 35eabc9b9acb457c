// SPDX-License-Identifier: GPL-3.0-or-later
// SharedTriageLink: its thread and worker, the store's values on opening, and your edits written to the store
// (batched per undo step, kept while the server is away). Others' edits arriving: sharedtriageincoming.cpp;
// conflicts: sharedtriageconflicts.cpp.
#include "sharedtriagelink.h"

#include "sharedtriagefields.h"
#include "sharedtriageworker.h"
#include "triagesession.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QUndoStack>
#include <QUuid>

#include <utility>

namespace Gapwise {
using namespace SharedTriageFields;

namespace {

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

    // The store a recovery file's sharing state is of, without writing its location (a URL may hold a password).
    QString storeDigest(const QString &location)
    {
        return QString::fromLatin1(QCryptographicHash::hash(location.toUtf8(), QCryptographicHash::Sha256).toHex());
    }

    QJsonObject itemJson(const SharedTriageItem &item)
    {
        return { { QStringLiteral("kind"), item.kind }, { QStringLiteral("key"), item.key },
            { QStringLiteral("field"), item.field } };
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

QString SharedTriageLink::gapTitle(const QString &id) const
{
    if (!m_session)
        return id;
    if (const int i = m_session->gapIndex(id); i >= 0)
        return m_session->report().gaps[i].title;
    const auto known = m_known.constFind(keyOf({ QStringLiteral("gap"), id, QStringLiteral("title") }));
    if (known != m_known.constEnd() && !known->value.isEmpty())
        return known->value;
    const int imported = m_session->imported().gapIndex(id);
    return imported >= 0 ? m_session->imported().gaps[imported].title : id;
}

QString SharedTriageLink::shownValue(const SharedTriageItem &item, const QString &value) const
{
    if (isGap(item))
        return displayValue(item, value);
    return value.isEmpty() ? QStringLiteral("Unassigned") : gapTitle(value);
}

QVector<SharedEditLine> SharedTriageLink::readable(const QVector<SharedTriageEdit> &edits) const
{
    SharedEditNames names;
    names.gapTitle = [this](const QString &id) {
        // A gap the log never renamed: the store's title, else the report's; not an unshared rename of this window
        // (that is no title the gap had when these edits were made).
        const auto known = m_known.constFind(keyOf({ QStringLiteral("gap"), id, QStringLiteral("title") }));
        if (known != m_known.constEnd() && !known->value.isEmpty())
            return known->value;
        const int imported = m_session ? m_session->imported().gapIndex(id) : -1;
        return imported >= 0 ? m_session->imported().gaps[imported].title : gapTitle(id);
    };
    names.testName = [this](const QString &id) {
        const int t = m_session ? m_session->testIndex(id) : -1;
        return t >= 0 && t < m_session->report().tests.size() ? m_session->report().tests[t].name : id;
    };
    names.importedValue = [this](const SharedTriageItem &item) { return m_session ? current(item, true) : QString(); };
    names.importedGap = [this](const QString &id) { return m_session && m_session->imported().gapIndex(id) >= 0; };
    // Usually the newest of edits(): read with the ones before them, which tell the titles gaps had then.
    const qsizetype from = m_edits.size() - edits.size();
    if (!edits.isEmpty() && from >= 0 && m_edits[from].id == edits.first().id && m_edits.last().id == edits.last().id)
        return sharedEditLines(m_edits, names, from);
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
    if (isGap(item)) {
        // Named as everyone knows it: by the store's title (a rename of yours it does not have yet, or that lost a
        // conflict, is a name only you know), and by yours beside it when yours differs. A gap deleted here: by the
        // title the store or the report as imported gave it, not by its id.
        const auto known = m_known.constFind(keyOf({ item.kind, item.key, QStringLiteral("title") }));
        const int here = m_session->gapIndex(item.key);
        const int imported = m_session->imported().gapIndex(item.key);
        const QString mine = here >= 0 ? m_session->report().gaps[here].title : QString();
        Report named;
        Gap gap;
        gap.id = item.key;
        gap.title = known != m_known.constEnd() && !known->value.isEmpty() ? known->value
            : imported >= 0                                                ? m_session->imported().gaps[imported].title
            : here >= 0                                                    ? mine
                                                                           : item.key;
        named.gaps.append(gap);
        QString text = describe(named, item);
        // A conflict on the title shows both titles as its values already.
        if (here < 0 || mine == gap.title || item.field == QLatin1String("title"))
            return text;
        return QStringLiteral("%1 (yours: \u201c%2\u201d)").arg(text, mine);
    }
    if (m_session->testIndex(item.key) < 0)
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
    // recovery file) is written, or is a conflict when the store has another value. A recovery file written while
    // shared says which of its edits were not shared yet: only those are the engineer's to write or to be asked
    // about; the others are in the store already (or were given up), and a newer value there is a teammate's
    // edit on top of them, not a conflict.
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
        const QString key = keyOf(item);
        if (m_recovered && !editedBeforeOpen(key)) {
            const auto unshared = m_recoveredUnshared.constFind(key);
            if (unshared == m_recoveredUnshared.constEnd()) {
                if (!applyRemote(item, value.value).isEmpty())
                    addConflict(item, local, value); // deleted there, still holds your tests here
            } else if (*unshared >= 0 && present) {
                queue(item, local, *unshared); // the store says whether someone else wrote since
            } else {
                addConflict(item, local, value); // not answered before the crash: asked again
            }
            continue;
        }
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
    m_recovered = false; // from now on recoveryState() is this link's own
    m_recoveredUnshared.clear();
    m_editedBeforeOpen.clear();
    m_recoveredReport = Report();
    m_ready = true;
    announceRemote();
    sendAll();
    Q_EMIT ready();
    Q_EMIT stateChanged();
}

QJsonObject SharedTriageLink::recoveryState() const
{
    if (!m_ready && !m_recovered)
        return {};
    QHash<QString, QPair<SharedTriageItem, int>> unshared; // key -> the field, its base version (-1: a conflict)
    if (m_ready) {
        for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
            unshared.insert(it.key(), { it->item, it->base });
        for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it)
            unshared.insert(it.key(), { it->item, it->base }); // a later edit waits on it: based where it is
        for (const Conflict &c : m_conflicts)
            unshared.insert(keyOf(c.item), { c.item, -1 });
    } else {
        for (auto it = m_recoveredUnshared.cbegin(); it != m_recoveredUnshared.cend(); ++it)
            unshared.insert(it.key(), { itemOfKey(it.key()), *it });
        for (auto it = m_editedBeforeOpen.cbegin(); it != m_editedBeforeOpen.cend(); ++it) {
            if (editedBeforeOpen(it.key()))
                unshared.insert(it.key(), { it.value(), -1 }); // based on no version known: compared on opening
        }
    }
    QJsonArray fields;
    for (const QPair<SharedTriageItem, int> &entry : std::as_const(unshared)) {
        QJsonObject field = itemJson(entry.first);
        if (entry.second >= 0)
            field.insert(QStringLiteral("base"), entry.second);
        else
            field.insert(QStringLiteral("conflict"), true);
        fields.append(field);
    }
    return { { QStringLiteral("store"), storeDigest(m_location) },
        { QStringLiteral("runId"), QString::number(m_runId) }, { QStringLiteral("unshared"), fields } };
}

void SharedTriageLink::setRecoveredState(const QJsonObject &state)
{
    if (m_ready || state.value(QStringLiteral("store")).toString() != storeDigest(m_location)
        || state.value(QStringLiteral("runId")).toString() != QString::number(m_runId))
        return;
    m_recovered = true;
    m_recoveredUnshared.clear();
    for (const QJsonValue v : state.value(QStringLiteral("unshared")).toArray()) {
        const QJsonObject field = v.toObject();
        const SharedTriageItem item { field.value(QStringLiteral("kind")).toString(),
            field.value(QStringLiteral("key")).toString(), field.value(QStringLiteral("field")).toString() };
        const bool conflict = field.value(QStringLiteral("conflict")).toBool();
        m_recoveredUnshared.insert(keyOf(item), conflict ? -1 : qMax(0, field.value(QStringLiteral("base")).toInt()));
    }
    if (m_session)
        m_recoveredReport = m_session->report();
}

bool SharedTriageLink::editedBeforeOpen(const QString &key) const
{
    const auto touched = m_editedBeforeOpen.constFind(key);
    if (touched == m_editedBeforeOpen.constEnd() || !m_session)
        return false;
    bool now = false, then = false;
    const QString value = current(*touched, false, &now);
    const QString before = valueIn(m_recoveredReport, *touched, &then);
    return now != then || value != before;
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
    if (!m_ready) {
        m_editedBeforeOpen.insert(dirty); // onOpened compares the whole session with the store
        if (m_recovered && !dirty.isEmpty())
            Q_EMIT stateChanged(); // a recovery file written meanwhile counts these edits as yours too
        return;
    }
    bool conflictChanged = false;
    for (auto it = dirty.cbegin(); it != dirty.cend(); ++it) {
        const QString &key = it.key();
        bool present = false;
        const QString local = current(it.value(), false, &present);
        if (!present)
            continue;
        if (mineChangedInConflict(key, local)) {
            conflictChanged = true;
            continue;
        }
        if (local == baseline(key, it.value()) && !m_inFlight.contains(key)) {
            m_pending.remove(key); // back to what the store has (an undo before it was shared)
            continue;
        }
        const int base = fresh ? m_typing.value(key, m_known.value(key).version)
                               : (m_mine.contains(key) ? m_mine.value(key) : m_startVersion.value(key, 0));
        queue(it.value(), local, base);
    }
    sendAll(); // the whole undo step in one transaction
    if (conflictChanged)
        Q_EMIT conflictsChanged();
    Q_EMIT stateChanged();
}

void SharedTriageLink::beginTyping(const QString &gapId, const QString &field)
{
    const QString key = keyOf({ QStringLiteral("gap"), gapId, field });
    if (!m_typing.contains(key))
        m_typing.insert(key, m_known.value(key).version);
}

void SharedTriageLink::endTyping(const QString &gapId, const QString &field)
{
    m_typing.remove(keyOf({ QStringLiteral("gap"), gapId, field }));
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

} // namespace Gapwise
