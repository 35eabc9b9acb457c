#pragma once

#include <QFrame>

class QLabel;

// A non-modal message strip above the views (import errors): it never blocks the window and the report
// that was open stays open behind it.
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    explicit MessageBanner(QWidget *parent = nullptr);
    void showError(const QString &text);
    QString text() const;

private:
    QLabel *m_label;
};
