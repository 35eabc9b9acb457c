// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVector>

#include <atomic>
#include <functional>
#include <memory>

class QIODevice;

namespace Gapwise {

// A pull tokenizer for big XML reports (JUnit today, TRX/NUnit next) on libxml2's SAX2 push parser: the file
// is fed 64 KiB at a time, the callbacks queue compact tokens, readNext() hands them out. libxml2 is what
// xmllint uses and is fuzzed upstream; through SAX2 nothing builds a tree, so 1M testcases stream in bounded
// memory.
//
// Safety: no external entity, DTD or URL is ever loaded (XML_PARSE_NONET; never NOENT, DTDLOAD, DTDATTR; no
// external-subset callback installed at all), an entity declaration stops the parse, an undeclared entity is
// an error, elements nest at most `maxDepth` deep, and no libxml2 message is printed: errors are collected
// per tokenizer, with line and column.
//
// Names and values are UTF-8 (libxml2 decodes the file's declared encoding or BOM). Views stay valid until
// the next readNext().
class XmlStreamTokenizer
{
public:
    enum Token
    {
        StartElement,
        EndElement,
        Characters,
        EndDocument,
        Invalid
    };

    XmlStreamTokenizer(QIODevice *device, int maxDepth);
    ~XmlStreamTokenizer();
    XmlStreamTokenizer(const XmlStreamTokenizer &) = delete;
    XmlStreamTokenizer &operator=(const XmlStreamTokenizer &) = delete;

    // Asked between chunks; true stops the parse with "import cancelled".
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    // Called with 0..1000 as bytes are read (at most once per permille).
    void setProgress(std::function<void(int)> progress) { m_progress = std::move(progress); }

    Token readNext();
    Token tokenType() const { return m_current ? Token(m_current->type) : Invalid; }
    bool atEnd() const { return m_finished && m_next >= m_tokens.size(); }

    QByteArrayView name() const; // qualified name of a start or end element
    QByteArrayView text() const; // characters (CDATA included)
    QByteArrayView attribute(QByteArrayView name) const; // empty when absent
    int depth() const { return m_current ? m_current->depth : 0; } // 1 for the root element
    // Line and column where the current token starts (a start tag: its '<').
    int line() const { return m_current ? m_current->line : 1; }
    int column() const { return m_current ? m_current->column : 1; }

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorMessage() const { return m_error; }
    int errorLine() const { return m_errorLine; }
    int errorColumn() const { return m_errorColumn; }
    bool cancelled() const { return m_wasCancelled; }
    // Stops at the current token with a message of the caller's (a limit, a wrong root element).
    void raiseError(const QString &message);

    struct Parser; // the libxml2 side, in the .cpp

private:
    struct RawToken
    {
        int type;
        int depth;
        int line;
        int column;
        int nameBegin, nameEnd; // in m_arena
        int textBegin, textEnd; // characters, or the attributes (lengths, name, value: see the .cpp)
    };
    friend struct Parser;

    bool refill();
    void fail(const QString &message, int line, int column);

    QIODevice *m_device;
    const qint64 m_size;
    const int m_maxDepth;
    std::unique_ptr<Parser> m_parser;
    QByteArray m_arena; // names, values and text of the queued tokens
    QVector<RawToken> m_tokens; // queued by the SAX callbacks
    int m_next = 0;
    const RawToken *m_current = nullptr;
    QByteArray m_chunk;
    qint64 m_fed = 0;
    bool m_finished = false;
    bool m_rootSeen = false; // a start element was parsed: an early end is a truncated file
    int m_depth = 0;
    const std::atomic_bool *m_cancel = nullptr;
    std::function<void(int)> m_progress;
    int m_lastPermille = -1;
    bool m_wasCancelled = false;
    QString m_error;
    int m_errorLine = 0;
    int m_errorColumn = 0;
};

} // namespace Gapwise
