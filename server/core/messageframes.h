// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QHash>
#include <QtCore/QString>
#include <QtCore/QVarLengthArray>

namespace NoLag::Server {

/*! Whether a message frame carries `isReplay`, and with which value (wire-protocol §10). */
enum class ReplayMark : quint8 { None, Replayed, LiveAfterReplay };

/*!
    Encodes one `message` frame. \a data is the canonical encoding of the payload and is
    copied in as it is; `filter` is present when \a filter is not empty, `msgId` and
    `requiresAck` when \a msgId is not empty.
*/
QByteArray encodeMessageFrame(const QString &topic, const QByteArray &data, const QString &filter,
                              const QByteArray &msgId, ReplayMark replay);

/*!
    The message frames of one publish, encoded once per distinct display topic among its
    receivers and shared (implicitly) by every receiver with that topic. Most receivers of a
    route subscribed with the same string, so this is usually a single encoding.
*/
class MessageFrames
{
public:
    MessageFrames(const QByteArray &data, const QString &filter, const QByteArray &msgId)
        : m_data(data)
        , m_filter(filter)
        , m_msgId(msgId)
    { }

    const QByteArray &frameFor(const QString &topic);
    qsizetype encodedCount() const { return m_many.isEmpty() ? m_few.size() : m_many.size(); }

private:
    static constexpr qsizetype FewTopics = 8;

    const QByteArray &m_data;
    const QString &m_filter;
    const QByteArray &m_msgId;
    QVarLengthArray<std::pair<QString, QByteArray>, FewTopics> m_few;
    QHash<QString, QByteArray> m_many;
};

} // namespace NoLag::Server
