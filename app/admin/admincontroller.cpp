// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "admincontroller.h"

#include "session/session.h"

#include <NoLagQt/nolagapireply.h>

#include <QtCore/QJsonArray>
#include <QtCore/QLoggingCategory>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcAdmin, "nolag.explorer.admin", QtInfoMsg)

QString permissionWords(const QString &permission)
{
    if (permission == "subscribe"_L1) {
        return QObject::tr("subscribe");
    }
    if (permission == "publish"_L1) {
        return QObject::tr("publish");
    }
    return QObject::tr("subscribe and publish");
}

} // namespace

AdminController::AdminController(QObject *parent)
    : QObject(parent)
{
    // The selection is kept by id, so rows moving or reloading only need a new look.
    const auto refresh = [this] {
        Q_EMIT selectionChanged();
    };
    for (NoLagApiListModel *model :
         {static_cast<NoLagApiListModel *>(&m_apps), static_cast<NoLagApiListModel *>(&m_rooms),
          static_cast<NoLagApiListModel *>(&m_actors)}) {
        connect(model, &NoLagApiListModel::countChanged, this, refresh);
        connect(model, &NoLagApiListModel::loaded, this, refresh);
        connect(model, &QAbstractItemModel::dataChanged, this, refresh);
    }
}

AdminController::~AdminController() = default;

void AdminController::setSession(Session *session)
{
    if (m_session == session) {
        return;
    }
    m_session = session;
    // Without an API key every request would be refused: the view says what is missing.
    if (session && !session->api()->apiKey().isEmpty()) {
        setApi(session->api(), QUrl(session->brokerUrl()));
    } else {
        setApi(nullptr);
    }
}

void AdminController::setApi(NoLagApi *api, const QUrl &brokerUrl)
{
    m_api = api;
    m_apps.setApi(api);
    m_rooms.setApi(api);
    m_grants.setApi(api);
    m_actors.setApi(api);
    m_permissions.setApi(api, brokerUrl);
    Q_EMIT sessionChanged();
}

bool AdminController::isAvailable() const
{
    return m_api && !m_api->apiKey().isEmpty();
}

QString AdminController::appSlug() const
{
    return m_apps.itemAt(appRow()).value(u"slug"_s).toString();
}

QString AdminController::roomSlug() const
{
    return m_rooms.itemAt(roomRow()).value(u"slug"_s).toString();
}

bool AdminController::roomIsStatic() const
{
    return m_rooms.itemAt(roomRow()).value(u"roomType"_s).toString() == "static"_L1;
}

bool AdminController::roomEnabled() const
{
    return m_rooms.itemAt(roomRow()).value(u"isEnabled"_s).toBool(true);
}

QString AdminController::actorName() const
{
    return m_actors.itemAt(actorRow()).value(u"name"_s).toString();
}

bool AdminController::actorActive() const
{
    return m_actors.itemAt(actorRow()).value(u"isActive"_s).toBool(true);
}

QString AdminController::actorNameOf(const QString &actorTokenId) const
{
    const int row = m_actors.indexOf(actorTokenId);
    return row >= 0 ? m_actors.itemAt(row).value(u"name"_s).toString() : actorTokenId;
}

void AdminController::setStatus(const QString &message, const QString &error)
{
    m_statusMessage = message;
    m_errorString = error;
    Q_EMIT statusChanged();
}

void AdminController::follow(NoLagApiReply *reply, AdminForm *form, const QString &doing,
                             Success onSuccess)
{
    ++m_busy;
    Q_EMIT busyChanged();
    setStatus(doing, QString());
    if (form) {
        form->clearErrors();
    }
    QPointer<AdminForm> target(form);
    connect(reply, &NoLagApiReply::succeeded, this,
            [this, onSuccess = std::move(onSuccess)](const QVariant &result) {
                --m_busy;
                Q_EMIT busyChanged();
                onSuccess(result);
            });
    connect(reply, &NoLagApiReply::failed, this,
            [this, target](int statusCode, const QString &message) {
                --m_busy;
                Q_EMIT busyChanged();
                qCInfo(lcAdmin, "An admin request was refused (HTTP %d): %s", statusCode,
                       qPrintable(message));
                QString landedOn;
                if (target) {
                    landedOn = target->applyServerError(statusCode, message);
                }
                setStatus(QString(),
                          landedOn.isEmpty()
                              ? AdminErrors::describe(statusCode, message)
                              : tr("The server refused the form: see the field marked in red."));
                if (statusCode == 404) {
                    reload();
                }
                Q_EMIT operationFailed(statusCode, message);
            });
}

void AdminController::reloadIfStale(NoLagApiListModel *model)
{
    // A load that started before a change may answer after it and drop the new row: load
    // once more when it is done.
    if (model->isLoading()) {
        connect(model, &NoLagApiListModel::loaded, model, &NoLagApiListModel::reload,
                Qt::SingleShotConnection);
    }
}

void AdminController::ask(const QString &title, const QString &text, const QString &action,
                          std::function<void()> run)
{
    m_pendingAction = std::move(run);
    m_confirmationTitle = title;
    m_confirmationText = text;
    m_confirmationAction = action;
    Q_EMIT confirmationChanged();
}

void AdminController::confirm()
{
    if (!m_pendingAction) {
        return;
    }
    const std::function<void()> run = std::move(m_pendingAction);
    cancelConfirmation();
    run();
}

void AdminController::cancelConfirmation()
{
    m_pendingAction = nullptr;
    m_confirmationTitle.clear();
    m_confirmationText.clear();
    m_confirmationAction.clear();
    Q_EMIT confirmationChanged();
}

void AdminController::reload()
{
    m_apps.reload();
    m_actors.reload();
    if (!m_appId.isEmpty()) {
        m_rooms.reload();
    }
    if (!m_roomId.isEmpty()) {
        m_grants.reload();
    }
}

// Apps

void AdminController::setAppId(const QString &appId)
{
    if (m_appId != appId) {
        m_appId = appId;
        m_rooms.setAppId(appId);
        m_grants.setAppId(appId);
        m_roomForm.startCreate();
    }
    setRoomId(QString());
}

void AdminController::selectApp(int row)
{
    const QJsonObject app = m_apps.itemAt(row);
    if (app.isEmpty()) {
        return;
    }
    setAppId(app.value(u"appId"_s).toString());
    m_appForm.startEdit(m_appId, app);
    Q_EMIT selectionChanged();
}

bool AdminController::selectAppSlug(const QString &slug)
{
    for (int row = 0; row < m_apps.count(); ++row) {
        if (m_apps.itemAt(row).value(u"slug"_s).toString() == slug) {
            selectApp(row);
            return true;
        }
    }
    return false;
}

void AdminController::newApp()
{
    m_appForm.startCreate();
}

void AdminController::saveApp()
{
    if (!m_appForm.validate()) {
        setStatus(QString(), tr("Correct the fields marked in red first."));
        return;
    }
    const QJsonObject body = m_appForm.body();
    if (m_appForm.mode() == AdminForm::Edit) {
        if (body.isEmpty()) {
            setStatus(tr("Nothing to save: no field was changed."), QString());
            return;
        }
        const QString id = m_appForm.editingId();
        follow(m_apps.update(id, body.toVariantMap()), &m_appForm, tr("Saving the app…"),
               [this, id](const QVariant &result) {
                   const QVariantMap app = result.toMap();
                   m_appForm.startEdit(id, QJsonObject::fromVariantMap(app));
                   setStatus(tr("Saved the app %1.").arg(app.value(u"name"_s).toString()),
                             QString());
                   Q_EMIT selectionChanged();
                   Q_EMIT appSaved(id);
               });
        return;
    }
    follow(m_apps.create(body.toVariantMap()), &m_appForm, tr("Creating the app…"),
           [this](const QVariant &result) {
               const QVariantMap app = result.toMap();
               const QString id = app.value(u"appId"_s).toString();
               reloadIfStale(&m_apps);
               selectApp(m_apps.indexOf(id));
               setStatus(tr("Created the app %1; its topics start with \"%2/\".")
                             .arg(app.value(u"name"_s).toString(), app.value(u"slug"_s).toString()),
                         QString());
               Q_EMIT appSaved(id);
           });
}

void AdminController::requestDeleteApp(int row)
{
    const QJsonObject app = m_apps.itemAt(row);
    if (app.isEmpty()) {
        return;
    }
    const QString id = app.value(u"appId"_s).toString();
    const QString name = app.value(u"name"_s).toString();
    ask(tr("Delete the app %1?").arg(name),
        tr("This deletes the app \"%1\" (topics \"%2/…\") with all its rooms and grants. "
           "Connected actors lose access at their next revalidation. This cannot be undone.")
            .arg(name, app.value(u"slug"_s).toString()),
        tr("Delete app"), [this, id, name] {
            follow(m_apps.remove(id), nullptr, tr("Deleting the app…"),
                   [this, id, name](const QVariant &) {
                       if (m_appId == id) {
                           setAppId(QString());
                           m_appForm.startCreate();
                       }
                       setStatus(tr("Deleted the app %1.").arg(name), QString());
                       Q_EMIT selectionChanged();
                       Q_EMIT removed(id);
                   });
        });
}

// Rooms

void AdminController::setRoomId(const QString &roomId)
{
    if (m_roomId == roomId) {
        return;
    }
    m_roomId = roomId;
    m_grants.setRoomId(roomId);
    m_grantForm.startCreate();
}

void AdminController::selectRoom(int row)
{
    const QJsonObject room = m_rooms.itemAt(row);
    if (room.isEmpty()) {
        return;
    }
    setRoomId(room.value(u"roomId"_s).toString());
    m_roomForm.startEdit(m_roomId, room);
    Q_EMIT selectionChanged();
}

bool AdminController::selectRoomSlug(const QString &slug)
{
    for (int row = 0; row < m_rooms.count(); ++row) {
        if (m_rooms.itemAt(row).value(u"slug"_s).toString() == slug) {
            selectRoom(row);
            return true;
        }
    }
    return false;
}

void AdminController::newRoom()
{
    setRoomId(QString());
    m_roomForm.startCreate();
    Q_EMIT selectionChanged();
}

void AdminController::saveRoom()
{
    if (m_appId.isEmpty()) {
        setStatus(QString(), tr("Choose the app the room belongs to first."));
        return;
    }
    if (!m_roomForm.validate()) {
        setStatus(QString(), tr("Correct the fields marked in red first."));
        return;
    }
    const QJsonObject body = m_roomForm.body();
    if (m_roomForm.mode() == AdminForm::Edit) {
        if (body.isEmpty()) {
            setStatus(tr("Nothing to save: no field was changed."), QString());
            return;
        }
        const QString id = m_roomForm.editingId();
        follow(m_rooms.update(id, body.toVariantMap()), &m_roomForm, tr("Saving the room…"),
               [this, id](const QVariant &result) {
                   const QVariantMap room = result.toMap();
                   if (m_roomId == id) {
                       m_roomForm.startEdit(id, QJsonObject::fromVariantMap(room));
                   }
                   setStatus(tr("Saved the room %1.").arg(room.value(u"slug"_s).toString()),
                             QString());
                   Q_EMIT selectionChanged();
                   Q_EMIT roomSaved(id);
               });
        return;
    }
    follow(m_rooms.create(body.toVariantMap()), &m_roomForm, tr("Creating the room…"),
           [this](const QVariant &result) {
               const QVariantMap room = result.toMap();
               const QString id = room.value(u"roomId"_s).toString();
               reloadIfStale(&m_rooms);
               selectRoom(m_rooms.indexOf(id));
               setStatus(tr("Created the room %1: topics \"%2/%1/…\".")
                             .arg(room.value(u"slug"_s).toString(), appSlug()),
                         QString());
               Q_EMIT roomSaved(id);
           });
}

void AdminController::ensureRoom()
{
    if (m_appId.isEmpty()) {
        setStatus(QString(), tr("Choose the app the room belongs to first."));
        return;
    }
    if (m_roomForm.mode() != AdminForm::Create) {
        m_roomForm.startCreate();
        setStatus(QString(), tr("Ensure works on a new room: fill in its name and slug."));
        return;
    }
    if (!m_roomForm.validate()) {
        setStatus(QString(), tr("Correct the fields marked in red first."));
        return;
    }
    const QJsonObject body = m_roomForm.body();
    const QString slug = body.value(u"slug"_s).toString();
    bool existed = false;
    for (int row = 0; row < m_rooms.count() && !slug.isEmpty(); ++row) {
        existed = existed || m_rooms.itemAt(row).value(u"slug"_s).toString() == slug;
    }
    follow(m_rooms.ensure(body.toVariantMap()), &m_roomForm, tr("Ensuring the room…"),
           [this, existed](const QVariant &result) {
               const QVariantMap room = result.toMap();
               const QString id = room.value(u"roomId"_s).toString();
               reloadIfStale(&m_rooms);
               selectRoom(m_rooms.indexOf(id));
               setStatus(existed ? tr("The room %1 already existed; it was left unchanged.")
                                       .arg(room.value(u"slug"_s).toString())
                                 : tr("Created the room %1.").arg(room.value(u"slug"_s).toString()),
                         QString());
               Q_EMIT roomSaved(id);
           });
}

void AdminController::setRoomEnabled(int row, bool enabled)
{
    const QJsonObject room = m_rooms.itemAt(row);
    if (room.isEmpty()) {
        return;
    }
    const QString id = room.value(u"roomId"_s).toString();
    const QString slug = room.value(u"slug"_s).toString();
    const auto run = [this, id, slug, enabled] {
        follow(m_rooms.update(id, {{u"isEnabled"_s, enabled}}), nullptr,
               enabled ? tr("Enabling the room…") : tr("Disabling the room…"),
               [this, id, slug, enabled](const QVariant &result) {
                   if (m_roomId == id) {
                       m_roomForm.startEdit(id, QJsonObject::fromVariantMap(result.toMap()));
                   }
                   setStatus(enabled ? tr("Enabled the room %1.").arg(slug)
                                     : tr("Disabled the room %1.").arg(slug),
                             QString());
                   Q_EMIT selectionChanged();
                   Q_EMIT roomSaved(id);
               });
    };
    if (enabled) {
        run();
        return;
    }
    ask(tr("Disable the room %1?").arg(slug),
        tr("Nobody can subscribe or publish to its topics while it is disabled; connected "
           "actors lose access at their next revalidation. You can enable it again later."),
        tr("Disable room"), run);
}

void AdminController::requestDeleteRoom(int row)
{
    const QJsonObject room = m_rooms.itemAt(row);
    if (room.isEmpty()) {
        return;
    }
    const QString slug = room.value(u"slug"_s).toString();
    if (room.value(u"roomType"_s).toString() == "static"_L1) {
        setStatus(QString(),
                  tr("The room %1 is static: it is part of the app's definition and "
                     "cannot be deleted. Disable it instead.")
                      .arg(slug));
        return;
    }
    const QString id = room.value(u"roomId"_s).toString();
    ask(tr("Delete the room %1?").arg(slug),
        tr("This deletes the dynamic room \"%1\" and its grants. Subscribing to its topics "
           "fails from now on. This cannot be undone.")
            .arg(slug),
        tr("Delete room"), [this, id, slug] {
            follow(m_rooms.remove(id), nullptr, tr("Deleting the room…"),
                   [this, id, slug](const QVariant &) {
                       if (m_roomId == id) {
                           setRoomId(QString());
                           m_roomForm.startCreate();
                       }
                       setStatus(tr("Deleted the room %1.").arg(slug), QString());
                       Q_EMIT selectionChanged();
                       Q_EMIT removed(id);
                   });
        });
}

// Grants

void AdminController::newGrant()
{
    m_grantForm.startCreate();
}

QString AdminController::grantSubject(int row) const
{
    const QJsonObject grant = m_grants.itemAt(row);
    const QString actorId = grant.value(u"actorTokenId"_s).toString();
    if (!actorId.isEmpty()) {
        return actorNameOf(actorId);
    }
    return tr("every %1").arg(grant.value(u"actorType"_s).toString());
}

void AdminController::addGrant()
{
    if (m_roomId.isEmpty()) {
        setStatus(QString(), tr("Choose the room to grant access to first."));
        return;
    }
    if (!m_grantForm.validate()) {
        setStatus(QString(), tr("Correct the fields marked in red first."));
        return;
    }
    const bool wasOpen = m_grants.count() == 0;
    follow(m_grants.grantActor(m_grantForm.body().toVariantMap()), &m_grantForm,
           tr("Adding the grant…"), [this, wasOpen](const QVariant &result) {
               const QString id = result.toMap().value(u"roomActorAccessId"_s).toString();
               reloadIfStale(&m_grants);
               m_grantForm.startCreate();
               setStatus(wasOpen ? tr("Added the grant. The room is private now: only actors "
                                      "with a grant may use it.")
                                 : tr("Added the grant."),
                         QString());
               Q_EMIT grantSaved(id);
           });
}

void AdminController::requestRevokeGrant(int row)
{
    const QJsonObject grant = m_grants.itemAt(row);
    if (grant.isEmpty()) {
        return;
    }
    const QString id = grant.value(u"roomActorAccessId"_s).toString();
    const bool last = m_grants.count() == 1;
    const QString subject = grantSubject(row);
    ask(tr("Revoke the grant of %1?").arg(subject),
        tr("%1 loses the right to %2 in the room %3 at its next revalidation.%4")
            .arg(subject, permissionWords(grant.value(u"permission"_s).toString()), roomSlug(),
                 last ? tr(" This is the room's last grant: the room becomes open to every "
                           "actor of the project.")
                      : QString()),
        tr("Revoke"), [this, id, subject] {
            follow(m_grants.revoke(id), nullptr, tr("Revoking the grant…"),
                   [this, id, subject](const QVariant &) {
                       setStatus(tr("Revoked the grant of %1.").arg(subject), QString());
                       Q_EMIT removed(id);
                   });
        });
}

// Actors

void AdminController::selectActor(int row)
{
    const QJsonObject actor = m_actors.itemAt(row);
    if (actor.isEmpty()) {
        return;
    }
    m_actorId = actor.value(u"actorTokenId"_s).toString();
    m_actorForm.startEdit(m_actorId, actor);
    Q_EMIT selectionChanged();
}

void AdminController::newActor()
{
    m_actorId.clear();
    m_actorForm.startCreate();
    Q_EMIT selectionChanged();
}

void AdminController::saveActor()
{
    if (!m_actorForm.validate()) {
        setStatus(QString(), tr("Correct the fields marked in red first."));
        return;
    }
    const QJsonObject body = m_actorForm.body();
    if (m_actorForm.mode() == AdminForm::Edit) {
        if (body.isEmpty()) {
            setStatus(tr("Nothing to save: no field was changed."), QString());
            return;
        }
        const QString id = m_actorForm.editingId();
        follow(m_actors.update(id, body.toVariantMap()), &m_actorForm, tr("Saving the actor…"),
               [this, id](const QVariant &result) {
                   const QVariantMap actor = result.toMap();
                   if (m_actorId == id) {
                       m_actorForm.startEdit(id, QJsonObject::fromVariantMap(actor));
                   }
                   setStatus(tr("Saved the actor %1.").arg(actor.value(u"name"_s).toString()),
                             QString());
                   Q_EMIT selectionChanged();
                   Q_EMIT actorSaved(id);
               });
        return;
    }
    follow(m_actors.create(body.toVariantMap()), &m_actorForm, tr("Creating the actor…"),
           [this](const QVariant &result) {
               QVariantMap actor = result.toMap();
               const QString token = actor.take(u"accessToken"_s).toString();
               const QString id = actor.value(u"actorTokenId"_s).toString();
               m_newToken = token;
               m_newTokenActor = actor.value(u"name"_s).toString();
               reloadIfStale(&m_actors);
               selectActor(m_actors.indexOf(id));
               setStatus(tr("Created the actor %1.").arg(m_newTokenActor), QString());
               Q_EMIT newTokenChanged();
               Q_EMIT actorSaved(id);
               Q_EMIT actorCreated(id, token);
           });
}

void AdminController::setActorActive(int row, bool active)
{
    const QJsonObject actor = m_actors.itemAt(row);
    if (actor.isEmpty()) {
        return;
    }
    const QString id = actor.value(u"actorTokenId"_s).toString();
    const QString name = actor.value(u"name"_s).toString();
    const auto run = [this, id, name, active] {
        follow(m_actors.setActive(id, active), nullptr,
               active ? tr("Reactivating the actor…") : tr("Deactivating the actor…"),
               [this, id, name, active](const QVariant &result) {
                   if (m_actorId == id) {
                       m_actorForm.startEdit(id, QJsonObject::fromVariantMap(result.toMap()));
                   }
                   setStatus(active ? tr("Reactivated %1: it can connect again.").arg(name)
                                    : tr("Deactivated %1: it cannot connect now.").arg(name),
                             QString());
                   Q_EMIT selectionChanged();
                   Q_EMIT actorSaved(id);
               });
    };
    if (active) {
        run();
        return;
    }
    ask(tr("Deactivate %1?").arg(name),
        tr("%1 cannot connect while it is deactivated, and its open connections close at their "
           "next revalidation. You can reactivate it later; its token stays the same.")
            .arg(name),
        tr("Deactivate"), run);
}

void AdminController::requestDeleteActor(int row)
{
    const QJsonObject actor = m_actors.itemAt(row);
    if (actor.isEmpty()) {
        return;
    }
    const QString id = actor.value(u"actorTokenId"_s).toString();
    const QString name = actor.value(u"name"_s).toString();
    ask(tr("Delete the actor %1?").arg(name),
        tr("Its access token stops working for good and its open connections close at their "
           "next revalidation. Its grants no longer apply. This cannot be undone."),
        tr("Delete actor"), [this, id, name] {
            follow(m_actors.remove(id), nullptr, tr("Deleting the actor…"),
                   [this, id, name](const QVariant &) {
                       if (m_actorId == id) {
                           m_actorId.clear();
                           m_actorForm.startCreate();
                       }
                       setStatus(tr("Deleted the actor %1.").arg(name), QString());
                       Q_EMIT selectionChanged();
                       Q_EMIT removed(id);
                   });
        });
}

void AdminController::showActorTraffic(int row)
{
    const QString id = m_actors.itemAt(row).value(u"actorTokenId"_s).toString();
    if (id.isEmpty()) {
        return;
    }
    if (m_session) {
        m_session->traffic()->setSenderFilter(id);
    }
    // Wire protocol §10: message frames carry no sender today, so say why the list may be empty.
    setStatus(tr("Traffic shows only messages sent by %1. The broker does not name senders "
                 "today, so the list stays empty until one does.")
                  .arg(actorNameOf(id)),
              QString());
    Q_EMIT trafficRequested(id);
}

void AdminController::inspectActor(int row)
{
    const QString id = m_actors.itemAt(row).value(u"actorTokenId"_s).toString();
    if (!id.isEmpty()) {
        m_permissions.inspectActor(id);
    }
}

void AdminController::inspectToken(const QString &token)
{
    m_permissions.inspectToken(token);
}

void AdminController::copyNewToken() const
{
    if (!m_newToken.isEmpty() && QGuiApplication::clipboard()) {
        QGuiApplication::clipboard()->setText(m_newToken);
    }
}

void AdminController::dismissToken()
{
    if (m_newToken.isEmpty() && m_newTokenActor.isEmpty()) {
        return;
    }
    m_newToken.clear();
    m_newTokenActor.clear();
    Q_EMIT newTokenChanged();
}
