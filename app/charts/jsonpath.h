// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QVariant>

#include <optional>

/*!
    A path to one value inside a payload, as users type it: "$.temperature",
    "reading.value", "$.sensors[2].celsius" or "$['odd key']". The leading "$" is optional;
    "[n]" indexes arrays; ".name" and "['name']" read object members.
*/
class JsonPath
{
public:
    /*! Reads \a text; an invalid path is empty and \a errorString says why. */
    static JsonPath parse(const QString &text, QString *errorString = nullptr);

    bool isValid() const { return !m_steps.isEmpty(); }
    QString text() const { return m_text; }

    /*! The value at the path in \a root (a decoded payload), or an invalid QVariant. */
    QVariant value(const QVariant &root) const;
    /*! The value as a number: integers, floats and booleans (1 and 0); nothing otherwise. */
    std::optional<double> number(const QVariant &root) const;

private:
    struct Step
    {
        QString key;
        int index = -1; //!< an array index when not negative
    };
    QList<Step> m_steps;
    QString m_text;
};
