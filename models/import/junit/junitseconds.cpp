// SPDX-License-Identifier: GPL-3.0-or-later
#include "junitseconds.h"

namespace Gapwise {
namespace {

    // Powers of ten a double holds exactly.
    constexpr double ExactPowersOfTen[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
    constexpr int MaxExactPower = 22;
    constexpr quint64 MaxExactInteger = quint64(1) << 53;
    constexpr int MaxDigits = 19; // 19 decimal digits never overflow 64 bits

    // "digits" or "digits.digits" whose digits, read as one integer, a double holds exactly, with at most 22
    // after the point: then integer / 10^fraction is one correctly rounded division, the same double any
    // correct decimal conversion (Qt's included) gives. False for anything else.
    bool plainDecimal(QByteArrayView text, double *value)
    {
        const char *p = text.data();
        const char *const end = p + text.size();
        quint64 integer = 0;
        int digits = 0;
        int fraction = -1; // digits after the point; -1 before one is seen
        for (; p < end; ++p) {
            const char ch = *p;
            if (ch >= '0' && ch <= '9') {
                if (++digits > MaxDigits)
                    return false;
                integer = integer * 10 + quint64(ch - '0');
                if (fraction >= 0)
                    ++fraction;
            } else if (ch == '.' && fraction < 0 && digits > 0) {
                fraction = 0;
            } else {
                return false;
            }
        }
        if (digits == 0 || fraction == 0 || integer > MaxExactInteger || fraction > MaxExactPower)
            return false; // empty, "12." (left to Qt), or not exact
        *value = fraction > 0 ? double(integer) / ExactPowersOfTen[fraction] : double(integer);
        return true;
    }

} // namespace

double junitSeconds(QByteArrayView text)
{
    double s = 0;
    if (plainDecimal(text, &s))
        return s;
    bool ok = false;
    s = text.trimmed().toDouble(&ok);
    return ok && s >= 0 ? s : -1.0;
}

} // namespace Gapwise
