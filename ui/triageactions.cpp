// SPDX-License-Identifier: GPL-3.0-or-later
#include "triageactions.h"

#include "gappickerdialog.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "selectedrows.h"
#include "triagecommands.h"
#include "triagesession.h"

#include <QAction>
#include <QActionGroup>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QMap>
#include <QMenu>
#include <QSet>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>

using namespace Gapwise;

namespace {

// Asks for a gap's title. A title is often a whole error message, so the dialog is wide enough for 80
// characters or the current title (QInputDialog's own 200 px cut "Quality Router Fragmentation"), within three
// quarters of the window.
QString askGapTitle(QWidget *window, const QString &caption, const QString &label, const QString &current, bool *ok)
{
    QInputDialog dialog(window);
    dialog.setWindowTitle(caption);
    dialog.setLabelText(label);
    dialog.setTextValue(current);
    const QFontMetrics metrics = dialog.fontMetrics();
    const int wanted
        = qMax(metrics.averageCharWidth() * 80, metrics.horizontalAdvance(current) + metrics.averageCharWidth() * 8);
    dialog.resize(window ? qMin(wanted, window->width() * 3 / 4) : wanted, dialog.sizeHint().height());
    *ok = dialog.exec() == QDialog::Accepted;
    return dialog.textValue();
}

} // namespace

TriageActions::TriageActions(TriageSession *session, QTreeView *tree, ReportFilterProxy *proxy, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_tree(tree)
    , m_proxy(proxy)
    , m_window(window)
    , m_merge(new QMenu(tr("Merge &Into"), window))
    , m_deleteGap(new QAction(tr("&Delete Gap (tests to Unassigned)"), this))
    , m_editInGapPane(new QAction(tr("&Edit in Gap Pane"), this))
    , m_renameGap(new QAction(tr("Rename &Gap"), this))
    , m_priority(new QMenu(tr("Set &Priority"), window))
{
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = buildContextMenu(m_tree);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_tree->viewport()->mapToGlobal(pos));
    });
    // Shift+F10 is the other context-menu key (the Menu key reaches the tree as a context-menu event).
    auto *menuKey = new QAction(this);
    menuKey->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F10));
    menuKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(menuKey, &QAction::triggered, this, &TriageActions::showContextMenuAtCurrent);
    m_tree->addAction(menuKey);

    connect(m_merge, &QMenu::aboutToShow, this, &TriageActions::fillMergeMenu);
    connect(m_deleteGap, &QAction::triggered, this, [this] {
        bool isGap = false;
        const QString gapId = currentGapId(&isGap);
        if (isGap && !gapId.isEmpty())
            m_session->deleteGap(gapId);
    });
    m_editInGapPane->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_editInGapPane->setStatusTip(tr("Go to the Gap pane to edit the gap's title, priority, status, owner and notes"));
    connect(m_editInGapPane, &QAction::triggered, this, &TriageActions::gapPaneRequested);
    // F2 as the tree has it (its edit key): the title opens for editing in the row. In the menu, a keyboard user
    // finds it there; from another pane the key takes the keyboard to the row.
    m_renameGap->setShortcut(QKeySequence(Qt::Key_F2));
    m_renameGap->setStatusTip(tr("Edit the gap's title in its row of the tree"));
    connect(m_renameGap, &QAction::triggered, this, [this] {
        bool isGap = false;
        if (currentGapId(&isGap).isEmpty() || !isGap)
            return;
        m_tree->setFocus(Qt::ShortcutFocusReason);
        m_tree->edit(m_tree->currentIndex().siblingAtColumn(ReportTreeModel::NameColumn));
    });
    // None last here, as in the charts' legend; the Gap pane's box lists it first (Down from a new gap's None).
    auto *priorities = new QActionGroup(m_priority);
    for (Priority p : { Priority::P0, Priority::P1, Priority::P2, Priority::P3, Priority::None }) {
        QAction *choice = m_priority->addAction(
            p == Priority::None ? tr("&None") : priorityName(p).insert(1, u'&'), this, [this, p] {
                const QString gapId = currentGapId();
                if (!gapId.isEmpty())
                    m_session->setGapPriority(gapId, p); // nothing when it has that one
            });
        choice->setCheckable(true);
        choice->setData(int(p));
        priorities->addAction(choice);
    }
    connect(m_priority, &QMenu::aboutToShow, this, [this] {
        const int i = m_session->gapIndex(currentGapId());
        for (QAction *choice : m_priority->actions())
            choice->setChecked(i >= 0 && choice->data().toInt() == int(m_session->report().gaps[i].priority));
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &TriageActions::updateGapActions);
    connect(m_session, &TriageSession::changed, this, &TriageActions::updateGapActions);
    updateGapActions();
    // Moved tests stay selected; show them where they landed (often a collapsed gap), once the tree and its
    // proxy have followed the move. Undo shows where they went back to.
    connect(m_session, &TriageSession::testsReassigned, this,
        [this] { QMetaObject::invokeMethod(this, &TriageActions::revealSelection, Qt::QueuedConnection); });
    // An undo or a redo selects what it changed, once the tree has followed it.
    m_undoIndex = m_session->undoStack()->index();
    m_nextRedo = m_session->undoStack()->command(m_undoIndex);
    connect(m_session->undoStack(), &QUndoStack::indexChanged, this, &TriageActions::onUndoIndexChanged);
}

// A new edit is pushed on top (the command there is new) or merged into the top one (same index), as
// SharedTriageLink tells them; anything else is an undo or a redo.
void TriageActions::onUndoIndexChanged(int index)
{
    const QUndoStack *stack = m_session->undoStack();
    const QUndoCommand *step = nullptr;
    bool undone = false;
    if (index < m_undoIndex) {
        step = stack->command(index); // the last step undone: what the tree shows now
        undone = true;
    } else if (index > m_undoIndex && stack->command(m_undoIndex) == m_nextRedo) {
        step = stack->command(index - 1);
    }
    m_undoIndex = index;
    m_nextRedo = stack->command(index);
    const EditedItems edited = step ? editedBy(step, undone) : EditedItems {};
    QMetaObject::invokeMethod(
        this, [this, edited] { showEdited(edited); }, Qt::QueuedConnection);
}

// What an undone or redone step changed, to select: the gap it brought back, merged into or edited, else the
// tests it moved, else the gap it made. Nothing for a gap it took away (the current row is selected then).
TriageActions::EditedItems TriageActions::editedBy(const QUndoCommand *step, bool undone)
{
    EditedItems edited;
    QString created;
    for (const TriageCommand *command : TriageCommand::editsOf(step)) {
        if (const auto *remove = dynamic_cast<const RemoveGapCommand *>(command)) {
            if (undone || !remove->targetGapId().isEmpty())
                edited.gaps.append(undone ? remove->gapId() : remove->targetGapId());
        } else if (const auto *edit = dynamic_cast<const EditGapCommand *>(command)) {
            edited.gaps.append(edit->gapId());
            edited.fieldOnly = true;
        } else if (const auto *move = dynamic_cast<const MoveTestsCommand *>(command)) {
            edited.tests.append(move->testIds());
        } else if (const auto *create = dynamic_cast<const CreateGapCommand *>(command)) {
            if (!undone && created.isEmpty())
                created = create->gap().id;
        }
    }
    if (edited.gaps.isEmpty() && edited.tests.isEmpty() && !created.isEmpty())
        edited.gaps.append(created);
    return edited;
}

void TriageActions::showEdited(const EditedItems &edited)
{
    QItemSelectionModel *selection = m_tree->selectionModel();
    const QString gapId = edited.gaps.value(0);
    if (!edited.gaps.isEmpty() && m_session->gapIndex(gapId) >= 0) {
        // A field of the gap whose test is current: the Gap pane shows it already, the row stays.
        if (!edited.fieldOnly || currentGapId() != gapId || !selection->isSelected(m_tree->currentIndex()))
            selectGapRow(gapId);
    } else if (!edited.tests.isEmpty()) {
        selectTests(edited.tests);
    }
    // A deleted row leaves the current row on a neighbour, unselected: select it, so it is shown as current.
    const QModelIndex current = m_tree->currentIndex();
    if (current.isValid() && !selection->hasSelection())
        selection->select(current, QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

// Selects the tests' rows (those the filter shows), the first current, their groups open and in view.
void TriageActions::selectTests(const QStringList &testIds)
{
    const ReportTreeModel *model = m_proxy->reportModel();
    QMap<QModelIndex, QVector<int>> rowsByParent;
    QModelIndex first;
    for (const QString &id : testIds) {
        const int t = m_session->testIndex(id);
        const QModelIndex row = t < 0 ? QModelIndex() : m_proxy->mapFromTree(model->indexForTest(t));
        if (!row.isValid())
            continue; // filtered out
        if (!first.isValid())
            first = row;
        rowsByParent[row.parent()].append(row.row());
    }
    if (!first.isValid())
        return;
    // Runs of adjacent rows as one range each: a move of thousands of tests stays a short selection.
    QItemSelection rows;
    const int lastColumn = m_proxy->columnCount() - 1;
    for (auto it = rowsByParent.begin(); it != rowsByParent.end(); ++it) {
        QVector<int> &numbers = it.value();
        std::sort(numbers.begin(), numbers.end());
        for (int i = 0; i < numbers.size();) {
            int j = i;
            while (j + 1 < numbers.size() && numbers[j + 1] <= numbers[j] + 1)
                ++j;
            rows.append(QItemSelectionRange(
                m_proxy->index(numbers[i], 0, it.key()), m_proxy->index(numbers[j], lastColumn, it.key())));
            i = j + 1;
        }
    }
    QItemSelectionModel *selection = m_tree->selectionModel();
    selection->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    selection->select(rows, QItemSelectionModel::ClearAndSelect);
    revealSelection();
}

void TriageActions::revealSelection()
{
    const QModelIndexList rows = selectedRowsOf(m_tree->selectionModel());
    QSet<QPersistentModelIndex> parents;
    for (const QModelIndex &row : rows) {
        for (QModelIndex p = row.parent(); p.isValid() && !parents.contains(p); p = p.parent())
            parents.insert(p);
    }
    for (const QPersistentModelIndex &p : std::as_const(parents))
        m_tree->expand(p);
    const QModelIndex current = m_tree->selectionModel()->currentIndex();
    if (current.isValid() && m_tree->selectionModel()->isSelected(current))
        m_tree->scrollTo(current);
    else if (!rows.isEmpty())
        m_tree->scrollTo(rows.first());
}

void TriageActions::fillEditMenu(QMenu *edit)
{
    QAction *undo = m_undo = m_session->undoStack()->createUndoAction(edit, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_redo = m_session->undoStack()->createRedoAction(edit, tr("&Redo"));
    // Ctrl+Shift+Z and Ctrl+Y everywhere, each once: where the platform's Redo already is Ctrl+Shift+Z
    // (X11), naming it twice made an ambiguous shortcut that never fired.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &key :
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) }) {
        if (!redoKeys.contains(key))
            redoKeys << key;
    }
    redo->setShortcuts(redoKeys);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *pick = edit->addAction(tr("&Move to Gap…"), this, &TriageActions::pickGapForSelection);
    pick->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    edit->addAction(tr("Move to &New Gap…"), this, [this] { moveSelectionToNewGap(); });
    edit->addAction(tr("&Create Gap…"), this, [this] {
        bool ok = false;
        const QString title = askGapTitle(m_window, tr("New Gap"), tr("Title:"), QString(), &ok);
        if (ok)
            createGap(title);
    });
    QAction *accept
        = edit->addAction(tr("&Accept Suggested Gap"), this, [this] { m_session->acceptSuggestedGap(currentGapId()); });
    auto update = [this, accept] { accept->setEnabled(currentGapIsSuggested()); };
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, accept, update);
    connect(m_session, &TriageSession::changed, accept, update);
    update();
    edit->addAction(m_editInGapPane);
    edit->addAction(m_renameGap);
    edit->addMenu(m_priority);
    edit->addSeparator();
    edit->addMenu(m_merge);
    edit->addAction(m_deleteGap);
}

void TriageActions::updateGapActions()
{
    bool isGap = false;
    const QString gapId = currentGapId(&isGap);
    const bool onGap = isGap && !gapId.isEmpty();
    m_deleteGap->setEnabled(onGap);
    m_editInGapPane->setEnabled(!gapId.isEmpty()); // a test's row shows its gap in the pane too
    m_renameGap->setEnabled(onGap); // the title is edited in the gap's own row
    m_priority->setEnabled(!gapId.isEmpty()); // a test's row shows its gap's priority too
    m_merge->setEnabled(onGap && m_session->report().gaps.size() > 1); // somewhere to merge into
}

void TriageActions::fillMergeMenu()
{
    m_merge->clear();
    bool isGap = false;
    const QString gapId = currentGapId(&isGap);
    if (!isGap || gapId.isEmpty())
        return;
    for (const Gap &gap : m_session->report().gaps) {
        if (gap.id == gapId)
            continue;
        const QString target = gap.id;
        m_merge->addAction(gap.title, this, [this, gapId, target] { mergeGapInto(gapId, target); });
    }
}

void TriageActions::mergeGapInto(const QString &gapId, const QString &targetGapId)
{
    m_session->mergeGaps(gapId, targetGapId);
    selectGapRow(targetGapId);
}

void TriageActions::showContextMenuAtCurrent()
{
    const QRect row = m_tree->visualRect(m_tree->currentIndex());
    const QPoint at = row.isValid() && m_tree->viewport()->rect().intersects(row)
        ? QPoint(row.left() + m_tree->fontMetrics().averageCharWidth() * 4, row.bottom())
        : m_tree->viewport()->rect().center();
    Q_EMIT m_tree->customContextMenuRequested(at);
}

bool TriageActions::currentGapIsSuggested() const
{
    const int i = m_session->gapIndex(currentGapId());
    return i >= 0 && m_session->report().gaps[i].suggested;
}

QStringList TriageActions::selectedTestIds() const
{
    QStringList ids;
    const ReportTreeModel *model = m_proxy->reportModel();
    const QModelIndexList rows = selectedRowsOf(m_tree->selectionModel());
    for (const QModelIndex &row : rows) {
        const int test = model->testIndexAt(m_proxy->mapToTree(row));
        if (test >= 0)
            ids << model->report().tests[test].id;
    }
    if (ids.isEmpty()) { // a context menu on an unselected test row acts on that row
        const int test = model->testIndexAt(m_proxy->mapToTree(m_tree->currentIndex()));
        if (test >= 0)
            ids << model->report().tests[test].id;
    }
    return ids;
}

QString TriageActions::currentGapId(bool *isGap) const
{
    const QModelIndex source = m_proxy->mapToTree(m_tree->currentIndex().siblingAtColumn(0));
    const bool gapRow = m_proxy->reportModel()->kindOf(source) == NodeKind::Gap;
    if (isGap)
        *isGap = gapRow && source.isValid();
    return source.data(GapIdRole).toString();
}

void TriageActions::moveSelectionTo(const QString &gapId)
{
    m_session->moveTests(selectedTestIds(), gapId);
}

QString TriageActions::createGap(const QString &title)
{
    QString id = m_session->createGap(title); // not const: returned, so moved
    if (!id.isEmpty())
        selectGapRow(id);
    return id;
}

void TriageActions::selectGapRow(const QString &gapId)
{
    const QModelIndexList rows = m_proxy->reportModel()->groupIndexes(NodeKind::Gap, gapId);
    if (rows.isEmpty())
        return;
    const QModelIndex row = m_proxy->mapFromTree(rows.first());
    if (!row.isValid())
        return; // filtered out
    if (row.parent().isValid())
        m_tree->expand(row.parent());
    m_tree->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_tree->scrollTo(row);
}

void TriageActions::moveSelectionToNewGap(const QString &title)
{
    const QStringList ids = selectedTestIds();
    if (ids.isEmpty())
        return;
    QString name = title;
    if (name.isEmpty()) {
        bool ok = false;
        name = askGapTitle(m_window, tr("Move to New Gap"),
            ids.size() == 1 ? tr("Title of the new gap for 1 test:")
                            : tr("Title of the new gap for %n tests:", nullptr, int(ids.size())),
            QString(), &ok);
        if (!ok)
            return;
    }
    m_session->moveTestsToNewGap(ids, name);
}

void TriageActions::pickGapForSelection()
{
    const QStringList ids = selectedTestIds();
    if (ids.isEmpty())
        return;
    auto *picker = new GapPickerDialog(m_session->report(), m_window);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    if (const QSet<QString> from = gapsOf(ids); from.size() == 1)
        picker->setOwnGap(*from.cbegin()); // as the context menu's Move to Gap: their own gap is no choice
    picker->setHeading(
        ids.size() == 1 ? tr("Move 1 test to gap") : tr("Move %n tests to gap", nullptr, int(ids.size())));
    connect(picker, &GapPickerDialog::gapChosen, this,
        [this, ids](const QString &gapId) { m_session->moveTests(ids, gapId); });
    picker->open();
}

QMenu *TriageActions::buildContextMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    if (!selectedTestIds().isEmpty()) {
        fillMoveMenu(menu->addMenu(tr("Move to Gap")));
        menu->addAction(tr("Move to New Gap…"), this, [this] { moveSelectionToNewGap(); });
    }
    bool isGap = false;
    const QString gapId = currentGapId(&isGap);
    if (isGap && !gapId.isEmpty()) {
        menu->addSeparator();
        fillGapMenu(menu, gapId);
    }
    return menu;
}

QSet<QString> TriageActions::gapsOf(const QStringList &testIds) const
{
    QSet<QString> gaps;
    for (const QString &id : testIds) {
        if (const int t = m_session->testIndex(id); t >= 0)
            gaps.insert(m_session->report().tests[t].gapId);
    }
    return gaps;
}

void TriageActions::fillMoveMenu(QMenu *menu)
{
    // The gap every selected test is in already stays listed, in its place, but cannot be chosen.
    const Report &report = m_session->report();
    const QSet<QString> current = gapsOf(selectedTestIds());
    const auto add = [&](const QString &title, const QString &id) {
        QAction *action = menu->addAction(title, this, [this, id] { moveSelectionTo(id); });
        action->setEnabled(current.size() != 1 || !current.contains(id));
    };
    for (const Gap &gap : report.gaps)
        add(gap.title, gap.id);
    menu->addSeparator();
    add(ReportTreeModel::unassignedTitle(), QString());
    menu->addAction(tr("New Gap…"), this, [this] { moveSelectionToNewGap(); });
}

void TriageActions::fillGapMenu(QMenu *menu, const QString &gapId)
{
    TriageSession *session = m_session;
    if (const int i = session->gapIndex(gapId); i >= 0 && session->report().gaps[i].suggested) {
        menu->addAction(tr("Accept Suggested Gap"), this, [session, gapId] { session->acceptSuggestedGap(gapId); });
        menu->addSeparator();
    }
    menu->addAction(tr("Rename…"), this, [this, gapId] {
        const int i = m_session->gapIndex(gapId);
        bool ok = false;
        const QString title = askGapTitle(
            m_window, tr("Rename Gap"), tr("Title:"), i >= 0 ? m_session->report().gaps[i].title : QString(), &ok);
        if (ok)
            m_session->renameGap(gapId, title);
    });
    menu->addMenu(m_priority); // the Edit menu's: it acts on the current row's gap, this one
    QMenu *status = menu->addMenu(tr("Status"));
    for (GapStatus s : { GapStatus::Open, GapStatus::InProgress, GapStatus::Resolved, GapStatus::WontFix })
        status->addAction(gapStatusName(s), this, [session, gapId, s] { session->setGapStatus(gapId, s); });
    menu->addAction(m_editInGapPane);
    // The Edit menu's own Merge Into and Delete Gap: they act on the current row's gap, this one.
    fillMergeMenu();
    menu->addMenu(m_merge);
    menu->addAction(m_deleteGap);
}
