// SPDX-License-Identifier: GPL-3.0-or-later
// A report line quoted in the details pane draws every character: a status emoji that no installed font has
// (no emoji font on the system) reads as a text mark instead of an empty box.

#include "detailspane.h"
#include "mainwindow.h"
#include "reporttreemodel.h"
#include "sessioncontroller.h"
#include "testsupport.h"
#include "windowfixtures.h"

#include <catch2/catch.hpp>

#include <QFontDatabase>
#include <QGlyphRun>
#include <QTemporaryDir>
#include <QTextLayout>

using namespace Gapwise;

namespace {

// Whether `text` lays out in `font` (with Qt's fallback fonts) without a missing-glyph box.
bool drawsEveryCharacter(const QString &text, const QFont &font)
{
    QTextLayout layout(text, font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    for (const QGlyphRun &run : layout.glyphRuns()) {
        for (const quint32 glyph : run.glyphIndexes()) {
            if (glyph == 0)
                return false;
        }
    }
    return true;
}

} // namespace

TEST_CASE("The quoted report line draws its status emoji, or a text mark where no font has them", "[window][glyphs]")
{
    QTemporaryDir dir;
    const QString path = TestSupport::writeFileOrFail(dir, QStringLiteral("glyphs.md"),
        "# Report\n\n## Unit Tests\n\n**Failed:** 1\n\n- `test_001_login`: \xE2\x9D\x8C FAILED\n");
    MainWindow w;
    w.sessionController()->setAsker([] { return SessionController::Answer::Discard; });
    REQUIRE(TestSupport::openAndWait(w, path));
    DetailsPane *details = w.detailsPane();
    details->showIndex(w.treeModel(), w.treeModel()->indexForTest(0));
    QString quoted;
    for (const QString &line : details->toPlainText().split(QLatin1Char('\n'))) {
        if (line.contains(QLatin1String("FAILED")) && line.contains(QLatin1String("test_001_login")))
            quoted = line;
    }
    INFO(details->toPlainText().toStdString());
    REQUIRE_FALSE(quoted.isEmpty());
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    CHECK(drawsEveryCharacter(quoted, fixed));
    const QString cross = QString::fromUcs4(U"\u274C");
    if (drawsEveryCharacter(cross, fixed))
        CHECK(quoted.contains(cross)); // an emoji font: the line as written
    else
        CHECK(quoted.contains(QString::fromUcs4(U"\u2717 FAILED")));
}
