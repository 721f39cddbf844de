// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QJsonObject>
#include <QtCore/QObject>
#include <QtCore/QSet>
#include <QtCore/QStringList>
#include <QtCore/QVariantMap>
#include <QtQml/qqmlregistration.h>

/*!
    The text an admin action shows for a failed REST call: 401, 403, 404 and 409 in plain
    words, the server's own message kept.
*/
namespace AdminErrors {
QString describe(int statusCode, const QString &message);
}

/*!
    One edit form of the admin views (an app, a room, an actor or a room grant): the values
    typed so far, the problem with each field, and the request body they make.

    Fields are checked locally with the rules of the REST spec (rest-api.md §3: required
    names, lengths, the slug and topic patterns, the allowed choices) as they are typed. When
    the server still refuses the request, applyServerError() puts its message on the field it
    names ("slug: a room with the slug ... already exists" lands on slug); anything that names
    no field of the form, and 401/403/404, goes to formError.

    QML binds to values and errors and writes through setValue(); the form holds no network
    code: AdminController sends body().
*/
class AdminForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use AdminAppForm, AdminRoomForm, AdminActorForm or AdminGrantForm")
    Q_PROPERTY(Mode mode READ mode NOTIFY modeChanged FINAL)
    Q_PROPERTY(QString editingId READ editingId NOTIFY modeChanged FINAL)
    Q_PROPERTY(QVariantMap values READ values NOTIFY valuesChanged FINAL)
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged FINAL)
    Q_PROPERTY(QString formError READ formError NOTIFY errorsChanged FINAL)
    Q_PROPERTY(bool valid READ isValid NOTIFY errorsChanged FINAL)

public:
    enum Mode {
        Create, //!< a new resource
        Edit, //!< changes to the resource editingId
    };
    Q_ENUM(Mode)

    enum class Kind {
        Text, //!< a string with a maximum length
        Slug, //!< lower-case words joined by single hyphens
        Topics, //!< topic names, one per line or separated by commas or spaces
        Choice, //!< one of choices
        Boolean,
        Timestamp, //!< an ISO 8601 date and time, or empty
    };

    /*! One field: its rules and the names the server may use for it in error messages. */
    struct Field
    {
        QString name;
        Kind kind = Kind::Text;
        bool required = false;
        int maximumLength = 255;
        QStringList choices;
        bool createOnly = false; //!< not sent (and not editable) when editing
        bool editOnly = false; //!< not sent when creating
        QVariant defaultValue; //!< the value of a new form; empty text when not set
        QStringList serverNames; //!< besides name, e.g. "isEnabled", "config.autoProvisionRooms"
    };

    ~AdminForm() override;

    Mode mode() const { return m_mode; }
    QString editingId() const { return m_editingId; }
    QVariantMap values() const { return m_values; }
    QVariantMap errors() const { return m_errors; }
    QString formError() const { return m_formError; }
    bool isValid() const;

    QList<Field> fields() const { return m_fields; }

    /*! Sets one field and checks it at once. Unknown fields are ignored with a warning. */
    Q_INVOKABLE void setValue(const QString &field, const QVariant &value);
    Q_INVOKABLE QVariant value(const QString &field) const { return m_values.value(field); }

    /*! The values a choice field takes, and what each means for a person (same order). */
    Q_INVOKABLE QStringList choices(const QString &field) const;
    Q_INVOKABLE QStringList choiceLabels(const QString &field) const;

    /*! The problem with \a field, or an empty string. */
    Q_INVOKABLE QString error(const QString &field) const;

    /*! Checks every field, shows every problem, and says whether the form can be sent. */
    Q_INVOKABLE bool validate();

    /*! Empties the form for a new resource. */
    Q_INVOKABLE void startCreate();

    /*! Fills the form from \a resource (the server's JSON) to edit resource \a id. */
    void startEdit(const QString &id, const QJsonObject &resource);

    /*!
        Puts a refused request's message on the field it names, or on formError. Returns the
        form field that got it, or an empty string.
    */
    Q_INVOKABLE QString applyServerError(int statusCode, const QString &message);

    Q_INVOKABLE void clearErrors();

    /*!
        The request body: on Create the fields that hold something, on Edit every editable
        field that differs from the resource being edited.
    */
    virtual QJsonObject body() const;

    /*! Splits topic text ("a, b\nc") into names, in order, without empty ones. */
    static QStringList splitTopics(const QString &text);
    static bool isValidSlug(const QString &slug);
    static bool isValidTopicName(const QString &topic);

    /*! The field a server message names ("topics[2]: ..." gives "topics[2]"), or empty. */
    static QString serverField(const QString &message, QString *rest = nullptr);

Q_SIGNALS:
    void modeChanged();
    void valuesChanged();
    void errorsChanged();

protected:
    explicit AdminForm(QList<Field> fields, QObject *parent = nullptr);

    /*! The problem with \a field's value, checked with its rules; empty when fine. */
    virtual QString check(const Field &field, const QVariant &value) const;

    /*! Problems that involve more than one field, as (field, problem); none by default. */
    virtual QList<std::pair<QString, QString>> crossCheck() const { return {}; }

    /*! The value of \a field in the JSON body, from the form's value. */
    virtual QJsonValue toJson(const Field &field, const QVariant &value) const;

    /*! The form value of \a field read from the server's resource. */
    virtual QVariant fromJson(const Field &field, const QJsonObject &resource) const;

    /*! The JSON key of \a field (its first server name, or its name). */
    static QString jsonKey(const Field &field);

    const Field *findField(const QString &name) const;
    QVariant emptyValue(const Field &field) const;
    void setErrors(const QVariantMap &errors, const QString &formError);
    void recheck();

    QList<Field> m_fields;
    Mode m_mode = Create;
    QString m_editingId;
    QVariantMap m_values;
    QVariantMap m_original;
    QJsonObject m_resource;
    QSet<QString> m_touched;
    bool m_validated = false;
    QVariantMap m_errors;
    QVariantMap m_serverErrors;
    QString m_formError;
};

/*! An app: name, slug, description, topics and whether rooms may be made on demand. */
class AdminAppForm : public AdminForm
{
    Q_OBJECT
    QML_ELEMENT

public:
    explicit AdminAppForm(QObject *parent = nullptr);

    QJsonObject body() const override;

protected:
    QVariant fromJson(const Field &field, const QJsonObject &resource) const override;
};

/*!
    A room: name, slug (only when creating: a room's slug never changes), description, topics
    and whether it is enabled. Empty topics on create mean the app's topics.
*/
class AdminRoomForm : public AdminForm
{
    Q_OBJECT
    QML_ELEMENT

public:
    explicit AdminRoomForm(QObject *parent = nullptr);
};

/*! An actor: name, type (only when creating), description and external id. */
class AdminActorForm : public AdminForm
{
    Q_OBJECT
    QML_ELEMENT

public:
    explicit AdminActorForm(QObject *parent = nullptr);

    static QStringList actorTypes();
};

/*!
    A room grant: one actor (actorTokenId) or every actor of a type (actorType), a
    permission, and optionally topics (empty: the app's), an expiry and a role.
*/
class AdminGrantForm : public AdminForm
{
    Q_OBJECT
    QML_ELEMENT

public:
    explicit AdminGrantForm(QObject *parent = nullptr);

protected:
    QList<std::pair<QString, QString>> crossCheck() const override;
};
