// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// The Quick Test runner of the QML module NoLag: runs every tst_*.qml in this directory
// against one nolag-local, whose WebSocket URL the tests read as `testServerUrl`.

#include "clientfixture.h"

#include <QtQml/QQmlContext>
#include <QtQml/QQmlEngine>
#include <QtQuickTest/quicktest.h>

using namespace Qt::StringLiterals;

class QmlTestSetup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // Qt 6.4 does not search the build tree's module directory on its own.
        engine->addImportPath(QStringLiteral(NOLAG_QML_IMPORT_PATH));
        if (!m_server.isRunning() && !ClientFixture::startServer(m_server)) {
            qFatal("nolag-local did not start: %s", qPrintable(m_server.errorString()));
        }
        engine->rootContext()->setContextProperty(u"testServerUrl"_s, m_server.webSocketUrl());
    }

private:
    NoLagTest::LocalServer m_server;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, QmlTestSetup)

#include "tst_qml.moc"
