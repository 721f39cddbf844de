// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// Quick Test runner for the QML side of the REST client: qml/tst_*.qml use NoLagApi, the list
// models and their replies from QML, against the real nolag-local (ApiTestServer).
//
// tst_apiqml is itself a QML module (NoLagApiTestTypes) built from the same registration
// header as the "NoLag" module, so the registration is tested even where the NoLag module is
// not built; tst_apiqmlmodule runs qmlmodule/tst_*.qml against the real "import NoLag".
#include <QtQml/QQmlEngine>
#include <QtQuickTest/quicktest.h>

using namespace Qt::StringLiterals;

class ApiQmlSetup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(u"qrc:/qt/qml"_s);
#ifdef NOLAG_QML_IMPORT_DIR
        engine->addImportPath(QStringLiteral(NOLAG_QML_IMPORT_DIR));
#endif
    }
};

QUICK_TEST_MAIN_WITH_SETUP(tst_apiqml, ApiQmlSetup)

#include "tst_apiqml.moc"
