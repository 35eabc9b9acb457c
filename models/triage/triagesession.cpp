// SPDX-License-Identifier: GPL-3.0-or-later
#include "triagesession.h"

#include "triagecommands.h"

namespace Gapwise {

TriageSession::TriageSession(QObject *parent)
    : QObject(parent)
{
    connect(&m_undo, &QUndoStack::indexChanged, this, &TriageSession::changed);
}

TriageSession::~TriageSession()
{
    m_undo.clear(); // commands refer to the session: delete them while it is whole
}

PreparedReport prepareForTriage(const Report &imported)
{
    PreparedReport prepared;
    prepared.imported = imported;
    prepared.working = imported;
    // The working copy shares its tests with the imported one until the first move writes their gaps.
    // Copying them now keeps that copy (100,000 tests: over 100 ms) out of the user's first drag.
    prepared.working.tests.detach();
    prepared.testIndex.reserve(prepared.working.tests.size());
    for (int i = 0; i < prepared.working.tests.size(); ++i)
        prepared.testIndex.insert(prepared.working.tests[i].id, i);
    return prepared;
}

void TriageSession::load(const Report &imported)
{
    load(prepareForTriage(imported));
}

void TriageSession::load(PreparedReport prepared)
{
    m_undo.clear();
    m_imported = std::move(prepared.imported);
    m_report = std::move(prepared.working);
    m_testIndex = std::move(prepared.testIndex);
    m_nextGapNumber = 1;
    m_gapIdPrefix.clear();
    Q_EMIT modelReset();
    Q_EMIT changed();
}

int TriageSession::testIndex(const QString &testId) const
{
    return m_testIndex.value(testId, -1);
}

QString TriageSession::newGapId()
{
    QString id;
    do {
        id = QStringLiteral("%1-%2")
                 .arg(m_gapIdPrefix.isEmpty() ? QStringLiteral("user") : m_gapIdPrefix)
                 .arg(m_nextGapNumber++);
    } while (m_report.gapIndex(id) >= 0);
    return id;
}

void TriageSession::push(TriageCommand *command)
{
    m_undo.push(command);
}

void TriageSession::moveTests(const QStringList &testIds, const QString &toGapId)
{
    if (!toGapId.isEmpty() && gapIndex(toGapId) < 0)
        return;
    QStringList moving;
    for (const QString &id : testIds) {
        const int i = testIndex(id);
        if (i >= 0 && (m_report.tests[i].gapId != toGapId || m_report.tests[i].gapSuggested))
            moving.append(id);
    }
    if (!moving.isEmpty())
        push(new MoveTestsCommand(this, moving, toGapId));
}

namespace {

    QString newGapTitle(const QString &typed)
    {
        return typed.trimmed().isEmpty() ? TriageSession::tr("New gap") : typed.trimmed();
    }

} // namespace

QString TriageSession::createGap(const QString &title, Priority priority)
{
    Gap gap;
    gap.id = newGapId();
    gap.title = newGapTitle(title);
    gap.priority = priority;
    push(new CreateGapCommand(this, gap));
    return gap.id;
}

QString TriageSession::moveTestsToNewGap(const QStringList &testIds, const QString &title)
{
    const QString shown = elidedText(newGapTitle(title), CommandTextLength);
    m_undo.beginMacro(testIds.size() == 1
            ? tr("Move 1 test to new gap “%1”").arg(shown)
            : tr("Move %n tests to new gap “%1”", nullptr, int(testIds.size())).arg(shown));
    QString id = createGap(title); // not const: returned, so moved
    moveTests(testIds, id);
    m_undo.endMacro();
    return id;
}

void TriageSession::renameGap(const QString &gapId, const QString &title)
{
    const int i = gapIndex(gapId);
    if (i >= 0 && !title.trimmed().isEmpty() && m_report.gaps[i].title != title.trimmed())
        pushGapEdit(gapId, EditGapCommand::Title, title.trimmed());
}

void TriageSession::setGapPriority(const QString &gapId, Priority priority)
{
    const int i = gapIndex(gapId);
    if (i >= 0 && m_report.gaps[i].priority != priority)
        pushGapEdit(gapId, EditGapCommand::PriorityField, priorityName(priority));
}

void TriageSession::setGapOwner(const QString &gapId, const QString &owner)
{
    const int i = gapIndex(gapId);
    if (i >= 0 && m_report.gaps[i].owner != owner.trimmed())
        pushGapEdit(gapId, EditGapCommand::Owner, owner.trimmed());
}

void TriageSession::setGapStatus(const QString &gapId, GapStatus status)
{
    const int i = gapIndex(gapId);
    if (i >= 0 && m_report.gaps[i].status != status)
        pushGapEdit(gapId, EditGapCommand::Status, gapStatusName(status));
}

void TriageSession::setGapNotes(const QString &gapId, const QString &notes)
{
    const int i = gapIndex(gapId);
    if (i >= 0 && m_report.gaps[i].notes != notes)
        pushGapEdit(gapId, EditGapCommand::Notes, notes);
}

void TriageSession::mergeGaps(const QString &sourceGapId, const QString &targetGapId)
{
    const int target = gapIndex(targetGapId);
    if (sourceGapId != targetGapId && gapIndex(sourceGapId) >= 0 && target >= 0)
        pushEditOf(target, new RemoveGapCommand(this, sourceGapId, targetGapId));
}

void TriageSession::deleteGap(const QString &gapId)
{
    if (gapIndex(gapId) >= 0)
        push(new RemoveGapCommand(this, gapId, QString()));
}

void TriageSession::acceptSuggestedGap(const QString &gapId)
{
    const int i = gapIndex(gapId);
    if (i < 0 || !m_report.gaps[i].suggested)
        return;
    m_undo.beginMacro(tr("Accept suggested gap %1").arg(gapNamer(*this, {}, CommandTextLength)(gapId)));
    pushAcceptance(i);
    m_undo.endMacro();
}

// The gap's flag, then its tests' placements (moving a test into the gap it is in confirms it).
void TriageSession::pushAcceptance(int gapIndex)
{
    const QString gapId = m_report.gaps[gapIndex].id;
    push(new EditGapCommand(this, gapId, EditGapCommand::Suggested, QStringLiteral("false")));
    QStringList placed;
    for (const TestCase &t : std::as_const(m_report.tests)) {
        if (t.gapId == gapId && t.gapSuggested)
            placed.append(t.id);
    }
    if (!placed.isEmpty())
        push(new MoveTestsCommand(this, placed, gapId));
}

void TriageSession::pushGapEdit(const QString &gapId, EditGapCommand::Field field, const QString &value)
{
    pushEditOf(gapIndex(gapId), new EditGapCommand(this, gapId, field, value));
}

void TriageSession::pushEditOf(int gapIndex, TriageCommand *edit)
{
    if (gapIndex < 0 || !m_report.gaps[gapIndex].suggested) {
        push(edit);
        return;
    }
    // Changing a suggestion (or merging another gap into it) makes it the engineer's gap: accepted in the same
    // undo step.
    m_undo.beginMacro(edit->text());
    pushAcceptance(gapIndex);
    push(edit);
    m_undo.endMacro();
}

QVector<const TriageCommand *> TriageSession::appliedEdits() const
{
    QVector<const TriageCommand *> edits;
    for (int i = 0; i < m_undo.index(); ++i)
        edits.append(TriageCommand::editsOf(m_undo.command(i)));
    return edits;
}

void TriageSession::applyTestGaps(const QVector<int> &tests, const QStringList &gapIds, const QVector<bool> &suggested)
{
    for (int k = 0; k < tests.size(); ++k) {
        TestCase &t = m_report.tests[tests[k]];
        t.gapId = gapIds[k];
        t.gapSuggested = suggested[k];
    }
    Q_EMIT testsReassigned(tests);
}

void TriageSession::applyInsertGap(int index, const Gap &gap)
{
    m_report.gaps.insert(index, gap);
    Q_EMIT gapInserted(index);
}

void TriageSession::applyRemoveGap(int index)
{
    const QString id = m_report.gaps[index].id;
    m_report.gaps.remove(index);
    Q_EMIT gapRemoved(index, id);
}

void TriageSession::applyGap(int index, const Gap &gap)
{
    m_report.gaps[index] = gap;
    Q_EMIT gapChanged(index);
}

} // namespace Gapwise
