// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmlsafety.h"

namespace Gapwise {

void lineAndColumnAt(const QByteArray &text, qsizetype offset, int *line, int *column)
{
    offset = qBound<qsizetype>(0, offset, text.size());
    int l = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++l;
            lineStart = i + 1;
        }
    }
    *line = l;
    *column = int(offset - lineStart) + 1;
}

std::optional<ImportError> checkXmlProlog(const QByteArray &xml, const QString &displayName, bool *prologEnds)
{
    if (prologEnds)
        *prologEnds = false;
    // Only the prolog can declare entities: scan up to the first start tag of an element.
    qsizetype pos = 0;
    const qsizetype n = xml.size();
    while (pos < n) {
        const qsizetype lt = xml.indexOf('<', pos);
        if (lt < 0 || lt + 1 >= n)
            break;
        const char next = xml[lt + 1];
        if (next == '?') { // XML declaration or processing instruction
            const qsizetype end = xml.indexOf("?>", lt + 2);
            pos = end < 0 ? n : end + 2;
            continue;
        }
        if (xml.mid(lt, 4) == "<!--") {
            const qsizetype end = xml.indexOf("-->", lt + 4);
            pos = end < 0 ? n : end + 3;
            continue;
        }
        if (next != '!') { // the root element: the prolog is over
            if (prologEnds)
                *prologEnds = true;
            break;
        }
        // <!DOCTYPE ...> or a stray declaration. A DOCTYPE without an internal subset names a DTD that we
        // never load, so it is harmless; any ENTITY declaration is refused. Every search stays within this
        // declaration, so a prolog of many declarations is still read in linear time.
        qsizetype declEnd = xml.indexOf('>', lt);
        const qsizetype firstEnd = declEnd < 0 ? n : declEnd;
        const QByteArray head = QByteArray::fromRawData(xml.constData() + lt, firstEnd - lt);
        if (head.contains('[')) {
            const qsizetype subsetClose = xml.indexOf("]>", lt + head.indexOf('['));
            declEnd = subsetClose < 0 ? n - 1 : subsetClose + 1;
        }
        const qsizetype end = declEnd < 0 ? n : declEnd + 1;
        const qsizetype entity = QByteArray::fromRawData(xml.constData() + lt, end - lt).indexOf("<!ENTITY");
        if (entity >= 0) {
            ImportError error;
            error.file = displayName;
            lineAndColumnAt(xml, lt + entity, &error.line, &error.column);
            error.message = QStringLiteral("the XML declares entities (<!ENTITY>); Gapwise refuses entity "
                                           "declarations and never reads external entities");
            return error;
        }
        pos = declEnd < 0 ? n : declEnd + 1;
    }
    return std::nullopt;
}

} // namespace Gapwise
