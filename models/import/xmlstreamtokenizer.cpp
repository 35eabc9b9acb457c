// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmlstreamtokenizer.h"

#include <QIODevice>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <cstring>
#include <mutex>

namespace Gapwise {
namespace {

    // 64 KiB per xmlParseChunk: a few hundred testcases, so the token queue stays small and cancel is prompt.
    constexpr qint64 ChunkSize = qint64(64) * 1024;
    // Before each queued attribute: the lengths of its name and of its value, two quint32.
    constexpr qsizetype AttributeHeader = 2 * sizeof(quint32);

    void ignoreGenericError(void *, const char *, ...) { }
    void ignoreStructuredError(void *, xmlErrorPtr) { }

    // Refuses every external resource, should any code path ask for one: nothing outside the file is read.
    xmlParserInputPtr refuseExternalEntity(const char *, const char *, xmlParserCtxtPtr)
    {
        return nullptr;
    }

    void initLibxml2Once()
    {
        static std::once_flag once;
        std::call_once(once, [] {
            xmlInitParser();
            xmlSetExternalEntityLoader(refuseExternalEntity);
        });
        // libxml2 keeps its fallback error handlers per thread: silence them on the thread that parses, so
        // nothing is printed to stderr (errors without a parser context, e.g. from an encoder).
        xmlSetGenericErrorFunc(nullptr, ignoreGenericError);
        xmlSetStructuredErrorFunc(nullptr, ignoreStructuredError);
    }

    QString trimmedLibxmlMessage(const char *message)
    {
        return message ? QString::fromUtf8(message).trimmed() : QStringLiteral("unknown error");
    }

} // namespace

struct XmlStreamTokenizer::Parser
{
    XmlStreamTokenizer *owner = nullptr;
    xmlParserCtxtPtr ctxt = nullptr;
    bool terminating = false; // the last chunk is being parsed: an error now means the file ended early

    static XmlStreamTokenizer *of(void *ctx) { return static_cast<XmlStreamTokenizer *>(ctx); }

    // Where the parser is: just past (or at the end of) what it has delivered.
    void position(int *line, int *column) const
    {
        *line = ctxt && ctxt->input ? ctxt->input->line : 1;
        *column = ctxt && ctxt->input ? qMax(1, ctxt->input->col) : 1;
    }

    // Line and column of the '<' of the start tag just parsed: the parser stands at its '>' or "/>", and the
    // whole tag is still in its buffer (the push parser waits for a complete tag). A start tag over several
    // lines so gets the line it begins on, as a reader expects.
    void tagStart(int *line, int *column) const
    {
        position(line, column);
        if (!ctxt || !ctxt->input || !ctxt->input->cur || !ctxt->input->base)
            return;
        // A '<' never stands inside a tag (attribute values have it escaped): the last one is where it starts.
        // memrchr and memchr, not a loop a byte at a time: this runs for every start tag.
        const char *base = reinterpret_cast<const char *>(ctxt->input->base);
        const char *cur = reinterpret_cast<const char *>(ctxt->input->cur);
        const char *p = *cur == '<' ? cur : static_cast<const char *>(memrchr(base, '<', size_t(cur - base)));
        if (!p)
            return; // shifted out of the buffer: keep where the parser stands
        for (const char *nl = p + 1;
             nl < cur && (nl = static_cast<const char *>(std::memchr(nl, '\n', size_t(cur - nl)))); ++nl)
            --*line;
        const char *lineEnd = static_cast<const char *>(memrchr(base, '\n', size_t(p - base)));
        const char *lineStart = lineEnd ? lineEnd + 1 : base;
        *column = int(p - lineStart) + 1;
    }

    static void appendName(QByteArray &arena, const xmlChar *prefix, const xmlChar *localname)
    {
        if (prefix) {
            arena.append(reinterpret_cast<const char *>(prefix));
            arena.append(':');
        }
        arena.append(reinterpret_cast<const char *>(localname));
    }

    // Without entity replacement (never asked for: XML_PARSE_NOENT is unsafe) libxml2 hands an attribute's
    // '&' (written &amp; or &#38;) on as "&#38;", for a tree builder to re-parse; every other reference is
    // already replaced. A literal "&#38;" in the file arrives as "&#38;#38;", so one left-to-right pass is exact.
    static void appendAttributeValue(QByteArray &arena, const char *value, qsizetype length)
    {
        const char *end = value + length;
        const char *amp = static_cast<const char *>(std::memchr(value, '&', size_t(length)));
        while (amp) {
            arena.append(value, amp - value);
            arena.append('&');
            value = end - amp >= 5 && std::memcmp(amp, "&#38;", 5) == 0 ? amp + 5 : amp + 1;
            amp = static_cast<const char *>(std::memchr(value, '&', size_t(end - value)));
        }
        arena.append(value, end - value);
    }

    static void startElement(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *, int,
        const xmlChar **, int nbAttributes, int, const xmlChar **attributes)
    {
        XmlStreamTokenizer *t = of(ctx);
        RawToken token;
        token.type = StartElement;
        token.depth = ++t->m_depth;
        t->m_rootSeen = true;
        t->m_parser->tagStart(&token.line, &token.column);
        if (token.depth > t->m_maxDepth) {
            t->fail(QStringLiteral("XML elements nested more than %1 deep; Gapwise stops there").arg(t->m_maxDepth),
                token.line, token.column);
            return;
        }
        QByteArray &arena = t->m_arena;
        token.nameBegin = int(arena.size());
        appendName(arena, prefix, localname);
        token.nameEnd = int(arena.size());
        token.textBegin = token.nameEnd;
        // SAX2 gives five pointers per attribute: local name, prefix, URI, value, value end (not terminated;
        // entities and character references already replaced). Each is queued as its name's and its value's
        // lengths, then both: attribute() steps over the others without reading them.
        for (int i = 0; i < nbAttributes; ++i) {
            const xmlChar **a = attributes + ptrdiff_t(5) * i;
            const qsizetype header = arena.size();
            arena.append(AttributeHeader, '\0');
            appendName(arena, a[1], a[0]);
            const qsizetype valueBegin = arena.size();
            appendAttributeValue(arena, reinterpret_cast<const char *>(a[3]), qsizetype(a[4] - a[3]));
            const quint32 lengths[2]
                = { quint32(valueBegin - header - AttributeHeader), quint32(arena.size() - valueBegin) };
            std::memcpy(arena.data() + header, lengths, AttributeHeader);
        }
        token.textEnd = int(arena.size());
        t->m_tokens.append(token);
    }

    static void endElement(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *)
    {
        XmlStreamTokenizer *t = of(ctx);
        RawToken token;
        token.type = EndElement;
        token.depth = t->m_depth--;
        t->m_parser->position(&token.line, &token.column);
        token.nameBegin = int(t->m_arena.size());
        appendName(t->m_arena, prefix, localname);
        token.nameEnd = token.textBegin = token.textEnd = int(t->m_arena.size());
        t->m_tokens.append(token);
    }

    static void characters(void *ctx, const xmlChar *ch, int len)
    {
        XmlStreamTokenizer *t = of(ctx);
        QByteArray &arena = t->m_arena;
        // libxml2 delivers text in pieces of a few hundred bytes: one token per run of text.
        if (!t->m_tokens.isEmpty() && t->m_tokens.last().type == Characters
            && t->m_tokens.last().textEnd == int(arena.size())) {
            arena.append(reinterpret_cast<const char *>(ch), len);
            t->m_tokens.last().textEnd = int(arena.size());
            return;
        }
        RawToken token;
        token.type = Characters;
        token.depth = t->m_depth;
        t->m_parser->position(&token.line, &token.column);
        token.nameBegin = token.nameEnd = token.textBegin = int(arena.size());
        arena.append(reinterpret_cast<const char *>(ch), len);
        token.textEnd = int(arena.size());
        t->m_tokens.append(token);
    }

    // Only called when the file has an external DTD (never loaded) and uses an entity it may declare there.
    static void reference(void *ctx, const xmlChar *name)
    {
        XmlStreamTokenizer *t = of(ctx);
        int line, column;
        t->m_parser->position(&line, &column);
        t->fail(QStringLiteral("undeclared entity &%1;").arg(QString::fromUtf8(reinterpret_cast<const char *>(name))),
            line, column);
    }

    // Second line of defence behind checkXmlProlog: whatever declares an entity stops the parse.
    static void entityDecl(void *ctx, const xmlChar *, int, const xmlChar *, const xmlChar *, xmlChar *)
    {
        XmlStreamTokenizer *t = of(ctx);
        int line, column;
        t->m_parser->position(&line, &column);
        t->fail(QStringLiteral("the XML declares entities in its DOCTYPE; Gapwise refuses them"), line, column);
    }

    static void unparsedEntityDecl(void *ctx, const xmlChar *, const xmlChar *, const xmlChar *, const xmlChar *)
    {
        entityDecl(ctx, nullptr, 0, nullptr, nullptr, nullptr);
    }

    static void structuredError(void *ctx, xmlErrorPtr error)
    {
        XmlStreamTokenizer *t = of(ctx);
        if (!error || t->hasError())
            return;
        const bool undeclaredEntity
            = error->code == XML_ERR_UNDECLARED_ENTITY || error->code == XML_WAR_UNDECLARED_ENTITY;
        // Recoverable errors (an undefined namespace prefix, validity) are not the reader's business: JUnit
        // names compare as written. Fatal ones (not well-formed) stop the import.
        if (error->level != XML_ERR_FATAL && !undeclaredEntity)
            return;
        const int line = error->line > 0 ? error->line : 1;
        const int column = qMax(1, error->int2);
        QString message;
        if (undeclaredEntity && error->str1)
            message = QStringLiteral("undeclared entity &%1;").arg(QString::fromUtf8(error->str1));
        else if (error->code == XML_ERR_INTERNAL_ERROR && error->message
            && std::strstr(error->message, "Excessive depth"))
            message = QStringLiteral("XML elements nested more than %1 deep; Gapwise stops there").arg(t->m_maxDepth);
        else if (error->code == XML_ERR_DOCUMENT_EMPTY || (t->m_parser->terminating && !t->m_rootSeen))
            message = QStringLiteral("no XML element found");
        else if (t->m_parser->terminating && t->m_depth > 0)
            message = QStringLiteral("the XML ends before its root element is closed (truncated file?)");
        else
            message = QStringLiteral("malformed XML: %1").arg(trimmedLibxmlMessage(error->message));
        t->fail(message, line, column);
    }
};

XmlStreamTokenizer::XmlStreamTokenizer(QIODevice *device, int maxDepth)
    : m_device(device)
    , m_size(device->size())
    , m_maxDepth(maxDepth)
    , m_parser(std::make_unique<Parser>())
{
    initLibxml2Once();
    m_parser->owner = this;
    m_chunk.resize(ChunkSize);
}

XmlStreamTokenizer::~XmlStreamTokenizer()
{
    if (m_parser->ctxt) {
        // In SAX mode libxml2 still builds a stub document for a DOCTYPE with declarations ("for expat
        // compatibility"); the context does not own it. Found by the fuzzer (a leak).
        if (m_parser->ctxt->myDoc)
            xmlFreeDoc(m_parser->ctxt->myDoc);
        xmlFreeParserCtxt(m_parser->ctxt);
    }
}

void XmlStreamTokenizer::fail(const QString &message, int line, int column)
{
    if (!hasError()) {
        m_error = message;
        m_errorLine = line;
        m_errorColumn = column;
    }
    if (m_parser->ctxt)
        xmlStopParser(m_parser->ctxt);
}

void XmlStreamTokenizer::raiseError(const QString &message)
{
    fail(message, line(), column());
    m_finished = true;
    m_tokens.clear();
    m_next = 0;
    m_current = nullptr;
}

QByteArrayView XmlStreamTokenizer::name() const
{
    if (!m_current)
        return {};
    return QByteArrayView(m_arena.constData() + m_current->nameBegin, m_current->nameEnd - m_current->nameBegin);
}

QByteArrayView XmlStreamTokenizer::text() const
{
    if (!m_current || m_current->type != Characters)
        return {};
    return QByteArrayView(m_arena.constData() + m_current->textBegin, m_current->textEnd - m_current->textBegin);
}

QByteArrayView XmlStreamTokenizer::attribute(QByteArrayView wanted) const
{
    if (!m_current || m_current->type != StartElement)
        return {};
    const char *p = m_arena.constData() + m_current->textBegin;
    const char *end = m_arena.constData() + m_current->textEnd;
    while (p < end) {
        quint32 lengths[2]; // name, value
        std::memcpy(lengths, p, AttributeHeader);
        const char *name = p + AttributeHeader;
        if (lengths[0] == quint64(wanted.size()) && std::memcmp(name, wanted.data(), lengths[0]) == 0)
            return QByteArrayView(name + lengths[0], lengths[1]);
        p = name + lengths[0] + lengths[1];
    }
    return {};
}

bool XmlStreamTokenizer::refill()
{
    m_tokens.resize(0);
    m_arena.resize(0); // keeps its capacity: the next chunk's tokens fit without allocating
    m_next = 0;
    m_current = nullptr;
    while (m_tokens.isEmpty() && !m_finished) {
        if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
            m_wasCancelled = true;
            fail(QStringLiteral("import cancelled"), 0, 0);
            m_finished = true;
            break;
        }
        const qint64 n = m_device->read(m_chunk.data(), ChunkSize);
        const bool last = n <= 0;
        const int bytes = int(qMax<qint64>(0, n));
        m_fed += bytes;
        m_parser->terminating = last;
        if (!m_parser->ctxt) {
            static xmlSAXHandler sax = [] {
                xmlSAXHandler h;
                std::memset(&h, 0, sizeof h);
                h.initialized = XML_SAX2_MAGIC;
                h.startElementNs = Parser::startElement;
                h.endElementNs = Parser::endElement;
                h.characters = Parser::characters;
                h.cdataBlock = Parser::characters;
                h.ignorableWhitespace = Parser::characters;
                h.reference = Parser::reference;
                h.entityDecl = Parser::entityDecl;
                h.unparsedEntityDecl = Parser::unparsedEntityDecl;
                h.serror = Parser::structuredError;
                return h; // no externalSubset/resolveEntity: libxml2 has no way to load a DTD or entity
            }();
            // The first bytes pick the encoding (BOM or not); the XML declaration may switch it later.
            m_parser->ctxt = xmlCreatePushParserCtxt(&sax, this, m_chunk.constData(), bytes, nullptr);
            if (!m_parser->ctxt) {
                fail(QStringLiteral("out of memory starting the XML parser"), 1, 1);
                m_finished = true;
                break;
            }
            xmlCtxtUseOptions(m_parser->ctxt, XML_PARSE_NONET);
            xmlParseChunk(m_parser->ctxt, nullptr, 0, last ? 1 : 0);
        } else {
            xmlParseChunk(m_parser->ctxt, m_chunk.constData(), bytes, last ? 1 : 0);
        }
        if (m_progress && m_size > 0) {
            const int permille = int(qMin<qint64>(1000, m_fed * 1000 / m_size));
            if (permille != m_lastPermille) {
                m_lastPermille = permille;
                m_progress(permille);
            }
        }
        if (last || hasError())
            m_finished = true;
    }
    return !m_tokens.isEmpty();
}

XmlStreamTokenizer::Token XmlStreamTokenizer::readNext()
{
    if (m_next >= m_tokens.size() && (hasError() || !refill())) {
        m_current = nullptr;
        return hasError() ? Invalid : EndDocument;
    }
    m_current = &m_tokens[m_next++];
    return Token(m_current->type);
}

} // namespace Gapwise
