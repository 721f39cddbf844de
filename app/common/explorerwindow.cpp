// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "explorerwindow.h"

#include "common/explorerlogging.h"
#include "common/theme.h"

#include <QtCore/QHash>
#include <QtGui/QGuiApplication>
#include <QtGui/QIcon>
#include <QtGui/QImage>
#include <QtGui/QPalette>
#include <QtQml/QQmlApplicationEngine>
#include <QtQuick/QQuickWindow>
#include <QtQuickControls2/QQuickStyle>

#include <algorithm>
#include <utility>
#include <vector>

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

// A window of text has few colours: its 256 most frequent ones make an exact palette when
// there are no more, and a close one otherwise (only the rarest anti-aliasing shades move).
// Written as 8-bit indexed PNG, the picture takes about a third of the bytes of true colour.
QImage compactForPng(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    QHash<QRgb, qint64> counts;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            ++counts[line[x]];
        }
    }
    std::vector<std::pair<qint64, QRgb>> byCount;
    byCount.reserve(size_t(counts.size()));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        byCount.emplace_back(it.value(), it.key());
    }
    const size_t kept = std::min<size_t>(byCount.size(), 256);
    std::partial_sort(byCount.begin(), byCount.begin() + qsizetype(kept), byCount.end(),
                      [](const auto &a, const auto &b) { return a.first > b.first; });
    QList<QRgb> table;
    for (size_t i = 0; i < kept; ++i) {
        table.append(byCount[i].second);
    }
    return rgb.convertToFormat(QImage::Format_Indexed8, table, Qt::ThresholdDither);
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
    if (!compactForPng(image).save(path, "PNG", 0)) {
        *error = u"cannot write %1"_s.arg(path);
        return false;
    }
    return true;
}

} // namespace ExplorerWindow
