// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
// The wire-protocol conformance suite (wire-protocol.md §23, statements 1-114).
//
// Every server statement has at least one row whose name starts with its number; rows named
// "§n ..." check further MUST/SHOULD rules of the spec that have no number. A statement that
// cannot be observed on the wire is a row that skips and says why, so the output lists all.
//
// Each row runs against a real nolag-local child process. Rows of one test function share a
// server (started on first use and kept to the end), so each row works in its own room
// (s001..s114 of app "chat") or with its own token, and closes its connections in cleanup().
#include "tst_conformance.h"

using namespace Qt::StringLiterals;

void tst_Conformance::initTestCase()
{
    // The hydration webhook's URL goes into the token file, so it must listen first.
    QVERIFY(m_webhook.listen());
    QVERIFY2(server(Server::Main), qPrintable(m_lastError));
}

void tst_Conformance::cleanup()
{
    // Close gracefully and wait, so that the server has seen every close (and sent the
    // presence leave events it causes) before the next row starts.
    for (const auto &peer : m_peers) {
        if (peer->isOpen()) {
            peer->close();
            peer->waitForClosed(2000);
        }
    }
    m_peers.clear();
    m_lastError.clear();
}

void tst_Conformance::addRows(std::initializer_list<Row> rows)
{
    QTest::addColumn<Check>("check");
    QTest::addColumn<QVariant>("argument");
    for (const Row &row : rows) {
        QTest::newRow(row.name) << row.check << row.argument;
    }
}

void tst_Conformance::runRow()
{
    QFETCH(Check, check);
    QFETCH(QVariant, argument);
    (this->*check)(argument);
}

void tst_Conformance::notObservable(const QVariant &reason)
{
    QSKIP(qPrintable(reason.toString()));
}

QTEST_GUILESS_MAIN(tst_Conformance)
