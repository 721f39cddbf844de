// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QObject>
#include <QtGui/QColor>
#include <QtGui/QFont>
#include <QtGui/QPalette>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

/*!
    Colours and fonts of the explorer, light or dark. In System mode the choice follows the
    lightness of the application palette's window colour, read at start and again whenever the
    palette changes (Qt 6.4 has no colour-scheme API). Light and Dark force a mode and set a
    matching application palette, so the Fusion controls follow.
*/
class Theme : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(Mode mode READ mode WRITE setMode NOTIFY changed FINAL)
    Q_PROPERTY(bool dark READ isDark NOTIFY changed FINAL)
    Q_PROPERTY(QColor window READ window NOTIFY changed FINAL)
    Q_PROPERTY(QColor surface READ surface NOTIFY changed FINAL)
    Q_PROPERTY(QColor surfaceAlt READ surfaceAlt NOTIFY changed FINAL)
    Q_PROPERTY(QColor border READ border NOTIFY changed FINAL)
    Q_PROPERTY(QColor text READ text NOTIFY changed FINAL)
    Q_PROPERTY(QColor textMuted READ textMuted NOTIFY changed FINAL)
    Q_PROPERTY(QColor accent READ accent NOTIFY changed FINAL)
    Q_PROPERTY(QColor selection READ selection NOTIFY changed FINAL)
    Q_PROPERTY(QColor selectionText READ selectionText NOTIFY changed FINAL)
    Q_PROPERTY(QColor success READ success NOTIFY changed FINAL)
    Q_PROPERTY(QColor warning READ warning NOTIFY changed FINAL)
    Q_PROPERTY(QColor danger READ danger NOTIFY changed FINAL)
    Q_PROPERTY(QColor info READ info NOTIFY changed FINAL)
    Q_PROPERTY(QFont monoFont READ monoFont CONSTANT FINAL)
    Q_PROPERTY(int rowHeight READ rowHeight CONSTANT FINAL)
    Q_PROPERTY(int spacing READ spacing CONSTANT FINAL)

public:
    enum Mode {
        System,
        Light,
        Dark,
    };
    Q_ENUM(Mode)

    explicit Theme(QObject *parent = nullptr);

    static Theme *instance();
    static Theme *create(QQmlEngine *, QJSEngine *);

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    bool isDark() const { return m_dark; }

    QColor window() const { return m_dark ? QColor(0x1e2127) : QColor(0xf6f7f9); }
    QColor surface() const { return m_dark ? QColor(0x262a31) : QColor(0xffffff); }
    QColor surfaceAlt() const { return m_dark ? QColor(0x2d323a) : QColor(0xf0f2f5); }
    QColor border() const { return m_dark ? QColor(0x3b414b) : QColor(0xd9dde3); }
    QColor text() const { return m_dark ? QColor(0xe6e9ee) : QColor(0x1d2228); }
    QColor textMuted() const { return m_dark ? QColor(0x9aa3af) : QColor(0x66707c); }
    QColor accent() const { return m_dark ? QColor(0x5ec8f2) : QColor(0x1672b8); }
    QColor selection() const { return m_dark ? QColor(0x2f5577) : QColor(0xcfe4f7); }
    QColor selectionText() const { return text(); }
    QColor success() const { return m_dark ? QColor(0x7bd88f) : QColor(0x1e8a3c); }
    QColor warning() const { return m_dark ? QColor(0xf2b84b) : QColor(0xa86400); }
    QColor danger() const { return m_dark ? QColor(0xff7b72) : QColor(0xc62828); }
    QColor info() const { return m_dark ? QColor(0xc3a6ff) : QColor(0x6a3fb5); }
    QFont monoFont() const;
    int rowHeight() const { return 22; }
    int spacing() const { return 6; }

    /*! True for a palette whose window colour is dark. */
    static bool isDarkPalette(const QPalette &palette);

Q_SIGNALS:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void update();
    QPalette paletteFor(bool dark) const;

    Mode m_mode = System;
    bool m_dark = false;
    bool m_applyingPalette = false;
    bool m_paletteForced = false;
    QPalette m_systemPalette;
};
