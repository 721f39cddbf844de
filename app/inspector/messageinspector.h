// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "hexdumpmodel.h"
#include "jsondiff.h"
#include "jsontreemodel.h"
#include "textlinesmodel.h"

#include <QtCore/QByteArray>
#include <QtCore/QFutureWatcher>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtQml/qqmlregistration.h>

class TrafficStore;

/*!
    The selected message: its metadata and its payload as a JSON tree, as text and as a hex
    dump, plus a structural diff against another message.

    The inspector keeps its own copy of the payload, so the message stays readable after the
    store evicted it. Payloads above InlineBytes are checked and rendered to text in a worker
    while loading() is true; the tree reads the bytes lazily and the hex dump formats only
    visible rows, so nothing on the UI thread grows with the payload. Diffs always decode in
    a worker.
*/
class MessageInspector : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Each connection's session owns its inspector")
    Q_PROPERTY(qint64 sequence READ sequence NOTIFY messageChanged FINAL)
    Q_PROPERTY(bool hasMessage READ hasMessage NOTIFY messageChanged FINAL)
    Q_PROPERTY(QString topic READ topic NOTIFY messageChanged FINAL)
    Q_PROPERTY(QString timeText READ timeText NOTIFY messageChanged FINAL)
    Q_PROPERTY(int size READ size NOTIFY messageChanged FINAL)
    Q_PROPERTY(QString sizeText READ sizeText NOTIFY messageChanged FINAL)
    Q_PROPERTY(QString msgId READ msgId NOTIFY messageChanged FINAL)
    Q_PROPERTY(QString filter READ filter NOTIFY messageChanged FINAL)
    Q_PROPERTY(QString sender READ sender NOTIFY messageChanged FINAL)
    Q_PROPERTY(int qos READ qos NOTIFY messageChanged FINAL)
    Q_PROPERTY(bool retained READ isRetained NOTIFY messageChanged FINAL)
    Q_PROPERTY(bool replay READ isReplay NOTIFY messageChanged FINAL)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged FINAL)
    Q_PROPERTY(bool wellFormed READ isWellFormed NOTIFY loadingChanged FINAL)
    Q_PROPERTY(JsonTreeModel *tree READ tree CONSTANT FINAL)
    Q_PROPERTY(TextLinesModel *text READ text CONSTANT FINAL)
    Q_PROPERTY(HexDumpModel *hex READ hex CONSTANT FINAL)
    Q_PROPERTY(JsonDiffModel *diff READ diff CONSTANT FINAL)
    Q_PROPERTY(bool diffLoading READ isDiffLoading NOTIFY diffChanged FINAL)
    Q_PROPERTY(QString diffDescription READ diffDescription NOTIFY diffChanged FINAL)
    Q_PROPERTY(bool diffTruncated READ isDiffTruncated NOTIFY diffChanged FINAL)
    Q_PROPERTY(qint64 pinnedSequence READ pinnedSequence NOTIFY pinnedChanged FINAL)

public:
    /*! Payloads up to this size are rendered at once; larger ones in a worker. */
    static constexpr qsizetype InlineBytes = 4096;

    explicit MessageInspector(TrafficStore *store, QObject *parent = nullptr);
    ~MessageInspector() override;

    qint64 sequence() const { return qint64(m_sequence); }
    bool hasMessage() const { return m_sequence != 0; }
    QString topic() const { return m_topic; }
    QString timeText() const;
    int size() const { return int(m_bytes.size()); }
    QString sizeText() const;
    QString msgId() const { return m_msgId; }
    QString filter() const { return m_filter; }
    QString sender() const { return m_sender; }
    int qos() const { return m_qos; }
    bool isRetained() const { return m_retained; }
    bool isReplay() const { return m_replay; }
    bool isLoading() const { return m_loadGeneration != 0; }
    bool isWellFormed() const { return m_wellFormed; }
    QByteArray bytes() const { return m_bytes; }

    JsonTreeModel *tree() { return &m_tree; }
    TextLinesModel *text() { return &m_text; }
    HexDumpModel *hex() { return &m_hex; }
    JsonDiffModel *diff() { return &m_diff; }

    bool isDiffLoading() const { return m_diffGeneration != 0; }
    QString diffDescription() const { return m_diffDescription; }
    bool isDiffTruncated() const { return m_diffTruncated; }
    qint64 pinnedSequence() const { return qint64(m_pinnedSequence); }

    /*! Shows message \a sequence of the store; a message no longer stored clears the view. */
    Q_INVOKABLE void inspect(qint64 sequence);
    Q_INVOKABLE void clear();

    /*! The payload as indented JSON (the text view's content). */
    Q_INVOKABLE QString jsonText() const { return m_text.text(); }
    Q_INVOKABLE void copyAsJson() const;
    Q_INVOKABLE void copyHexDump() const;

    /*!
        Compares with the message before this one on the same topic; returns false when there
        is none in the store (the diff then says so).
    */
    Q_INVOKABLE bool compareWithPrevious();
    /*! Remembers the shown message as the other side of compareWithPinned(). */
    Q_INVOKABLE void pinForComparison();
    Q_INVOKABLE bool compareWithPinned();
    /*! Compares with any stored message. */
    Q_INVOKABLE bool compareWith(qint64 sequence);

Q_SIGNALS:
    void messageChanged();
    void loadingChanged();
    void diffChanged();
    void pinnedChanged();

private:
    struct Rendered
    {
        bool wellFormed = false;
        QString text;
        std::vector<TextLinesModel::Row> rows;
    };
    static Rendered render(const QByteArray &bytes);
    void showRendered(const Rendered &rendered);
    void startDiff(const QByteArray &before, const QString &description);
    void setDiffDescription(const QString &description);

    QPointer<TrafficStore> m_store;
    quint64 m_sequence = 0;
    quint32 m_topicId = 0;
    QByteArray m_bytes;
    QString m_topic;
    qint64 m_receivedAtMs = 0;
    QString m_msgId;
    QString m_filter;
    QString m_sender;
    int m_qos = 1;
    bool m_retained = false;
    bool m_replay = false;
    bool m_wellFormed = false;

    JsonTreeModel m_tree;
    TextLinesModel m_text;
    HexDumpModel m_hex;
    JsonDiffModel m_diff;

    int m_loadGeneration = 0;
    int m_nextGeneration = 0;
    QFutureWatcher<Rendered> m_loadWatcher;

    int m_diffGeneration = 0;
    QFutureWatcher<QPair<QList<JsonDifference>, bool>> m_diffWatcher;
    QString m_diffDescription;
    QString m_pendingDiffDescription;
    bool m_diffTruncated = false;

    quint64 m_pinnedSequence = 0;
    QByteArray m_pinnedBytes;
    QString m_pinnedTopic;
};
