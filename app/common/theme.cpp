// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "theme.h"

#include <QtCore/QEvent>
#include <QtGui/QFontDatabase>
#include <QtGui/QGuiApplication>
#include <QtQml/QQmlEngine>

namespace {

Theme *s_instance = nullptr;

} // namespace

Theme::Theme(QObject *parent)
    : QObject(parent)
{
    if (!s_instance) {
        s_instance = this;
    }
    m_systemPalette = QGuiApplication::palette();
    if (qApp) {
        qApp->installEventFilter(this);
    }
    update();
}

Theme *Theme::instance()
{
    if (!s_instance) {
        s_instance = new Theme(qApp);
    }
    return s_instance;
}

Theme *Theme::create(QQmlEngine *, QJSEngine *)
{
    Theme *theme = instance();
    QQmlEngine::setObjectOwnership(theme, QQmlEngine::CppOwnership);
    return theme;
}

bool Theme::isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

void Theme::setMode(Mode mode)
{
    if (m_mode == mode) {
        return;
    }
    m_mode = mode;
    update();
}

QFont Theme::monoFont() const
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(std::max(font.pointSizeF() - 1, 8.0));
    return font;
}

QPalette Theme::paletteFor(bool dark) const
{
    QPalette palette;
    const auto set = [&palette](QPalette::ColorRole role, const QColor &color) {
        palette.setColor(QPalette::All, role, color);
    };
    const QColor window = dark ? QColor(0x1e2127) : QColor(0xf6f7f9);
    const QColor base = dark ? QColor(0x262a31) : QColor(0xffffff);
    const QColor text = dark ? QColor(0xe6e9ee) : QColor(0x1d2228);
    set(QPalette::Window, window);
    set(QPalette::WindowText, text);
    set(QPalette::Base, base);
    set(QPalette::AlternateBase, dark ? QColor(0x2d323a) : QColor(0xf0f2f5));
    set(QPalette::Text, text);
    set(QPalette::Button, dark ? QColor(0x2d323a) : QColor(0xeef0f3));
    set(QPalette::ButtonText, text);
    set(QPalette::Highlight, dark ? QColor(0x2f6f9f) : QColor(0x1672b8));
    set(QPalette::HighlightedText, QColor(Qt::white));
    set(QPalette::ToolTipBase, base);
    set(QPalette::ToolTipText, text);
    set(QPalette::PlaceholderText, dark ? QColor(0x7d8590) : QColor(0x8a939e));
    set(QPalette::Light, dark ? QColor(0x3b414b) : QColor(Qt::white));
    set(QPalette::Midlight, dark ? QColor(0x343a43) : QColor(0xe3e6ea));
    set(QPalette::Mid, dark ? QColor(0x2a2f36) : QColor(0xc9ced6));
    set(QPalette::Dark, dark ? QColor(0x15181c) : QColor(0xa7adb6));
    set(QPalette::Shadow, QColor(Qt::black));
    set(QPalette::Link, dark ? QColor(0x5ec8f2) : QColor(0x1672b8));
    palette.setColor(QPalette::Disabled, QPalette::Text,
                     dark ? QColor(0x6b737d) : QColor(0xa0a7b0));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText,
                     dark ? QColor(0x6b737d) : QColor(0xa0a7b0));
    palette.setColor(QPalette::Disabled, QPalette::WindowText,
                     dark ? QColor(0x6b737d) : QColor(0xa0a7b0));
    return palette;
}

void Theme::update()
{
    const bool dark = m_mode == Dark || (m_mode == System && isDarkPalette(m_systemPalette));
    const bool forced = m_mode != System;
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()) &&
        (forced || m_paletteForced)) {
        m_applyingPalette = true;
        QGuiApplication::setPalette(forced ? paletteFor(dark) : m_systemPalette);
        m_applyingPalette = false;
        m_paletteForced = forced;
    }
    m_dark = dark;
    Q_EMIT changed();
}

bool Theme::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ApplicationPaletteChange && watched == qApp &&
        !m_applyingPalette) {
        // The system (or the desktop's theme) changed the palette.
        m_systemPalette = QGuiApplication::palette();
        if (m_mode == System) {
            const bool dark = isDarkPalette(m_systemPalette);
            if (dark != m_dark) {
                m_dark = dark;
                Q_EMIT changed();
            }
        }
    }
    return QObject::eventFilter(watched, event);
}
