#include "gapsuggester.h"
#include "failuresignature.h"
#include "messagetemplate.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSet>

namespace Gapwise {
namespace {

constexpr int MaxLeadersCompared = 200; // per bucket: keeps a pathological report near-linear

struct Group
{
    FailureSignature signature;
    QStringList tokens;
    QVector<int> tests;
    int mergedInto = -1;
};

QString gapIdFor(const QString &key, const QSet<QString> &taken)
{
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(10);
    QString id = QLatin1String("sig-") + QString::fromLatin1(hash);
    const QString base = id;
    for (int n = 2; taken.contains(id); ++n)
        id = base + QLatin1Char('-') + QString::number(n);
    return id;
}

} // namespace

int suggestGaps(Report &report, const SuggestOptions &options)
{
    QVector<Group> groups;
    QHash<QString, int> byKey;
    for (int i = 0; i < report.tests.size(); ++i) {
        const TestCase &t = report.tests[i];
        if (!isFailing(t.status) || t.expectedFailure || !t.gapId.isEmpty())
            continue;
        FailureSignature sig = failureSignature(t);
        const QString key = sig.key();
        auto it = byKey.constFind(key);
        if (it == byKey.cend()) {
            it = byKey.insert(key, int(groups.size()));
            Group g;
            g.tokens = templateTokens(sig.messageTemplate);
            g.signature = std::move(sig);
            groups.append(g);
        }
        groups[*it].tests.append(i);
    }
    // Near-identical templates of one bucket (same type, subject and frames) merge into the earliest group
    // they resemble; groups are visited in document order, so the result does not depend on hashing.
    QHash<QString, QVector<int>> leaders;
    for (int g = 0; g < groups.size(); ++g) {
        QVector<int> &inBucket = leaders[groups[g].signature.bucket()];
        for (int k = 0; k < inBucket.size() && k < MaxLeadersCompared; ++k) {
            Group &leader = groups[inBucket[k]];
            if (templateSimilarity(leader.tokens, groups[g].tokens) >= options.similarity) {
                groups[g].mergedInto = inBucket[k];
                leader.tests += groups[g].tests;
                break;
            }
        }
        if (groups[g].mergedInto < 0)
            inBucket.append(g);
    }
    QSet<QString> taken;
    for (const Gap &gap : std::as_const(report.gaps))
        taken.insert(gap.id);
    int added = 0;
    for (Group &g : groups) {
        if (g.mergedInto >= 0 || g.tests.size() < options.minTests)
            continue;
        std::sort(g.tests.begin(), g.tests.end());
        Gap gap;
        gap.id = gapIdFor(g.signature.key(), taken);
        taken.insert(gap.id);
        gap.title = g.signature.title();
        gap.suggested = true;
        gap.line = report.tests[g.tests.first()].line;
        gap.evidence << QStringLiteral("Suggested by Gapwise: %1 failures share this signature").arg(g.tests.size());
        if (!g.signature.exceptionType.isEmpty())
            gap.evidence << QLatin1String("Exception: ") + g.signature.exceptionType;
        if (!g.signature.subject.isEmpty())
            gap.evidence << QLatin1String("Cause named: ") + g.signature.subject;
        gap.evidence << QLatin1String("Message: ") + g.signature.messageTemplate;
        if (!g.signature.frames.isEmpty())
            gap.evidence << QLatin1String("Frames: ") + g.signature.frames.join(QLatin1String(" <- "));
        gap.evidence << QLatin1String("First: ") + report.tests[g.tests.first()].name;
        for (int i : std::as_const(g.tests)) {
            report.tests[i].gapId = gap.id;
            report.tests[i].gapSuggested = true;
        }
        report.gaps.append(gap);
        ++added;
    }
    return added;
}

} // namespace Gapwise
