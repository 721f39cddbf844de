// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "traffic/trafficmessage.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

/*!
    The recording file: JSON Lines, UTF-8, one object per line.

    The first line describes the file:
        {"format":"nolag-recording","version":1,"created":"2026-12-04T07:30:00.000Z",
         "source":"Local demo","broker":"ws://127.0.0.1:8080/ws"}
    Every further line is one message, in the order they arrived:
        {"seq":1,"time":"2026-12-04T07:30:01.250Z","timeMs":1796369401250,
         "topic":"demo/general/telemetry","sender":"","qos":1,"msgId":"m-17","filter":"",
         "retained":false,"replay":false,"size":27,"raw":"<base64>","value":{...}}
    "raw" is the payload's MessagePack bytes exactly as the server sent them, in base64; it is
    what a reader trusts. "value" is the same payload as JSON (PayloadFormat's rules) for
    people and other tools; it is null, with "valueError", when the bytes are not valid
    MessagePack. "raw" comes before "value" so a reader can stop early on long lines.

    The export of the traffic table to JSON Lines writes the same format, so an export opens
    as a recording.
*/
namespace RecordingFormat {

constexpr int Version = 1;
inline constexpr char FormatName[] = "nolag-recording";

/*! What a recording says about itself, for its first line. */
struct Header
{
    int version = Version;
    qint64 createdMs = 0;
    QString source; //!< the connection's name
    QString broker; //!< the broker URL, without credentials
};

QByteArray headerLine(const Header &header);

/*! Appends one message's line (with its newline) to \a out. */
void appendMessageLine(QByteArray &out, const TrafficMessage &message, QStringView topic,
                       quint64 sequence);

/*! Appends \a ms (since the Unix epoch) as "2026-12-04T07:30:01.250Z". */
void appendIsoTime(QByteArray &out, qint64 ms);

/*! Appends \a text as a JSON string (quotes included) to \a out. */
void appendJsonString(QByteArray &out, QStringView text);
void appendJsonString(QByteArray &out, QByteArrayView utf8);

/*!
    The fields of one line, as views into the line. Strings are still JSON-escaped where
    their "escaped" flag is set; text() unescapes.
*/
struct LineFields
{
    struct Text
    {
        QByteArrayView json; //!< between the quotes
        bool escaped = false;
        QString text() const;
        QByteArray utf8() const;
    };

    bool isHeader = false;
    int version = 0;
    QString format;
    Text created;
    Text source;
    Text broker;

    qint64 timeMs = 0;
    Text topic;
    Text sender;
    Text msgId;
    Text filter;
    int qos = 1;
    quint8 flags = 0;
    QByteArrayView raw; //!< base64, between the quotes
    bool hasRaw = false;
    bool hasTopic = false;

    /*! The payload's size from the length of the base64 text. */
    qsizetype rawSize() const;
};

enum class Scan {
    WholeLine, //!< check the whole line, "value" included
    UpToRaw, //!< stop after "raw": the line was checked when the file was indexed
};

/*!
    Reads one line (without its newline). Returns false with a sentence for the user in
    \a errorString when the line is not a recording line.
*/
bool readLine(QByteArrayView line, LineFields *fields, QString *errorString,
              Scan scan = Scan::WholeLine);

/*! Decodes the base64 of "raw" into \a out (appended); false when it is not base64. */
bool decodeRaw(QByteArrayView base64, QByteArray &out);

} // namespace RecordingFormat
