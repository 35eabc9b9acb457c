// SPDX-License-Identifier: GPL-3.0-or-later
// gapwise_loghubga [DIR] [--show SYSTEM]: grouping accuracy of Gapwise's suggested gaps on Loghub-2k
// (every *.csv in DIR, default ../shared/corpus/loghub-2k): one failing test per log line, through the
// suggester directly (the GA test goes through the JUnit import). --show prints the wrong groups of one
// system: what Gapwise grouped, next to the true templates; the digest per system shows whether a change
// groups exactly as before. Not run by CI.
#include "gapsuggester.h"
#include "loghub.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QTextStream>

using namespace Gapwise;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString show;
    if (const qsizetype i = args.indexOf(QLatin1String("--show")); i >= 0 && i + 1 < args.size()) {
        show = args[i + 1];
        args.remove(i, 2);
    }
    const QDir dir(args.value(0, QStringLiteral(GAPWISE_SHARED_DIR "/corpus/loghub-2k")));
    QTextStream out(stdout);
    double sum = 0;
    int systems = 0;
    for (const QFileInfo &file : dir.entryInfoList({ QStringLiteral("*.csv") }, QDir::Files, QDir::Name)) {
        const QVector<Loghub::Line> lines = Loghub::readCsv(file.filePath());
        Report report;
        for (int i = 0; i < lines.size(); ++i) {
            TestCase t;
            t.name = t.id = QStringLiteral("line%1").arg(i + 1);
            t.status = TestStatus::Failed;
            t.message = lines[i].content;
            report.tests << t;
        }
        suggestGaps(report);
        QStringList predicted;
        for (const TestCase &t : std::as_const(report.tests))
            predicted << t.gapId;
        const double ga = Loghub::groupingAccuracy(lines, predicted);
        QMap<QString, int> truth;
        for (const auto &l : lines)
            truth[l.eventId]++;
        // The digest (gap ids, titles, evidence, each line's gap) shows whether a change groups exactly as before.
        QCryptographicHash digest(QCryptographicHash::Sha1);
        for (const Gap &g : std::as_const(report.gaps))
            digest.addData((g.id + g.title + g.evidence.join(QLatin1Char('|'))).toUtf8());
        for (const QString &p : std::as_const(predicted))
            digest.addData((p + QLatin1Char('\n')).toUtf8());
        out << QStringLiteral("%1  GA %2  (%3 gaps, %4 true groups)  digest %5\n")
                   .arg(file.baseName(), -10)
                   .arg(ga, 0, 'f', 3)
                   .arg(report.gaps.size())
                   .arg(truth.size())
                   .arg(QString::fromLatin1(digest.result().toHex().left(12)));
        sum += ga;
        ++systems;
        if (file.baseName() != show)
            continue;
        // Each true group that is not predicted exactly: where its lines went.
        QMap<QString, QVector<int>> byTruth;
        for (int i = 0; i < lines.size(); ++i)
            byTruth[lines[i].eventId] << i;
        for (auto it = byTruth.cbegin(); it != byTruth.cend(); ++it) {
            QMap<QString, int> where;
            for (int i : it.value())
                where[predicted[i].isEmpty() ? QStringLiteral("(none)")
                                             : report.gaps[report.gapIndex(predicted[i])].title]++;
            bool exact = where.size() == 1 && !where.contains(QStringLiteral("(none)"));
            if (exact) {
                const QString g = predicted[it.value().first()];
                int inGap = 0;
                for (const QString &p : std::as_const(predicted))
                    inGap += p == g;
                exact = inGap == it.value().size();
            }
            if (exact)
                continue;
            out << "TRUE " << it.key() << " x" << it.value().size() << "  e.g. " << lines[it.value().first()].content
                << "\n";
            for (auto w = where.cbegin(); w != where.cend(); ++w)
                out << "    " << w.value() << "  -> " << w.key() << "\n";
        }
    }
    if (systems)
        out << QStringLiteral("mean GA %1 over %2 systems\n").arg(sum / systems, 0, 'f', 3).arg(systems);
    return systems ? 0 : 1;
}
