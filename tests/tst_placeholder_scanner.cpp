// SPDX-License-Identifier: GPL-3.0-or-later
// The hand-written placeholder scanners (placeholderkinds.cpp) make exactly the templates the regular
// expressions they replaced made (regexmessagetemplate.cpp): on messages built from the fragments where the
// rules' edges are (digits next to letters, dots, colons, slashes, units, month names, non-ASCII letters and
// digits), and on the real log lines of the shared Loghub systems.
#include "loghub.h"
#include "messagetemplate.h"
#include "regexmessagetemplate.h"
#include "testsupport.h"

#include <QDir>
#include <QRandomGenerator>

#include <catch2/catch.hpp>

using namespace Gapwise;

namespace {

QString randomMessage(QRandomGenerator &random)
{
    static const QStringList fragments = { QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("7"),
        QStringLiteral("12"), QStringLiteral("123"), QStringLiteral("1234"), QStringLiteral("255"),
        QStringLiteral("65535"), QStringLiteral("123456"), QStringLiteral("9f86d0"), QStringLiteral("deadbeef"),
        QStringLiteral("abcdef"), QStringLiteral("a"), QStringLiteral("B"), QStringLiteral("e"), QStringLiteral("E"),
        QStringLiteral("x"), QStringLiteral("Z"), QStringLiteral("T"), QStringLiteral("py"), QStringLiteral("cpp"),
        QStringLiteral("js"), QStringLiteral("jsx"), QStringLiteral("h"), QStringLiteral("swift"),
        QStringLiteral("localhost"), QStringLiteral("Jan"), QStringLiteral("Dec"), QStringLiteral("Fri"),
        QStringLiteral("Mon"), QStringLiteral("user"), QStringLiteral("blk"), QStringLiteral("ms"), QStringLiteral("s"),
        QStringLiteral("%"), QStringLiteral("_"), QStringLiteral("-"), QStringLiteral("+"), QStringLiteral("."),
        QStringLiteral(","), QStringLiteral(":"), QStringLiteral(";"), QStringLiteral("/"), QStringLiteral("\\"),
        QStringLiteral("~"), QStringLiteral("://"), QStringLiteral("http"), QStringLiteral("0x"), QStringLiteral("["),
        QStringLiteral("]"), QStringLiteral("("), QStringLiteral(")"), QStringLiteral("<"), QStringLiteral(">"),
        QStringLiteral("'"), QStringLiteral("\""), QStringLiteral("="), QStringLiteral(" "), QStringLiteral("  "),
        QStringLiteral("\t"), QStringLiteral("2024-05-01"), QStringLiteral("10:00:00"), QStringLiteral(".5"),
        QStringLiteral("e5"), QStringLiteral("C:\\"), QStringLiteral("<NUM>"), QStringLiteral("<HOST:PORT>"),
        QString::fromUtf8("é"), QString::fromUtf8("ħ"), QString::fromUtf8("€"), QString::fromUtf8("٣"),
        QString::fromUtf8("µ"), QString(QChar(0)), QString(QChar(0xA0)), QString(QChar(0x85)) };
    QString message;
    const int count = 1 + random.bounded(14);
    for (int i = 0; i < count; ++i)
        message += fragments[random.bounded(int(fragments.size()))];
    return message;
}

} // namespace

TEST_CASE("Placeholder scanners make the templates the regular expressions made", "[signatures][scanner]")
{
    SECTION("messages at the rules' edges")
    {
        const QStringList examples = {
            QStringLiteral("GET http://10.0.0.7:8080/api/users/42?x=1 failed (req 9f86d081884c)"),
            QStringLiteral("job 123e4567-e89b-12d3-a456-426614174000 lost"),
            QStringLiteral("deadline 2024-05-01T10:00:00.123+02:00 passed at 10:00:01"),
            QStringLiteral("Fri Jun 17 07:07:00 2005 and Jun  9 07:07:00 2005x and Jun 123 07:07:00"),
            QStringLiteral("cannot open /var/cache/run-7/users.json, C:\\build\\a.dll or ~/x"),
            QStringLiteral("see src/app/module.py.bak and a/b.c.toolong and x/.py and a/b/c.d-e"),
            QStringLiteral("at main.cpp:58 and test_x.py:12a and x.PY:3 and y.jsx:4"),
            QStringLiteral("connect to localhost:6379, localhost.x:80, [::1]:8080, db1.internal:5432, 1.2.3.4:123456"),
            QStringLiteral("<Foo object at 0x7f3a2c1d9e50> 0x 0xg"),
            QStringLiteral("expected 3 items, got -12 (user-42) 1.5x2 1e5x 1e 5%x 30.5s 12_3 +7"),
            QStringLiteral("blk_-1608999687919862906 x86_64 tty2 run_7a"),
        };
        for (const QString &m : examples) {
            INFO(m.toStdString());
            CHECK(messageTemplate(m) == Reference::regexMessageTemplate(m));
        }
    }

    SECTION("random messages from edge fragments")
    {
        QRandomGenerator random(17);
        int differ = 0;
        for (int i = 0; i < 100000; ++i) {
            const QString m = randomMessage(random);
            const QString scanned = messageTemplate(m), reference = Reference::regexMessageTemplate(m);
            if (scanned != reference && ++differ <= 5) {
                INFO("message: " << m.toStdString() << "\nscanners: " << scanned.toStdString()
                                 << "\nregexes:  " << reference.toStdString());
                CHECK(scanned == reference);
            }
        }
        CHECK(differ == 0);
    }

    SECTION("the shared Loghub systems")
    {
        const QString corpus = TestSupport::sharedPath(QStringLiteral("corpus/loghub-2k"));
        if (corpus.isEmpty()) {
            WARN("../shared/corpus/loghub-2k is absent: the Loghub lines are not compared");
            return;
        }
        int lines = 0;
        for (const QFileInfo &file : QDir(corpus).entryInfoList({ QStringLiteral("*.csv") }, QDir::Files)) {
            for (const Loghub::Line &line : Loghub::readCsv(file.filePath())) {
                ++lines;
                if (messageTemplate(line.content) != Reference::regexMessageTemplate(line.content)) {
                    INFO(file.baseName().toStdString() << ": " << line.content.toStdString());
                    CHECK(messageTemplate(line.content) == Reference::regexMessageTemplate(line.content));
                }
            }
        }
        CHECK(lines >= 14000);
    }
}
