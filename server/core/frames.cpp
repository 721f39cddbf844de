// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "frames.h"

namespace NoLag::Server {

QByteArray encodedString(QStringView value)
{
    QByteArray out;
    Codec::Writer(&out).writeStr(value);
    return out;
}

QByteArray encodedInteger(qint64 value)
{
    QByteArray out;
    Codec::Writer(&out).writeInt(value);
    return out;
}

QByteArray encodedNil()
{
    return QByteArray(1, char(0xc0));
}

} // namespace NoLag::Server
