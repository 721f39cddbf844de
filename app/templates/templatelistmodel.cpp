// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "templatelistmodel.h"

#include "common/explorerapp.h"
#include "publish/publisher.h"
#include "publishtemplate.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSettings>

using namespace Qt::StringLiterals;

TemplateListModel::TemplateListModel(QObject *parent)
    : TemplateListModel(ExplorerApp::instance() ? ExplorerApp::instance()->settings() : nullptr,
                        parent)
{ }

TemplateListModel::TemplateListModel(QSettings *settings, QObject *parent)
    : QAbstractListModel(parent)
    , m_settings(settings)
{ }

TemplateListModel::~TemplateListModel() = default;

int TemplateListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant TemplateListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return entry.name;
    case TopicRole:
        return entry.topic;
    case PayloadRole:
        return entry.payload;
    case HasPlaceholdersRole:
        return PublishTemplate::hasPlaceholders(entry.topic) ||
            PublishTemplate::hasPlaceholders(entry.payload);
    default:
        return {};
    }
}

QHash<int, QByteArray> TemplateListModel::roleNames() const
{
    return {{NameRole, "name"},
            {TopicRole, "topic"},
            {PayloadRole, "payload"},
            {HasPlaceholdersRole, "hasPlaceholders"}};
}

void TemplateListModel::setProfileId(const QString &id)
{
    if (m_profileId == id) {
        return;
    }
    m_profileId = id;
    load();
    Q_EMIT profileIdChanged();
}

bool TemplateListModel::save(const QString &name, Publisher *publisher)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        m_errorString = tr("Give the template a name.");
        Q_EMIT errorOccurred();
        return false;
    }
    if (!publisher) {
        return false;
    }
    Entry entry;
    entry.name = trimmed;
    entry.topic = publisher->topic();
    entry.payload = publisher->payload();
    entry.mode = int(publisher->mode());
    entry.qos = publisher->qos();
    entry.retain = publisher->retain();

    for (int row = 0; row < count(); ++row) {
        if (m_entries.at(row).name == trimmed) {
            m_entries[row] = entry;
            Q_EMIT dataChanged(index(row), index(row));
            store();
            return true;
        }
    }
    beginInsertRows(QModelIndex(), count(), count());
    m_entries.append(entry);
    endInsertRows();
    Q_EMIT countChanged();
    store();
    return true;
}

void TemplateListModel::apply(int row, Publisher *publisher) const
{
    if (row < 0 || row >= count() || !publisher) {
        return;
    }
    const Entry &entry = m_entries.at(row);
    publisher->setTopic(entry.topic);
    publisher->setMode(PayloadMode::Mode(std::clamp(entry.mode, 0, 2)));
    publisher->setPayload(entry.payload);
    publisher->setQos(entry.qos);
    publisher->setRetain(entry.retain);
}

void TemplateListModel::remove(int row)
{
    if (row < 0 || row >= count()) {
        return;
    }
    beginRemoveRows(QModelIndex(), row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
    store();
}

void TemplateListModel::load()
{
    beginResetModel();
    m_entries.clear();
    if (m_settings && !m_profileId.isEmpty()) {
        const QByteArray json =
            m_settings->value(u"publishTemplates/"_s + m_profileId).toString().toUtf8();
        const QJsonArray array = QJsonDocument::fromJson(json).array();
        for (const QJsonValue &value : array) {
            const QJsonObject object = value.toObject();
            Entry entry;
            entry.name = object.value(u"name"_s).toString();
            entry.topic = object.value(u"topic"_s).toString();
            entry.payload = object.value(u"payload"_s).toString();
            entry.mode = object.value(u"mode"_s).toInt();
            entry.qos = object.value(u"qos"_s).toInt(1);
            entry.retain = object.value(u"retain"_s).toBool();
            if (!entry.name.isEmpty()) {
                m_entries.append(entry);
            }
        }
    }
    endResetModel();
    Q_EMIT countChanged();
}

void TemplateListModel::store()
{
    if (!m_settings || m_profileId.isEmpty()) {
        return;
    }
    QJsonArray array;
    for (const Entry &entry : std::as_const(m_entries)) {
        array.append(QJsonObject{{u"name"_s, entry.name},
                                 {u"topic"_s, entry.topic},
                                 {u"payload"_s, entry.payload},
                                 {u"mode"_s, entry.mode},
                                 {u"qos"_s, entry.qos},
                                 {u"retain"_s, entry.retain}});
    }
    m_settings->setValue(u"publishTemplates/"_s + m_profileId,
                         QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
}
