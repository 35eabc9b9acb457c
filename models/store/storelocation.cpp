// SPDX-License-Identifier: GPL-3.0-or-later
#include "storelocation.h"

#include <QFileInfo>
#include <QStringList>
#include <QUrl>

namespace Gapwise {
namespace {

    const QLatin1String Schemes[] = { QLatin1String("postgresql://"), QLatin1String("postgres://") };

    bool setPort(StoreLocation *location, const QString &text, QString *error)
    {
        bool ok = false;
        const int port = text.toInt(&ok);
        if (!ok || port <= 0 || port > 65535) {
            *error = QStringLiteral("%1: \"%2\" is not a port number").arg(location->text, text);
            return false;
        }
        location->port = port;
        return true;
    }

} // namespace

QString StoreLocation::displayName() const
{
    if (!isServer())
        return QFileInfo(path).fileName();
    const QString where = host.isEmpty() || host.startsWith(QLatin1Char('/')) ? QStringLiteral("local server") : host;
    return QStringLiteral("%1 on %2").arg(database, where);
}

bool isServerStoreLocation(const QString &text)
{
    for (const QLatin1String &scheme : Schemes) {
        if (text.startsWith(scheme, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString storeDisplayName(const QString &text)
{
    QString ignored;
    const auto location = parseStoreLocation(text, &ignored);
    return location ? location->displayName() : text;
}

std::optional<StoreLocation> parseStoreLocation(const QString &text, QString *error)
{
    StoreLocation location;
    location.text = text;
    if (!isServerStoreLocation(text)) {
        location.path = text;
        return location;
    }
    location.kind = StoreLocation::Kind::Postgres;
    QString rest = text.mid(text.indexOf(QLatin1String("://")) + 3);
    QString query;
    if (const int q = rest.indexOf(QLatin1Char('?')); q >= 0) {
        query = rest.mid(q + 1);
        rest.truncate(q);
    }
    const int slash = rest.indexOf(QLatin1Char('/'));
    const QString authority = slash < 0 ? rest : rest.left(slash);
    location.database = QUrl::fromPercentEncoding(slash < 0 ? QByteArray() : rest.mid(slash + 1).toUtf8());
    QString hostPort = authority;
    if (const int at = authority.lastIndexOf(QLatin1Char('@')); at >= 0) {
        const QString userInfo = authority.left(at);
        if (userInfo.contains(QLatin1Char(':'))) {
            *error = QStringLiteral("%1: a store location never holds a password (it would be saved in settings); "
                                    "put it in ~/.pgpass or PGPASSFILE, or let the window ask for it")
                         .arg(QString(text).replace(
                             userInfo, userInfo.section(QLatin1Char(':'), 0, 0) + QStringLiteral(":…")));
            return std::nullopt;
        }
        location.user = QUrl::fromPercentEncoding(userInfo.toUtf8());
        hostPort = authority.mid(at + 1);
    }
    if (const int colon = hostPort.lastIndexOf(QLatin1Char(':')); colon >= 0 && !hostPort.endsWith(QLatin1Char(']'))) {
        if (!setPort(&location, hostPort.mid(colon + 1), error))
            return std::nullopt;
        hostPort.truncate(colon);
    }
    if (hostPort.startsWith(QLatin1Char('[')) && hostPort.endsWith(QLatin1Char(']')))
        hostPort = hostPort.mid(1, hostPort.size() - 2); // [::1]
    location.host = QUrl::fromPercentEncoding(hostPort.toUtf8());
    for (const QString &pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const QString key = pair.section(QLatin1Char('='), 0, 0);
        const QString value = QUrl::fromPercentEncoding(pair.section(QLatin1Char('='), 1).toUtf8());
        if (key == QLatin1String("host")) {
            location.host = value;
        } else if (key == QLatin1String("port")) {
            if (!setPort(&location, value, error))
                return std::nullopt;
        } else if (key == QLatin1String("user")) {
            location.user = value;
        } else if (key == QLatin1String("dbname")) {
            location.database = value;
        } else if (key == QLatin1String("connect_timeout")) {
            bool ok = false;
            location.connectTimeoutSeconds = value.toInt(&ok);
            if (!ok || location.connectTimeoutSeconds <= 0) {
                *error = QStringLiteral("%1: connect_timeout takes a number of seconds").arg(text);
                return std::nullopt;
            }
        } else if (key == QLatin1String("password")) {
            *error = QStringLiteral("%1: a store location never holds a password (it would be saved in settings); "
                                    "put it in ~/.pgpass or PGPASSFILE, or let the window ask for it")
                         .arg(text.left(text.indexOf(QLatin1Char('?'))));
            return std::nullopt;
        } else {
            *error = QStringLiteral("%1: unknown parameter \"%2\" (host, port, user, dbname, connect_timeout)")
                         .arg(text, key);
            return std::nullopt;
        }
    }
    if (location.database.isEmpty()) {
        *error = QStringLiteral("%1: which database? (postgresql://user@host:port/DATABASE)").arg(text);
        return std::nullopt;
    }
    return location;
}

} // namespace Gapwise
