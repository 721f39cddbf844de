// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "messageinspector.h"

#include "common/explorerlogging.h"
#include "common/payloadformat.h"
#include "traffic/trafficstore.h"

#include <nolagcodec/variantcodec.h>

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDateTime>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>

using namespace Qt::StringLiterals;

MessageInspector::MessageInspector(TrafficStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(&m_loadWatcher, &QFutureWatcher<Rendered>::finished, this, [this] {
        if (m_loadGeneration == 0) {
            return;
        }
        showRendered(m_loadWatcher.result());
        m_loadGeneration = 0;
        Q_EMIT loadingChanged();
    });
    connect(&m_diffWatcher, &QFutureWatcher<QPair<QList<JsonDifference>, bool>>::finished, this,
            [this] {
                if (m_diffGeneration == 0) {
                    return;
                }
                const auto [differences, truncated] = m_diffWatcher.result();
                m_diff.setDifferences(differences);
                m_diffTruncated = truncated;
                m_diffGeneration = 0;
                setDiffDescription(m_pendingDiffDescription);
            });
}

MessageInspector::~MessageInspector()
{
    m_loadWatcher.disconnect(this);
    m_diffWatcher.disconnect(this);
    m_loadWatcher.waitForFinished();
    m_diffWatcher.waitForFinished();
}

QString MessageInspector::timeText() const
{
    if (!hasMessage()) {
        return QString();
    }
    return QDateTime::fromMSecsSinceEpoch(m_receivedAtMs).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

QString MessageInspector::sizeText() const
{
    return hasMessage() ? PayloadFormat::humanSize(m_bytes.size()) : QString();
}

MessageInspector::Rendered MessageInspector::render(const QByteArray &bytes)
{
    Rendered rendered;
    rendered.wellFormed = NoLag::Codec::isWellFormed(bytes);
    rendered.text = PayloadFormat::toJson(bytes, PayloadFormat::Style::Pretty);
    rendered.rows = TextLinesModel::split(rendered.text);
    return rendered;
}

void MessageInspector::showRendered(const Rendered &rendered)
{
    m_wellFormed = rendered.wellFormed;
    m_tree.setBytes(m_bytes, rendered.wellFormed);
    m_text.setText(rendered.text, rendered.rows);
}

void MessageInspector::inspect(qint64 sequence)
{
    const std::optional<TrafficMessage> message =
        m_store && sequence > 0 ? m_store->message(quint64(sequence)) : std::nullopt;
    if (!message) {
        if (quint64(sequence) != m_sequence) {
            clear();
        }
        return;
    }
    if (message->sequence == m_sequence) {
        return;
    }

    m_sequence = message->sequence;
    m_topicId = message->topicId;
    m_bytes = message->data.toByteArray();
    m_topic = m_store->topicName(message->topicId);
    m_receivedAtMs = message->receivedAtMs;
    m_msgId = QString::fromUtf8(message->msgId);
    m_filter = QString::fromUtf8(message->filter);
    m_sender = QString::fromUtf8(message->sender);
    m_qos = message->qos;
    m_retained = hasFlag(message->flags, TrafficFlag::Retained);
    m_replay = hasFlag(message->flags, TrafficFlag::Replayed);
    m_hex.setBytes(m_bytes);

    // A new message makes an old diff meaningless.
    m_diffGeneration = 0;
    m_diff.setDifferences({});
    m_diffTruncated = false;
    setDiffDescription(QString());

    const bool wasLoading = isLoading();
    if (m_bytes.size() <= InlineBytes) {
        m_loadGeneration = 0;
        showRendered(render(m_bytes));
    } else {
        qCDebug(lcExplorerInspector, "Rendering a payload of %lld bytes in a worker",
                qint64(m_bytes.size()));
        m_loadGeneration = ++m_nextGeneration;
        m_tree.setBytes(QByteArray(), true);
        m_text.setText(QString());
        const QByteArray bytes = m_bytes;
        m_loadWatcher.setFuture(QtConcurrent::run([bytes] { return render(bytes); }));
    }
    Q_EMIT messageChanged();
    if (wasLoading != isLoading() || !isLoading()) {
        Q_EMIT loadingChanged();
    }
}

void MessageInspector::clear()
{
    m_sequence = 0;
    m_bytes.clear();
    m_topic.clear();
    m_msgId.clear();
    m_filter.clear();
    m_sender.clear();
    m_retained = m_replay = m_wellFormed = false;
    m_loadGeneration = 0;
    m_diffGeneration = 0;
    m_tree.setBytes(QByteArray(), true);
    m_text.setText(QString());
    m_hex.setBytes(QByteArray());
    m_diff.setDifferences({});
    m_diffTruncated = false;
    m_diffDescription.clear();
    Q_EMIT messageChanged();
    Q_EMIT loadingChanged();
    Q_EMIT diffChanged();
}

void MessageInspector::copyAsJson() const
{
    if (QGuiApplication::clipboard()) {
        QGuiApplication::clipboard()->setText(jsonText());
    }
}

void MessageInspector::copyHexDump() const
{
    if (QGuiApplication::clipboard()) {
        QGuiApplication::clipboard()->setText(m_hex.text());
    }
}

bool MessageInspector::compareWithPrevious()
{
    if (!hasMessage() || !m_store) {
        return false;
    }
    const quint64 previous = m_store->previousOnTopic(m_sequence, m_topicId);
    const std::optional<TrafficMessage> message =
        previous ? m_store->message(previous) : std::nullopt;
    if (!message) {
        m_diff.setDifferences({});
        setDiffDescription(tr("No earlier message on %1 is stored.").arg(m_topic));
        return false;
    }
    startDiff(message->data.toByteArray(),
              tr("Changes since the previous message on %1 (#%2)").arg(m_topic).arg(previous));
    return true;
}

void MessageInspector::pinForComparison()
{
    if (!hasMessage()) {
        return;
    }
    m_pinnedSequence = m_sequence;
    m_pinnedBytes = m_bytes;
    m_pinnedTopic = m_topic;
    Q_EMIT pinnedChanged();
}

bool MessageInspector::compareWithPinned()
{
    if (!hasMessage() || m_pinnedSequence == 0) {
        return false;
    }
    startDiff(
        m_pinnedBytes,
        tr("Changes from the pinned message #%1 on %2").arg(m_pinnedSequence).arg(m_pinnedTopic));
    return true;
}

bool MessageInspector::compareWith(qint64 sequence)
{
    const std::optional<TrafficMessage> message =
        m_store && sequence > 0 ? m_store->message(quint64(sequence)) : std::nullopt;
    if (!hasMessage() || !message) {
        return false;
    }
    startDiff(message->data.toByteArray(),
              tr("Changes from message #%1 on %2")
                  .arg(sequence)
                  .arg(m_store->topicName(message->topicId)));
    return true;
}

void MessageInspector::startDiff(const QByteArray &before, const QString &description)
{
    m_diffGeneration = ++m_nextGeneration;
    m_pendingDiffDescription = description;
    const QByteArray after = m_bytes;
    m_diffWatcher.setFuture(QtConcurrent::run([before, after] {
        bool beforeOk = false;
        bool afterOk = false;
        const QVariant a = NoLag::Codec::decodeVariant(before, &beforeOk);
        const QVariant b = NoLag::Codec::decodeVariant(after, &afterOk);
        bool truncated = false;
        QList<JsonDifference> differences;
        if (beforeOk && afterOk) {
            differences = diffPayloads(a, b, 10000, &truncated);
        }
        return qMakePair(differences, truncated);
    }));
    Q_EMIT diffChanged();
}

void MessageInspector::setDiffDescription(const QString &description)
{
    m_diffDescription = description;
    Q_EMIT diffChanged();
}
