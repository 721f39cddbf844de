// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QAbstractListModel>
#include <QtCore/QByteArray>
#include <QtQml/qqmlregistration.h>

/*!
    A hex dump of bytes, 16 per row, formatted only for the rows a view asks for, so a
    16 MB payload costs one row of text per visible line.
*/
class HexDumpModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int byteCount READ byteCount NOTIFY bytesChanged FINAL)

public:
    enum Role {
        OffsetRole = Qt::UserRole + 1,
        HexRole,
        AsciiRole,
    };
    Q_ENUM(Role)

    static constexpr int BytesPerRow = 16;

    explicit HexDumpModel(QObject *parent = nullptr);

    QByteArray bytes() const { return m_bytes; }
    void setBytes(const QByteArray &bytes);
    int byteCount() const { return int(m_bytes.size()); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /*! The whole dump as text, one row per line (for copying). */
    Q_INVOKABLE QString text() const;

Q_SIGNALS:
    void bytesChanged();

private:
    QString hexOf(int row) const;
    QString asciiOf(int row) const;

    QByteArray m_bytes;
};
