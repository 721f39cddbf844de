// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

/*!
    Placeholders in a publish's topic and payload, filled in for every message sent:
    {{uuid}} a new random UUID (without braces), {{timestamp}} the time of sending in
    milliseconds since the Unix epoch, {{counter}} the number of the message in its run
    (1, 2, 3, ...). Spaces inside the braces are allowed ({{ counter }}).

    In a JSON payload a placeholder inside quotes gives a string ("id": "{{uuid}}"), one
    outside quotes gives a number ("n": {{counter}}).
*/
namespace PublishTemplate {

struct Values
{
    qint64 counter = 1;
    qint64 timestampMs = 0; //!< 0: the current time
};

/*! True when \a text holds at least one placeholder. */
bool hasPlaceholders(const QString &text);

/*!
    Fills in the placeholders of \a text. An unknown placeholder is left as it is and named in
    \a errorString, which says which ones exist.
*/
QString expand(const QString &text, const Values &values, QString *errorString = nullptr);

/*! The placeholders there are, for help texts: {"{{uuid}}", "{{timestamp}}", "{{counter}}"}. */
QStringList placeholders();

} // namespace PublishTemplate
