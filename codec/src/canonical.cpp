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

// The sizes the Writer gives each value: the smallest encoding.
qsizetype unsignedSize(quint64 value)
{
    return value <= 0x7f       ? 1
        : value <= 0xff        ? 2
        : value <= 0xffff      ? 3
        : value <= 0xffffffffu ? 5
                               : 9;
}

qsizetype negativeSize(qint64 value)
{
    return value >= -32          ? 1
        : value >= -128          ? 2
        : value >= -32768        ? 3
        : value >= -2147483648LL ? 5
                                 : 9;
}

qsizetype strHeaderSize(qsizetype length)
{
    return length <= 31 ? 1 : length <= 0xff ? 2 : length <= 0xffff ? 3 : 5;
}

qsizetype containerHeaderSize(quint32 count)
{
    return count <= 15 ? 1 : count <= 0xffff ? 3 : 5;
}

/*!
    Whether \a value is one well-formed value that the copy loop of appendCanonical() would
    write back byte for byte: every integer, string and container header already in its
    smallest form, no bin and no float32. Most publishers' encoders produce exactly that, and
    then the data is copied in one go. False for anything else, malformed input included,
    which then takes the checked path.
*/
bool isAlreadyCanonical(QByteArrayView value, int maxDepth)
{
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

        const qsizetype start = reader.position();
        const auto used = [&] {
            return reader.position() - start;
        };
        switch (reader.peekKind()) {
        case Kind::Nil:
            reader.readNil();
            break;
        case Kind::Bool: {
            bool b = false;
            reader.readBool(&b);
            break;
        }
        case Kind::UInt: {
            quint64 u = 0;
            if (!reader.readUInt(&u) || used() != unsignedSize(u)) {
                return false;
            }
            break;
        }
        case Kind::Int: {
            // A signed encoding of a value >= 0 is rewritten as unsigned.
            qint64 i = 0;
            if (!reader.readInt(&i) || i >= 0 || used() != negativeSize(i)) {
                return false;
            }
            break;
        }
        case Kind::Float64: {
            double d = 0;
            if (!reader.readDouble(&d)) {
                return false;
            }
            break;
        }
        case Kind::Str: {
            QByteArrayView text;
            if (!reader.readStr(&text) || used() - text.size() != strHeaderSize(text.size())) {
                return false;
            }
            break;
        }
        case Kind::Array:
        case Kind::Map: {
            const bool map = reader.peekKind() == Kind::Map;
            quint32 count = 0;
            if (!(map ? reader.readMapHeader(&count) : reader.readArrayHeader(&count)) ||
                used() != containerHeaderSize(count)) {
                return false;
            }
            if (count > 0) {
                // Well within what Reader::skip() accepts for maxDepth.
                if (depth + 2 >= maxDepth || count > quint64(reader.remaining())) {
                    return false;
                }
                pending[++depth] = map ? 2 * quint64(count) : count;
            }
            break;
        }
        default:
            return false; // float32 and bin are rewritten; ext, 0xc1 and the end are errors
        }
    }
    return reader.atEnd();
}

} // namespace

CanonicalStatus appendCanonical(QByteArrayView value, QByteArray *out, int maxDepth)
{
    maxDepth = qBound(0, maxDepth, int(Reader::MaxDepthLimit));

    if (isAlreadyCanonical(value, maxDepth)) {
        Writer(out).writeRaw(value);
        return CanonicalStatus::Ok;
    }

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
