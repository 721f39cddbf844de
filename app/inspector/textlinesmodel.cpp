// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "textlinesmodel.h"

TextLinesModel::TextLinesModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

std::vector<TextLinesModel::Row> TextLinesModel::split(const QString &text)
{
    std::vector<Row> rows;
    if (text.isEmpty()) {
        return rows;
    }
    qsizetype start = 0;
    int line = 1;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0) {
            end = text.size();
        }
        qsizetype segment = start;
        do {
            const qsizetype length = std::min(SegmentChars, end - segment);
            rows.push_back({segment, length, segment == start ? line : 0});
            segment += length;
        } while (segment < end);
        ++line;
        start = end + 1;
    }
    return rows;
}

void TextLinesModel::setText(const QString &text, std::vector<Row> rows)
{
    beginResetModel();
    m_text = text;
    m_rows = std::move(rows);
    m_lineCount = 0;
    for (const Row &row : m_rows) {
        m_lineCount = std::max(m_lineCount, row.lineNumber);
    }
    endResetModel();
    Q_EMIT textChanged();
}

int TextLinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TextLinesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return m_text.mid(row.start, row.length);
    case LineNumberRole:
        return row.lineNumber;
    case ContinuationRole:
        return row.lineNumber == 0;
    default:
        return {};
    }
}

QHash<int, QByteArray> TextLinesModel::roleNames() const
{
    return {{LineNumberRole, "lineNumber"}, {TextRole, "text"}, {ContinuationRole, "continuation"}};
}
