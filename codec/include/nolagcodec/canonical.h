// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <nolagcodec/msgpackreader.h>

#include <QtCore/QByteArray>

namespace NoLag::Codec {

enum class CanonicalStatus : quint8 {
    Ok,
    Malformed, // truncated or reserved bytes
    Ext, // an ext value: the whole frame is to be ignored
    TooDeep,
    InvalidUtf8, // a bin value that is not UTF-8 cannot be delivered as str
};

/*!
    Re-encodes one MessagePack value the way the NoLag broker delivers it (wire-protocol §2.2):
    bin becomes str (and must then be UTF-8), float32 becomes float64, integers and every
    length header take their smallest encoding, non-negative signed integers become unsigned.
    The result is appended to \a out, which is untouched on failure.

    The server encodes published data once with this and reuses the bytes for every frame it
    fans out; its length is what the message size limit is checked against.
*/
CanonicalStatus appendCanonical(QByteArrayView value, QByteArray *out,
                                int maxDepth = Reader::DefaultMaxDepth);

} // namespace NoLag::Codec
