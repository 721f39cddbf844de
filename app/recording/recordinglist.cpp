// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "recordinglist.h"

#include <QtCore/QCoreApplication>
#include <QtQml/QQmlEngine>

namespace {

RecordingList *s_instance = nullptr;

} // namespace

RecordingList::RecordingList(QObject *parent)
    : QAbstractListModel(parent)
{
    if (!s_instance) {
        s_instance = this;
    }
}

RecordingList::~RecordingList()
{
    if (s_instance == this) {
        s_instance = nullptr;
    }
}

RecordingList *RecordingList::instance()
{
    if (!s_instance) {
        // Lives as long as the application; QML and C++ share it.
        s_instance = new RecordingList(QCoreApplication::instance());
    }
    return s_instance;
}

RecordingList *RecordingList::create(QQmlEngine *, QJSEngine *)
{
    RecordingList *list = instance();
    QJSEngine::setObjectOwnership(list, QJSEngine::CppOwnership);
    return list;
}

int RecordingList::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant RecordingList::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    RecordingSession *recording = m_recordings[size_t(index.row())].get();
    switch (role) {
    case RecordingRole:
        return QVariant::fromValue(recording);
    case Qt::DisplayRole:
    case NameRole:
        return recording->name();
    case StatusTextRole:
        return recording->statusText();
    case IndexingRole:
        return recording->isIndexing();
    default:
        return {};
    }
}

QHash<int, QByteArray> RecordingList::roleNames() const
{
    return {{RecordingRole, "recording"},
            {NameRole, "name"},
            {StatusTextRole, "statusText"},
            {IndexingRole, "indexing"}};
}

void RecordingList::setCurrentIndex(int index)
{
    index = std::clamp(index, -1, count() - 1);
    if (m_current == index) {
        return;
    }
    m_current = index;
    Q_EMIT currentIndexChanged();
}

RecordingSession *RecordingList::current() const
{
    return at(m_current);
}

RecordingSession *RecordingList::at(int index) const
{
    return index >= 0 && index < count() ? m_recordings[size_t(index)].get() : nullptr;
}

RecordingSession *RecordingList::open(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    auto recording = std::make_unique<RecordingSession>(path);
    if (!recording->open()) {
        m_errorString = recording->errorString();
        Q_EMIT errorOccurred();
        return nullptr;
    }
    RecordingSession *opened = recording.get();
    QQmlEngine::setObjectOwnership(opened, QQmlEngine::CppOwnership);
    connect(opened, &RecordingSession::progressChanged, this,
            [this, opened] { rowChanged(opened); });

    beginInsertRows(QModelIndex(), count(), count());
    m_recordings.push_back(std::move(recording));
    endInsertRows();
    Q_EMIT countChanged();
    setCurrentIndex(count() - 1);
    return opened;
}

void RecordingList::close(int index)
{
    if (index < 0 || index >= count()) {
        return;
    }
    beginRemoveRows(QModelIndex(), index, index);
    std::unique_ptr<RecordingSession> closed = std::move(m_recordings[size_t(index)]);
    m_recordings.erase(m_recordings.begin() + index);
    endRemoveRows();
    if (m_current > index || m_current >= count()) {
        m_current = std::max(m_current - 1, count() > 0 ? 0 : -1);
    }
    Q_EMIT currentIndexChanged();
    Q_EMIT countChanged();
    closed.reset();
}

void RecordingList::rowChanged(RecordingSession *recording)
{
    for (int row = 0; row < count(); ++row) {
        if (m_recordings[size_t(row)].get() == recording) {
            const QModelIndex changed = index(row);
            Q_EMIT dataChanged(changed, changed, {StatusTextRole, IndexingRole});
            return;
        }
    }
}
