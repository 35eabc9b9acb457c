// SPDX-License-Identifier: GPL-3.0-or-later
// Writes screenshots of the window on the seed-like report for a reviewer to look at (not a ctest test):
//   QT_QPA_PLATFORM=offscreen build/tests/screenshots_mainwindow OUTDIR
// light and dark palettes, 1366x768 and 1400x900, with a gap selected so the linked highlight shows.
#include "mainwindow.h"
#include "reportfactory.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"

#include <QApplication>
#include <QDir>
#include <QStyleFactory>
#include <QTextStream>
#include <QTreeView>

using namespace Gapwise;

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    return p;
}

bool shoot(const QString &file, const QSize &size, bool selectGap)
{
    MainWindow window;
    window.setReport(ReportFactory::seedLike());
    window.resize(size);
    window.show();
    QCoreApplication::processEvents();
    if (selectGap) {
        const QModelIndexList rows = window.treeModel()->groupIndexes(NodeKind::Gap, QStringLiteral("gap-2"));
        if (!rows.isEmpty())
            window.treeView()->setCurrentIndex(window.filterProxy()->mapFromTree(rows.first()));
    }
    const bool ok = window.saveScreenshot(file, size);
    QTextStream(stdout) << (ok ? "wrote " : "FAILED ") << file << '\n';
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("GapwiseScreenshots"));
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QDir::currentPath();
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    bool ok = shoot(QDir(dir).filePath(QStringLiteral("light-1400x900.png")), { 1400, 900 }, true);
    ok &= shoot(QDir(dir).filePath(QStringLiteral("light-1366x768.png")), { 1366, 768 }, true);
    QApplication::setPalette(darkPalette());
    ok &= shoot(QDir(dir).filePath(QStringLiteral("dark-1400x900.png")), { 1400, 900 }, true);
    return ok ? 0 : 1;
}
