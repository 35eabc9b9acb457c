// SPDX-License-Identifier: GPL-3.0-or-later
// XmlStreamTokenizer, the libxml2 layer every bulk XML importer reads through: tokens, positions, encodings,
// and the safety rules (no entity, no DTD, bounded nesting) on their own, without the JUnit mapping.
#include "xmlstreamtokenizer.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QUrl>

#include <atomic>
#include <initializer_list>

using namespace Gapwise;

namespace {

struct Tokens
{
    QStringList seen; // "<name a=v>", "</name>", "text"
    QString error;
    int errorLine = 0, errorColumn = 0;
};

// Every token as text; attributes named in `attributes` are shown when present.
Tokens tokenize(const QByteArray &xml, int maxDepth = 256, const QList<QByteArray> &attributes = {})
{
    QBuffer buffer;
    buffer.setData(xml);
    buffer.open(QIODevice::ReadOnly);
    XmlStreamTokenizer reader(&buffer, maxDepth);
    Tokens out;
    for (;;) {
        const XmlStreamTokenizer::Token t = reader.readNext();
        if (t == XmlStreamTokenizer::EndDocument || t == XmlStreamTokenizer::Invalid)
            break;
        if (t == XmlStreamTokenizer::StartElement) {
            QString s = QLatin1Char('<') + QString::fromUtf8(reader.name());
            for (const QByteArray &a : attributes) {
                if (!reader.attribute(a).isNull())
                    s += QLatin1Char(' ') + QString::fromUtf8(a) + QLatin1Char('=')
                        + QString::fromUtf8(reader.attribute(a));
            }
            out.seen << s + QLatin1Char('>');
        } else if (t == XmlStreamTokenizer::EndElement) {
            out.seen << QStringLiteral("</") + QString::fromUtf8(reader.name()) + QLatin1Char('>');
        } else if (!reader.text().trimmed().isEmpty()) {
            out.seen << QString::fromUtf8(reader.text());
        }
    }
    out.error = reader.errorMessage();
    out.errorLine = reader.errorLine();
    out.errorColumn = reader.errorColumn();
    return out;
}

// QT_NO_CAST_FROM_ASCII: the expected tokens as UTF-8 literals.
QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

} // namespace

TEST_CASE("XML tokenizer: elements, attributes with references replaced, text and CDATA in one run", "[xml]")
{
    const Tokens t = tokenize("<?xml version=\"1.0\"?>\n<a x=\"1 &amp; 2\" y='&#65;'><b/>t&lt;1<![CDATA[<raw>]]>2"
                              "<!-- no comment token --></a>",
        256, { "x", "y", "z" });
    CHECK(t.error.isEmpty());
    // libxml2 passes an attribute's '&' on as "&#38;" without entity replacement: the tokenizer decodes it.
    const Tokens amp = tokenize("<a x=\"&amp;&#38;&amp;#38;&lt;\"/>", 256, { "x" });
    CHECK(amp.seen == strings({ "<a x=&&&#38;<>", "</a>" }));
    CHECK(t.seen == strings({ "<a x=1 & 2 y=A>", "<b>", "</b>", "t<1<raw>2", "</a>" }));
}

TEST_CASE("XML tokenizer: a start tag's line and column are where its '<' is, even over several lines", "[xml]")
{
    const QByteArray xml = "<r>\n  <a\n     name=\"x\"\n  />\n    <b name=\"y\"/>\n</r>\n";
    QBuffer buffer;
    buffer.setData(xml);
    buffer.open(QIODevice::ReadOnly);
    XmlStreamTokenizer reader(&buffer, 256);
    QList<std::pair<int, int>> starts;
    QList<int> depths;
    while (reader.readNext() != XmlStreamTokenizer::EndDocument) {
        if (reader.tokenType() == XmlStreamTokenizer::StartElement) {
            starts.append({ reader.line(), reader.column() });
            depths.append(reader.depth());
        }
    }
    CHECK_FALSE(reader.hasError());
    CHECK(starts == QList<std::pair<int, int>> { { 1, 1 }, { 2, 3 }, { 5, 5 } });
    CHECK(depths == QList<int> { 1, 2, 2 });
}

TEST_CASE("XML tokenizer: line numbers past 65,535 stay exact", "[xml]")
{
    QByteArray xml = "<r>\n";
    for (int i = 0; i < 70000; ++i)
        xml += "<t/>\n";
    xml += "<last/>\n</r>\n";
    QBuffer buffer;
    buffer.setData(xml);
    buffer.open(QIODevice::ReadOnly);
    XmlStreamTokenizer reader(&buffer, 256);
    int lastLine = 0;
    while (reader.readNext() != XmlStreamTokenizer::EndDocument) {
        if (reader.tokenType() == XmlStreamTokenizer::StartElement && reader.name() == "last")
            lastLine = reader.line();
    }
    CHECK(lastLine == 70002);
}

TEST_CASE("XML tokenizer: encodings come from the BOM or the declaration, names and text as UTF-8", "[xml]")
{
    const Tokens latin1
        = tokenize("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a n=\"caf\xe9\">\xe9t\xe9</a>", 256, { "n" });
    CHECK(latin1.seen == strings({ "<a n=café>", "été", "</a>" }));
    const QString text = QStringLiteral("<a n=\"é\">ü</a>");
    QByteArray utf16le("\xFF\xFE", 2);
    utf16le.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    const Tokens utf16 = tokenize(utf16le, 256, { "n" });
    CHECK(utf16.error.isEmpty());
    CHECK(utf16.seen == strings({ "<a n=é>", "ü", "</a>" }));
}

TEST_CASE("XML tokenizer: entity declarations stop the parse, undeclared entities are errors", "[xml][hostile]")
{
    const Tokens declared = tokenize("<!DOCTYPE a [\n<!ENTITY e \"boom\">\n]>\n<a>&e;</a>");
    CHECK(declared.error.contains(QLatin1String("declares entities")));
    CHECK(declared.errorLine == 2);
    CHECK_FALSE(declared.seen.join(QString()).contains(QLatin1String("boom")));
    const Tokens undeclared = tokenize("<a>\n x &nbsp; y</a>");
    CHECK(undeclared.error == QLatin1String("undeclared entity &nbsp;"));
    CHECK(undeclared.errorLine == 2);
    const Tokens inAttribute = tokenize("<a b=\"&nope;\"/>");
    CHECK(inAttribute.error == QLatin1String("undeclared entity &nope;"));
}

TEST_CASE("XML tokenizer: an external DTD is never loaded, so its entities stay undeclared", "[xml][hostile]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QFile dtd(dir.filePath(QStringLiteral("evil.dtd")));
    REQUIRE(dtd.open(QIODevice::WriteOnly));
    dtd.write("<!ENTITY leak \"CANARY-DTD-READ\">\n<!ATTLIST a d CDATA \"CANARY-DEFAULT\">\n");
    dtd.close();
    const QByteArray xml
        = "<!DOCTYPE a SYSTEM \"" + QUrl::fromLocalFile(dtd.fileName()).toEncoded() + "\">\n<a>&leak;</a>";
    const Tokens t = tokenize(xml, 256, { "d" });
    CHECK(t.error == QLatin1String("undeclared entity &leak;"));
    CHECK_FALSE(t.seen.join(QString()).contains(QLatin1String("CANARY")));
    // Without an entity reference the document reads, and no default attribute comes from the DTD.
    const Tokens plain = tokenize(
        "<!DOCTYPE a SYSTEM \"" + QUrl::fromLocalFile(dtd.fileName()).toEncoded() + "\">\n<a/>", 256, { "d" });
    CHECK(plain.error.isEmpty());
    CHECK(plain.seen == strings({ "<a>", "</a>" }));
}

TEST_CASE("XML tokenizer: nesting past the limit is an error at the element that goes too deep", "[xml][hostile]")
{
    const Tokens ok = tokenize("<a><b><c/></b></a>", 3);
    CHECK(ok.error.isEmpty());
    const Tokens deep = tokenize("<a>\n<b>\n<c>\n<d/></c></b></a>", 3);
    CHECK(deep.error == QLatin1String("XML elements nested more than 3 deep; Gapwise stops there"));
    CHECK(deep.errorLine == 4);
    // Tokens before the error are delivered; none after it.
    CHECK(deep.seen == strings({ "<a>", "<b>", "<c>" }));
}

TEST_CASE("XML tokenizer: malformed, truncated and empty input say so with a position", "[xml][hostile]")
{
    const Tokens malformed = tokenize("<a>\n<b></c></a>");
    CHECK(malformed.error.startsWith(QLatin1String("malformed XML: ")));
    CHECK(malformed.errorLine == 2);
    const Tokens truncated = tokenize("<a>\n<b>text");
    CHECK(truncated.error.contains(QLatin1String("truncated")));
    CHECK(tokenize("").error == QLatin1String("no XML element found"));
    CHECK(tokenize("<?xml version=\"1.0\"?>\n<!-- nothing -->\n").error == QLatin1String("no XML element found"));
}

TEST_CASE("XML tokenizer: a set cancel flag stops the parse", "[xml]")
{
    QBuffer buffer;
    buffer.setData("<a>" + QByteArray("<b/>").repeated(100000) + "</a>");
    buffer.open(QIODevice::ReadOnly);
    XmlStreamTokenizer reader(&buffer, 256);
    std::atomic_bool cancel { true };
    reader.setCancelFlag(&cancel);
    CHECK(reader.readNext() == XmlStreamTokenizer::Invalid);
    CHECK(reader.cancelled());
    CHECK(reader.errorMessage() == QLatin1String("import cancelled"));
}
