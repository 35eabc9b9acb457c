// SPDX-License-Identifier: GPL-3.0-or-later
#include "textdecoding.h"

#include <QStringDecoder>

namespace Gapwise {
namespace {

    bool looksBinary(const QByteArray &raw)
    {
        // NUL bytes or many control characters in the first 8 KiB: text formats have neither.
        const int n = int(qMin<qsizetype>(raw.size(), 8192));
        int control = 0;
        for (int i = 0; i < n; ++i) {
            const uchar c = uchar(raw[i]);
            if (c == 0)
                return true;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b)
                ++control;
        }
        return n > 0 && control * 20 > n;
    }

    QByteArray normaliseNewlines(const QByteArray &in)
    {
        if (!in.contains('\r'))
            return in;
        QByteArray out;
        out.reserve(in.size());
        for (int i = 0; i < in.size(); ++i) {
            const char c = in[i];
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < in.size() && in[i + 1] == '\n')
                    ++i;
            } else {
                out.append(c);
            }
        }
        return out;
    }

} // namespace

DecodedText decodeText(const QByteArray &raw)
{
    DecodedText result;
    if (raw.startsWith("\xFF\xFE") || raw.startsWith("\xFE\xFF")) {
        // Stateless: a truncated last character is an error, not something to wait for.
        auto decoder = QStringDecoder(raw.startsWith("\xFF\xFE") ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE,
            QStringDecoder::Flag::Stateless);
        const QString text = decoder(raw.mid(2));
        if (decoder.hasError() || raw.size() % 2 != 0 || !text.isValidUtf16()
            || text.contains(QChar::ReplacementCharacter)) {
            result.error = QStringLiteral("the file starts with a UTF-16 byte order mark but is not valid UTF-16");
            return result;
        }
        result.utf8 = normaliseNewlines(text.toUtf8());
        return result;
    }
    QByteArray bytes = raw.startsWith("\xEF\xBB\xBF") ? raw.mid(3) : raw;
    if (looksBinary(bytes)) {
        result.error = QStringLiteral("the file is binary, not text");
        return result;
    }
    auto utf8 = QStringDecoder(QStringDecoder::Utf8);
    const QString asUtf8 = utf8(bytes);
    if (utf8.hasError()) {
        auto latin = QStringDecoder("Windows-1252");
        const QString text = latin.isValid() ? latin(bytes) : QString::fromLatin1(bytes);
        result.warning = QStringLiteral("the file is not valid UTF-8; it was read as Windows-1252");
        result.utf8 = normaliseNewlines(text.toUtf8());
        return result;
    }
    result.utf8 = normaliseNewlines(bytes);
    return result;
}

} // namespace Gapwise
