// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QAbstractItemModel>
#include <QtCore/QByteArray>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

/*!
    A MessagePack value as a tree for QML's TreeView, read straight from the bytes.

    Nothing is decoded up front: a container reports its size from its header, and its
    children are located (one pass over the container's bytes) the first time a view asks for
    one of them. Expanding one branch of a 16 MB payload therefore costs only that branch.
    Strings longer than ValueChars are cut in the tree with a marker giving their length; the
    inspector's text view shows them whole.
*/
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool valid READ isValid NOTIFY bytesChanged FINAL)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        ValueRole,
        TypeRole,
        PathRole,
        ChildCountRole,
    };
    Q_ENUM(Role)

    static constexpr qsizetype ValueChars = 300;

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    /*! Shows \a msgpack, which must hold one value; anything else shows one error row. */
    void setBytes(const QByteArray &msgpack);
    /*! The same, when the caller already checked the bytes with NoLag::Codec::isWellFormed(). */
    void setBytes(const QByteArray &msgpack, bool wellFormed);
    bool isValid() const { return m_valid; }

    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void bytesChanged();

private:
    struct Node
    {
        Node *parent = nullptr;
        int row = 0;
        QString key; // map key, or "[n]" for array items
        qsizetype offset = 0; // of the value in m_bytes
        quint32 childCount = 0;
        bool isContainer = false;
        bool isMap = false;
        bool childrenBuilt = false;
        std::vector<std::unique_ptr<Node>> children;
    };

    Node *nodeOf(const QModelIndex &index) const;
    void buildChildren(Node *node) const;
    QString valueText(const Node *node) const;
    QString typeText(const Node *node) const;
    QString pathOf(const Node *node) const;

    QByteArray m_bytes;
    std::unique_ptr<Node> m_root; // holds the payload itself as its one child
    bool m_valid = false;
};
