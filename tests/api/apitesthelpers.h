// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <NoLagQt/nolagapi.h>

#include <QtCore/QFuture>
#include <QtTest/QTest>

#include <optional>

namespace ApiTest {

// The API key every integration test gives nolag-local with --api-key.
inline QString apiKey()
{
    return QStringLiteral("nlg_live_apitests.Zm9yLXRlc3RzLW9ubHk");
}

template<typename T>
bool waitFor(const QFuture<T> &future, int timeoutMs = 20000)
{
    return QTest::qWaitFor([&future] { return future.isFinished(); }, timeoutMs);
}

/*! The NoLagApiError a finished future failed with, or nothing if it succeeded. */
template<typename T>
std::optional<NoLagApiError> errorOf(QFuture<T> future)
{
    try {
        future.waitForFinished();
    } catch (const NoLagApiError &error) {
        return error;
    }
    return std::nullopt;
}

} // namespace ApiTest

// Waits for a NoLagApi future and fails the test with the server's message if it failed.
#define API_AWAIT_OK(future)                                                                       \
    do {                                                                                           \
        QVERIFY2(ApiTest::waitFor(future), "the server did not answer");                           \
        if (const auto apiError = ApiTest::errorOf(future)) {                                      \
            QFAIL(qPrintable(u"unexpected failure: "_s + apiError->toString()));                   \
        }                                                                                          \
    } while (false)

// Waits for a NoLagApi future that must fail with HTTP status \a status.
#define API_AWAIT_ERROR(future, status)                                                            \
    do {                                                                                           \
        QVERIFY2(ApiTest::waitFor(future), "the server did not answer");                           \
        const auto apiError = ApiTest::errorOf(future);                                            \
        QVERIFY2(apiError.has_value(), "the call succeeded but should have failed");               \
        QVERIFY2(!apiError->message().isEmpty(), "the error has no message");                      \
        QCOMPARE(apiError->statusCode(), status);                                                  \
    } while (false)
