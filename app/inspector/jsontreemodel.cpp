// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "jsontreemodel.h"

#include "common/payloadformat.h"

#include <nolagcodec/msgpackreader.h>

using namespace Qt::StringLiterals;
using NoLag::Codec::Kind;
using NoLag::Codec::Reader;

namespace {

bool readContainerHeader(Reader &reader, quint32 *count, bool *isMap)
{
    if (reader.peekKind() == Kind::Map) {
        *isMap = true;
        return reader.readMapHeader(count);
    }
    if (reader.peekKind() == Kind::Array) {
        *isMap = false;
        return reader.readArrayHeader(count);
    }
    return false;
}

} // namespace

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{ }

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setBytes(const QByteArray &msgpack)
{
    setBytes(msgpack, NoLag::Codec::isWellFormed(msgpack));
}

void JsonTreeModel::setBytes(const QByteArray &msgpack, bool wellFormed)
{
    beginResetModel();
    m_bytes = msgpack;
    m_root = std::make_unique<Node>();
    m_valid = wellFormed;

    // The payload is the root's only child, so that a scalar payload shows as one row.
    auto value = std::make_unique<Node>();
    value->parent = m_root.get();
    value->key = m_valid ? tr("payload") : tr("payload (malformed MessagePack)");
    if (m_valid) {
        Reader reader(m_bytes);
        value->isContainer = readContainerHeader(reader, &value->childCount, &value->isMap);
    }
    m_root->children.push_back(std::move(value));
    m_root->childCount = 1;
    m_root->childrenBuilt = true;
    endResetModel();
    Q_EMIT bytesChanged();
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

void JsonTreeModel::buildChildren(Node *node) const
{
    if (node->childrenBuilt) {
        return;
    }
    node->childrenBuilt = true;
    if (!node->isContainer || !m_valid) {
        return;
    }

    Reader reader(QByteArrayView(m_bytes).sliced(node->offset));
    quint32 count = 0;
    bool isMap = false;
    readContainerHeader(reader, &count, &isMap);
    node->children.reserve(count);
    for (quint32 i = 0; i < count; ++i) {
        auto child = std::make_unique<Node>();
        child->parent = node;
        child->row = int(i);
        if (isMap) {
            if (reader.peekKind() == Kind::Str || reader.peekKind() == Kind::Bin) {
                QByteArrayView key;
                reader.readStrOrBin(&key);
                child->key = QString::fromUtf8(key);
            } else {
                QByteArrayView raw;
                reader.skip(&raw);
                child->key = PayloadFormat::toJson(raw, PayloadFormat::Style::Compact);
            }
        } else {
            child->key = u"[%1]"_s.arg(i);
        }
        child->offset = node->offset + reader.position();
        Reader peek(QByteArrayView(m_bytes).sliced(child->offset));
        child->isContainer = readContainerHeader(peek, &child->childCount, &child->isMap);
        if (!reader.skip()) {
            break; // cannot happen: the bytes were checked as a whole in setBytes()
        }
        node->children.push_back(std::move(child));
    }
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    Node *node = nodeOf(parent);
    if (column != 0 || row < 0 || quint32(row) >= node->childCount) {
        return {};
    }
    buildChildren(node);
    if (size_t(row) >= node->children.size()) {
        return {};
    }
    return createIndex(row, 0, node->children[size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid()) {
        return {};
    }
    Node *parent = nodeOf(child)->parent;
    if (!parent || parent == m_root.get()) {
        return {};
    }
    return createIndex(parent->row, 0, parent);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0) {
        return 0;
    }
    return int(nodeOf(parent)->childCount);
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QString JsonTreeModel::typeText(const Node *node) const
{
    if (!m_valid) {
        return tr("error");
    }
    Reader reader(QByteArrayView(m_bytes).sliced(node->offset));
    switch (reader.peekKind()) {
    case Kind::Nil:
        return u"null"_s;
    case Kind::Bool:
        return u"boolean"_s;
    case Kind::Int:
    case Kind::UInt:
        return u"integer"_s;
    case Kind::Float32:
    case Kind::Float64:
        return u"float"_s;
    case Kind::Str:
        return u"string"_s;
    case Kind::Bin:
        return u"bytes"_s;
    case Kind::Array:
        return u"array"_s;
    case Kind::Map:
        return u"object"_s;
    default:
        return tr("error");
    }
}

QString JsonTreeModel::valueText(const Node *node) const
{
    if (!m_valid) {
        return tr("The payload is not well-formed MessagePack; see the hex view.");
    }
    if (node->isContainer) {
        return node->isMap ? tr("{%n key(s)}", nullptr, int(node->childCount))
                           : tr("[%n item(s)]", nullptr, int(node->childCount));
    }
    Reader reader(QByteArrayView(m_bytes).sliced(node->offset));
    if (reader.peekKind() == Kind::Str) {
        QByteArrayView utf8;
        reader.readStr(&utf8);
        const QString text = QString::fromUtf8(utf8);
        if (text.size() > ValueChars) {
            return tr("\"%1…\" (%n characters, shown whole in the Text tab)", nullptr,
                      int(text.size()))
                .arg(text.left(ValueChars));
        }
    }
    QByteArrayView raw;
    Reader whole(QByteArrayView(m_bytes).sliced(node->offset));
    whole.skip(&raw);
    return PayloadFormat::toJson(raw, PayloadFormat::Style::Compact, ValueChars);
}

QString JsonTreeModel::pathOf(const Node *node) const
{
    QString path;
    for (; node && node->parent && node->parent != m_root.get(); node = node->parent) {
        path.prepend(node->parent->isMap ? u"."_s + node->key : node->key);
    }
    return u"$"_s + path;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Node *node = nodeOf(index);
    switch (role) {
    case KeyRole:
        return node->key;
    case Qt::DisplayRole:
    case ValueRole:
        return valueText(node);
    case TypeRole:
        return typeText(node);
    case PathRole:
        return pathOf(node);
    case ChildCountRole:
        return int(node->childCount);
    default:
        return {};
    }
}

QHash<int, QByteArray> JsonTreeModel::roleNames() const
{
    return {{KeyRole, "key"},
            {ValueRole, "value"},
            {TypeRole, "type"},
            {PathRole, "path"},
            {ChildCountRole, "childCount"}};
}
