// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QString>
#include <QtCore/QUrlQuery>

namespace NoLag::Server {

/*!
    An HTTP request as the REST layer sees it, independent of the HTTP server that received
    it, so the control plane can be tested without sockets.
*/
struct RestRequest
{
    QByteArray method; // "GET", "POST", "PATCH", "DELETE", ...
    QString path; // decoded path without the query, e.g. "/v1/apps/abc"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers; // names as received
    QByteArray body;

    /*! The first header named \a name (case-insensitive), or an empty array. */
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &header : headers) {
            if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0) {
                return header.second;
            }
        }
        return {};
    }
};

struct RestResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body; // empty only for 204
    QList<QPair<QByteArray, QByteArray>> headers;
};

} // namespace NoLag::Server
