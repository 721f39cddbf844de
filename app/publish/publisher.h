// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "payloadparser.h"
#include "publishhistorymodel.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtQml/qqmlregistration.h>

class NoLagClient;

/*!
    The publish form of one connection: topic, payload (JSON checked as it is typed, text,
    or hex bytes), QoS, retain, echo and filters; publish() sends it and the result (the
    server's acknowledgement or its error) lands in lastResult and in the history.
*/
class Publisher : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Each connection's session owns its publisher")
    Q_PROPERTY(QString topic READ topic WRITE setTopic NOTIFY formChanged FINAL)
    Q_PROPERTY(QString payload READ payload WRITE setPayload NOTIFY formChanged FINAL)
    Q_PROPERTY(PayloadMode::Mode mode READ mode WRITE setMode NOTIFY formChanged FINAL)
    Q_PROPERTY(int qos READ qos WRITE setQos NOTIFY formChanged FINAL)
    Q_PROPERTY(bool retain READ retain WRITE setRetain NOTIFY formChanged FINAL)
    Q_PROPERTY(bool echo READ echo WRITE setEcho NOTIFY formChanged FINAL)
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY formChanged FINAL)
    Q_PROPERTY(QString filters READ filters WRITE setFilters NOTIFY formChanged FINAL)
    Q_PROPERTY(bool valid READ isValid NOTIFY validationChanged FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY validationChanged FINAL)
    Q_PROPERTY(QString payloadError READ payloadError NOTIFY validationChanged FINAL)
    Q_PROPERTY(QString formError READ formError NOTIFY validationChanged FINAL)
    Q_PROPERTY(int errorLine READ errorLine NOTIFY validationChanged FINAL)
    Q_PROPERTY(int errorColumn READ errorColumn NOTIFY validationChanged FINAL)
    Q_PROPERTY(bool busy READ isBusy NOTIFY resultChanged FINAL)
    Q_PROPERTY(QString lastResult READ lastResult NOTIFY resultChanged FINAL)
    Q_PROPERTY(bool lastResultFailed READ lastResultFailed NOTIFY resultChanged FINAL)
    Q_PROPERTY(PublishHistoryModel *history READ history CONSTANT FINAL)

public:
    explicit Publisher(NoLagClient *client, QObject *parent = nullptr);

    QString topic() const { return m_topic; }
    void setTopic(const QString &topic);
    QString payload() const { return m_payload; }
    void setPayload(const QString &payload);
    PayloadMode::Mode mode() const { return m_mode; }
    void setMode(PayloadMode::Mode mode);
    int qos() const { return m_qos; }
    void setQos(int qos);
    bool retain() const { return m_retain; }
    void setRetain(bool retain);
    bool echo() const { return m_echo; }
    void setEcho(bool echo);
    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);
    QString filters() const { return m_filters; }
    void setFilters(const QString &filters);

    bool isValid() const { return m_validation.ok && m_formError.isEmpty(); }
    /*! What stops publishing: the payload's error first, then the form's. */
    QString errorString() const;
    /*! Only the payload's error ("Line 2, column 5: ..."), empty when it reads. */
    QString payloadError() const { return m_validation.ok ? QString() : m_validation.errorString; }
    /*! Only the topic's and the filters' error. */
    QString formError() const { return m_formError; }
    int errorLine() const { return m_validation.errorLine; }
    int errorColumn() const { return m_validation.errorColumn; }

    bool isBusy() const { return m_pending > 0; }
    QString lastResult() const { return m_lastResult; }
    bool lastResultFailed() const { return m_lastResultFailed; }

    PublishHistoryModel *history() { return &m_history; }

    /*! Sends the form; returns false (and says why in lastResult) when it cannot. */
    Q_INVOKABLE bool publish();
    /*! Fills the form from history row \a row. */
    Q_INVOKABLE void loadFromHistory(int row);

Q_SIGNALS:
    void formChanged();
    void validationChanged();
    void resultChanged();
    /*! The server answered a publish; \a failed tells how. */
    void published(bool failed, const QString &result);

private:
    void validate();
    void setResult(const QString &text, bool failed);

    QPointer<NoLagClient> m_client;
    QString m_topic;
    QString m_payload;
    PayloadMode::Mode m_mode = PayloadMode::Json;
    int m_qos = 1;
    bool m_retain = false;
    bool m_echo = true;
    QString m_filter;
    QString m_filters;
    ParsedPayload m_validation;
    QString m_formError;
    int m_pending = 0;
    QString m_lastResult;
    bool m_lastResultFailed = false;
    PublishHistoryModel m_history;
};
