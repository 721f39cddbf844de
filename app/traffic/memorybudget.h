// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtQml/qqmlregistration.h>

class TrafficStore;

/*!
    The memory limit shared by every open connection's traffic store. Stores charge each chunk
    they allocate and release it when they evict; when the total goes over the limit, the
    globally oldest chunk (of whichever store) is evicted until the total fits again.
    The default limit is 512 MB.
*/
class MemoryBudget : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application owns the memory budget")
    Q_PROPERTY(qint64 limitBytes READ limitBytes WRITE setLimitBytes NOTIFY limitBytesChanged FINAL)
    Q_PROPERTY(qint64 usedBytes READ usedBytes NOTIFY usedBytesChanged FINAL)

public:
    static constexpr qint64 DefaultLimitBytes = 512LL * 1024 * 1024;

    explicit MemoryBudget(QObject *parent = nullptr);

    qint64 limitBytes() const { return m_limit; }
    void setLimitBytes(qint64 bytes);
    qint64 usedBytes() const { return m_used; }

    void attach(TrafficStore *store);
    void detach(TrafficStore *store);

    void charge(qint64 bytes);
    void release(qint64 bytes);

    /*! Evicts the oldest chunks until the total fits; called after every charge. */
    void enforce();

Q_SIGNALS:
    void limitBytesChanged();
    void usedBytesChanged();

private:
    QList<QPointer<TrafficStore>> m_stores;
    qint64 m_limit = DefaultLimitBytes;
    qint64 m_used = 0;
    bool m_enforcing = false;
};
