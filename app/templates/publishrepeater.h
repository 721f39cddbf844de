// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtQml/qqmlregistration.h>

class NoLagClient;
class Publisher;
#include "session/session.h"

/*!
    Sends the publish form count() times at rate() messages per second, filling in the
    template placeholders (PublishTemplate) of the topic and the payload for every message,
    with {{counter}} running from 1 to count().

    The timer ticks at most every 20 ms and sends what is due by then, so high rates keep
    their pace without a timer per message. stop() ends a run early; acknowledgements of
    messages already sent still arrive and are counted.
*/
class PublishRepeater : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Session *session READ session WRITE setSession NOTIFY sessionChanged FINAL)
    Q_PROPERTY(int count READ count WRITE setCount NOTIFY settingsChanged FINAL)
    Q_PROPERTY(double rate READ rate WRITE setRate NOTIFY settingsChanged FINAL)
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged FINAL)
    Q_PROPERTY(int sentCount READ sentCount NOTIFY progressChanged FINAL)
    Q_PROPERTY(int acceptedCount READ acceptedCount NOTIFY progressChanged FINAL)
    Q_PROPERTY(int failedCount READ failedCount NOTIFY progressChanged FINAL)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged FINAL)
    Q_PROPERTY(QString statusText READ statusText NOTIFY progressChanged FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorOccurred FINAL)

public:
    /*! The most messages one run may send, and the highest rate. */
    static constexpr int MaxCount = 1000000;
    static constexpr double MaxRate = 10000;

    explicit PublishRepeater(QObject *parent = nullptr);
    ~PublishRepeater() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    /*! Uses \a publisher's form and sends through \a client (tests, benchmarks). */
    void setTarget(Publisher *publisher, NoLagClient *client);

    int count() const { return m_count; }
    void setCount(int count);
    double rate() const { return m_rate; }
    void setRate(double rate);

    bool isRunning() const { return m_timer.isActive(); }
    int sentCount() const { return m_sent; }
    int acceptedCount() const { return m_accepted; }
    int failedCount() const { return m_failed; }
    double progress() const { return m_count > 0 ? double(m_sent) / m_count : 0.0; }
    QString statusText() const;
    QString errorString() const { return m_errorString; }

    /*! Starts a run; false (with errorString()) when the form or the connection is not ready. */
    Q_INVOKABLE bool start();
    Q_INVOKABLE void stop();

Q_SIGNALS:
    void sessionChanged();
    void settingsChanged();
    void runningChanged();
    void progressChanged();
    void errorOccurred();
    /*! Every message of the run was sent (or the run was stopped). */
    void finished();

private:
    void tick();
    bool sendOne();
    void fail(const QString &errorString);

    QPointer<Session> m_session;
    QPointer<Publisher> m_publisher;
    QPointer<NoLagClient> m_client;
    int m_count = 10;
    double m_rate = 5;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_sent = 0;
    int m_accepted = 0;
    int m_failed = 0;
    int m_run = 0; // acknowledgements of older runs are not counted in this one
    QString m_errorString;
};
