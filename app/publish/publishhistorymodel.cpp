// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "publishhistorymodel.h"

using namespace Qt::StringLiterals;

PublishHistoryModel::PublishHistoryModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void PublishHistoryModel::setStorage(QSettings *settings, const QString &group)
{
    m_settings = settings;
    m_group = group;
    load();
}

int PublishHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant PublishHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Entry &entry = m_entries.at(index.row()).entry;
    switch (role) {
    case TimeRole:
        return entry.time.toLocalTime().toString(u"HH:mm:ss"_s);
    case Qt::DisplayRole:
    case TopicRole:
        return entry.topic;
    case PayloadRole:
        return entry.payload;
    case ModeRole:
        return entry.mode;
    case QosRole:
        return entry.qos;
    case RetainRole:
        return entry.retain;
    case EchoRole:
        return entry.echo;
    case FilterRole:
        return entry.filter;
    case FiltersRole:
        return entry.filters;
    case ResultRole:
        return entry.result;
    case FailedRole:
        return entry.failed;
    case PendingRole:
        return entry.pending;
    default:
        return {};
    }
}

QHash<int, QByteArray> PublishHistoryModel::roleNames() const
{
    return {
        {TimeRole, "time"},     {TopicRole, "topic"},   {PayloadRole, "payload"},
        {ModeRole, "mode"},     {QosRole, "qos"},       {RetainRole, "retain"},
        {EchoRole, "echo"},     {FilterRole, "filter"}, {FiltersRole, "filters"},
        {ResultRole, "result"}, {FailedRole, "failed"}, {PendingRole, "pending"},
    };
}

quint64 PublishHistoryModel::add(const Entry &entry)
{
    const quint64 id = m_nextId++;
    beginInsertRows(QModelIndex(), 0, 0);
    m_entries.prepend(Item{id, entry});
    endInsertRows();
    if (m_entries.size() > MaxEntries) {
        beginRemoveRows(QModelIndex(), MaxEntries, int(m_entries.size()) - 1);
        m_entries.resize(MaxEntries);
        endRemoveRows();
    }
    Q_EMIT countChanged();
    save();
    return id;
}

void PublishHistoryModel::finish(quint64 id, const QString &result, bool failed)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == id) {
            Entry &entry = m_entries[row].entry;
            entry.result = result;
            entry.failed = failed;
            entry.pending = false;
            Q_EMIT dataChanged(index(row), index(row), {ResultRole, FailedRole, PendingRole});
            save();
            return;
        }
    }
}

QVariantMap PublishHistoryModel::get(int row) const
{
    if (row < 0 || row >= m_entries.size()) {
        return {};
    }
    QVariantMap map;
    const QHash<int, QByteArray> roles = roleNames();
    for (auto it = roles.cbegin(); it != roles.cend(); ++it) {
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    }
    return map;
}

void PublishHistoryModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
    Q_EMIT countChanged();
    save();
}

void PublishHistoryModel::save()
{
    if (!m_settings) {
        return;
    }
    m_settings->beginGroup(m_group);
    m_settings->remove(u"publishHistory"_s);
    m_settings->beginWriteArray(u"publishHistory"_s, int(m_entries.size()));
    for (int i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries.at(i).entry;
        m_settings->setArrayIndex(i);
        m_settings->setValue(u"time"_s, entry.time);
        m_settings->setValue(u"topic"_s, entry.topic);
        m_settings->setValue(u"payload"_s, entry.payload);
        m_settings->setValue(u"mode"_s, entry.mode);
        m_settings->setValue(u"qos"_s, entry.qos);
        m_settings->setValue(u"retain"_s, entry.retain);
        m_settings->setValue(u"echo"_s, entry.echo);
        m_settings->setValue(u"filter"_s, entry.filter);
        m_settings->setValue(u"filters"_s, entry.filters);
        // An answer that never came (the app closed first) is saved as unknown.
        m_settings->setValue(
            u"result"_s, entry.pending ? tr("No answer before the explorer closed") : entry.result);
        m_settings->setValue(u"failed"_s, entry.failed);
    }
    m_settings->endArray();
    m_settings->endGroup();
}

void PublishHistoryModel::load()
{
    beginResetModel();
    m_entries.clear();
    if (m_settings) {
        m_settings->beginGroup(m_group);
        const int size = m_settings->beginReadArray(u"publishHistory"_s);
        for (int i = 0; i < size && i < MaxEntries; ++i) {
            m_settings->setArrayIndex(i);
            Entry entry;
            entry.time = m_settings->value(u"time"_s).toDateTime();
            entry.topic = m_settings->value(u"topic"_s).toString();
            entry.payload = m_settings->value(u"payload"_s).toString();
            entry.mode = m_settings->value(u"mode"_s).toInt();
            entry.qos = m_settings->value(u"qos"_s, 1).toInt();
            entry.retain = m_settings->value(u"retain"_s).toBool();
            entry.echo = m_settings->value(u"echo"_s, true).toBool();
            entry.filter = m_settings->value(u"filter"_s).toString();
            entry.filters = m_settings->value(u"filters"_s).toString();
            entry.result = m_settings->value(u"result"_s).toString();
            entry.failed = m_settings->value(u"failed"_s).toBool();
            entry.pending = false;
            m_entries.append(Item{m_nextId++, entry});
        }
        m_settings->endArray();
        m_settings->endGroup();
    }
    endResetModel();
    Q_EMIT countChanged();
}
