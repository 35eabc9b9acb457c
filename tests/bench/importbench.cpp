// SPDX-License-Identifier: GPL-3.0-or-later
// gapwise_importbench [N ...]: times importing synthetic JUnit reports of N testcases (default 1000, 10000,
// 100000) against `xmllint --stream --noout` on the same file, and reports each import's peak memory.
// It also times the XML tokenizer alone on the file (XmlStreamTokenizer on libxml2: every token read,
// nothing done with it): the floor of any import built on it. Each measurement runs in a child process (this program
// with --import FILE or
// --tokenize FILE) so ru_maxrss is that import's own.
// Both wall-clock and CPU time (user + system) are reported: on a shared machine the wall clock of a short
// run depends on who else is running, CPU time much less. Best of three. Prints a Markdown table.
// Not run by CI: speed is measured here, never asserted in tests.
#include "importer.h"
#include "junitsynth.h"
#include "xmlstreamtokenizer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <functional>
#include <optional>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char **environ;

namespace {

constexpr int Repeats = 3;

double cpuSeconds(const rusage &u)
{
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Runs `work` and prints "wall cpu maxrss" and what `work` returns to add; a child process's whole answer.
int measured(const std::function<std::optional<QString>()> &work)
{
    rusage before {}, after {};
    getrusage(RUSAGE_SELF, &before);
    QElapsedTimer timer;
    timer.start();
    const std::optional<QString> counts = work();
    const double wall = timer.nsecsElapsed() / 1e9;
    getrusage(RUSAGE_SELF, &after);
    if (!counts)
        return 3;
    QTextStream(stdout) << wall << ' ' << cpuSeconds(after) - cpuSeconds(before) << ' ' << after.ru_maxrss << ' '
                        << *counts << '\n';
    return 0;
}

int importOnce(const QString &path)
{
    return measured([&path]() -> std::optional<QString> {
        const Gapwise::ImportResult result = Gapwise::importFile(path);
        if (!result.ok()) {
            QTextStream(stderr) << result.error.toString() << '\n';
            return std::nullopt;
        }
        return QStringLiteral("%1 %2").arg(result.report->tests.size()).arg(result.report->gaps.size());
    });
}

// The tokenizer straight from the file, as the importer reads it, with nothing done per token.
int tokenizeOnce(const QString &path)
{
    return measured([&path]() -> std::optional<QString> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return std::nullopt;
        Gapwise::XmlStreamTokenizer reader(&file, 256);
        qint64 tokens = 0;
        while (reader.readNext() != Gapwise::XmlStreamTokenizer::EndDocument) {
            if (reader.hasError())
                return std::nullopt;
            ++tokens;
        }
        return QString::number(tokens);
    });
}

struct Run
{
    double wall = -1, cpu = -1;
    long maxRssKb = 0;
};

// Runs a program with its output sent to a pipe; returns its wall time and the CPU time wait4() reports.
Run runChild(const QByteArray &program, const QList<QByteArray> &args, QByteArray *output)
{
    int pipeFds[2];
    if (pipe(pipeFds) != 0)
        return {};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], 1);
    posix_spawn_file_actions_addclose(&actions, pipeFds[0]);
    QList<QByteArray> argv = QList<QByteArray> { program } + args;
    std::vector<char *> raw;
    for (QByteArray &a : argv)
        raw.push_back(a.data());
    raw.push_back(nullptr);
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, program.constData(), &actions, nullptr, raw.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipeFds[1]);
    if (spawned != 0) {
        close(pipeFds[0]);
        return {};
    }
    char buffer[4096];
    ssize_t n = 0;
    while ((n = read(pipeFds[0], buffer, sizeof buffer)) > 0)
        output->append(buffer, n);
    close(pipeFds[0]);
    int status = 0;
    rusage usage {};
    wait4(pid, &status, 0, &usage);
    Run run;
    run.wall = timer.nsecsElapsed() / 1e9;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return {};
    run.cpu = cpuSeconds(usage);
    run.maxRssKb = usage.ru_maxrss;
    return run;
}

QString seconds(double s)
{
    return QString::number(s, 'f', 3) + QLatin1String(" s");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args.at(1) == QLatin1String("--import"))
        return importOnce(args.at(2));
    if (args.size() == 3 && args.at(1) == QLatin1String("--tokenize"))
        return tokenizeOnce(args.at(2));
    const QList<int> sizes = GapwiseBench::benchmarkSizes(args);
    QTemporaryDir dir;
    QTextStream out(stdout);
    out << "| testcases | file | xmllint --stream: CPU (wall) | XML tokenizer alone: CPU (ratio) "
           "| Gapwise import: CPU (wall) | ratio CPU (wall) | peak RSS of the import process | suggested gaps |\n"
        << "|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (int n : sizes) {
        const QString path = GapwiseBench::writeSyntheticJUnitFile(dir.path(), n);
        if (path.isEmpty())
            return 3;
        Run lint, import, tokenize;
        long rssKb = 0;
        QString gaps;
        for (int i = 0; i < Repeats; ++i) {
            QByteArray ignored;
            const Run l = runChild("xmllint", { "--stream", "--noout", path.toLocal8Bit() }, &ignored);
            if (l.cpu < 0) {
                QTextStream(stderr) << "xmllint failed (apt-get install libxml2-utils)\n";
                return 3;
            }
            if (lint.cpu < 0 || l.cpu < lint.cpu)
                lint.cpu = l.cpu;
            if (lint.wall < 0 || l.wall < lint.wall)
                lint.wall = l.wall;
            // The children measure their own work (wall and CPU), without process start-up.
            QByteArray tokens;
            if (runChild(app.applicationFilePath().toLocal8Bit(), { "--tokenize", path.toLocal8Bit() }, &tokens).cpu
                < 0)
                return 3;
            const double tokenizeCpu = tokens.trimmed().split(' ').value(1).toDouble();
            if (tokenize.cpu < 0 || tokenizeCpu < tokenize.cpu)
                tokenize.cpu = tokenizeCpu;
            QByteArray line;
            if (runChild(app.applicationFilePath().toLocal8Bit(), { "--import", path.toLocal8Bit() }, &line).cpu < 0)
                return 3;
            const QList<QByteArray> parts = line.trimmed().split(' ');
            const double wall = parts.value(0).toDouble(), cpu = parts.value(1).toDouble();
            if (import.wall < 0 || wall < import.wall)
                import.wall = wall;
            if (import.cpu < 0 || cpu < import.cpu)
                import.cpu = cpu;
            rssKb = qMax(rssKb, parts.value(2).toLong());
            gaps = QString::fromLatin1(parts.value(4));
        }
        out << "| " << n << " | " << QString::number(QFileInfo(path).size() / 1048576.0, 'f', 1) << " MiB | "
            << seconds(lint.cpu) << " (" << seconds(lint.wall) << ") | " << seconds(tokenize.cpu) << " ("
            << QString::number(tokenize.cpu / qMax(lint.cpu, 1e-3), 'f', 1) << "×) | " << seconds(import.cpu) << " ("
            << seconds(import.wall) << ") | " << QString::number(import.cpu / qMax(lint.cpu, 1e-3), 'f', 1) << "× ("
            << QString::number(import.wall / qMax(lint.wall, 1e-3), 'f', 1) << "×) | "
            << QString::number(rssKb / 1024.0, 'f', 0) << " MiB | " << gaps << " |\n";
        out.flush();
    }
    return 0;
}
