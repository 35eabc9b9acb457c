// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmlelementreader.h"
#include "xmlsafety.h"

#include <QIODevice>

namespace Gapwise {

XmlElementReader::XmlElementReader(QIODevice *xml, const ImportControl &control, int maxDepth)
    : m_xml(xml, maxDepth)
{
    m_xml.setCancelFlag(control.cancel);
    if (control.progress)
        m_xml.setProgress(control.progress);
}

bool XmlElementReader::next()
{
    const XmlStreamTokenizer::Token t = m_xml.readNext();
    return t != XmlStreamTokenizer::EndDocument && t != XmlStreamTokenizer::Invalid;
}

bool XmlElementReader::nextStartElement(const std::function<void()> &atEndElement)
{
    while (next()) {
        if (m_xml.tokenType() == XmlStreamTokenizer::StartElement) {
            m_atRoot = !m_rootSeen;
            m_rootSeen = true;
            return true;
        }
        if (m_xml.tokenType() == XmlStreamTokenizer::EndElement && atEndElement)
            atEndElement();
    }
    return false;
}

void XmlElementReader::skipElement()
{
    const int depth = m_xml.depth();
    while (next()) {
        if (atEnd(depth))
            return;
    }
}

QString XmlElementReader::elementText()
{
    QByteArray text;
    const int depth = m_xml.depth();
    while (next()) {
        if (atEnd(depth))
            break;
        if (m_xml.tokenType() == XmlStreamTokenizer::Characters)
            text += m_xml.text();
    }
    return QString::fromUtf8(text);
}

bool XmlElementReader::atStart(QByteArrayView name) const
{
    return m_xml.tokenType() == XmlStreamTokenizer::StartElement && m_xml.name() == name;
}

bool XmlElementReader::atEnd(int depth) const
{
    return m_xml.tokenType() == XmlStreamTokenizer::EndElement && m_xml.depth() == depth;
}

QString XmlElementReader::text(QByteArrayView attribute) const
{
    const QByteArrayView v = m_xml.attribute(attribute);
    return v.isEmpty() ? QString() : QString::fromUtf8(v);
}

int XmlElementReader::integer(QByteArrayView attribute) const
{
    const QByteArrayView v = m_xml.attribute(attribute).trimmed();
    bool ok = false;
    const int n = v.isEmpty() ? -1 : v.toInt(&ok);
    return ok && n >= 0 ? n : -1;
}

bool XmlElementReader::fail(const QString &displayName, ImportError *error, const QString &message) const
{
    error->file = displayName;
    if (!message.isEmpty() && !m_xml.hasError()) {
        error->message = message;
        error->line = m_xml.line();
        error->column = m_xml.column();
        return false;
    }
    error->message = m_xml.hasError() ? m_xml.errorMessage() : message;
    if (!m_xml.cancelled()) {
        error->line = m_xml.errorLine();
        error->column = m_xml.errorColumn();
    }
    return false;
}

bool XmlElementReader::expectRoot(const QString &format, QByteArrayView root, QByteArrayView otherRoot)
{
    const QByteArrayView name = m_xml.name();
    if (name == root || (!otherRoot.isEmpty() && name == otherRoot))
        return true;
    QString expected = QStringLiteral("<%1>").arg(QString::fromUtf8(root));
    if (!otherRoot.isEmpty())
        expected += QStringLiteral(" or <%1>").arg(QString::fromUtf8(otherRoot));
    m_xml.raiseError(
        QStringLiteral("not %1: the root element is <%2>, expected %3").arg(format, QString::fromUtf8(name), expected));
    return false;
}

bool XmlElementReader::finish(const QString &displayName, ImportError *error) const
{
    if (m_xml.hasError())
        return fail(displayName, error);
    if (!m_rootSeen) {
        error->file = displayName;
        error->message = QStringLiteral("no XML element found");
        return false;
    }
    return true;
}

bool checkXmlDevicePrologue(QIODevice *xml, const QString &displayName, ImportError *error)
{
    constexpr qint64 PrologPeek = qint64(64) * 1024;
    QByteArray prolog = xml->peek(PrologPeek);
    bool prologEnds = false;
    auto refused = checkXmlProlog(prolog, displayName, &prologEnds);
    if (!refused && !prologEnds && prolog.size() == PrologPeek)
        refused = checkXmlProlog(xml->peek(xml->size()), displayName);
    if (refused) {
        *error = *refused;
        return false;
    }
    return true;
}

QString firstTextLine(const QString &text)
{
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        const QStringView t = line.trimmed();
        if (!t.isEmpty())
            return t.toString();
    }
    return QString();
}

} // namespace Gapwise
