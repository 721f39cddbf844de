// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QAbstractListModel>
#include <QtCore/QList>
#include <QtCore/QVariant>
#include <QtQml/qqmlregistration.h>

/*! One difference between two payloads, at a JSON path such as `$.sensors[2].value`. */
struct JsonDifference
{
    enum Kind {
        Added, //!< only in the newer payload
        Removed, //!< only in the older payload
        Changed, //!< in both, with another value or type
    };
    Kind kind = Changed;
    QString path;
    QString before; //!< compact JSON; empty when Added
    QString after; //!< compact JSON; empty when Removed

    bool operator==(const JsonDifference &other) const
    {
        return kind == other.kind && path == other.path && before == other.before &&
            after == other.after;
    }
};

/*!
    The structural difference between two decoded payloads: maps are compared key by key,
    arrays index by index, and everything else by type and value (so 1 and 1.0 differ).
    Stops after \a maxDifferences and sets \a truncated when there were more.
*/
QList<JsonDifference> diffPayloads(const QVariant &before, const QVariant &after,
                                   int maxDifferences = 10000, bool *truncated = nullptr);

/*! The differences of the inspector's diff tab. */
class JsonDiffModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)

public:
    enum Role {
        KindRole = Qt::UserRole + 1, //!< "added", "removed" or "changed"
        PathRole,
        BeforeRole,
        AfterRole,
    };
    Q_ENUM(Role)

    explicit JsonDiffModel(QObject *parent = nullptr);

    void setDifferences(const QList<JsonDifference> &differences);
    QList<JsonDifference> differences() const { return m_differences; }
    int count() const { return int(m_differences.size()); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    QList<JsonDifference> m_differences;
};
