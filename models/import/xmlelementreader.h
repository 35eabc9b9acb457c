// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer.h"
#include "xmlstreamtokenizer.h"

#include <QString>

#include <functional>

class QIODevice;

namespace Gapwise {

// What every XML report reader beside JUnit's needs on top of XmlStreamTokenizer: step, skip an element, read
// an element's text, typed attributes; and the safe start (entity declarations refused with line and column).
// TRX, NUnit and xUnit.net readers are written on it.
class XmlElementReader
{
public:
    XmlElementReader(QIODevice *xml, const ImportControl &control, int maxDepth = 256);

    XmlStreamTokenizer &xml() { return m_xml; }
    // False at the end of the document or on an error (the tokenizer keeps it).
    bool next();
    // A reader's main loop: steps to the next start element, handing each end element on the way to
    // `atEndElement` (a reader closes there what it opened at that depth). False as next() is.
    bool nextStartElement(const std::function<void()> &atEndElement = nullptr);
    // On the document's root element, the first start element nextStartElement() stepped to.
    bool atRoot() const { return m_atRoot; }
    // Called on a start element: reads past its end element.
    void skipElement();
    // The text of the element, its children's included; called on its start element, reads past its end.
    QString elementText();
    bool atStart(QByteArrayView name) const;
    bool atEnd(int depth) const; // the end element of the element opened at `depth`

    QString text(QByteArrayView attribute) const;
    int integer(QByteArrayView attribute) const; // -1 when absent or not a number >= 0

    // Called on the root element: true when it is `root` or `otherRoot` (when given); otherwise raises "not
    // <format>: the root element is <x>, expected <root> or <otherRoot>" on the tokenizer and returns false.
    bool expectRoot(const QString &format, QByteArrayView root, QByteArrayView otherRoot = {});

    // Fills `error` from the tokenizer (line and column) or with `message`; returns false for convenience.
    bool fail(const QString &displayName, ImportError *error, const QString &message = QString()) const;
    // The end of a reader's run: false with the tokenizer's error, or "no XML element found" when
    // nextStartElement() found no root element; true otherwise.
    bool finish(const QString &displayName, ImportError *error) const;

private:
    XmlStreamTokenizer m_xml;
    bool m_rootSeen = false;
    bool m_atRoot = false;
};

// Refuses entity declarations in the prolog of `xml` (an open device, peeked, not read) as the JUnit reader
// does. Returns false and fills `error` when refused.
bool checkXmlDevicePrologue(QIODevice *xml, const QString &displayName, ImportError *error);

// The first non-blank line of `text`.
QString firstTextLine(const QString &text);

} // namespace Gapwise
