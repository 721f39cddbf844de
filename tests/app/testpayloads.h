// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <nolagcodec/variantcodec.h>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QVariant>

// MessagePack bytes for tests, written by our codec (checked against msgpack-cxx in
// tests/codec) from a QVariant or from JSON text.
inline QByteArray packVariant(const QVariant &value)
{
    bool ok = false;
    return NoLag::Codec::encodeVariant(value, &ok);
}

inline QByteArray packJson(const char *json)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json));
    return packVariant(document.isArray() ? QVariant(document.array().toVariantList())
                                          : QVariant(document.object().toVariantMap()));
}
