// SPDX-License-Identifier: GPL-3.0-or-later
#include "multifile.h"
#include "counttext.h"
#include "gapsuggester.h"
#include "phasewords.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace Gapwise {
namespace {

    constexpr int MaxDuplicateWarnings = 20;

    QString filesText(int files)
    {
        return countText(files, QStringLiteral("%1 file"), QStringLiteral("%1 files"), QLocale::c());
    }

    int addCount(int a, int b)
    {
        if (a < 0)
            return b;
        return b < 0 ? a : a + b;
    }

    void addPhase(Phase &into, const Phase &p)
    {
        into.total = addCount(into.total, p.total);
        into.collected = addCount(into.collected, p.collected);
        into.selected = addCount(into.selected, p.selected);
        into.passed = addCount(into.passed, p.passed);
        into.failed = addCount(into.failed, p.failed);
        into.errors = addCount(into.errors, p.errors);
        into.skipped = addCount(into.skipped, p.skipped);
        into.deselected = addCount(into.deselected, p.deselected);
        into.importErrors = addCount(into.importErrors, p.importErrors);
        into.importErrorMessages << p.importErrorMessages;
        if (p.durationSeconds >= 0)
            into.durationSeconds = qMax(0.0, into.durationSeconds) + p.durationSeconds;
    }

    // A phase that names a stage of testing (Unit, Integration, …), not a suite, class or file.
    bool isStagePhase(const Phase &p)
    {
        return !phaseWordOfPath(QLatin1String("x/") + p.id + QLatin1String("/y")).isEmpty();
    }

    QString uniqueId(const QString &base, const QSet<QString> &taken)
    {
        QString id = base;
        for (int n = 2; taken.contains(id); ++n)
            id = base + QLatin1Char('-') + QString::number(n);
        return id;
    }

    // The deepest folder every file sits in.
    QString commonFolder(const QStringList &files)
    {
        if (files.isEmpty())
            return QString();
        QString common = QFileInfo(files.first()).absolutePath();
        for (const QString &f : files) {
            const QString dir = QFileInfo(f).absolutePath();
            while (!(dir == common || dir.startsWith(common + QLatin1Char('/'))) && common.size() > 1)
                common = QFileInfo(common).path();
        }
        return common;
    }

    class Merger
    {
    public:
        explicit Merger(const QString &folder)
            : m_folder(folder)
        {
        }
        void add(Report &&r, const QString &file);
        // A file that could not be imported: a warning of the run, and one of its unreadFiles.
        void addUnread(const ImportError &error, const QString &file);
        Report finish(int files, const QStringList &formats);

    private:
        QString shortName(const QString &file) const
        {
            return QDir(m_folder).relativeFilePath(QFileInfo(file).absoluteFilePath());
        }

        QString m_folder;
        Report m_report;
        QHash<QString, int> m_phaseByName;
        QSet<QString> m_phaseIds, m_gapIds;
        QHash<QString, QString> m_fileOfTest; // test id → the file that first held it
        QSet<QString> m_testIds;
        int m_duplicates = 0;
        bool m_hadSuggestions = false;
        // The dates and environments of the files that hold tests: finish() decides the run's from them all.
        QStringList m_dates;
        QStringList m_environments;
    };

    // The run's date: the latest of its files' (a folder gathers the reports of one run, the last written closes
    // it), as the file writes it; of dates that are no time, the first.
    QString latestDate(const QStringList &dates)
    {
        QString latest;
        QDateTime latestTime;
        for (const QString &d : dates) {
            const QDateTime t = reportDateTime(d);
            if (t.isValid() && (!latestTime.isValid() || t > latestTime)) {
                latest = d;
                latestTime = t;
            } else if (!t.isValid() && latest.isEmpty()) {
                latest = d; // kept only while no date is a time
            }
        }
        return latest;
    }

    // The run's environment: the one its files name, "several (a, b)" when they name more than one.
    QString commonEnvironment(QStringList environments)
    {
        environments.removeDuplicates();
        if (environments.size() <= 1)
            return environments.value(0);
        constexpr int Named = 3;
        QString names = environments.mid(0, Named).join(QLatin1String(", "));
        if (environments.size() > Named)
            names += QStringLiteral(" and %1 more").arg(environments.size() - Named);
        return QStringLiteral("several (%1)").arg(names);
    }

    void Merger::add(Report &&r, const QString &file)
    {
        const QString name = shortName(file);
        const int fileIndex = int(m_report.files.size());
        m_report.files.append(QFileInfo(file).absoluteFilePath());
        QHash<QString, QString> phaseId; // this file's phase id → the merged one
        for (const Phase &p : std::as_const(r.phases)) {
            auto it = m_phaseByName.constFind(p.name);
            if (it == m_phaseByName.cend()) {
                Phase copy = p;
                copy.file = fileIndex;
                copy.id = uniqueId(p.id, m_phaseIds);
                m_phaseIds.insert(copy.id);
                it = m_phaseByName.insert(p.name, int(m_report.phases.size()));
                m_report.phases.append(copy);
            } else {
                addPhase(m_report.phases[*it], p);
            }
            phaseId.insert(p.id, m_report.phases[*it].id);
        }
        QHash<QString, QString> gapId; // this file's gap id → the merged one; suggested gaps are suggested anew
        for (Gap &g : r.gaps) {
            if (g.suggested) {
                m_hadSuggestions = true;
                continue;
            }
            const QString id = uniqueId(g.id, m_gapIds);
            m_gapIds.insert(id);
            gapId.insert(g.id, id);
            g.id = id;
            g.file = fileIndex;
            m_report.gaps.append(std::move(g));
        }
        for (TestCase &t : r.tests) {
            t.file = fileIndex;
            const QString oldPhase = t.phaseId;
            t.phaseId = phaseId.value(oldPhase, oldPhase);
            if (t.id.startsWith(oldPhase + QLatin1Char(':')) && !oldPhase.isEmpty())
                t.id = t.phaseId + t.id.mid(oldPhase.size());
            t.gapId = gapId.value(t.gapId);
            if (t.gapId.isEmpty())
                t.gapSuggested = false;
            if (m_testIds.contains(t.id)) {
                if (++m_duplicates <= MaxDuplicateWarnings)
                    m_report.diagnostics.append({ Severity::Warning, 0,
                        QStringLiteral("%1: test %2 is also in %3; both are kept")
                            .arg(name, t.name, m_fileOfTest.value(t.id)) });
                const QString base = t.id;
                for (int n = 2; m_testIds.contains(t.id); ++n)
                    t.id = base + QLatin1Char('#') + QString::number(n);
            } else {
                m_fileOfTest.insert(t.id, name);
            }
            m_testIds.insert(t.id);
            m_report.tests.append(std::move(t));
        }
        for (RemediationItem &item : r.remediation) {
            for (QString &g : item.gapIds)
                g = gapId.value(g, g);
            m_report.remediation.append(std::move(item));
        }
        m_report.actions << r.actions;
        for (Diagnostic &d : r.diagnostics) {
            d.message = name + QLatin1String(": ") + d.message;
            m_report.diagnostics.append(std::move(d));
        }
        // A file without tests (an empty report) says nothing of when or where the run's tests ran.
        const bool counted
            = std::any_of(r.phases.cbegin(), r.phases.cend(), [](const Phase &p) { return p.total > 0; });
        if (!r.tests.isEmpty() || counted) {
            if (!r.date.trimmed().isEmpty())
                m_dates << r.date.trimmed();
            if (!r.environment.trimmed().isEmpty())
                m_environments << r.environment.trimmed();
        }
    }

    void Merger::addUnread(const ImportError &error, const QString &file)
    {
        const QString why
            = error.line > 0 ? QStringLiteral("line %1: %2").arg(error.line).arg(error.message) : error.message;
        m_report.unreadFiles << QStringLiteral("%1 (%2)").arg(shortName(file), why);
        Report skipped;
        skipped.diagnostics.append(
            { Severity::Warning, error.line, QStringLiteral("not imported: %1").arg(error.message) });
        add(std::move(skipped), file);
    }

    Report Merger::finish(int files, const QStringList &formats)
    {
        const int suitePhases = int(std::count_if(
            m_report.phases.cbegin(), m_report.phases.cend(), [](const Phase &p) { return !isStagePhase(p); }));
        if (suitePhases > MaxMergedSuitePhases) {
            // As within one JUnit file: hundreds of phases named after classes say nothing about the stages.
            Phase all;
            all.name
                = QFileInfo(m_folder).fileName().isEmpty() ? QStringLiteral("Tests") : QFileInfo(m_folder).fileName();
            QVector<Phase> kept;
            QSet<QString> keptIds;
            for (const Phase &p : std::as_const(m_report.phases)) {
                if (isStagePhase(p)) {
                    kept.append(p);
                    keptIds.insert(p.id);
                }
            }
            all.id = uniqueId(slugify(all.name), keptIds);
            all.total = all.passed = all.failed = all.errors = all.skipped = 0;
            QSet<QString> folded;
            for (const Phase &p : std::as_const(m_report.phases)) {
                if (!isStagePhase(p)) {
                    addPhase(all, p);
                    folded.insert(p.id);
                    if (all.line == 0) {
                        all.line = p.line;
                        all.file = p.file;
                    }
                }
            }
            kept.append(all);
            m_report.phases = std::move(kept);
            m_testIds.clear();
            for (TestCase &t : m_report.tests) {
                if (!folded.contains(t.phaseId)) {
                    m_testIds.insert(t.id);
                    continue;
                }
                const QString base = all.id + t.id.mid(t.phaseId.size());
                t.phaseId = all.id;
                t.id = base;
                for (int n = 2; m_testIds.contains(t.id); ++n)
                    t.id = base + QLatin1Char('#') + QString::number(n);
                m_testIds.insert(t.id);
            }
            m_report.diagnostics.append({ Severity::Info, 0,
                QStringLiteral("%1 suites of %2 are shown as one phase, \"%3\": so many suites are classes or "
                               "files, not stages of the run")
                    .arg(QString::number(suitePhases), filesText(files), all.name) });
        }
        if (m_duplicates > MaxDuplicateWarnings)
            m_report.diagnostics.append({ Severity::Warning, 0,
                countText(m_duplicates - MaxDuplicateWarnings, QStringLiteral("%1 more test is in more than one file"),
                    QStringLiteral("%1 more tests are in more than one file"), QLocale::c()) });
        if (m_duplicates > 0)
            m_report.summaryFacts << countText(m_duplicates, QStringLiteral("%1 test is in more than one file"),
                QStringLiteral("%1 tests are in more than one file"), QLocale::c());
        QStringList distinct = formats;
        distinct.removeDuplicates();
        m_report.format = distinct.size() == 1 ? distinct.first() : QStringLiteral("mixed");
        m_report.date = latestDate(m_dates);
        m_report.environment = commonEnvironment(m_environments);
        m_report.title = QStringLiteral("%1 (%2)").arg(folderTitle(m_folder), filesText(files));
        m_report.sourceFile = m_folder;
        if (!m_report.unreadFiles.isEmpty())
            m_report.summaryFacts.prepend(unreadFilesText(m_report.unreadFiles));
        m_report.summaryFacts.prepend(QStringLiteral("%1 under %2 (%3)")
                                          .arg(countText(files, QStringLiteral("%1 report file"),
                                                   QStringLiteral("%1 report files"), QLocale::c()),
                                              QDir::toNativeSeparators(m_folder), distinct.join(QLatin1String(", "))));
        if (m_hadSuggestions || m_report.gaps.isEmpty())
            suggestGaps(m_report);
        return std::move(m_report);
    }

    // An empty folder and one of files that hold no test results are the same error.
    QString noReportsMessage(const QStringList &paths)
    {
        const bool oneFolder = paths.size() == 1 && QFileInfo(paths.first()).isDir();
        return QStringLiteral("no test report found in %1 (Gapwise reads test results from .xml, .trx, .json, .md, "
                              ".markdown, .log and .txt files)")
            .arg(oneFolder ? QStringLiteral("this folder") : QStringLiteral("these files"));
    }

    QStringList expand(const QStringList &paths)
    {
        QStringList files;
        for (const QString &p : paths) {
            if (QFileInfo(p).isDir())
                files << reportFilesIn(p);
            else
                files << p;
        }
        return files;
    }

} // namespace

const QStringList &reportFilePatterns()
{
    static const QStringList patterns { QStringLiteral("*.xml"), QStringLiteral("*.trx"), QStringLiteral("*.json"),
        QStringLiteral("*.md"), QStringLiteral("*.markdown"), QStringLiteral("*.log"), QStringLiteral("*.txt") };
    return patterns;
}

QStringList reportFilesIn(const QString &dir)
{
    const QStringList &patterns = reportFilePatterns();
    // From the cleaned absolute path: "../runs" or "./runs" would otherwise give relative paths whose ".." or "."
    // reads as a hidden part. Hidden means a part below the folder; the folder itself may be anywhere.
    const QString root = cleanFolderPath(dir);
    const qsizetype slash = root.endsWith(QLatin1Char('/')) ? root.size() - 1 : root.size(); // before the parts
    QStringList files;
    QDirIterator it(root, patterns, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (file.indexOf(QLatin1String("/."), slash) >= 0)
            continue; // .git, .cache, hidden files
        files << file;
    }
    std::sort(files.begin(), files.end());
    return files;
}

QString cleanFolderPath(const QString &dir)
{
    return QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
}

QString folderTitle(const QString &dir)
{
    const QString clean = cleanFolderPath(dir);
    const QString name = QFileInfo(clean).fileName();
    return name.isEmpty() ? QDir::toNativeSeparators(clean) : name; // "/" has no name of its own
}

ImportResult importFiles(const QStringList &paths, const ImportControl &control)
{
    const QStringList files = expand(paths);
    if (files.size() == 1 && paths.size() == 1 && !QFileInfo(paths.first()).isDir())
        return importFile(files.first(), control);
    ImportResult result;
    result.error.file = paths.join(QLatin1String(", "));
    if (files.isEmpty()) {
        result.error.message = noReportsMessage(paths);
        return result;
    }
    const QString folder
        = paths.size() == 1 && QFileInfo(paths.first()).isDir() ? cleanFolderPath(paths.first()) : commonFolder(files);
    Merger merger(folder);
    QStringList formats;
    ImportError firstError;
    int imported = 0;
    int withResults = 0; // files that hold tests, phases or gaps: test reports, not text of another kind
    for (int i = 0; i < files.size(); ++i) {
        if (control.cancelled()) {
            result.error.message = QStringLiteral("import cancelled");
            return result;
        }
        if (control.progress)
            control.progress(int(qint64(i) * 1000 / files.size()));
        ImportResult one = importFile(files[i]);
        if (!one.ok()) {
            if (firstError.message.isEmpty())
                firstError = one.error;
            merger.addUnread(one.error, files[i]);
            continue;
        }
        ++imported;
        const Report &r = *one.report;
        if (!r.tests.isEmpty() || !r.phases.isEmpty() || !r.gaps.isEmpty())
            ++withResults;
        formats << one.report->format;
        merger.add(std::move(*one.report), files[i]);
    }
    if (imported == 0) {
        result.error = firstError;
        return result;
    }
    if (withResults == 0) { // a folder of a readme: no more a run than an empty folder
        result.error.message = noReportsMessage(paths);
        return result;
    }
    result.report = merger.finish(imported, formats);
    if (control.progress)
        control.progress(1000);
    return result;
}

} // namespace Gapwise
