// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "explorerwindow.h"

#include "common/explorerlogging.h"

#include <QtGui/QGuiApplication>
#include <QtGui/QIcon>
#include <QtGui/QImage>
#include <QtQml/QQmlApplicationEngine>
#include <QtQuick/QQuickWindow>
#include <QtQuickControls2/QQuickStyle>

using namespace Qt::StringLiterals;

namespace ExplorerWindow {

void setUpApplication()
{
    QCoreApplication::setOrganizationName(u"NoLag"_s);
    QCoreApplication::setOrganizationDomain(u"nolag.app"_s);
    QCoreApplication::setApplicationName(u"NoLag Explorer"_s);
    QGuiApplication::setDesktopFileName(u"app.nolag.Explorer"_s);
    QGuiApplication::setWindowIcon(QIcon(u":/qt/qml/NoLagExplorer/icons/app.nolag.Explorer.svg"_s));
    // Fusion: dense, follows the application palette, and renders the same under Xvfb.
    if (QQuickStyle::name().isEmpty()) {
        QQuickStyle::setStyle(u"Fusion"_s);
    }
}

QQuickWindow *load(QQmlApplicationEngine &engine)
{
    // Qt 6.4 has no loadFromModule(): the module's files are in the resource tree.
    engine.addImportPath(u"qrc:/qt/qml"_s);
    engine.load(QUrl(u"qrc:/qt/qml/NoLagExplorer/Main.qml"_s));
    if (engine.rootObjects().isEmpty()) {
        qCWarning(lcExplorer, "The user interface could not be loaded");
        return nullptr;
    }
    return qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
}

bool saveScreenshot(QQuickWindow *window, const QString &path, QString *error)
{
    const QImage image = window->grabWindow();
    if (image.isNull()) {
        *error = u"the window could not be grabbed"_s;
        return false;
    }
    if (!image.save(path, "PNG")) {
        *error = u"cannot write %1"_s.arg(path);
        return false;
    }
    return true;
}

} // namespace ExplorerWindow
