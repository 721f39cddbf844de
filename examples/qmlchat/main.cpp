// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// A minimal QML chat over NoLag; everything it does is in Main.qml.
//
//   nolag-qmlchat-example ws://127.0.0.1:8080/ws <access token> [room]
//
// The room (default "general") must exist in the token's app "chat"; with nolag-local's demo
// project, pass the app as well: NOLAG_CHAT_APP=demo.

#include <QtCore/QTextStream>
#include <QtGui/QGuiApplication>
#include <QtQml/QQmlApplicationEngine>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 3) {
        QTextStream(stderr) << "Usage: nolag-qmlchat-example URL TOKEN [ROOM]\n";
        return 2;
    }

    QQmlApplicationEngine engine;
    // Qt 6.4 does not look in the resources for modules on its own, nor in the build tree for
    // the NoLag module (an installed one is on Qt's own import path).
    engine.addImportPath(u"qrc:/qt/qml"_s);
    engine.addImportPath(QStringLiteral(NOLAG_QML_IMPORT_PATH));
    engine.setInitialProperties({
        {u"serverUrl"_s, arguments.at(1)},
        {u"token"_s, arguments.at(2)},
        {u"app"_s, qEnvironmentVariable("NOLAG_CHAT_APP", u"chat"_s)},
        {u"room"_s, arguments.value(3, u"general"_s)},
    });
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(u"qrc:/qt/qml/NoLagChat/Main.qml"_s));
    return app.exec();
}
