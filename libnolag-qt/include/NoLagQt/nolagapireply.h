// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagqtglobal.h>

#include <QtCore/QObject>
#include <QtCore/QVariant>

#include <memory>

class NoLagApiReplyPrivate;

/*!
    The outcome of one change made from QML through a NoLag API model (create, update,
    remove, ...), a promise-like object for code that cannot use QFuture.

    It finishes exactly once, never before the call that returned it has returned: either
    succeeded() with the server's answer as a JavaScript object, or failed() with the status
    code and the server's message (for example the reason a slug was refused). finished()
    follows either. The reply then deletes itself, so read it in those handlers:

    \code
    const reply = appsModel.create({ name: nameField.text })
    reply.failed.connect((statusCode, message) => errorLabel.text = message)
    \endcode
*/
class NOLAGQT_EXPORT NoLagApiReply : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Status status READ status NOTIFY finished FINAL)
    Q_PROPERTY(QVariant result READ result NOTIFY finished FINAL)
    Q_PROPERTY(int statusCode READ statusCode NOTIFY finished FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY finished FINAL)
    Q_PROPERTY(QVariantMap details READ details NOTIFY finished FINAL)

public:
    enum Status {
        Running,
        Succeeded,
        Failed,
    };
    Q_ENUM(Status)

    ~NoLagApiReply() override;

    Status status() const;

    /*! The server's answer (a map, or nothing for calls without a result). */
    QVariant result() const;

    /*! HTTP status of a failure; 408 on timeout, 0 on network failure. */
    int statusCode() const;
    QString errorString() const;

    /*! The server's parsed error body. */
    QVariantMap details() const;

Q_SIGNALS:
    void succeeded(const QVariant &result);
    void failed(int statusCode, const QString &message);
    void finished();

private:
    explicit NoLagApiReply(QObject *parent);
    friend class NoLagApiReplyPrivate;
    Q_DECLARE_PRIVATE(NoLagApiReply)
    std::unique_ptr<NoLagApiReplyPrivate> d_ptr;
};
