// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QAbstractListModel>
#include <QtCore/QPointer>
#include <QtQml/qqmlregistration.h>

class Publisher;
class QSettings;

/*!
    The publish templates saved for one connection profile: named copies of the publish form
    (topic, payload, payload mode, QoS, retain), placeholders included. They are kept in
    settings under "publishTemplates/<profile id>", as JSON; with no settings (tests) they
    live in memory only.
*/
class TemplateListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString profileId READ profileId WRITE setProfileId NOTIFY profileIdChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorOccurred FINAL)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        TopicRole,
        PayloadRole,
        HasPlaceholdersRole,
    };
    Q_ENUM(Role)

    struct Entry
    {
        QString name;
        QString topic;
        QString payload;
        int mode = 0;
        int qos = 1;
        bool retain = false;
    };

    /*! Uses the application's settings when there are any. */
    explicit TemplateListModel(QObject *parent = nullptr);
    TemplateListModel(QSettings *settings, QObject *parent = nullptr);
    ~TemplateListModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString profileId() const { return m_profileId; }
    /*! Loads the templates of profile \a id. */
    void setProfileId(const QString &id);
    int count() const { return int(m_entries.size()); }
    QString errorString() const { return m_errorString; }
    Entry entry(int row) const { return m_entries.value(row); }

    /*!
        Saves \a publisher's form as template \a name, replacing one of the same name.
        Returns false (with errorString()) for an empty name.
    */
    Q_INVOKABLE bool save(const QString &name, Publisher *publisher);
    /*! Fills \a publisher's form from template \a row. */
    Q_INVOKABLE void apply(int row, Publisher *publisher) const;
    Q_INVOKABLE void remove(int row);

Q_SIGNALS:
    void profileIdChanged();
    void countChanged();
    void errorOccurred();

private:
    void load();
    void store();

    QPointer<QSettings> m_settings;
    QString m_profileId;
    QList<Entry> m_entries;
    QString m_errorString;
};
