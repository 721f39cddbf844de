// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "explorerwindow.h"

#include "common/explorerlogging.h"
#include "common/theme.h"

#include <QtGui/QGuiApplication>
#include <QtGui/QIcon>
#include <QtGui/QImage>
#include <QtGui/QPalette>
#include <QtQml/QQmlApplicationEngine>
#include <QtQuick/QQuickWindow>
#include <QtQuickControls2/QQuickStyle>

#include <utility>

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

namespace {

// Qt Quick's Fusion style keeps a light palette of its own for controls (buttons, tab bars,
// tool bars) whatever the application's palette says; a palette set on the window reaches
// every control, so the theme's palette is copied there, role by role, on every change.
void applyPalette(QQuickWindow *window, const QPalette &palette)
{
    static const std::pair<const char *, QPalette::ColorRole> roles[] = {
        {"window", QPalette::Window},
        {"windowText", QPalette::WindowText},
        {"base", QPalette::Base},
        {"alternateBase", QPalette::AlternateBase},
        {"text", QPalette::Text},
        {"button", QPalette::Button},
        {"buttonText", QPalette::ButtonText},
        {"brightText", QPalette::BrightText},
        {"highlight", QPalette::Highlight},
        {"highlightedText", QPalette::HighlightedText},
        {"light", QPalette::Light},
        {"midlight", QPalette::Midlight},
        {"mid", QPalette::Mid},
        {"dark", QPalette::Dark},
        {"shadow", QPalette::Shadow},
        {"link", QPalette::Link},
        {"toolTipBase", QPalette::ToolTipBase},
        {"toolTipText", QPalette::ToolTipText},
        {"placeholderText", QPalette::PlaceholderText},
    };
    auto *quickPalette = window->property("palette").value<QObject *>();
    if (!quickPalette) {
        return;
    }
    const auto fill = [&palette](QObject *group, QPalette::ColorGroup colorGroup) {
        for (const auto &[name, role] : roles) {
            group->setProperty(name, palette.color(colorGroup, role));
        }
    };
    fill(quickPalette, QPalette::Active);
    if (auto *disabled = quickPalette->property("disabled").value<QObject *>()) {
        fill(disabled, QPalette::Disabled);
    }
}

} // namespace

QQuickWindow *load(QQmlApplicationEngine &engine)
{
    // Qt 6.4 has no loadFromModule(): the module's files are in the resource tree.
    engine.addImportPath(u"qrc:/qt/qml"_s);
    engine.load(QUrl(u"qrc:/qt/qml/NoLagExplorer/Main.qml"_s));
    if (engine.rootObjects().isEmpty()) {
        qCWarning(lcExplorer, "The user interface could not be loaded");
        return nullptr;
    }
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (window) {
        applyPalette(window, QGuiApplication::palette());
        QObject::connect(Theme::instance(), &Theme::changed, window,
                         [window] { applyPalette(window, QGuiApplication::palette()); });
    }
    return window;
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
