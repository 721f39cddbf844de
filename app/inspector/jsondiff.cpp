// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "jsondiff.h"

#include "common/payloadformat.h"

#include <nolagcodec/variantcodec.h>

#include <QtCore/QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

bool isMap(const QVariant &value)
{
    return value.typeId() == QMetaType::QVariantMap;
}

bool isList(const QVariant &value)
{
    return value.typeId() == QMetaType::QVariantList;
}

QString textOf(const QVariant &value)
{
    // The same text the inspector shows: encode back and render, so types stay visible.
    bool ok = false;
    const QByteArray encoded = NoLag::Codec::encodeVariant(value, &ok);
    return ok ? PayloadFormat::toJson(encoded, PayloadFormat::Style::Compact, 200)
              : value.toString();
}

QString keyPath(const QString &path, const QString &key)
{
    static const QRegularExpression plain(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    if (plain.match(key).hasMatch()) {
        return path + u'.' + key;
    }
    QString quoted = key;
    quoted.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
    return path + u"[\""_s + quoted + u"\"]"_s;
}

class Differ
{
public:
    Differ(int limit)
        : m_limit(limit)
    { }

    void compare(const QString &path, const QVariant &before, const QVariant &after)
    {
        if (m_truncated) {
            return; // add() found one difference too many: the rest does not matter
        }
        if (isMap(before) && isMap(after)) {
            const QVariantMap a = before.toMap();
            const QVariantMap b = after.toMap();
            // Keys in the order of the newer payload's (sorted) map, removed ones after.
            for (auto it = a.cbegin(); it != a.cend(); ++it) {
                if (!b.contains(it.key())) {
                    add(JsonDifference::Removed, keyPath(path, it.key()), it.value(), {});
                }
            }
            for (auto it = b.cbegin(); it != b.cend(); ++it) {
                const auto old = a.constFind(it.key());
                if (old == a.cend()) {
                    add(JsonDifference::Added, keyPath(path, it.key()), {}, it.value());
                } else {
                    compare(keyPath(path, it.key()), old.value(), it.value());
                }
            }
            return;
        }
        if (isList(before) && isList(after)) {
            const QVariantList a = before.toList();
            const QVariantList b = after.toList();
            const qsizetype common = std::min(a.size(), b.size());
            for (qsizetype i = 0; i < common; ++i) {
                compare(u"%1[%2]"_s.arg(path).arg(i), a.at(i), b.at(i));
            }
            for (qsizetype i = common; i < a.size(); ++i) {
                add(JsonDifference::Removed, u"%1[%2]"_s.arg(path).arg(i), a.at(i), {});
            }
            for (qsizetype i = common; i < b.size(); ++i) {
                add(JsonDifference::Added, u"%1[%2]"_s.arg(path).arg(i), {}, b.at(i));
            }
            return;
        }
        if (before.typeId() != after.typeId() || before != after) {
            add(JsonDifference::Changed, path, before, after);
        }
    }

    bool full() const { return m_differences.size() >= m_limit; }
    bool truncated() const { return m_truncated; }
    QList<JsonDifference> take() { return std::move(m_differences); }

private:
    void add(JsonDifference::Kind kind, const QString &path, const QVariant &before,
             const QVariant &after)
    {
        if (full()) {
            m_truncated = true;
            return;
        }
        JsonDifference difference;
        difference.kind = kind;
        difference.path = path;
        if (kind != JsonDifference::Added) {
            difference.before = textOf(before);
        }
        if (kind != JsonDifference::Removed) {
            difference.after = textOf(after);
        }
        m_differences.append(difference);
    }

    int m_limit;
    bool m_truncated = false;
    QList<JsonDifference> m_differences;
};

} // namespace

QList<JsonDifference> diffPayloads(const QVariant &before, const QVariant &after,
                                   int maxDifferences, bool *truncated)
{
    Differ differ(maxDifferences);
    differ.compare(u"$"_s, before, after);
    if (truncated) {
        *truncated = differ.truncated();
    }
    return differ.take();
}

JsonDiffModel::JsonDiffModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void JsonDiffModel::setDifferences(const QList<JsonDifference> &differences)
{
    beginResetModel();
    m_differences = differences;
    endResetModel();
    Q_EMIT countChanged();
}

int JsonDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_differences.size());
}

QVariant JsonDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const JsonDifference &difference = m_differences.at(index.row());
    switch (role) {
    case KindRole:
        switch (difference.kind) {
        case JsonDifference::Added:
            return u"added"_s;
        case JsonDifference::Removed:
            return u"removed"_s;
        case JsonDifference::Changed:
            return u"changed"_s;
        }
        return {};
    case Qt::DisplayRole:
    case PathRole:
        return difference.path;
    case BeforeRole:
        return difference.before;
    case AfterRole:
        return difference.after;
    default:
        return {};
    }
}

QHash<int, QByteArray> JsonDiffModel::roleNames() const
{
    return {{KindRole, "kind"}, {PathRole, "path"}, {BeforeRole, "before"}, {AfterRole, "after"}};
}
