// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include <nolagcodec/canonical.h>
#include <nolagcodec/msgpackwriter.h>

namespace NoLag::Codec {

namespace {

CanonicalStatus statusFor(ReadError error)
{
    switch (error) {
    case ReadError::Ext:
        return CanonicalStatus::Ext;
    case ReadError::TooDeep:
        return CanonicalStatus::TooDeep;
    default:
        return CanonicalStatus::Malformed;
    }
}

} // namespace

CanonicalStatus appendCanonical(QByteArrayView value, QByteArray *out, int maxDepth)
{
    maxDepth = qBound(0, maxDepth, int(Reader::MaxDepthLimit));

    // Validate first so that a failure leaves the output alone and the copy loop below can
    // trust every header it reads.
    {
        Reader check(value);
        if (!check.skip(nullptr, maxDepth)) {
            return statusFor(check.error());
        }
    }

    const qsizetype startSize = out->size();
    out->reserve(startSize + value.size() + 16);
    Writer writer(out);
    Reader reader(value);

    quint64 pending[Reader::MaxDepthLimit + 1];
    int depth = 0;
    pending[0] = 1;

    while (depth >= 0) {
        if (pending[depth] == 0) {
            --depth;
            continue;
        }
        --pending[depth];

        switch (reader.peekKind()) {
        case Kind::Nil:
            reader.readNil();
            writer.writeNil();
            break;
        case Kind::Bool: {
            bool b = false;
            reader.readBool(&b);
            writer.writeBool(b);
            break;
        }
        case Kind::Int: {
            qint64 i = 0;
            reader.readInt(&i);
            writer.writeInt(i);
            break;
        }
        case Kind::UInt: {
            quint64 u = 0;
            reader.readUInt(&u);
            writer.writeUInt(u);
            break;
        }
        case Kind::Float32:
        case Kind::Float64: {
            double d = 0;
            reader.readDouble(&d);
            writer.writeDouble(d);
            break;
        }
        case Kind::Str: {
            QByteArrayView s;
            reader.readStr(&s);
            writer.writeStr(s);
            break;
        }
        case Kind::Bin: {
            QByteArrayView b;
            reader.readBin(&b);
            if (!b.isValidUtf8()) {
                out->truncate(startSize);
                return CanonicalStatus::InvalidUtf8;
            }
            writer.writeStr(b);
            break;
        }
        case Kind::Array: {
            quint32 count = 0;
            reader.readArrayHeader(&count);
            writer.writeArrayHeader(count);
            if (count > 0) {
                pending[++depth] = count;
            }
            break;
        }
        case Kind::Map: {
            quint32 count = 0;
            reader.readMapHeader(&count);
            writer.writeMapHeader(count);
            if (count > 0) {
                pending[++depth] = 2 * quint64(count);
            }
            break;
        }
        case Kind::Ext:
        case Kind::Reserved:
        case Kind::End:
            // Unreachable after the validation pass; kept so a logic error cannot loop.
            out->truncate(startSize);
            return CanonicalStatus::Malformed;
        }
    }
    return CanonicalStatus::Ok;
}

} // namespace NoLag::Codec
