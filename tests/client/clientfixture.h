// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagclient.h>

#include <localserver.h>

#include <QtCore/QFuture>
#include <QtTest/QTest>

/*!
    What the client's integration tests share: a token file for the real nolag-local and
    small helpers for futures.

    Actors alice, bob and carol (tokens tok-alice, tok-bob, tok-carol) may publish and
    subscribe in rooms `general` and `other` of app `chat` (any topic name), only subscribe in
    `readonly`, only publish in `writeonly`, and use lobby `lobby-a` (internal id
    lobby-internal-1, rooms general and other).
*/
namespace ClientFixture {

QByteArray tokenFile();

/*! Writes the token file and starts \a server with it and \a extraArguments. */
bool startServer(NoLagTest::LocalServer &server, const QStringList &extraArguments = {});

/*! Options for tests: the server's URL, quick reconnects, no heartbeat unless asked. */
NoLagOptions options(const QUrl &url, int protocolVersion = 2);

/*! Waits for \a future; false on timeout. */
template<typename T>
bool finishes(const QFuture<T> &future, int timeoutMs = 5000)
{
    return QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs);
}

/*!
    The NoLagError a finished future failed with, or a NoError value if it succeeded. A future
    that has not finished yet counts as a Timeout failure (waiting here would block the event
    loop that has to finish it).
*/
template<typename T>
NoLagError failureOf(QFuture<T> future)
{
    if (!future.isFinished()) {
        return NoLagError(NoLag::Error::Timeout, QStringLiteral("the future has not finished"));
    }
    try {
        future.waitForFinished();
    } catch (const NoLagError &error) {
        return error;
    }
    return NoLagError();
}

/*! Connects \a client and waits until it is connected. */
bool connect(NoLagClient &client, int timeoutMs = 5000);

} // namespace ClientFixture
