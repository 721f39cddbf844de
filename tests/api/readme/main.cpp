#include <NoLagQt/nolagapi.h>

#include <QtCore/QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);

    // nolag-local by default; the cloud is https://api.nolag.app/v1 (the NoLagApiOptions default).
    NoLagApiOptions options;
    options.setBaseUrl(QUrl(qEnvironmentVariable("NOLAG_API_URL", u"http://127.0.0.1:8080/v1"_s)));
    NoLagApi api(qEnvironmentVariable("NOLAG_API_KEY"), options);

    NoLagAppCreate chat(u"Chat"_s);
    chat.setTopics({u"messages"_s, u"typing"_s});

    api.apps()
        .create(chat)
        .then(&app,
              [](const NoLagApp &created) {
                  std::printf("Created app %s; its topics start with \"%s/\"\n",
                              qPrintable(created.appId()), qPrintable(created.slug()));
                  QCoreApplication::exit(0);
              })
        .onFailed(&app, [](const NoLagApiError &error) {
            std::fprintf(stderr, "%s\n", qPrintable(error.toString())); // "HTTP 401: ..."
            QCoreApplication::exit(1);
        });

    return app.exec();
}
