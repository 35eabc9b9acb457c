// SPDX-License-Identifier: GPL-3.0-or-later
// gapwise_junitgen N OUT.xml [SEED]: writes a synthetic JUnit report of N testcases (see junitsynth.h).
#include "junitsynth.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    bool ok = false;
    const int n = args.size() >= 3 ? args.at(1).toInt(&ok) : 0;
    if (!ok || n < 0) {
        QTextStream(stderr) << "usage: gapwise_junitgen N OUT.xml [SEED]\n";
        return 2;
    }
    QFile out(args.at(2));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        QTextStream(stderr) << args.at(2) << ": " << out.errorString() << '\n';
        return 3;
    }
    GapwiseBench::writeSyntheticJUnit(out, n, args.size() > 3 ? args.at(3).toUInt() : 1u);
    return 0;
}
