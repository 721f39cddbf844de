// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

namespace NoLag::Server {

/*!
    The broker's view of one client connection: somewhere to send binary frames and a way to
    close it. The network front implements it over a QWebSocket; tests implement it with a
    list of frames. An empty frame is the heartbeat echo.

    close() only asks: the connection is gone for the broker when the front calls
    Broker::closeSession(), which it must do exactly once, after close() as well.
*/
class Link
{
public:
    virtual ~Link() = default;

    virtual void send(const QByteArray &frame) = 0;
    virtual void close(int code, const QString &reason) = 0;
};

} // namespace NoLag::Server
