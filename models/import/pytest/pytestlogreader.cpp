// SPDX-License-Identifier: GPL-3.0-or-later
#include "counttext.h"
#include "pytestlog.h"
#include "pytestsections.h"
#include "testidentifiers.h"

#include <QHash>
#include <QRegularExpression>

namespace Gapwise {
namespace {

    enum class Section
    {
        None,
        Failures,
        Errors,
        Summary,
        Other
    };

    Section sectionOf(const QString &title)
    {
        if (title == QLatin1String("FAILURES"))
            return Section::Failures;
        if (title == QLatin1String("ERRORS"))
            return Section::Errors;
        if (title.startsWith(QLatin1String("short test summary info")))
            return Section::Summary;
        return Section::Other;
    }

    struct Block
    {
        QString title;
        int line = 0;
        bool errorsSection = false;
        QStringList lines;
    };

    struct CollectionError
    {
        QString file;
        int line = 0;
        QString message;
        QString details;
    };

    // "tests/a.py::TestC::test_y[1]" → "TestC.test_y[1]", the way pytest titles its failure blocks.
    QString blockKeyOf(const QString &nodeId)
    {
        const int sep = nodeId.indexOf(QLatin1String("::"));
        QString key = sep < 0 ? nodeId : nodeId.mid(sep + 2);
        key.replace(QLatin1String("::"), QLatin1String("."));
        return key;
    }

} // namespace

class PytestLogReaderPrivate
{
public:
    void addLine(const QString &raw, int n);
    QVector<PytestRun> finish();

private:
    PytestRun &ensureRun(int n);
    void startRun(int n);
    void finishRun();
    void closeBlock();
    void addResult(const PytestLine &line, int n, bool fromSummary);
    CollectionError &collectionError(const QString &file, int n);
    void applyBlock(const Block &block, const QHash<QString, int> &byBlockKey);
    void compareWithTally(PytestRun &run);

    QVector<PytestRun> m_runs;
    bool m_runEnded = false; // the current run printed its tally: the next result starts a new run
    Section m_section = Section::None;
    Block m_block;
    bool m_inBlock = false;
    QVector<Block> m_blocks;
    QHash<QString, int> m_byNode;
    QVector<CollectionError> m_collection;
    QString m_lastCollectionError; // the file of the line before, when it was "ERROR collecting <file>"
    QHash<QString, int> m_collectionByFile;
};

void PytestLogReaderPrivate::startRun(int n)
{
    if (!m_runs.isEmpty())
        finishRun();
    PytestRun run;
    run.line = n;
    m_runs.append(run);
    m_runEnded = false;
    m_section = Section::None;
}

PytestRun &PytestLogReaderPrivate::ensureRun(int n)
{
    if (m_runs.isEmpty() || m_runEnded)
        startRun(n);
    return m_runs.last();
}

void PytestLogReaderPrivate::closeBlock()
{
    if (m_inBlock)
        m_blocks.append(m_block);
    m_inBlock = false;
}

void PytestLogReaderPrivate::addLine(const QString &raw, int n)
{
    const QString line = cleanPytestLine(raw);
    if (line.isEmpty()) {
        if (m_inBlock)
            m_block.lines.append(line);
        return;
    }
    if (isSessionBanner(line)) {
        closeBlock();
        const bool emptyRun = !m_runs.isEmpty() && !m_runEnded && m_runs.last().tests.isEmpty() && m_blocks.isEmpty()
            && m_collection.isEmpty();
        if (emptyRun)
            m_runs.last().line = n;
        else
            startRun(n);
        return;
    }
    if (line.startsWith(QLatin1Char('='))) {
        const PytestLine pl = parsePytestLine(line);
        if (pl.kind == PytestLine::Tally) {
            closeBlock();
            PytestRun &run = ensureRun(n);
            run.tally = pl;
            run.tallyLine = n;
            m_runEnded = true;
            m_section = Section::None;
            return;
        }
        const QString title = sectionTitle(line);
        if (!title.isEmpty()) {
            closeBlock();
            ensureRun(n);
            m_section = sectionOf(title);
            return;
        }
    }
    if (m_section == Section::Failures || m_section == Section::Errors) {
        const QString title = blockTitle(line);
        if (!title.isEmpty()) {
            closeBlock();
            ensureRun(n);
            m_block = Block { title, n, m_section == Section::Errors, {} };
            m_inBlock = true;
            return;
        }
        if (m_inBlock) {
            m_block.lines.append(line); // traceback text: never read as results
            return;
        }
    }
    if (line.startsWith(QLatin1String("platform ")) && line.contains(QLatin1String("pytest"))) {
        ensureRun(n).platform = line.mid(9);
        return;
    }
    if (const int collected = collectedCount(line); collected >= 0) {
        ensureRun(n).collected = collected;
        return;
    }
    const PytestLine pl = parsePytestLine(line);
    switch (pl.kind) {
    case PytestLine::Result:
        addResult(pl, n, m_section == Section::Summary);
        break;
    case PytestLine::CollectionError: {
        ensureRun(n);
        CollectionError &ce = collectionError(pl.nodeId, n);
        if (ce.message.isEmpty())
            ce.message = pl.message;
        m_lastCollectionError = pl.nodeId;
        return;
    }
    case PytestLine::Tally: { // "-q" runs print the tally without the rule around it
        PytestRun &run = ensureRun(n);
        run.tally = pl;
        run.tallyLine = n;
        m_runEnded = true;
        break;
    }
    case PytestLine::Other: {
        // Abridged output pastes the cause right under "ERROR collecting x.py": "E   ModuleNotFoundError: …".
        static const QRegularExpression eLine(QStringLiteral("^E\\s+(\\S.*)$"));
        const auto m = eLine.match(line.trimmed());
        if (m.hasMatch() && !m_lastCollectionError.isEmpty()) {
            CollectionError &ce = collectionError(m_lastCollectionError, n);
            if (ce.message.isEmpty())
                ce.message = m.captured(1);
            return;
        }
        break;
    }
    }
    m_lastCollectionError.clear();
}

void PytestLogReaderPrivate::addResult(const PytestLine &line, int n, bool fromSummary)
{
    PytestRun &run = ensureRun(n);
    if (!fromSummary)
        run.hasVerboseResults = true;
    // "SKIPPED (no disk)   [ 71%]", "PASSED [0.00s]": the progress or duration column is not a reason.
    static const QRegularExpression progress(QStringLiteral("\\s*\\[\\s*(?:\\d+%|[\\d.]+m?s)\\]$"));
    PytestLine pl = line;
    pl.message.remove(progress);
    if (pl.message.startsWith(QLatin1Char('(')) && pl.message.endsWith(QLatin1Char(')')))
        pl.message = pl.message.mid(1, pl.message.size() - 2); // -v prints reasons as "SKIPPED (reason)"
    const QString key = normalisedTestKey(pl.nodeId);
    if (const auto it = m_byNode.constFind(key); it != m_byNode.cend()) {
        TestCase &t = run.tests[*it];
        // A failure outranks a later teardown ERROR of the same test; the summary's message is the best one.
        if (!(t.status == TestStatus::Failed && pl.status == TestStatus::Error))
            t.status = pl.status;
        t.expectedFailure = pl.expectedFailure;
        if (!pl.message.isEmpty())
            t.message = pl.message;
        return;
    }
    TestCase t;
    t.name = pl.nodeId;
    t.status = pl.status;
    t.expectedFailure = pl.expectedFailure;
    t.message = pl.message;
    t.line = n;
    m_byNode.insert(key, int(run.tests.size()));
    run.tests.append(t);
}

// Belongs to the current run: callers reading lines call ensureRun() first; finishRun() must not.
CollectionError &PytestLogReaderPrivate::collectionError(const QString &file, int n)
{
    const QString key = normalisedTestKey(file);
    auto it = m_collectionByFile.constFind(key);
    if (it == m_collectionByFile.cend()) {
        it = m_collectionByFile.insert(key, int(m_collection.size()));
        m_collection.append(CollectionError { file, n, {}, {} });
    }
    return m_collection[*it];
}

void PytestLogReaderPrivate::applyBlock(const Block &block, const QHash<QString, int> &byBlockKey)
{
    QString message;
    for (const QString &l : block.lines) {
        message = exceptionLineText(l);
        if (!message.isEmpty())
            break;
    }
    const QString details = block.lines.join(QLatin1Char('\n')).trimmed();
    static const QLatin1String collecting("ERROR collecting ");
    if (block.title.startsWith(collecting)) {
        CollectionError &ce = collectionError(block.title.mid(collecting.size()).trimmed(), block.line);
        ce.message = message.isEmpty() ? ce.message : message;
        ce.details = details;
        ce.line = qMin(ce.line, block.line);
        return;
    }
    QString key = block.title;
    for (const char *prefix : { "ERROR at setup of ", "ERROR at teardown of " }) {
        if (key.startsWith(QLatin1String(prefix)))
            key = key.mid(int(qstrlen(prefix)));
    }
    PytestRun &run = m_runs.last();
    if (const auto it = byBlockKey.constFind(key); it != byBlockKey.cend()) {
        TestCase &t = run.tests[*it];
        if (t.details.isEmpty())
            t.details = details;
        // The short summary cuts messages to the terminal width ("TimeoutError: request 9..."): the block
        // has the whole line.
        if (t.message.isEmpty()
            || (t.message.endsWith(QLatin1String("...")) && message.startsWith(t.message.chopped(3))))
            t.message = message;
        if (!isFailing(t.status) && !t.expectedFailure) // an xfail stays skipped, as the tally counts it
            t.status = block.errorsSection ? TestStatus::Error : TestStatus::Failed;
        return;
    }
    // Not named anywhere else (pytest -q without a summary): the block title is all there is.
    TestCase t;
    t.name = QString(key).replace(QLatin1Char('.'), QLatin1String("::"));
    t.status = block.errorsSection ? TestStatus::Error : TestStatus::Failed;
    t.message = message;
    t.details = details;
    t.line = block.line;
    run.tests.append(t);
}

void PytestLogReaderPrivate::compareWithTally(PytestRun &run)
{
    if (run.tally.kind != PytestLine::Tally)
        return;
    int failed = 0, errors = 0;
    for (const TestCase &t : run.tests) {
        failed += t.status == TestStatus::Failed && !t.expectedFailure;
        errors += t.status == TestStatus::Error;
    }
    const int statedFailed = qMax(0, run.tally.failed), statedErrors = qMax(0, run.tally.errors);
    if (failed != statedFailed || errors != statedErrors) {
        run.diagnostics.append(
            { failed > statedFailed || errors > statedErrors ? Severity::Warning : Severity::Info, run.tallyLine,
                QStringLiteral("the tally states %1 failed and %2, the log names %3 failed and %4 (collection errors "
                               "included)")
                    .arg(QString::number(statedFailed),
                        countText(statedErrors, QStringLiteral("%1 error"), QStringLiteral("%1 errors"), QLocale::c()),
                        QString::number(failed),
                        countText(errors, QStringLiteral("%1 erroring test"), QStringLiteral("%1 erroring tests"),
                            QLocale::c())) });
    }
}

void PytestLogReaderPrivate::finishRun()
{
    closeBlock();
    if (m_runs.isEmpty())
        return;
    QHash<QString, int> byBlockKey;
    for (int i = 0; i < m_runs.last().tests.size(); ++i)
        byBlockKey.insert(blockKeyOf(m_runs.last().tests[i].name), i);
    for (const Block &b : std::as_const(m_blocks))
        applyBlock(b, byBlockKey);
    PytestRun &run = m_runs.last();
    for (const CollectionError &ce : std::as_const(m_collection)) {
        TestCase t;
        t.name = ce.file;
        t.status = TestStatus::Error;
        t.message = ce.message;
        t.details = ce.details;
        t.line = ce.line;
        run.tests.append(t);
        if (isImportErrorMessage(ce.message) || (ce.message.isEmpty() && isImportErrorMessage(ce.details))) {
            ++run.importErrors;
            run.importErrorMessages.append(ce.file + QLatin1String(": ") + ce.message);
        }
    }
    compareWithTally(run);
    m_blocks.clear();
    m_collection.clear();
    m_collectionByFile.clear();
    m_byNode.clear();
}

QVector<PytestRun> PytestLogReaderPrivate::finish()
{
    finishRun();
    QVector<PytestRun> runs;
    runs.swap(m_runs);
    m_runEnded = false;
    m_section = Section::None;
    return runs;
}

PytestLogReader::PytestLogReader()
    : d(std::make_unique<PytestLogReaderPrivate>())
{
}
PytestLogReader::~PytestLogReader() = default;

void PytestLogReader::addLine(const QString &line, int lineNumber)
{
    d->addLine(line, lineNumber);
}

void PytestLogReader::addLines(const QStringList &lines, int firstLineNumber)
{
    for (int i = 0; i < lines.size(); ++i)
        d->addLine(lines[i], firstLineNumber + i);
}

void PytestLogReader::addBlock(const QString &block, int firstLineNumber)
{
    addLines(block.split(QLatin1Char('\n')), firstLineNumber);
}

QVector<PytestRun> PytestLogReader::finish()
{
    return d->finish();
}

} // namespace Gapwise
