// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "hexdumpmodel.h"

using namespace Qt::StringLiterals;

HexDumpModel::HexDumpModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void HexDumpModel::setBytes(const QByteArray &bytes)
{
    beginResetModel();
    m_bytes = bytes;
    endResetModel();
    Q_EMIT bytesChanged();
}

int HexDumpModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int((m_bytes.size() + BytesPerRow - 1) / BytesPerRow);
}

QString HexDumpModel::hexOf(int row) const
{
    static constexpr char digits[] = "0123456789abcdef";
    const qsizetype start = qsizetype(row) * BytesPerRow;
    const qsizetype end = std::min(start + BytesPerRow, m_bytes.size());
    QString text;
    text.reserve(BytesPerRow * 3 + 1);
    for (qsizetype i = start; i < start + BytesPerRow; ++i) {
        if (i > start) {
            text += i - start == BytesPerRow / 2 ? u"  "_s : u" "_s;
        }
        if (i < end) {
            const auto byte = uchar(m_bytes.at(i));
            text += QLatin1Char(digits[byte >> 4]);
            text += QLatin1Char(digits[byte & 0xf]);
        } else {
            text += u"  "_s; // keeps the ASCII column aligned on the last row
        }
    }
    return text;
}

QString HexDumpModel::asciiOf(int row) const
{
    const qsizetype start = qsizetype(row) * BytesPerRow;
    const qsizetype end = std::min(start + BytesPerRow, m_bytes.size());
    QString text;
    text.reserve(BytesPerRow);
    for (qsizetype i = start; i < end; ++i) {
        const auto byte = uchar(m_bytes.at(i));
        text += byte >= 0x20 && byte < 0x7f ? QChar(char16_t(byte)) : QChar(u'.');
    }
    return text;
}

QVariant HexDumpModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    switch (role) {
    case OffsetRole:
        return u"%1"_s.arg(qint64(index.row()) * BytesPerRow, 8, 16, QChar(u'0'));
    case Qt::DisplayRole:
    case HexRole:
        return hexOf(index.row());
    case AsciiRole:
        return asciiOf(index.row());
    default:
        return {};
    }
}

QHash<int, QByteArray> HexDumpModel::roleNames() const
{
    return {{OffsetRole, "offset"}, {HexRole, "hex"}, {AsciiRole, "ascii"}};
}

QString HexDumpModel::text() const
{
    QString text;
    for (int row = 0; row < rowCount(); ++row) {
        text += u"%1  %2  %3\n"_s.arg(qint64(row) * BytesPerRow, 8, 16, QChar(u'0'))
                    .arg(hexOf(row), asciiOf(row));
    }
    return text;
}
