// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>

#include <optional>

/*!
    Interns topic strings: each distinct topic gets a small number (0, 1, 2, ...) that stored
    messages and the topic tree use instead of the string. Ids are never reused while the table
    lives. Used on the UI thread only.
*/
class TopicTable
{
public:
    quint32 intern(const QString &topic)
    {
        const auto it = m_ids.constFind(topic);
        if (it != m_ids.constEnd()) {
            return it.value();
        }
        const quint32 id = quint32(m_names.size());
        m_ids.insert(topic, id);
        m_names.append(topic);
        m_bytes += topic.size() * qsizetype(sizeof(QChar)) + PerTopicOverhead;
        return id;
    }

    std::optional<quint32> find(const QString &topic) const
    {
        const auto it = m_ids.constFind(topic);
        return it == m_ids.constEnd() ? std::nullopt : std::optional<quint32>(it.value());
    }

    QString name(quint32 id) const
    {
        return id < quint32(m_names.size()) ? m_names.at(id) : QString();
    }
    qsizetype count() const { return m_names.size(); }

    /*! An estimate: the characters plus the hash node and list slot of each topic. */
    qsizetype approximateBytes() const { return m_bytes; }

    void clear()
    {
        m_ids.clear();
        m_names.clear();
        m_bytes = 0;
    }

private:
    static constexpr qsizetype PerTopicOverhead = 96;

    QHash<QString, quint32> m_ids;
    QList<QString> m_names;
    qsizetype m_bytes = 0;
};
