// SPDX-License-Identifier: GPL-3.0-or-later
#include "reporttreenodes.h"

#include <QHash>

namespace Gapwise {

int StatusTally::total() const
{
    int sum = 0;
    for (int n : byStatus)
        sum += n;
    return sum;
}

TestStatus StatusTally::worst() const
{
    for (auto s :
        { TestStatus::Failed, TestStatus::Error, TestStatus::Unknown, TestStatus::Skipped, TestStatus::Passed }) {
        if (count(s) > 0)
            return s;
    }
    return TestStatus::Unknown;
}

namespace {

    // Maps ids to report indices; -1 (synthetic group) for empty or unknown ids.
    QHash<QString, int> indexById(const QVector<Phase> &phases)
    {
        QHash<QString, int> map;
        map.reserve(phases.size());
        for (int i = 0; i < phases.size(); ++i)
            map.insert(phases[i].id, i);
        return map;
    }

    QHash<QString, int> indexById(const QVector<Gap> &gaps)
    {
        QHash<QString, int> map;
        map.reserve(gaps.size());
        for (int i = 0; i < gaps.size(); ++i)
            map.insert(gaps[i].id, i);
        return map;
    }

    // Slot for a ref in a per-parent lookup table: refs 0..n-1, synthetic -1 goes to slot n.
    int slotOf(int ref, int count)
    {
        return ref < 0 ? count : ref;
    }

} // namespace

ReportTree buildReportTree(const Report &report, Grouping grouping)
{
    const bool byPhase = grouping == Grouping::ByPhase;
    const NodeKind topKind = byPhase ? NodeKind::Phase : NodeKind::Gap;
    const NodeKind midKind = byPhase ? NodeKind::Gap : NodeKind::Phase;
    const int phaseCount = report.phases.size();
    const int gapCount = report.gaps.size();
    const int topCount = byPhase ? phaseCount : gapCount;
    const int midCount = byPhase ? gapCount : phaseCount;
    const auto phaseIndex = indexById(report.phases);
    const auto gapIndex = indexById(report.gaps);

    // Resolve each test's (top, mid) refs once; ids that name no phase/gap fall into the synthetic group.
    std::vector<std::pair<int, int>> refs(size_t(report.tests.size()));
    std::vector<int> testsPerTop(size_t(topCount) + 1, 0);
    for (int i = 0; i < report.tests.size(); ++i) {
        const TestCase &t = report.tests[i];
        const int p = t.phaseId.isEmpty() ? -1 : phaseIndex.value(t.phaseId, -1);
        const int g = t.gapId.isEmpty() ? -1 : gapIndex.value(t.gapId, -1);
        refs[size_t(i)] = byPhase ? std::make_pair(p, g) : std::make_pair(g, p);
        ++testsPerTop[size_t(slotOf(refs[size_t(i)].first, topCount))];
    }

    // Top-level groups: every phase/gap of the report, then the synthetic one if any test lands there.
    std::vector<GroupNode *> topBySlot(size_t(topCount) + 1, nullptr);
    ReportTree tree;
    auto addTop = [&](int ref) {
        auto node = std::make_unique<GroupNode>();
        node->kind = topKind;
        node->ref = ref;
        node->row = int(tree.roots.size());
        topBySlot[size_t(slotOf(ref, topCount))] = node.get();
        tree.roots.push_back(std::move(node));
    };
    for (int i = 0; i < topCount; ++i)
        addTop(i);
    if (testsPerTop[size_t(topCount)] > 0)
        addTop(-1);

    // Second level: created in mid order (report order, synthetic last) so rows are stable and predictable.
    std::vector<std::vector<int>> midSeen(size_t(topCount) + 1);
    for (const auto &ref : refs) {
        auto &seen = midSeen[size_t(slotOf(ref.first, topCount))];
        if (seen.empty())
            seen.assign(size_t(midCount) + 1, 0);
        ++seen[size_t(slotOf(ref.second, midCount))];
    }
    std::vector<GroupNode *> midBySlot((size_t(topCount) + 1) * (size_t(midCount) + 1), nullptr);
    for (size_t topSlot = 0; topSlot < midSeen.size(); ++topSlot) {
        GroupNode *top = topBySlot[topSlot];
        if (!top || midSeen[topSlot].empty())
            continue;
        for (int midSlot = 0; midSlot <= midCount; ++midSlot) {
            const int n = midSeen[topSlot][size_t(midSlot)];
            if (n == 0)
                continue;
            auto node = std::make_unique<GroupNode>();
            node->kind = midKind;
            node->ref = midSlot == midCount ? -1 : midSlot;
            node->row = int(top->children.size());
            node->parent = top;
            node->tests.reserve(size_t(n));
            midBySlot[topSlot * (size_t(midCount) + 1) + size_t(midSlot)] = node.get();
            top->children.push_back(std::move(node));
        }
    }

    tree.testLocations.resize(refs.size());
    for (size_t i = 0; i < refs.size(); ++i) {
        const size_t topSlot = size_t(slotOf(refs[i].first, topCount));
        GroupNode *mid = midBySlot[topSlot * (size_t(midCount) + 1) + size_t(slotOf(refs[i].second, midCount))];
        const TestStatus status = report.tests[int(i)].status;
        tree.testLocations[i] = { mid, int(mid->tests.size()) };
        mid->tests.push_back(int(i));
        mid->tally.add(status);
        mid->parent->tally.add(status);
    }
    if (byPhase) {
        std::vector<char> hasTests(size_t(gapCount), 0);
        for (const auto &r : refs) {
            if (r.second >= 0)
                hasTests[size_t(r.second)] = 1;
        }
        std::unique_ptr<GroupNode> empty;
        for (int g = 0; g < gapCount; ++g) {
            if (hasTests[size_t(g)])
                continue;
            if (!empty) {
                empty = std::make_unique<GroupNode>();
                empty->kind = NodeKind::Phase;
                empty->ref = EmptyGapsRef;
                empty->row = int(tree.roots.size());
            }
            auto node = std::make_unique<GroupNode>();
            node->kind = NodeKind::Gap;
            node->ref = g;
            node->row = int(empty->children.size());
            node->parent = empty.get();
            empty->children.push_back(std::move(node));
        }
        if (empty)
            tree.roots.push_back(std::move(empty));
    }
    return tree;
}

} // namespace Gapwise
