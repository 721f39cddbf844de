// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
//  W A R N I N G: not public API. This header may change from version to version.
#pragma once

#include <NoLagQt/nolagmessage.h>

#include <QtCore/QByteArray>
#include <QtCore/QSharedData>
#include <QtCore/QString>
#include <QtCore/QVariant>

#include <mutex>

namespace NoLag::Codec {
class Envelope;
}

/*!
    The shared state of a NoLagMessage: the frame as received, where its fields lie in it,
    and the data once decoded. Built once per message frame, without decoding anything.
*/
class NoLagMessageData : public QSharedData
{
public:
    struct Span
    {
        qint32 offset = -1;
        qint32 length = 0;
        bool isValid() const { return offset >= 0; }
    };

    /*!
        Fills the spans from \a envelope, which must have parsed \a frame; false when the
        frame lacks a str topic or the data.
    */
    bool index(const NoLag::Codec::Envelope &envelope);
    QByteArrayView view(Span span) const
    {
        return span.isValid() ? QByteArrayView(frame).sliced(span.offset, span.length)
                              : QByteArrayView();
    }
    QString string(Span span) const;

    QByteArray frame;
    QString topic;
    Span topicUtf8; // UTF-8 bytes of the str
    Span data; // raw MessagePack value
    Span msgId; // UTF-8 bytes of the str
    Span filter; // UTF-8 bytes of the str
    Span sender; // UTF-8 bytes of the str (`from`)
    qint64 timestamp = 0;
    NoLag::QoS qos = NoLag::QoS::AtLeastOnce;
    bool isReplay = false;
    bool requiresAck = false;

    // Decoded on first use; once_flag makes that safe when copies live in several threads.
    mutable std::once_flag decodeOnce;
    mutable QVariant decoded;
};
