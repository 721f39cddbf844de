// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "connectionprofile.h"
#include "secretstore.h"

#include <QtCore/QAbstractListModel>
#include <QtCore/QPointer>
#include <QtCore/QSettings>
#include <QtQml/qqmlregistration.h>

#include <functional>

/*!
    The saved connection profiles. Non-secret fields are kept in settings under
    "profiles/<id>"; tokens and API keys go to the SecretStore (keyed "<id>/token" and
    "<id>/apiKey") and never to settings.
*/
class ProfileStore : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application owns the profile store")
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)
    Q_PROPERTY(bool secretsPersistent READ secretsPersistent NOTIFY secretsChanged FINAL)
    Q_PROPERTY(QString secretsNote READ secretsNote NOTIFY secretsChanged FINAL)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        BrokerUrlRole,
        ApiUrlRole,
        ProtocolVersionRole,
    };
    Q_ENUM(Role)

    ProfileStore(QSettings *settings, SecretStore *secrets, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_profiles.size()); }

    bool secretsPersistent() const { return m_secrets && m_secrets->isPersistent(); }
    QString secretsNote() const { return m_secrets ? m_secrets->note() : QString(); }

    QSettings *settings() const { return m_settings; }

    /*! The profile's form fields (no secrets), or a new profile's defaults for an unknown id. */
    Q_INVOKABLE QVariantMap get(const QString &id) const;
    Q_INVOKABLE int rowOf(const QString &id) const;

    /*!
        Saves the form \a fields (the keys of ConnectionProfile::toMap(), plus "token" and
        "apiKey": an empty secret keeps the stored one, unless "clearSecrets" is true). Returns
        the profile's id, or an empty string with the reason in lastError().
    */
    Q_INVOKABLE QString save(const QVariantMap &fields);
    Q_INVOKABLE void remove(const QString &id);
    Q_INVOKABLE QString lastError() const { return m_lastError; }

    ConnectionProfile profile(const QString &id) const;
    /*! Calls \a done with the profile and its secrets read from the SecretStore. */
    void withSecrets(const QString &id, QObject *context,
                     std::function<void(const ConnectionProfile &)> done);

Q_SIGNALS:
    void countChanged();
    void secretsChanged();

private:
    void load();
    void write(const ConnectionProfile &profile);

    QPointer<QSettings> m_settings;
    QPointer<SecretStore> m_secrets;
    QList<ConnectionProfile> m_profiles;
    QString m_lastError;
};
