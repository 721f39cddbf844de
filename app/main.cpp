// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "common/explorerapp.h"
#include "common/explorerwindow.h"
#include "common/theme.h"
#include "recording/recordinglist.h"

#include <QtCore/QTimer>
#include <QtQml/QQmlApplicationEngine>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuick/QQuickWindow>
#include <QtWidgets/QApplication>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(NoLagExplorerPlugin)

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    // Read before QApplication, which takes X11 options such as --name out of argv.
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    // A QApplication, not a QGuiApplication: Qt Charts in QML draws through Qt Widgets.
    QApplication application(argc, argv);
    ExplorerWindow::setUpApplication();

    ExplorerOptions options;
    QString message;
    bool helpShown = false;
    if (!options.parse(arguments, &message, &helpShown)) {
        std::fputs(qPrintable(message + u'\n'), helpShown ? stdout : stderr);
        return helpShown ? 0 : 2;
    }

    ExplorerApp explorer(options);
    if (options.theme == u"dark"_s) {
        Theme::instance()->setMode(Theme::Dark);
    } else if (options.theme == u"light"_s) {
        Theme::instance()->setMode(Theme::Light);
    }

    QQmlApplicationEngine engine;
    QQuickWindow *window = ExplorerWindow::load(engine);
    if (!window) {
        return 1;
    }
    explorer.start();

    if (!options.screenshotPath.isEmpty() && options.screenshotSelect) {
        // Show a message in the inspector: the newest one, a second before the picture.
        QTimer::singleShot(std::max(0, options.screenshotDelayMs - 1000), window, [&explorer] {
            if (Session *session = explorer.sessions()->current()) {
                session->traffic()->flush();
                session->traffic()->selectRow(session->traffic()->rowCount() - 1);
            }
            if (RecordingSession *recording = RecordingList::instance()->current()) {
                recording->traffic()->flush();
                recording->traffic()->selectRow(recording->traffic()->rowCount() - 1);
            }
        });
    }
    if (!options.screenshotPath.isEmpty()) {
        QTimer::singleShot(options.screenshotDelayMs, window, [window, &options] {
            QString error;
            if (!ExplorerWindow::saveScreenshot(window, options.screenshotPath, &error)) {
                std::fprintf(stderr, "nolag-explorer: %s\n", qPrintable(error));
                QCoreApplication::exit(1);
                return;
            }
            QCoreApplication::quit();
        });
    }
    return application.exec();
}
