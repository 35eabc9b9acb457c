// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QHash>
#include <QJsonObject>
#include <QUndoCommand>

#include <functional>

namespace Gapwise {

class TriageSession;

// How a command's text names a gap, quoted: “DB outage”, “Unassigned” for the empty id; the bare id when
// no title is known.
using GapNamer = std::function<QString(const QString &gapId)>;

// How a command's text names a test: its name (distinctTestName), the bare id when no name is known.
using TestNamer = std::function<QString(const QString &testId)>;

// Names tests by their name in `session`, else by `knownNames` (test id → name: the run whose saved edits are
// replayed, where a test this session lacks had a name), else by id.
TestNamer testNamer(const TriageSession &session, const QHash<QString, QString> &knownNames = {});

// How long a gap title may be in a list of edits that did not apply.
constexpr int ListedTitleLength = 60;
// How long a title or an owner may be in an edit's own text (the Edit menu's Undo and Redo, the list of edits).
constexpr int CommandTextLength = 40;

// `text` cut to `maxLength` characters (when > 0), the last one "…": "Checkout fails when the cart holds a gi…".
QString elidedText(const QString &text, int maxLength);

// Names gaps by their title in `session`, else by `knownTitles` (gap id → title: the run whose saved edits
// are replayed, where a gap this session lacks had a title), else by id. A title two known gaps share is
// followed by the id: “Flaky” (sig-1a2b). Titles longer than `maxLength` characters (when > 0) end in "…":
// a list of edits that did not apply names a gap twice a line.
GapNamer gapNamer(const TriageSession &session, const QHash<QString, QString> &knownTitles = {}, int maxLength = 0);

// One kind of triage edit per class, as in Qt's undo framework example. A command stores stable test and
// gap ids, never indices, so it can be saved and replayed on another run of the report.
class TriageCommand : public QUndoCommand
{
public:
    explicit TriageCommand(TriageSession *session)
        : m_session(session)
    {
    }
    // Whether the command can be pushed on this session: by default, when every id it names exists. A command
    // from a saved session that no longer applies is listed instead of pushed.
    virtual bool applies() const { return missingIds().isEmpty(); }
    // What the command names that the session does not have ("test X is gone"), for the list of edits
    // that could not be carried over.
    QStringList missingIds() const { return missingIn(gapNamer(*m_session), testNamer(*m_session)); }
    // The same, and the command's text, with gaps named by `gapName` and tests by `testName`: an edit replayed
    // onto another run names a gap or a test that run lacks as it was where the edit was made.
    virtual QStringList missingIn(const GapNamer &gapName, const TestNamer &testName) const = 0;
    virtual QString describe(const GapNamer &gapName) const = 0;
    virtual QJsonObject toJson() const = 0;
    // Reads a saved edit; nullptr when the object is not a known edit.
    static TriageCommand *fromJson(TriageSession *session, const QJsonObject &json, QString *error);
    // The edits one step of the undo stack holds: the step itself, or the children of a macro (an edit of a
    // suggestion with its acceptance, a merge).
    static QVector<const TriageCommand *> editsOf(const QUndoCommand *step);

protected:
    TriageSession *m_session;
};

class MoveTestsCommand : public TriageCommand
{
public:
    // `suggested`: a proposal (new failures matched to a gap when runs are compared), not a confirmed move.
    MoveTestsCommand(
        TriageSession *session, const QStringList &testIds, const QString &toGapId, bool suggested = false);
    void redo() override;
    void undo() override;
    // A move applies while its target exists and some of its tests do: the tests that are gone are listed,
    // the others still move.
    bool applies() const override;
    QStringList missingIn(const GapNamer &gapName, const TestNamer &testName) const override;
    QString describe(const GapNamer &gapName) const override;
    QJsonObject toJson() const override;
    const QStringList &testIds() const { return m_testIds; }

private:
    QStringList m_testIds;
    QString m_toGapId;
    bool m_suggested = false;
    QStringList m_fromGapIds;
    QVector<bool> m_fromSuggested;
};

class CreateGapCommand : public TriageCommand
{
public:
    // `kept`: a gap of the earlier run that comparing runs keeps for its tests still failing (triagecarryover.h),
    // not one a person made in this run: saved as "kept": true, and "what the triage changed" says so.
    CreateGapCommand(TriageSession *session, const Gap &gap, bool kept = false);
    void redo() override;
    void undo() override;
    QStringList missingIn(const GapNamer &gapName, const TestNamer &testName) const override;
    QString describe(const GapNamer &gapName) const override;
    QJsonObject toJson() const override;
    const Gap &gap() const { return m_gap; }

private:
    Gap m_gap;
    bool m_kept = false;
};

// Rename, priority, owner, status, notes: one command that replaces a gap's editable fields. Suggested
// ("false") is how the engineer accepts a gap Gapwise proposed.
class EditGapCommand : public TriageCommand
{
public:
    enum Field
    {
        Title,
        PriorityField,
        Owner,
        Status,
        Notes,
        Suggested
    };
    EditGapCommand(TriageSession *session, const QString &gapId, Field field, const QString &value);
    void redo() override;
    void undo() override;
    QStringList missingIn(const GapNamer &gapName, const TestNamer &testName) const override;
    QString describe(const GapNamer &gapName) const override;
    QJsonObject toJson() const override;
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand *other) override; // typing a title in steps is one edit
    const QString &gapId() const { return m_gapId; }

private:
    QString m_gapId;
    Field m_field;
    QString m_value;
    QString m_oldValue;
};

// Tests and evidence of the source move to the target, then the source goes. Deleting a gap is the
// same with no target: its tests go to Unassigned.
class RemoveGapCommand : public TriageCommand
{
public:
    RemoveGapCommand(TriageSession *session, const QString &gapId, const QString &mergeIntoGapId);
    void redo() override;
    void undo() override;
    QStringList missingIn(const GapNamer &gapName, const TestNamer &testName) const override;
    QString describe(const GapNamer &gapName) const override;
    QJsonObject toJson() const override;
    const QString &gapId() const { return m_gapId; }
    const QString &targetGapId() const { return m_targetId; } // "" when the gap is deleted

private:
    QString m_gapId;
    QString m_targetId;
    Gap m_removed;
    int m_removedIndex = -1;
    QStringList m_evidenceBefore;
    QVector<int> m_tests;
    QVector<bool> m_suggested;
};

} // namespace Gapwise
