// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "controlplane.h"
#include "restapi.h"
#include "storage/database.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUrlQuery>

#include <memory>

namespace NoLagTest {

/*! The answer of the REST API, with the body decoded when it is JSON. */
struct Reply
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    QJsonValue json;

    QJsonObject object() const { return json.toObject(); }
    QJsonArray array() const { return json.toArray(); }
    QString message() const { return object().value(QStringLiteral("message")).toString(); }
};

/*!
    A control plane on a fresh SQLite file in a temporary directory, started like nolag-local
    starts it, with the API key \c key.
*/
class ControlPlaneFixture
{
public:
    static constexpr auto key = "nlg_live_test1.secretsecretsecret";

    explicit ControlPlaneFixture(NoLag::Server::ControlPlaneOptions options = {}) { open(options); }

    /*! (Re)starts the control plane on the same file; \a fixedKey adds \c key if none. */
    bool open(NoLag::Server::ControlPlaneOptions options, bool fixedKey = true)
    {
        controlPlane.reset();
        database = std::make_unique<NoLag::Server::Database>();
        if (!database->open(directory.filePath(QStringLiteral("nolag-local.db")), &error)) {
            return false;
        }
        if (fixedKey && options.apiKey.isEmpty() && !options.demo) {
            options.apiKey = QString::fromLatin1(key);
        }
        options.dataDirectory = directory.path();
        controlPlane = std::make_unique<NoLag::Server::ControlPlane>(*database);
        started = controlPlane->start(options, &error);
        return started;
    }

    Reply call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
               const QByteArray &authorization = QByteArray("Bearer ") + key)
    {
        NoLag::Server::RestRequest request;
        request.method = method;
        const qsizetype question = pathAndQuery.indexOf(u'?');
        request.path = pathAndQuery.left(question);
        if (question >= 0) {
            request.query = QUrlQuery(pathAndQuery.mid(question + 1));
        }
        if (!authorization.isNull()) {
            request.headers.append(qMakePair(QByteArray("Authorization"), authorization));
        }
        request.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        request.body = body;

        const NoLag::Server::RestResponse response = controlPlane->handle(request);
        Reply reply;
        reply.status = response.status;
        reply.contentType = response.contentType;
        reply.body = response.body;
        const QJsonDocument document = QJsonDocument::fromJson(response.body);
        reply.json = document.isObject() ? QJsonValue(document.object())
            : document.isArray()         ? QJsonValue(document.array())
                                         : QJsonValue();
        return reply;
    }

    Reply call(const QByteArray &method, const QString &path, const QJsonObject &body)
    {
        return call(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    /*! Creates an app and returns its JSON (an empty object if that failed). */
    QJsonObject createApp(const QJsonObject &body)
    {
        const Reply reply = call("POST", QStringLiteral("/v1/apps"), body);
        return reply.status == 201 ? reply.object() : QJsonObject();
    }

    QJsonObject createRoom(const QString &appId, const QJsonObject &body)
    {
        const Reply reply = call("POST", QStringLiteral("/v1/apps/%1/rooms").arg(appId), body);
        return reply.status == 201 ? reply.object() : QJsonObject();
    }

    QJsonObject createActor(const QJsonObject &body)
    {
        const Reply reply = call("POST", QStringLiteral("/v1/actors"), body);
        return reply.status == 201 ? reply.object() : QJsonObject();
    }

    QTemporaryDir directory;
    std::unique_ptr<NoLag::Server::Database> database;
    std::unique_ptr<NoLag::Server::ControlPlane> controlPlane;
    QString error;
    bool started = false;
};

} // namespace NoLagTest
