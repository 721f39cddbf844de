// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "recordingsession.h"

#include <QtCore/QAbstractListModel>
#include <QtCore/QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

class QQmlEngine;
class QJSEngine;

/*!
    The recordings open in the window, one tab each. QML reaches it as the singleton
    Recordings.
*/
class RecordingList : public QAbstractListModel
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Recordings)
    QML_SINGLETON
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)
    Q_PROPERTY(
        int currentIndex READ currentIndex WRITE setCurrentIndex NOTIFY currentIndexChanged FINAL)
    Q_PROPERTY(RecordingSession *current READ current NOTIFY currentIndexChanged FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorOccurred FINAL)

public:
    enum Role {
        RecordingRole = Qt::UserRole + 1,
        NameRole,
        StatusTextRole,
        IndexingRole,
    };
    Q_ENUM(Role)

    explicit RecordingList(QObject *parent = nullptr);
    ~RecordingList() override;

    static RecordingList *instance();
    static RecordingList *create(QQmlEngine *, QJSEngine *);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_recordings.size()); }
    int currentIndex() const { return m_current; }
    void setCurrentIndex(int index);
    RecordingSession *current() const;
    QString errorString() const { return m_errorString; }

    /*!
        Opens the recording \a file (a file URL or a local path) in a new tab and makes it
        current; returns nullptr and sets errorString() when it cannot be read at all.
    */
    Q_INVOKABLE RecordingSession *open(const QUrl &file);
    Q_INVOKABLE RecordingSession *openPath(const QString &path)
    {
        return open(QUrl::fromLocalFile(path));
    }
    Q_INVOKABLE RecordingSession *at(int index) const;
    Q_INVOKABLE void close(int index);

Q_SIGNALS:
    void countChanged();
    void currentIndexChanged();
    void errorOccurred();

private:
    void rowChanged(RecordingSession *recording);

    std::vector<std::unique_ptr<RecordingSession>> m_recordings;
    int m_current = -1;
    QString m_errorString;
};
