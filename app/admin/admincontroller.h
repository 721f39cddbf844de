// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

// Using the admin controller from C++ (tests, the end-to-end test):
//
//     AdminController admin;
//     admin.setApi(&api, webSocketUrl);            // any NoLagApi with base URL and API key
//     QSignalSpy loaded(admin.apps(), &NoLagApiListModel::loaded);
//     QVERIFY(loaded.wait());
//     admin.selectAppSlug(u"demo"_s);              // the app the rooms belong to
//
//     admin.newRoom();                             // create a room
//     admin.roomForm()->setValue(u"name"_s, u"Night shift"_s);
//     QSignalSpy room(&admin, &AdminController::roomSaved);
//     admin.saveRoom();                            // room[0][0] is the new roomId
//
//     admin.newActor();                            // create an actor; its token comes once
//     admin.actorForm()->setValue(u"name"_s, u"tester"_s);
//     QSignalSpy actor(&admin, &AdminController::actorCreated);
//     admin.saveActor();                           // actor[0][0] id, actor[0][1] token
//
// Every call returns at once; failures arrive as operationFailed() and on the form's errors.
// Destructive calls (requestDelete...) only ask: confirm() carries them out.

#include "admin/adminform.h"
#include "admin/adminpermissions.h"
#include "session/session.h"

#include <NoLagQt/nolagapimodels.h>

#include <QtCore/QPointer>
#include <QtCore/QUrl>
#include <QtQml/qqmlregistration.h>

#include <functional>

/*!
    The admin view of one connection: the project's apps, the rooms of the chosen app with
    their grants, and the actors, from the REST API (it needs the connection's API key).

    Reads and changes go through the NoLag API list models, so every call is asynchronous and
    the lists update in place. Each entity has a form (AdminForm) that checks what is typed
    and receives the server's refusals on the right field. Destructive actions (delete,
    revoke, deactivate) are asked for with a request...() call that fills the confirmation
    properties; nothing happens until confirm().
*/
class AdminController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Session *session READ session WRITE setSession NOTIFY sessionChanged FINAL)
    Q_PROPERTY(bool available READ isAvailable NOTIFY sessionChanged FINAL)
    Q_PROPERTY(NoLagAppsModel *apps READ apps CONSTANT FINAL)
    Q_PROPERTY(NoLagRoomsModel *rooms READ rooms CONSTANT FINAL)
    Q_PROPERTY(NoLagRoomGrantsModel *grants READ grants CONSTANT FINAL)
    Q_PROPERTY(NoLagActorsModel *actors READ actors CONSTANT FINAL)
    Q_PROPERTY(AdminPermissionsModel *permissions READ permissions CONSTANT FINAL)
    Q_PROPERTY(AdminAppForm *appForm READ appForm CONSTANT FINAL)
    Q_PROPERTY(AdminRoomForm *roomForm READ roomForm CONSTANT FINAL)
    Q_PROPERTY(AdminActorForm *actorForm READ actorForm CONSTANT FINAL)
    Q_PROPERTY(AdminGrantForm *grantForm READ grantForm CONSTANT FINAL)
    Q_PROPERTY(int appRow READ appRow NOTIFY selectionChanged FINAL)
    Q_PROPERTY(int roomRow READ roomRow NOTIFY selectionChanged FINAL)
    Q_PROPERTY(int actorRow READ actorRow NOTIFY selectionChanged FINAL)
    Q_PROPERTY(QString appId READ appId NOTIFY selectionChanged FINAL)
    Q_PROPERTY(QString appSlug READ appSlug NOTIFY selectionChanged FINAL)
    Q_PROPERTY(QString roomId READ roomId NOTIFY selectionChanged FINAL)
    Q_PROPERTY(QString roomSlug READ roomSlug NOTIFY selectionChanged FINAL)
    Q_PROPERTY(bool roomIsStatic READ roomIsStatic NOTIFY selectionChanged FINAL)
    Q_PROPERTY(bool roomEnabled READ roomEnabled NOTIFY selectionChanged FINAL)
    Q_PROPERTY(bool actorActive READ actorActive NOTIFY selectionChanged FINAL)
    Q_PROPERTY(QString actorId READ actorId NOTIFY selectionChanged FINAL)
    Q_PROPERTY(QString actorName READ actorName NOTIFY selectionChanged FINAL)
    Q_PROPERTY(QStringList actorTypes READ actorTypes CONSTANT FINAL)
    Q_PROPERTY(int busy READ busy NOTIFY busyChanged FINAL)
    Q_PROPERTY(QString statusMessage READ statusMessage NOTIFY statusChanged FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY statusChanged FINAL)
    Q_PROPERTY(QString newToken READ newToken NOTIFY newTokenChanged FINAL)
    Q_PROPERTY(QString newTokenActor READ newTokenActor NOTIFY newTokenChanged FINAL)
    Q_PROPERTY(bool confirmationPending READ isConfirmationPending NOTIFY confirmationChanged FINAL)
    Q_PROPERTY(QString confirmationTitle READ confirmationTitle NOTIFY confirmationChanged FINAL)
    Q_PROPERTY(QString confirmationText READ confirmationText NOTIFY confirmationChanged FINAL)
    Q_PROPERTY(QString confirmationAction READ confirmationAction NOTIFY confirmationChanged FINAL)

public:
    explicit AdminController(QObject *parent = nullptr);
    ~AdminController() override;

    Session *session() const { return m_session; }
    /*! Uses the session's NoLagApi and broker; "Show this actor's traffic" filters its view. */
    void setSession(Session *session);

    /*! Uses \a api (not owned) for REST calls and \a brokerUrl to ask about pasted tokens. */
    void setApi(NoLagApi *api, const QUrl &brokerUrl = QUrl());
    NoLagApi *api() const { return m_api; }

    bool isAvailable() const;
    NoLagAppsModel *apps() { return &m_apps; }
    NoLagRoomsModel *rooms() { return &m_rooms; }
    NoLagRoomGrantsModel *grants() { return &m_grants; }
    NoLagActorsModel *actors() { return &m_actors; }
    AdminPermissionsModel *permissions() { return &m_permissions; }
    AdminAppForm *appForm() { return &m_appForm; }
    AdminRoomForm *roomForm() { return &m_roomForm; }
    AdminActorForm *actorForm() { return &m_actorForm; }
    AdminGrantForm *grantForm() { return &m_grantForm; }

    int appRow() const { return m_apps.indexOf(m_appId); }
    int roomRow() const { return m_rooms.indexOf(m_roomId); }
    int actorRow() const { return m_actors.indexOf(m_actorId); }
    QString appId() const { return m_appId; }
    QString appSlug() const;
    QString roomId() const { return m_roomId; }
    QString roomSlug() const;
    bool roomIsStatic() const;
    bool roomEnabled() const;
    QString actorId() const { return m_actorId; }
    QString actorName() const;
    bool actorActive() const;
    QStringList actorTypes() const { return AdminActorForm::actorTypes(); }

    int busy() const { return m_busy; }
    QString statusMessage() const { return m_statusMessage; }
    QString errorString() const { return m_errorString; }

    /*! The access token of the actor created last, until dismissToken(). Never logged. */
    QString newToken() const { return m_newToken; }
    QString newTokenActor() const { return m_newTokenActor; }

    bool isConfirmationPending() const { return bool(m_pendingAction); }
    QString confirmationTitle() const { return m_confirmationTitle; }
    QString confirmationText() const { return m_confirmationText; }
    QString confirmationAction() const { return m_confirmationAction; }

    // Apps
    Q_INVOKABLE void selectApp(int row);
    Q_INVOKABLE bool selectAppSlug(const QString &slug);
    Q_INVOKABLE void newApp();
    /*! Creates or updates the app in appForm; appSaved() or the form's errors follow. */
    Q_INVOKABLE void saveApp();
    Q_INVOKABLE void requestDeleteApp(int row);

    // Rooms of the chosen app
    Q_INVOKABLE void selectRoom(int row);
    Q_INVOKABLE bool selectRoomSlug(const QString &slug);
    Q_INVOKABLE void newRoom();
    /*! Creates (dynamic room) or updates the room in roomForm. */
    Q_INVOKABLE void saveRoom();
    /*! Returns the room with the form's slug if it exists, else creates it (rooms.ensure). */
    Q_INVOKABLE void ensureRoom();
    /*! Enabling happens at once; disabling asks for confirmation first. */
    Q_INVOKABLE void setRoomEnabled(int row, bool enabled);
    Q_INVOKABLE void requestDeleteRoom(int row);

    // Grants of the chosen room
    Q_INVOKABLE void newGrant();
    Q_INVOKABLE void addGrant();
    Q_INVOKABLE void requestRevokeGrant(int row);
    /*! Who grant row \a row is for, for a person ("alice", "every device"). */
    Q_INVOKABLE QString grantSubject(int row) const;

    // Actors
    Q_INVOKABLE void selectActor(int row);
    Q_INVOKABLE void newActor();
    /*! Creates (token shown once through newToken) or updates the actor in actorForm. */
    Q_INVOKABLE void saveActor();
    /*! Reactivating happens at once; deactivating asks for confirmation first. */
    Q_INVOKABLE void setActorActive(int row, bool active);
    Q_INVOKABLE void requestDeleteActor(int row);
    /*! The name of actor \a actorTokenId, or the id itself when unknown. */
    Q_INVOKABLE QString actorNameOf(const QString &actorTokenId) const;

    /*! Sets the session's traffic sender filter to actor \a row; trafficRequested() follows. */
    Q_INVOKABLE void showActorTraffic(int row);
    /*! Fills permissions with what actor \a row may do. */
    Q_INVOKABLE void inspectActor(int row);
    Q_INVOKABLE void inspectToken(const QString &token);

    /*! Carries out the action that waits for confirmation. */
    Q_INVOKABLE void confirm();
    Q_INVOKABLE void cancelConfirmation();

    Q_INVOKABLE void copyNewToken() const;
    /*! Forgets the new token: after this it cannot be shown again. */
    Q_INVOKABLE void dismissToken();

    Q_INVOKABLE void reload();

Q_SIGNALS:
    void sessionChanged();
    void selectionChanged();
    void busyChanged();
    void statusChanged();
    void newTokenChanged();
    void confirmationChanged();

    void appSaved(const QString &appId);
    void roomSaved(const QString &roomId);
    void grantSaved(const QString &grantId);
    void actorSaved(const QString &actorTokenId);
    /*! A new actor and its access token, which the server never shows again. */
    void actorCreated(const QString &actorTokenId, const QString &accessToken);
    void removed(const QString &id);
    void operationFailed(int statusCode, const QString &message);

    /*! The traffic view should be shown, filtered to \a actorTokenId's messages. */
    void trafficRequested(const QString &actorTokenId);

private:
    using Success = std::function<void(const QVariant &result)>;
    void follow(NoLagApiReply *reply, AdminForm *form, const QString &doing, Success onSuccess);
    void ask(const QString &title, const QString &text, const QString &action,
             std::function<void()> run);
    void setStatus(const QString &message, const QString &error);
    void reloadIfStale(NoLagApiListModel *model);
    void setAppId(const QString &appId);
    void setRoomId(const QString &roomId);

    QPointer<Session> m_session;
    QPointer<NoLagApi> m_api;
    NoLagAppsModel m_apps;
    NoLagRoomsModel m_rooms;
    NoLagRoomGrantsModel m_grants;
    NoLagActorsModel m_actors;
    AdminPermissionsModel m_permissions;
    AdminAppForm m_appForm;
    AdminRoomForm m_roomForm;
    AdminActorForm m_actorForm;
    AdminGrantForm m_grantForm;

    QString m_appId;
    QString m_roomId;
    QString m_actorId;
    int m_busy = 0;
    QString m_statusMessage;
    QString m_errorString;
    QString m_newToken;
    QString m_newTokenActor;

    std::function<void()> m_pendingAction;
    QString m_confirmationTitle;
    QString m_confirmationText;
    QString m_confirmationAction;
};
