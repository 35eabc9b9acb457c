// SPDX-License-Identifier: GPL-3.0-or-later
#include "triagecommands.h"

#include "grouplabels.h"
#include "testdisplayname.h"
#include "triagesession.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Gapwise {
namespace {

    QString tr(const char *text, int n = -1)
    {
        return QCoreApplication::translate("TriageCommand", text, nullptr, n);
    }

    const char *fieldName(EditGapCommand::Field field)
    {
        switch (field) {
        case EditGapCommand::Title:
            return "title";
        case EditGapCommand::PriorityField:
            return "priority";
        case EditGapCommand::Owner:
            return "owner";
        case EditGapCommand::Status:
            return "status";
        case EditGapCommand::Suggested:
            return "suggested";
        case EditGapCommand::Notes:
            break;
        }
        return "notes";
    }

    QString readField(const Gap &gap, EditGapCommand::Field field)
    {
        switch (field) {
        case EditGapCommand::Title:
            return gap.title;
        case EditGapCommand::PriorityField:
            return priorityName(gap.priority);
        case EditGapCommand::Owner:
            return gap.owner;
        case EditGapCommand::Status:
            return gapStatusName(gap.status);
        case EditGapCommand::Suggested:
            return gap.suggested ? QStringLiteral("true") : QStringLiteral("false");
        case EditGapCommand::Notes:
            break;
        }
        return gap.notes;
    }

    void writeField(Gap &gap, EditGapCommand::Field field, const QString &value)
    {
        switch (field) {
        case EditGapCommand::Title:
            gap.title = value;
            break;
        case EditGapCommand::PriorityField:
            gap.priority = priorityFromText(value);
            break;
        case EditGapCommand::Owner:
            gap.owner = value;
            break;
        case EditGapCommand::Status:
            gap.status = gapStatusFromName(value);
            break;
        case EditGapCommand::Notes:
            gap.notes = value;
            break;
        case EditGapCommand::Suggested:
            gap.suggested = value == QLatin1String("true");
            break;
        }
    }

    QJsonObject gapJson(const Gap &g)
    {
        QJsonObject o { { QStringLiteral("id"), g.id }, { QStringLiteral("title"), g.title },
            { QStringLiteral("priority"), priorityName(g.priority) },
            { QStringLiteral("status"), gapStatusName(g.status) }, { QStringLiteral("owner"), g.owner },
            { QStringLiteral("notes"), g.notes } };
        if (!g.evidence.isEmpty()) // a gap kept from an earlier run has the evidence it had there
            o.insert(QStringLiteral("evidence"), QJsonArray::fromStringList(g.evidence));
        return o;
    }

    Gap gapFromJson(const QJsonObject &o)
    {
        Gap g;
        g.id = o.value(QStringLiteral("id")).toString();
        g.title = o.value(QStringLiteral("title")).toString();
        g.priority = priorityFromText(o.value(QStringLiteral("priority")).toString());
        g.status = gapStatusFromName(o.value(QStringLiteral("status")).toString());
        g.owner = o.value(QStringLiteral("owner")).toString();
        g.notes = o.value(QStringLiteral("notes")).toString();
        const QJsonArray evidence = o.value(QStringLiteral("evidence")).toArray();
        for (const auto &line : evidence) // QJsonValueConstRef: no copy of each value
            g.evidence.append(line.toString());
        return g;
    }

    QStringList stringList(const QJsonValue &v)
    {
        QStringList list;
        const QJsonArray array = v.toArray();
        for (const auto &item : array) // QJsonValueConstRef: no copy of each value
            list.append(item.toString());
        return list;
    }

} // namespace

QString elidedText(const QString &text, int maxLength)
{
    return maxLength > 0 && text.size() > maxLength ? text.left(maxLength - 1).trimmed() + QStringLiteral("…") : text;
}

GapNamer gapNamer(const TriageSession &session, const QHash<QString, QString> &knownTitles, int maxLength)
{
    return [&session, knownTitles, maxLength](const QString &gapId) {
        if (gapId.isEmpty())
            return QStringLiteral("“%1”").arg(unassignedGroupTitle());
        const int index = session.gapIndex(gapId);
        const QString title = index >= 0 ? session.report().gaps[index].title : knownTitles.value(gapId);
        if (title.isEmpty())
            return gapId;
        // Another gap, here or where the edit was made, with the same title: the id tells them apart.
        int same = 0;
        for (const Gap &g : session.report().gaps)
            same += g.title == title ? 1 : 0;
        for (auto it = knownTitles.cbegin(); it != knownTitles.cend(); ++it)
            same += it.value() == title && session.gapIndex(it.key()) < 0 ? 1 : 0;
        const QString shown = elidedText(title, maxLength);
        return same > 1 ? QStringLiteral("“%1” (%2)").arg(shown, gapId) : QStringLiteral("“%1”").arg(shown);
    };
}

TestNamer testNamer(const TriageSession &session, const QHash<QString, QString> &knownNames)
{
    return [&session, knownNames](const QString &testId) {
        const int index = session.testIndex(testId);
        if (index >= 0)
            return distinctTestName(session.report().tests[index]);
        return knownNames.value(testId, testId);
    };
}

// ---- move ----------------------------------------------------------------------------------------------

MoveTestsCommand::MoveTestsCommand(
    TriageSession *session, const QStringList &testIds, const QString &toGapId, bool suggested)
    : TriageCommand(session)
    , m_testIds(testIds)
    , m_toGapId(toGapId)
    , m_suggested(suggested && !toGapId.isEmpty())
{
    setText(MoveTestsCommand::describe(gapNamer(*session, {}, CommandTextLength)));
}

QString MoveTestsCommand::describe(const GapNamer &gapName) const
{
    // A target this session lacks is named as it was where the move was made, never as Unassigned.
    const QString target = gapName(m_toGapId);
    if (m_suggested)
        return m_testIds.size() == 1 ? tr("Suggest 1 test into %1").arg(target)
                                     : tr("Suggest %n tests into %1", int(m_testIds.size())).arg(target);
    return m_testIds.size() == 1 ? tr("Move test to %1").arg(target)
                                 : tr("Move %n tests to %1", int(m_testIds.size())).arg(target);
}

void MoveTestsCommand::redo()
{
    QVector<int> tests;
    tests.reserve(m_testIds.size());
    m_fromGapIds.clear();
    m_fromSuggested.clear();
    for (const QString &id : std::as_const(m_testIds)) {
        const int i = m_session->testIndex(id);
        if (i < 0)
            continue;
        tests.append(i);
        m_fromGapIds.append(m_session->report().tests[i].gapId);
        m_fromSuggested.append(m_session->report().tests[i].gapSuggested);
    }
    QStringList to;
    for (int k = 0; k < tests.size(); ++k)
        to.append(m_toGapId);
    m_session->applyTestGaps(tests, to, QVector<bool>(tests.size(), m_suggested)); // moved by hand: confirmed
}

void MoveTestsCommand::undo()
{
    QVector<int> tests;
    for (const QString &id : std::as_const(m_testIds)) {
        const int i = m_session->testIndex(id);
        if (i >= 0)
            tests.append(i);
    }
    m_session->applyTestGaps(tests, m_fromGapIds, m_fromSuggested);
}

bool MoveTestsCommand::applies() const
{
    if (!m_toGapId.isEmpty() && m_session->gapIndex(m_toGapId) < 0)
        return false;
    return std::any_of(
        m_testIds.cbegin(), m_testIds.cend(), [this](const QString &id) { return m_session->testIndex(id) >= 0; });
}

QStringList MoveTestsCommand::missingIn(const GapNamer &gapName, const TestNamer &testName) const
{
    QStringList missing;
    if (!m_toGapId.isEmpty() && m_session->gapIndex(m_toGapId) < 0)
        missing.append(tr("gap %1 is gone").arg(gapName(m_toGapId)));
    for (const QString &id : m_testIds) {
        if (m_session->testIndex(id) < 0)
            missing.append(tr("test %1 is gone").arg(testName(id)));
    }
    return missing;
}

QJsonObject MoveTestsCommand::toJson() const
{
    QJsonObject o { { QStringLiteral("edit"), QStringLiteral("move") },
        { QStringLiteral("tests"), QJsonArray::fromStringList(m_testIds) }, { QStringLiteral("toGap"), m_toGapId } };
    if (m_suggested)
        o.insert(QStringLiteral("suggested"), true);
    return o;
}

// ---- create --------------------------------------------------------------------------------------------

CreateGapCommand::CreateGapCommand(TriageSession *session, const Gap &gap, bool kept)
    : TriageCommand(session)
    , m_gap(gap)
    , m_kept(kept)
{
    setText(CreateGapCommand::describe(gapNamer(*session, {}, CommandTextLength)));
}

QString CreateGapCommand::describe(const GapNamer &) const
{
    const QString title = elidedText(m_gap.title, CommandTextLength);
    return m_kept ? tr("Keep gap “%1” from the earlier run").arg(title) : tr("Create gap “%1”").arg(title);
}

void CreateGapCommand::redo()
{
    m_session->applyInsertGap(int(m_session->report().gaps.size()), m_gap);
}

void CreateGapCommand::undo()
{
    const int index = m_session->gapIndex(m_gap.id);
    if (index >= 0)
        m_session->applyRemoveGap(index);
}

QStringList CreateGapCommand::missingIn(const GapNamer &gapName, const TestNamer &) const
{
    if (!m_gap.id.isEmpty() && m_session->gapIndex(m_gap.id) < 0)
        return {};
    return { tr("gap %1 exists already").arg(m_gap.id.isEmpty() ? QString() : gapName(m_gap.id)) };
}

QJsonObject CreateGapCommand::toJson() const
{
    QJsonObject o = gapJson(m_gap);
    o.insert(QStringLiteral("edit"), QStringLiteral("create"));
    if (m_kept)
        o.insert(QStringLiteral("kept"), true);
    return o;
}

// ---- edit a field --------------------------------------------------------------------------------------

EditGapCommand::EditGapCommand(TriageSession *session, const QString &gapId, Field field, const QString &value)
    : TriageCommand(session)
    , m_gapId(gapId)
    , m_field(field)
    , m_value(value)
{
    const int index = session->gapIndex(gapId);
    if (index >= 0)
        m_oldValue = readField(session->report().gaps[index], field);
    setText(EditGapCommand::describe(gapNamer(*session, {}, CommandTextLength)));
}

// What changed, with the new value where it is short: "Rename gap “Old” to “New”", "Set priority of “X” to P1",
// "Clear owner of “X”", "Edit notes of “X”".
QString EditGapCommand::describe(const GapNamer &gapName) const
{
    const QString gap = gapName(m_gapId);
    const QString value = elidedText(m_value, CommandTextLength);
    switch (m_field) {
    case Title:
        // The old title is the one the gap had when the edit was made; a replayed edit whose gap is gone has none.
        return m_oldValue.isEmpty()
            ? tr("Rename gap to “%1”").arg(value)
            : tr("Rename gap “%1” to “%2”").arg(elidedText(m_oldValue, CommandTextLength), value);
    case PriorityField:
        return m_value.isEmpty() ? tr("Clear priority of %1").arg(gap) : tr("Set priority of %1 to %2").arg(gap, value);
    case Owner:
        return m_value.isEmpty() ? tr("Clear owner of %1").arg(gap) : tr("Set owner of %1 to “%2”").arg(gap, value);
    case Status:
        return tr("Set status of %1 to %2").arg(gap, value);
    case Notes:
        return m_value.isEmpty() ? tr("Clear notes of %1").arg(gap) : tr("Edit notes of %1").arg(gap);
    case Suggested:
        break;
    }
    return m_value == QLatin1String("true") ? tr("Mark %1 as suggested").arg(gap)
                                            : tr("Accept suggested gap %1").arg(gap);
}

void EditGapCommand::redo()
{
    const int index = m_session->gapIndex(m_gapId);
    if (index < 0)
        return;
    Gap gap = m_session->report().gaps[index];
    writeField(gap, m_field, m_value);
    m_session->applyGap(index, gap);
}

void EditGapCommand::undo()
{
    const int index = m_session->gapIndex(m_gapId);
    if (index < 0)
        return;
    Gap gap = m_session->report().gaps[index];
    writeField(gap, m_field, m_oldValue);
    m_session->applyGap(index, gap);
}

QStringList EditGapCommand::missingIn(const GapNamer &gapName, const TestNamer &) const
{
    if (m_session->gapIndex(m_gapId) >= 0)
        return {};
    return { tr("gap %1 is gone").arg(gapName(m_gapId)) };
}

bool EditGapCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const EditGapCommand *>(other);
    if (o->m_gapId != m_gapId || o->m_field != m_field || (m_field != Title && m_field != Notes))
        return false;
    m_value = o->m_value;
    setObsolete(m_value == m_oldValue); // typed back to what it was: the stack drops the step
    setText(describe(gapNamer(*m_session, {}, CommandTextLength))); // the text names the value it sets now
    return true;
}

QJsonObject EditGapCommand::toJson() const
{
    return QJsonObject { { QStringLiteral("edit"), QStringLiteral("set") }, { QStringLiteral("gap"), m_gapId },
        { QStringLiteral("field"), QLatin1String(fieldName(m_field)) }, { QStringLiteral("value"), m_value } };
}

// ---- merge and delete ----------------------------------------------------------------------------------

RemoveGapCommand::RemoveGapCommand(TriageSession *session, const QString &gapId, const QString &mergeIntoGapId)
    : TriageCommand(session)
    , m_gapId(gapId)
    , m_targetId(mergeIntoGapId)
{
    setText(RemoveGapCommand::describe(gapNamer(*session, {}, CommandTextLength)));
}

QString RemoveGapCommand::describe(const GapNamer &gapName) const
{
    return m_targetId.isEmpty() ? tr("Delete gap %1").arg(gapName(m_gapId))
                                : tr("Merge %1 into %2").arg(gapName(m_gapId), gapName(m_targetId));
}

void RemoveGapCommand::redo()
{
    m_removedIndex = m_session->gapIndex(m_gapId);
    if (m_removedIndex < 0)
        return;
    m_removed = m_session->report().gaps[m_removedIndex];
    m_tests.clear();
    m_suggested.clear();
    const QVector<TestCase> &all = m_session->report().tests;
    for (int i = 0; i < all.size(); ++i) {
        if (all[i].gapId == m_gapId) {
            m_tests.append(i);
            m_suggested.append(all[i].gapSuggested);
        }
    }
    const int target = m_session->gapIndex(m_targetId);
    if (!m_tests.isEmpty()) {
        QStringList to;
        for (int k = 0; k < m_tests.size(); ++k)
            to.append(target >= 0 ? m_targetId : QString());
        // Where the engineer put them: a merge is no suggestion, so its tests are no longer shown as Gapwise's.
        m_session->applyTestGaps(m_tests, to, QVector<bool>(m_tests.size(), false));
    }
    if (target >= 0) {
        Gap merged = m_session->report().gaps[target];
        m_evidenceBefore = merged.evidence;
        for (const QString &e : std::as_const(m_removed.evidence)) {
            if (!merged.evidence.contains(e))
                merged.evidence.append(e);
        }
        m_session->applyGap(target, merged);
    }
    m_session->applyRemoveGap(m_removedIndex);
}

void RemoveGapCommand::undo()
{
    if (m_removedIndex < 0)
        return;
    m_session->applyInsertGap(m_removedIndex, m_removed);
    const int target = m_session->gapIndex(m_targetId);
    if (target >= 0) {
        Gap merged = m_session->report().gaps[target];
        merged.evidence = m_evidenceBefore;
        m_session->applyGap(target, merged);
    }
    if (!m_tests.isEmpty()) {
        QStringList back;
        for (int k = 0; k < m_tests.size(); ++k)
            back.append(m_gapId);
        m_session->applyTestGaps(m_tests, back, m_suggested);
    }
}

QStringList RemoveGapCommand::missingIn(const GapNamer &gapName, const TestNamer &) const
{
    QStringList missing;
    if (m_session->gapIndex(m_gapId) < 0)
        missing.append(tr("gap %1 is gone").arg(gapName(m_gapId)));
    if (!m_targetId.isEmpty() && m_session->gapIndex(m_targetId) < 0)
        missing.append(tr("gap %1 is gone").arg(gapName(m_targetId)));
    return missing;
}

QJsonObject RemoveGapCommand::toJson() const
{
    QJsonObject o { { QStringLiteral("edit"),
                        m_targetId.isEmpty() ? QStringLiteral("delete") : QStringLiteral("merge") },
        { QStringLiteral("gap"), m_gapId } };
    if (!m_targetId.isEmpty())
        o.insert(QStringLiteral("into"), m_targetId);
    return o;
}

// ---- reading saved edits -------------------------------------------------------------------------------

QVector<const TriageCommand *> TriageCommand::editsOf(const QUndoCommand *step)
{
    if (const auto *edit = dynamic_cast<const TriageCommand *>(step))
        return { edit };
    QVector<const TriageCommand *> edits;
    for (int k = 0; k < step->childCount(); ++k) {
        if (const auto *child = dynamic_cast<const TriageCommand *>(step->child(k)))
            edits.append(child);
    }
    return edits;
}

TriageCommand *TriageCommand::fromJson(TriageSession *session, const QJsonObject &json, QString *error)
{
    const QString edit = json.value(QStringLiteral("edit")).toString();
    if (edit == QLatin1String("move"))
        return new MoveTestsCommand(session, stringList(json.value(QStringLiteral("tests"))),
            json.value(QStringLiteral("toGap")).toString(), json.value(QStringLiteral("suggested")).toBool());
    if (edit == QLatin1String("create")) {
        const Gap gap = gapFromJson(json);
        if (!gap.id.isEmpty())
            return new CreateGapCommand(session, gap, json.value(QStringLiteral("kept")).toBool());
    }
    if (edit == QLatin1String("set")) {
        static const QHash<QString, EditGapCommand::Field> fields = { { QStringLiteral("title"),
                                                                          EditGapCommand::Title },
            { QStringLiteral("priority"), EditGapCommand::PriorityField },
            { QStringLiteral("owner"), EditGapCommand::Owner }, { QStringLiteral("status"), EditGapCommand::Status },
            { QStringLiteral("notes"), EditGapCommand::Notes },
            { QStringLiteral("suggested"), EditGapCommand::Suggested } };
        const QString field = json.value(QStringLiteral("field")).toString();
        if (fields.contains(field))
            return new EditGapCommand(session, json.value(QStringLiteral("gap")).toString(), fields.value(field),
                json.value(QStringLiteral("value")).toString());
    }
    if (edit == QLatin1String("merge") || edit == QLatin1String("delete"))
        return new RemoveGapCommand(
            session, json.value(QStringLiteral("gap")).toString(), json.value(QStringLiteral("into")).toString());
    if (error)
        *error = QStringLiteral("unknown edit “%1”").arg(edit);
    return nullptr;
}

} // namespace Gapwise
