// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "jsonpath.h"

#include <QtCore/QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JsonPath", text);
}

} // namespace

JsonPath JsonPath::parse(const QString &text, QString *errorString)
{
    const auto fail = [errorString](const QString &error) {
        if (errorString) {
            *errorString = error;
        }
        return JsonPath();
    };

    const QString path = text.trimmed();
    JsonPath result;
    result.m_text = path;
    qsizetype at = 0;
    if (path.startsWith(u'$')) {
        at = 1;
    }
    if (at >= path.size()) {
        return fail(tr("Type a path to a number, such as $.temperature or reading.value."));
    }

    bool expectName = at == 0; // a bare path starts with a member name
    while (at < path.size()) {
        const QChar c = path.at(at);
        if (expectName || c == u'.') {
            if (!expectName) {
                ++at;
            }
            expectName = false;
            qsizetype end = at;
            while (end < path.size() && path.at(end) != u'.' && path.at(end) != u'[') {
                ++end;
            }
            if (end == at) {
                return fail(tr("A name is missing at position %1 of the path.").arg(at + 1));
            }
            result.m_steps.append({path.mid(at, end - at), -1});
            at = end;
        } else if (c == u'[') {
            const qsizetype close = path.indexOf(u']', at);
            if (close < 0) {
                return fail(tr("A \"[\" at position %1 is not closed with \"]\".").arg(at + 1));
            }
            const QString inside = path.mid(at + 1, close - at - 1).trimmed();
            if (inside.size() >= 2 && (inside.startsWith(u'\'') || inside.startsWith(u'"')) &&
                inside.endsWith(inside.at(0))) {
                result.m_steps.append({inside.mid(1, inside.size() - 2), -1});
            } else {
                bool ok = false;
                const int index = inside.toInt(&ok);
                if (!ok || index < 0) {
                    return fail(
                        tr("\"[%1]\" is neither an array index nor a quoted name.").arg(inside));
                }
                result.m_steps.append({QString(), index});
            }
            at = close + 1;
        } else {
            return fail(tr("Unexpected \"%1\" at position %2 of the path.").arg(c).arg(at + 1));
        }
    }
    return result;
}

QVariant JsonPath::value(const QVariant &root) const
{
    QVariant current = root;
    for (const Step &step : m_steps) {
        if (step.index >= 0) {
            if (current.typeId() != QMetaType::QVariantList) {
                return {};
            }
            const QVariantList list = current.toList();
            if (step.index >= list.size()) {
                return {};
            }
            current = list.at(step.index);
        } else {
            if (current.typeId() != QMetaType::QVariantMap) {
                return {};
            }
            const QVariantMap map = current.toMap();
            const auto it = map.constFind(step.key);
            if (it == map.constEnd()) {
                return {};
            }
            current = it.value();
        }
    }
    return current;
}

std::optional<double> JsonPath::number(const QVariant &root) const
{
    const QVariant found = value(root);
    switch (found.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::Bool:
        return found.toDouble();
    default:
        return std::nullopt;
    }
}
