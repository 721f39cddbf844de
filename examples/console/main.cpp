// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// A minimal NoLag console client: connects, subscribes to one topic, prints every message
// that arrives there and says hello once. Stop it with Ctrl+C.
//
//   nolag-console-example ws://127.0.0.1:8080/ws <access token> chat/general/messages
//
// With nolag-local, "./scripts/run.sh" prints ready-made tokens for the demo project.

#include <NoLagQt/nolagclient.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 4) {
        QTextStream(stderr) << "Usage: nolag-console-example URL TOKEN TOPIC\n"
                               "e.g.   nolag-console-example ws://127.0.0.1:8080/ws "
                               "<token> demo/general/messages\n";
        return 2;
    }
    const QUrl url(arguments.at(1));
    const QString token = arguments.at(2);
    const QString topic = arguments.at(3);

    //! [readme]
    NoLagClient client(token, NoLagOptions(url));

    QObject::connect(&client, &NoLagClient::errorOccurred, &app, [&client] {
        QTextStream(stderr) << "error: " << client.errorString() << '\n';
    });

    client.on(topic, &app, [](const NoLagMessage &message) {
        const QString text = message.data().toMap().value(u"text"_s).toString();
        QTextStream(stdout) << message.topic() << ": " << text << '\n';
    });

    const auto sayHello = [&client, topic] {
        client.publish(topic, QVariantMap{{u"text"_s, u"Hello from Qt"_s}});
    };
    const auto subscribe = [&client, topic, sayHello] {
        // Say hello once the server has confirmed the subscription, to see it arrive.
        client.subscribe(topic)->future().then(&client, sayHello);
    };
    client.connectToServer().then(&app, subscribe).onFailed(&app, [] {
        QCoreApplication::exit(1); // errorOccurred() has said why
    });
    //! [readme]

    return app.exec();
}
