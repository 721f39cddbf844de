// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagtypes.h>

#include <QtCore/QException>
#include <QtCore/QMetaType>
#include <QtCore/QSharedDataPointer>
#include <QtCore/QString>

class NoLagErrorData;

/*!
    One failure, with everything the server said about it.

    A failed QFuture of the client holds a NoLagError as its exception; catch it by const
    reference, or read it in QFuture::onFailed(). The same value is also available as
    NoLagClient::lastError() when NoLagClient::errorOccurred() is emitted.

    Mirrors `NoLagServerError(code, error, topic, hint, msg_ref)` and `NoLagEncodeError` of the
    Python SDK.
*/
class NOLAGQT_EXPORT NoLagError : public QException
{
    Q_GADGET
    Q_PROPERTY(NoLag::Error error READ error CONSTANT FINAL)
    Q_PROPERTY(int code READ code CONSTANT FINAL)
    Q_PROPERTY(QString serverError READ serverError CONSTANT FINAL)
    Q_PROPERTY(QString topic READ topic CONSTANT FINAL)
    Q_PROPERTY(QString msgRef READ msgRef CONSTANT FINAL)
    Q_PROPERTY(QString hint READ hint CONSTANT FINAL)
    Q_PROPERTY(QString errorString READ errorString CONSTANT FINAL)

public:
    NoLagError();
    /*!
        An error found by the client; \a detail completes the standard description and
        \a topic names the topic of the failed operation.
    */
    explicit NoLagError(NoLag::Error error, const QString &detail = QString(),
                        const QString &topic = QString());
    NoLagError(const NoLagError &other);
    NoLagError &operator=(const NoLagError &other);
    ~NoLagError() override;

    /*!
        The error of a server `error` frame or of a failed `auth` reply: \a serverError is the
        frame's `error` string, \a code its `code` (0 when absent).
    */
    static NoLagError fromServer(const QString &serverError, int code = 0,
                                 const QString &topic = QString(), const QString &hint = QString(),
                                 const QString &msgRef = QString());

    bool isError() const { return error() != NoLag::Error::NoError; }
    NoLag::Error error() const;

    /*! The server's numeric `code` (42910, ...), or 0 when the server sent none. */
    int code() const;
    /*! The server's `error` string as sent (`unknown_topic`, `access_denied`, ...). */
    QString serverError() const;
    QString topic() const;
    QString msgRef() const;
    QString hint() const;
    /*! Lobby id of a lobby error. */
    QString lobbyId() const;
    void setLobbyId(const QString &lobbyId);
    /*! The limit from a 42930 error frame (`maxSizeBytes`), or 0. */
    qint64 maxSizeBytes() const;
    void setMaxSizeBytes(qint64 bytes);

    /*! A sentence for people, translated, naming the topic and the server's words. */
    QString errorString() const;

    /*! Maps a server `error` string to the enum (ServerError when unknown). */
    static NoLag::Error errorFromServerString(QStringView serverError, int code = 0);

    // QException
    void raise() const override;
    NoLagError *clone() const override;
    const char *what() const noexcept override;

private:
    QSharedDataPointer<NoLagErrorData> d;
};
