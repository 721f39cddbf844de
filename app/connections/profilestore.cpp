// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "profilestore.h"

#include "common/explorerlogging.h"

#include <QtCore/QUuid>

using namespace Qt::StringLiterals;

ProfileStore::ProfileStore(QSettings *settings, SecretStore *secrets, QObject *parent)
    : QAbstractListModel(parent)
    , m_settings(settings)
    , m_secrets(secrets)
{
    connect(secrets, &SecretStore::persistentChanged, this, &ProfileStore::secretsChanged);
    load();
}

int ProfileStore::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

QVariant ProfileStore::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const ConnectionProfile &profile = m_profiles.at(index.row());
    switch (role) {
    case IdRole:
        return profile.id;
    case Qt::DisplayRole:
    case NameRole:
        return profile.name;
    case BrokerUrlRole:
        return profile.brokerUrl.toString();
    case ApiUrlRole:
        return profile.effectiveApiUrl().toString();
    case ProtocolVersionRole:
        return profile.protocolVersion;
    default:
        return {};
    }
}

QHash<int, QByteArray> ProfileStore::roleNames() const
{
    return {{IdRole, "profileId"},
            {NameRole, "name"},
            {BrokerUrlRole, "brokerUrl"},
            {ApiUrlRole, "apiUrl"},
            {ProtocolVersionRole, "protocolVersion"}};
}

int ProfileStore::rowOf(const QString &id) const
{
    for (int row = 0; row < m_profiles.size(); ++row) {
        if (m_profiles.at(row).id == id) {
            return row;
        }
    }
    return -1;
}

ConnectionProfile ProfileStore::profile(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? ConnectionProfile() : m_profiles.at(row);
}

QVariantMap ProfileStore::get(const QString &id) const
{
    return profile(id).toMap();
}

QString ProfileStore::save(const QVariantMap &fields)
{
    const QString id = fields.value(u"id"_s).toString();
    const int row = rowOf(id);
    ConnectionProfile profile = row >= 0 ? m_profiles.at(row) : ConnectionProfile();
    profile.update(fields);
    const QString error = profile.validate();
    if (!error.isEmpty()) {
        m_lastError = error;
        return QString();
    }
    m_lastError.clear();
    if (profile.id.isEmpty() || row < 0) {
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    // Secrets go to the keychain; the profile in memory and in settings never holds them.
    const bool clear = fields.value(u"clearSecrets"_s).toBool();
    for (const auto &[field, value] :
         {std::pair{u"token"_s, profile.token}, std::pair{u"apiKey"_s, profile.apiKey}}) {
        const QString key = profile.id + u'/' + field;
        if (!value.isEmpty()) {
            m_secrets->write(key, value);
        } else if (clear) {
            m_secrets->remove(key);
        }
    }
    profile.token.clear();
    profile.apiKey.clear();

    if (row >= 0) {
        m_profiles[row] = profile;
        Q_EMIT dataChanged(index(row), index(row));
    } else {
        beginInsertRows(QModelIndex(), int(m_profiles.size()), int(m_profiles.size()));
        m_profiles.append(profile);
        endInsertRows();
        Q_EMIT countChanged();
    }
    write(profile);
    qCInfo(lcExplorerProfiles, "Saved the connection profile \"%s\"", qPrintable(profile.name));
    return profile.id;
}

void ProfileStore::remove(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0) {
        return;
    }
    beginRemoveRows(QModelIndex(), row, row);
    m_profiles.removeAt(row);
    endRemoveRows();
    m_secrets->remove(id + u"/token"_s);
    m_secrets->remove(id + u"/apiKey"_s);
    if (m_settings) {
        m_settings->remove(u"profiles/"_s + id);
        QStringList order;
        for (const ConnectionProfile &profile : std::as_const(m_profiles)) {
            order.append(profile.id);
        }
        m_settings->setValue(u"profileOrder"_s, order);
    }
    Q_EMIT countChanged();
}

void ProfileStore::withSecrets(const QString &id, QObject *context,
                               std::function<void(const ConnectionProfile &)> done)
{
    const ConnectionProfile base = profile(id);
    QPointer<ProfileStore> self(this);
    m_secrets->read(id + u"/token"_s, context, [=](const QString &token) {
        if (!self) {
            return;
        }
        self->m_secrets->read(id + u"/apiKey"_s, context, [=](const QString &apiKey) {
            ConnectionProfile withSecrets = base;
            withSecrets.token = token;
            withSecrets.apiKey = apiKey;
            done(withSecrets);
        });
    });
}

void ProfileStore::load()
{
    if (!m_settings) {
        return;
    }
    const QStringList order = m_settings->value(u"profileOrder"_s).toStringList();
    for (const QString &id : order) {
        m_settings->beginGroup(u"profiles/"_s + id);
        QVariantMap fields;
        for (const QString &key : m_settings->childKeys()) {
            fields.insert(key, m_settings->value(key));
        }
        m_settings->endGroup();
        if (fields.isEmpty()) {
            continue;
        }
        ConnectionProfile profile;
        profile.update(fields);
        profile.id = id;
        profile.token.clear(); // settings never hold secrets; ignore any that were put there
        profile.apiKey.clear();
        m_profiles.append(profile);
    }
}

void ProfileStore::write(const ConnectionProfile &profile)
{
    if (!m_settings) {
        return;
    }
    const QVariantMap fields = profile.toMap();
    m_settings->beginGroup(u"profiles/"_s + profile.id);
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        m_settings->setValue(it.key(), it.value());
    }
    m_settings->endGroup();
    QStringList order;
    for (const ConnectionProfile &p : std::as_const(m_profiles)) {
        order.append(p.id);
    }
    m_settings->setValue(u"profileOrder"_s, order);
}
