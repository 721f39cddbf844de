// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "publishtemplate.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QRegularExpression>
#include <QtCore/QUuid>

using namespace Qt::StringLiterals;

namespace PublishTemplate {

namespace {

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(u"\\{\\{\\s*([A-Za-z_]+)\\s*\\}\\}"_s);
    return pattern;
}

} // namespace

bool hasPlaceholders(const QString &text)
{
    return text.contains(placeholderPattern());
}

QStringList placeholders()
{
    return {u"{{uuid}}"_s, u"{{timestamp}}"_s, u"{{counter}}"_s};
}

QString expand(const QString &text, const Values &values, QString *errorString)
{
    if (!text.contains(u"{{"_s)) {
        return text;
    }
    QString result;
    result.reserve(text.size() + 32);
    qsizetype at = 0;
    QStringList unknown;
    QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += QStringView(text).mid(at, match.capturedStart() - at);
        const QString name = match.captured(1).toLower();
        if (name == u"uuid") {
            result += QUuid::createUuid().toString(QUuid::WithoutBraces);
        } else if (name == u"timestamp") {
            result += QString::number(values.timestampMs > 0 ? values.timestampMs
                                                             : QDateTime::currentMSecsSinceEpoch());
        } else if (name == u"counter") {
            result += QString::number(values.counter);
        } else {
            result += match.captured(0);
            unknown.append(match.captured(0));
        }
        at = match.capturedEnd();
    }
    result += QStringView(text).mid(at);
    if (errorString) {
        *errorString = unknown.isEmpty()
            ? QString()
            : QCoreApplication::translate("PublishTemplate",
                                          "Unknown placeholder %1; the placeholders are %2.")
                  .arg(unknown.join(u", "_s), placeholders().join(u", "_s));
    }
    return result;
}

} // namespace PublishTemplate
