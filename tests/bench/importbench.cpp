// gapwise_importbench [N ...]: times importing synthetic JUnit reports of N testcases (default 1000, 10000,
// 100000) against `xmllint --stream --noout` on the same file, and reports each import's peak memory.
// Each import runs in a child process (this program with --import FILE) so ru_maxrss is that import's own.
// Prints a Markdown table. Not run by CI: speed is measured here, never asserted in tests.
#include "importer.h"
#include "junitsynth.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

namespace {

constexpr int Repeats = 3; // best of three: the machine is shared

int importOnce(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    const Gapwise::ImportResult result = Gapwise::importFile(path);
    const qint64 ns = timer.nsecsElapsed();
    if (!result.ok()) {
        QTextStream(stderr) << result.error.toString() << '\n';
        return 3;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    QTextStream(stdout) << ns << ' ' << usage.ru_maxrss << ' ' << result.report->tests.size() << '\n';
    return 0;
}

double bestSeconds(const QString &program, const QStringList &args, QString *output = nullptr)
{
    double best = -1;
    for (int i = 0; i < Repeats; ++i) {
        QProcess p;
        QElapsedTimer timer;
        timer.start();
        p.start(program, args);
        p.waitForFinished(-1);
        const double s = timer.nsecsElapsed() / 1e9;
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            QTextStream(stderr) << program << " failed: " << p.readAllStandardError() << '\n';
            return -1;
        }
        if (output)
            *output = QString::fromUtf8(p.readAllStandardOutput());
        if (best < 0 || s < best)
            best = s;
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    if (args.size() == 3 && args.at(1) == QLatin1String("--import"))
        return importOnce(args.at(2));
    QList<int> sizes;
    for (int i = 1; i < args.size(); ++i)
        sizes << args.at(i).toInt();
    if (sizes.isEmpty())
        sizes = {1000, 10000, 100000};
    QTemporaryDir dir;
    QTextStream out(stdout);
    out << "| testcases | file size | xmllint --stream | Gapwise import (in-process) | ratio | peak RSS (import process) |\n"
        << "|---:|---:|---:|---:|---:|---:|\n";
    for (int n : sizes) {
        const QString path = dir.filePath(QStringLiteral("synthetic-%1.xml").arg(n));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return 3;
        GapwiseBench::writeSyntheticJUnit(file, n);
        file.close();
        const double xmllint = bestSeconds(QStringLiteral("xmllint"), {QStringLiteral("--stream"), QStringLiteral("--noout"), path});
        // In-process import time (measured inside the child) and the child's peak RSS.
        qint64 bestNs = -1;
        long rssKb = 0;
        for (int i = 0; i < Repeats; ++i) {
            QString line;
            if (bestSeconds(app.applicationFilePath(), {QStringLiteral("--import"), path}, &line) < 0)
                return 3;
            const QStringList parts = line.split(QLatin1Char(' '));
            const qint64 ns = parts.value(0).toLongLong();
            if (bestNs < 0 || ns < bestNs)
                bestNs = ns;
            rssKb = qMax(rssKb, parts.value(1).toLong());
        }
        const double importS = bestNs / 1e9;
        out << "| " << n << " | " << QString::number(QFileInfo(path).size() / 1048576.0, 'f', 1) << " MB | "
            << QString::number(xmllint, 'f', 3) << " s | " << QString::number(importS, 'f', 3) << " s | "
            << (xmllint > 0 ? QString::number(importS / xmllint, 'f', 2) : QStringLiteral("-")) << "× | "
            << QString::number(rssKb / 1024.0, 'f', 0) << " MB |\n";
        out.flush();
    }
    return 0;
}
