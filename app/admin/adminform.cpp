// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "adminform.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcAdminForm, "nolag.explorer.admin", QtInfoMsg)

// The limits of the REST spec (rest-api.md §3.2) and of nolag-local's validation.
constexpr int maximumTopicCount = 100;

QString capitalised(QString text)
{
    text = text.trimmed();
    if (!text.isEmpty()) {
        text[0] = text.at(0).toUpper();
    }
    return text;
}

bool isEmptyValue(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool) {
        return false;
    }
    return value.toString().trimmed().isEmpty();
}

QString tr(const char *text)
{
    return QCoreApplication::translate("AdminForm", text);
}

} // namespace

QString AdminErrors::describe(int statusCode, const QString &message)
{
    switch (statusCode) {
    case 0:
        return tr("The server did not answer: %1").arg(message);
    case 401:
        return tr("The server refused the API key (HTTP 401). Edit this connection and check its "
                  "API key.");
    case 403:
        return tr("Not allowed (HTTP 403): %1").arg(message);
    case 404:
        return tr("Not found (HTTP 404): %1. Someone may have deleted it; the list is reloaded.")
            .arg(message);
    case 408:
        return tr("The server took too long to answer (HTTP 408).");
    case 409:
        return tr("Already exists (HTTP 409): %1").arg(message);
    default:
        return tr("The server refused the request (HTTP %1): %2").arg(statusCode).arg(message);
    }
}

AdminForm::AdminForm(QList<Field> fields, QObject *parent)
    : QObject(parent)
    , m_fields(std::move(fields))
{
    startCreate();
}

AdminForm::~AdminForm() = default;

const AdminForm::Field *AdminForm::findField(const QString &name) const
{
    for (const Field &field : m_fields) {
        if (field.name == name) {
            return &field;
        }
    }
    return nullptr;
}

QVariant AdminForm::emptyValue(const Field &field) const
{
    if (field.defaultValue.isValid()) {
        return field.defaultValue;
    }
    return field.kind == Kind::Boolean ? QVariant(false) : QVariant(QString());
}

QString AdminForm::jsonKey(const Field &field)
{
    return field.serverNames.isEmpty() ? field.name : field.serverNames.constFirst();
}

bool AdminForm::isValid() const
{
    for (const Field &field : m_fields) {
        if (!check(field, m_values.value(field.name)).isEmpty()) {
            return false;
        }
    }
    return crossCheck().isEmpty();
}

QStringList AdminForm::choices(const QString &field) const
{
    const Field *found = findField(field);
    return found ? found->choices : QStringList();
}

QStringList AdminForm::choiceLabels(const QString &field) const
{
    QStringList labels;
    for (const QString &choice : choices(field)) {
        if (choice == "subscribe"_L1) {
            labels.append(tr("subscribe only"));
        } else if (choice == "publish"_L1) {
            labels.append(tr("publish only"));
        } else if (choice == "pubSub"_L1) {
            labels.append(tr("subscribe and publish"));
        } else {
            labels.append(choice);
        }
    }
    return labels;
}

QString AdminForm::error(const QString &field) const
{
    return m_errors.value(field).toString();
}

void AdminForm::setValue(const QString &name, const QVariant &value)
{
    const Field *field = findField(name);
    if (!field) {
        qCWarning(lcAdminForm, "The admin form has no field \"%s\"", qPrintable(name));
        return;
    }
    const QVariant stored =
        field->kind == Kind::Boolean ? QVariant(value.toBool()) : QVariant(value.toString());
    m_touched.insert(name);
    m_serverErrors.remove(name);
    if (m_values.value(name) != stored) {
        m_values.insert(name, stored);
        Q_EMIT valuesChanged();
    }
    recheck();
}

bool AdminForm::validate()
{
    for (const Field &field : std::as_const(m_fields)) {
        m_touched.insert(field.name);
    }
    m_validated = true;
    recheck();
    return isValid();
}

void AdminForm::startCreate()
{
    m_mode = Create;
    m_editingId.clear();
    m_resource = {};
    m_values.clear();
    for (const Field &field : std::as_const(m_fields)) {
        m_values.insert(field.name, emptyValue(field));
    }
    m_original = m_values;
    m_touched.clear();
    m_validated = false;
    m_serverErrors.clear();
    setErrors({}, QString());
    Q_EMIT modeChanged();
    Q_EMIT valuesChanged();
}

void AdminForm::startEdit(const QString &id, const QJsonObject &resource)
{
    m_mode = Edit;
    m_editingId = id;
    m_resource = resource;
    m_values.clear();
    for (const Field &field : std::as_const(m_fields)) {
        m_values.insert(field.name, fromJson(field, resource));
    }
    m_original = m_values;
    m_touched.clear();
    m_validated = false;
    m_serverErrors.clear();
    setErrors({}, QString());
    Q_EMIT modeChanged();
    Q_EMIT valuesChanged();
}

QString AdminForm::serverField(const QString &message, QString *rest)
{
    static const QRegularExpression pattern(u"^([A-Za-z][A-Za-z0-9_]*(?:\\[\\d+\\])?"
                                            "(?:\\.[A-Za-z][A-Za-z0-9_]*)*): (.*)$"_s,
                                            QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = pattern.match(message);
    if (!match.hasMatch()) {
        return QString();
    }
    if (rest) {
        *rest = match.captured(2);
    }
    return match.captured(1);
}

QString AdminForm::applyServerError(int statusCode, const QString &message)
{
    QString rest;
    const QString named = serverField(message, &rest);
    const bool fieldError = statusCode == 400 || statusCode == 409 || statusCode == 422;
    if (fieldError && !named.isEmpty()) {
        // "topics[2]" is the topics field; "config.autoProvisionRooms" may be named as is.
        QString plain = named;
        plain.remove(QRegularExpression(u"\\[\\d+\\]"_s));
        const QStringList candidates{named, plain, plain.section(u'.', 0, 0)};
        for (const QString &candidate : candidates) {
            for (const Field &field : std::as_const(m_fields)) {
                if (field.name == candidate || field.serverNames.contains(candidate)) {
                    m_serverErrors.insert(field.name, capitalised(rest));
                    m_touched.insert(field.name);
                    m_formError.clear();
                    recheck();
                    return field.name;
                }
            }
        }
    }
    m_formError = AdminErrors::describe(statusCode, message);
    recheck();
    return QString();
}

void AdminForm::clearErrors()
{
    m_serverErrors.clear();
    m_formError.clear();
    recheck();
}

void AdminForm::setErrors(const QVariantMap &errors, const QString &formError)
{
    m_errors = errors;
    m_formError = formError;
    Q_EMIT errorsChanged();
}

void AdminForm::recheck()
{
    QVariantMap errors;
    for (const Field &field : std::as_const(m_fields)) {
        if (!m_touched.contains(field.name)) {
            continue;
        }
        const QString problem = check(field, m_values.value(field.name));
        if (!problem.isEmpty()) {
            errors.insert(field.name, problem);
        }
    }
    if (m_validated) {
        for (const auto &[name, problem] : crossCheck()) {
            if (!errors.contains(name)) {
                errors.insert(name, problem);
            }
        }
    }
    // The server's word stands until the field is edited again.
    for (auto it = m_serverErrors.constBegin(); it != m_serverErrors.constEnd(); ++it) {
        errors.insert(it.key(), it.value());
    }
    setErrors(errors, m_formError);
}

QStringList AdminForm::splitTopics(const QString &text)
{
    static const QRegularExpression separators(u"[,;\\s]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}

bool AdminForm::isValidSlug(const QString &slug)
{
    static const QRegularExpression pattern(u"^[a-z0-9]+(-[a-z0-9]+)*$"_s);
    return slug.size() <= 100 && pattern.match(slug).hasMatch();
}

bool AdminForm::isValidTopicName(const QString &topic)
{
    static const QRegularExpression pattern(u"^[a-zA-Z0-9_:-]{1,100}$"_s);
    return pattern.match(topic).hasMatch();
}

QString AdminForm::check(const Field &field, const QVariant &value) const
{
    if ((m_mode == Edit && field.createOnly) || (m_mode == Create && field.editOnly)) {
        return QString();
    }
    const QString text = value.toString();
    const bool empty = isEmptyValue(value);
    if (empty) {
        if (!field.required) {
            return QString();
        }
        return field.kind == Kind::Choice ? tr("Choose one.") : tr("Required.");
    }

    switch (field.kind) {
    case Kind::Text:
        if (text.size() > field.maximumLength) {
            return tr("At most %1 characters (this has %2).")
                .arg(field.maximumLength)
                .arg(text.size());
        }
        return QString();
    case Kind::Slug:
        if (text.size() > field.maximumLength) {
            return tr("At most %1 characters (this has %2).")
                .arg(field.maximumLength)
                .arg(text.size());
        }
        if (!isValidSlug(text)) {
            return tr("Use lower-case letters and digits in groups joined by single hyphens, "
                      "like \"support-team\".");
        }
        return QString();
    case Kind::Topics: {
        const QStringList topics = splitTopics(text);
        if (topics.size() > maximumTopicCount) {
            return tr("At most %1 topics (this has %2).").arg(maximumTopicCount).arg(topics.size());
        }
        QSet<QString> seen;
        for (const QString &topic : topics) {
            if (!isValidTopicName(topic)) {
                return tr("\"%1\" is not a valid topic name: use 1 to 100 letters, digits, '_', "
                          "':' or '-' (no '/').")
                    .arg(topic);
            }
            if (seen.contains(topic)) {
                return tr("\"%1\" is listed twice.").arg(topic);
            }
            seen.insert(topic);
        }
        return QString();
    }
    case Kind::Choice:
        if (!field.choices.contains(text)) {
            return tr("\"%1\" is not one of: %2.").arg(text, field.choices.join(u", "_s));
        }
        return QString();
    case Kind::Boolean:
        return QString();
    case Kind::Timestamp:
        if (!QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs).isValid()) {
            return tr("Use an ISO 8601 date and time, like 2026-12-31T23:59:00Z.");
        }
        return QString();
    }
    return QString();
}

QJsonValue AdminForm::toJson(const Field &field, const QVariant &value) const
{
    switch (field.kind) {
    case Kind::Topics:
        return QJsonArray::fromStringList(splitTopics(value.toString()));
    case Kind::Boolean:
        return value.toBool();
    case Kind::Timestamp: {
        const QDateTime time = QDateTime::fromString(value.toString().trimmed(), Qt::ISODateWithMs);
        return time.toUTC().toString(Qt::ISODateWithMs);
    }
    case Kind::Text:
        return value.toString().trimmed();
    case Kind::Slug:
    case Kind::Choice:
        return value.toString();
    }
    return value.toString();
}

QVariant AdminForm::fromJson(const Field &field, const QJsonObject &resource) const
{
    const QJsonValue value = resource.value(jsonKey(field));
    if (value.isUndefined() || value.isNull()) {
        return emptyValue(field);
    }
    switch (field.kind) {
    case Kind::Topics: {
        QStringList topics;
        for (const QJsonValue &topic : value.toArray()) {
            topics.append(topic.toString());
        }
        return topics.join(u", "_s);
    }
    case Kind::Boolean:
        return value.toBool();
    default:
        return value.toString();
    }
}

QJsonObject AdminForm::body() const
{
    QJsonObject json;
    for (const Field &field : m_fields) {
        const QVariant value = m_values.value(field.name);
        if (m_mode == Create) {
            if (field.editOnly || isEmptyValue(value)) {
                continue;
            }
            if (field.kind == Kind::Boolean && value == emptyValue(field)) {
                continue;
            }
        } else {
            if (field.createOnly || value == m_original.value(field.name)) {
                continue;
            }
            // Clearing an expiry or a role means "none" to the server.
            if (isEmptyValue(value) && field.kind == Kind::Timestamp) {
                json.insert(jsonKey(field), QJsonValue::Null);
                continue;
            }
        }
        json.insert(jsonKey(field), toJson(field, value));
    }
    return json;
}

// The fields of each form, with the limits of rest-api.md §3.

namespace {

AdminForm::Field makeField(const QString &name, AdminForm::Kind kind, int maximumLength = 255)
{
    AdminForm::Field field;
    field.name = name;
    field.kind = kind;
    field.maximumLength = maximumLength;
    return field;
}

AdminForm::Field required(AdminForm::Field field)
{
    field.required = true;
    return field;
}

AdminForm::Field named(AdminForm::Field field, const QStringList &serverNames)
{
    field.serverNames = serverNames;
    return field;
}

QList<AdminForm::Field> appFields()
{
    using Kind = AdminForm::Kind;
    return {required(makeField(u"name"_s, Kind::Text, 255)), makeField(u"slug"_s, Kind::Slug, 100),
            makeField(u"description"_s, Kind::Text, 2000), makeField(u"topics"_s, Kind::Topics),
            named(makeField(u"autoProvisionRooms"_s, Kind::Boolean),
                  {u"config.autoProvisionRooms"_s, u"config"_s})};
}

QList<AdminForm::Field> roomFields()
{
    using Kind = AdminForm::Kind;
    AdminForm::Field slug = makeField(u"slug"_s, Kind::Slug, 100);
    slug.createOnly = true;
    AdminForm::Field enabled = named(makeField(u"enabled"_s, Kind::Boolean), {u"isEnabled"_s});
    enabled.editOnly = true;
    enabled.defaultValue = true;
    return {required(makeField(u"name"_s, Kind::Text, 255)), slug,
            makeField(u"description"_s, Kind::Text, 2000), makeField(u"topics"_s, Kind::Topics),
            enabled};
}

QList<AdminForm::Field> actorFields()
{
    using Kind = AdminForm::Kind;
    AdminForm::Field type = required(makeField(u"actorType"_s, Kind::Choice));
    type.choices = AdminActorForm::actorTypes();
    type.createOnly = true;
    type.defaultValue = u"user"_s;
    return {required(makeField(u"name"_s, Kind::Text, 255)), type,
            makeField(u"description"_s, Kind::Text, 2000),
            makeField(u"externalId"_s, Kind::Text, 255)};
}

QList<AdminForm::Field> grantFields()
{
    using Kind = AdminForm::Kind;
    AdminForm::Field permission = required(makeField(u"permission"_s, Kind::Choice));
    permission.choices = {u"subscribe"_s, u"publish"_s, u"pubSub"_s};
    permission.defaultValue = u"pubSub"_s;
    AdminForm::Field type = makeField(u"actorType"_s, Kind::Choice);
    type.choices = AdminActorForm::actorTypes();
    return {permission,
            makeField(u"actorTokenId"_s, Kind::Text, 255),
            type,
            makeField(u"topics"_s, Kind::Topics),
            makeField(u"expiresAt"_s, Kind::Timestamp),
            makeField(u"role"_s, Kind::Text, 100)};
}

} // namespace

// AdminAppForm

AdminAppForm::AdminAppForm(QObject *parent)
    : AdminForm(appFields(), parent)
{ }

QVariant AdminAppForm::fromJson(const Field &field, const QJsonObject &resource) const
{
    if (field.name == "autoProvisionRooms"_L1) {
        return resource.value(u"config"_s).toObject().value(field.name).toBool();
    }
    return AdminForm::fromJson(field, resource);
}

QJsonObject AdminAppForm::body() const
{
    QJsonObject json = AdminForm::body();
    const QJsonValue autoProvision = json.take(u"config.autoProvisionRooms"_s);
    if (!autoProvision.isUndefined()) {
        // The server replaces the whole config: keep what else the app had in it.
        QJsonObject config = m_resource.value(u"config"_s).toObject();
        config.insert(u"autoProvisionRooms"_s, autoProvision);
        json.insert(u"config"_s, config);
    }
    return json;
}

// AdminRoomForm

AdminRoomForm::AdminRoomForm(QObject *parent)
    : AdminForm(roomFields(), parent)
{ }

// AdminActorForm

QStringList AdminActorForm::actorTypes()
{
    return {u"user"_s,    u"device"_s, u"server"_s,       u"service"_s,
            u"session"_s, u"agent"_s,  u"orchestrator"_s, u"observer"_s};
}

AdminActorForm::AdminActorForm(QObject *parent)
    : AdminForm(actorFields(), parent)
{ }

// AdminGrantForm

AdminGrantForm::AdminGrantForm(QObject *parent)
    : AdminForm(grantFields(), parent)
{ }

QList<std::pair<QString, QString>> AdminGrantForm::crossCheck() const
{
    const bool forActor = !isEmptyValue(m_values.value(u"actorTokenId"_s));
    const bool forType = !isEmptyValue(m_values.value(u"actorType"_s));
    if (forActor && forType) {
        return {{u"actorTokenId"_s, tr("Choose one actor or one actor type, not both.")}};
    }
    if (!forActor && !forType) {
        return {{u"actorTokenId"_s,
                 tr("Choose an actor, or an actor type for every actor of "
                    "that type.")}};
    }
    return {};
}
