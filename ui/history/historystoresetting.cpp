// SPDX-License-Identifier: GPL-3.0-or-later
#include "historystoresetting.h"

#include "historystore.h"
#include "storelocation.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>

namespace {

const QString SettingKey = QStringLiteral("history/store");

} // namespace

QString windowHistoryStore(const QString &commandLineStore)
{
    if (!commandLineStore.isEmpty())
        return commandLineStore;
    if (!qEnvironmentVariableIsEmpty("GAPWISE_STORE"))
        return Gapwise::HistoryStore::defaultPath();
    const QString saved = QSettings().value(SettingKey).toString();
    return saved.isEmpty() ? Gapwise::HistoryStore::defaultPath() : saved;
}

bool hasHistoryStoreSetting()
{
    return !QSettings().value(SettingKey).toString().isEmpty();
}

QString chooseHistoryStore(QWidget *parent, const QString &current)
{
    bool ok = false;
    QString text = QInputDialog::getText(parent, QObject::tr("History store"), // not const: returned, so moved
        QObject::tr("An SQLite file, or the team's PostgreSQL database:\n"
                    "postgresql://user@host:port/database (the password goes in ~/.pgpass;\n"
                    "Gapwise asks for it when it is not there and never saves it)."),
        QLineEdit::Normal, current, &ok)
                       .trimmed();
    if (!ok || text.isEmpty())
        return {};
    QString error;
    if (!Gapwise::parseStoreLocation(text, &error)) {
        QMessageBox::warning(parent, QObject::tr("History store"), error);
        return {};
    }
    QSettings().setValue(SettingKey, text);
    return text;
}

bool askStorePassword(QWidget *parent, const QString &store, QString *password)
{
    QString ignored;
    const auto location = Gapwise::parseStoreLocation(store, &ignored);
    const QString who = location && !location->user.isEmpty() ? location->user : QObject::tr("you");
    bool ok = false;
    const QString text = QInputDialog::getText(parent, QObject::tr("Password for the history store"),
        QObject::tr("The server of %1 asks for the password of %2.\nIt is kept until this window closes, never "
                    "saved (~/.pgpass saves you this question).")
            .arg(Gapwise::storeDisplayName(store), who),
        QLineEdit::Password, QString(), &ok);
    if (!ok || text.isEmpty())
        return false;
    *password = text;
    return true;
}
