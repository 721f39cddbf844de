// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "apitesthelpers.h"
#include "localserver.h"

#include <QtCore/QObject>
#include <QtQml/qqml.h>

/*!
    The nolag-local of the QML tests, as a singleton: started on first use, stopped with the
    QML engine. QML reads where the REST API is and the key it accepts.
*/
class ApiTestServer : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString errorString READ errorString CONSTANT FINAL)
    Q_PROPERTY(QUrl apiUrl READ apiUrl CONSTANT FINAL)
    Q_PROPERTY(QString apiKey READ apiKey CONSTANT FINAL)

public:
    explicit ApiTestServer(QObject *parent = nullptr)
        : QObject(parent)
        , m_server(QStringList{QStringLiteral("--api-key"), ApiTest::apiKey()})
    {
        if (!m_server.start()) {
            m_errorString = m_server.errorString();
        }
    }

    QString errorString() const { return m_errorString; }
    QUrl apiUrl() const { return QUrl(m_server.httpUrl().toString() + QStringLiteral("/v1")); }
    QString apiKey() const { return ApiTest::apiKey(); }

private:
    NoLagTest::LocalServer m_server;
    QString m_errorString;
};
