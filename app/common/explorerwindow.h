// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QString>

class QQmlApplicationEngine;
class QQuickWindow;

/*!
    Start-up steps shared by nolag-explorer, its end-to-end test and its benchmark, so that
    all three run the same app.
*/
namespace ExplorerWindow {

/*! Names the application (settings, keychain, desktop file) and picks the controls style. */
void setUpApplication();

/*! Loads Main.qml into \a engine; returns its window, or nullptr if it failed to load. */
QQuickWindow *load(QQmlApplicationEngine &engine);

/*! Saves a picture of \a window to \a path (PNG); returns false with a reason in \a error. */
bool saveScreenshot(QQuickWindow *window, const QString &path, QString *error);

} // namespace ExplorerWindow
