// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "core/restmessage.h"

#include <QtCore/QString>

namespace NoLag::Server {

class ControlPlaneStore;

/*!
    The project-scoped REST API of rest-api.md (apps, rooms, room grants, actors, scopes) as
    a pure function from request to response: routing, API key check, body validation and
    JSON, with no sockets, so it can be tested directly and put behind any HTTP server.

    Every answer but 204 is JSON with Content-Type application/json. Errors have the body
    {"statusCode": N, "message": "<field>: <what is wrong>", "error": "<reason phrase>"}.
*/
class RestApi
{
public:
    explicit RestApi(ControlPlaneStore &store, const QString &prefix = QStringLiteral("/v1"));

    /*! The path prefix the API is served under; "/v1" by default. */
    QString prefix() const { return m_prefix; }

    /*! Whether \a path is the prefix or below it, so this API should answer it. */
    bool handles(const QString &path) const;

    /*! Request bodies larger than this are refused with 413; 1 MiB by default. */
    qsizetype maximumBodySize() const { return m_maximumBodySize; }
    void setMaximumBodySize(qsizetype bytes) { m_maximumBodySize = bytes; }

    RestResponse handle(const RestRequest &request);

private:
    ControlPlaneStore &m_store;
    QString m_prefix;
    qsizetype m_maximumBodySize = 1024 * 1024;
};

} // namespace NoLag::Server
