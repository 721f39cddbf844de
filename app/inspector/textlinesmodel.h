// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QAbstractListModel>
#include <QtCore/QStringList>
#include <QtQml/qqmlregistration.h>

#include <vector>

/*!
    Long text as rows for a virtualised list: one row per line, and lines longer than
    SegmentChars split into several rows (the continuation rows have no line number), so
    a megabyte-long string never lands in one Text item.
*/
class TextLinesModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int lineCount READ lineCount NOTIFY textChanged FINAL)

public:
    enum Role {
        LineNumberRole = Qt::UserRole + 1,
        TextRole,
        ContinuationRole,
    };
    Q_ENUM(Role)

    static constexpr qsizetype SegmentChars = 512;

    struct Row
    {
        qsizetype start;
        qsizetype length;
        int lineNumber; // 0 on continuation rows
    };

    explicit TextLinesModel(QObject *parent = nullptr);

    /*! Splits \a text into rows; cheap enough for a worker, where the inspector calls it. */
    static std::vector<Row> split(const QString &text);

    /*! Takes text and the rows split() made of it. */
    void setText(const QString &text, std::vector<Row> rows);
    void setText(const QString &text) { setText(text, split(text)); }
    QString text() const { return m_text; }
    int lineCount() const { return m_lineCount; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void textChanged();

private:
    QString m_text;
    std::vector<Row> m_rows;
    int m_lineCount = 0;
};
