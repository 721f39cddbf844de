// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "adminpermissions.h"

#include <NoLagQt/nolagapi.h>
#include <NoLagQt/nolagclient.h>
#include <NoLagQt/nolagerror.h>

#include <QtCore/QJsonArray>
#include <QtCore/QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcAdminPermissions, "nolag.explorer.admin", QtInfoMsg)

constexpr int appsPerPage = 100;

bool isUsable(const QJsonObject &grant, const QDateTime &now)
{
    if (!grant.value(u"isActive"_s).toBool(true)) {
        return false;
    }
    const QString expiresAt = grant.value(u"expiresAt"_s).toString();
    if (expiresAt.isEmpty()) {
        return true;
    }
    const QDateTime expiry = QDateTime::fromString(expiresAt, Qt::ISODateWithMs);
    return !expiry.isValid() || expiry > now;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        list.append(item.toString());
    }
    return list;
}

QString permissionText(bool subscribe, bool publish)
{
    if (subscribe && publish) {
        return QObject::tr("Subscribe and publish");
    }
    return subscribe ? QObject::tr("Subscribe only") : QObject::tr("Publish only");
}

} // namespace

struct AdminPermissionsModel::Load
{
    int generation = 0;
    AdminAccessInput input;
    int pending = 0;
};

AdminPermissionsModel::AdminPermissionsModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

AdminPermissionsModel::~AdminPermissionsModel()
{
    delete m_probe;
}

void AdminPermissionsModel::setApi(NoLagApi *api, const QUrl &brokerUrl)
{
    m_api = api;
    m_brokerUrl = brokerUrl;
}

int AdminPermissionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

QVariant AdminPermissionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const AdminAccessRule &rule = m_rules.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TopicRole:
        return rule.topic;
    case AppSlugRole:
        return rule.appSlug;
    case RoomSlugRole:
        return rule.roomSlug;
    case TopicNameRole:
        return rule.topicName;
    case CanSubscribeRole:
        return rule.subscribe;
    case CanPublishRole:
        return rule.publish;
    case PermissionTextRole:
        return permissionText(rule.subscribe, rule.publish);
    case ViaRole:
        return rule.via;
    default:
        return {};
    }
}

QHash<int, QByteArray> AdminPermissionsModel::roleNames() const
{
    return {{TopicRole, "topic"},
            {AppSlugRole, "appSlug"},
            {RoomSlugRole, "roomSlug"},
            {TopicNameRole, "topicName"},
            {CanSubscribeRole, "canSubscribe"},
            {CanPublishRole, "canPublish"},
            {PermissionTextRole, "permissionText"},
            {ViaRole, "via"}};
}

QString AdminPermissionsModel::note() const
{
    return tr("Worked out in the Explorer from the apps, rooms and grants, the way the server "
              "does it: the REST API has no endpoint that lists an actor's permissions. "
              "Changes reach connections that are already open at their next revalidation.");
}

QString AdminPermissionsModel::summary() const
{
    if (m_loading) {
        return tr("Working out what %1 may do…").arg(m_subject);
    }
    if (!m_errorString.isEmpty() || m_subject.isEmpty()) {
        return QString();
    }
    if (!m_actorActive) {
        return tr("%1 is deactivated: it cannot connect at all.").arg(m_subject);
    }
    int publish = 0;
    for (const AdminAccessRule &rule : m_rules) {
        publish += rule.publish ? 1 : 0;
    }
    if (m_rules.isEmpty()) {
        return tr("%1 may use no topic.").arg(m_subject);
    }
    if (m_rules.size() == 1) {
        return publish == 1 ? tr("%1 may use 1 topic, and publish on it.").arg(m_subject)
                            : tr("%1 may use 1 topic, and only subscribe to it.").arg(m_subject);
    }
    return tr("%1 may use %2 topics, and publish on %3 of them.")
        .arg(m_subject)
        .arg(m_rules.size())
        .arg(publish);
}

void AdminPermissionsModel::clear()
{
    ++m_generation;
    beginResetModel();
    m_rules.clear();
    endResetModel();
    m_loading = false;
    m_subject.clear();
    m_actorTokenId.clear();
    m_errorString.clear();
    m_actorActive = true;
    Q_EMIT countChanged();
    Q_EMIT stateChanged();
}

QList<AdminAccessRule> AdminPermissionsModel::derive(const AdminAccessInput &input)
{
    QList<AdminAccessRule> rules;
    const QString actorId = input.actor.value(u"actorTokenId"_s).toString();
    const QString actorType = input.actor.value(u"actorType"_s).toString();
    if (!input.actor.value(u"isActive"_s).toBool(true)) {
        return rules;
    }
    const bool scoped = !input.scope.isEmpty();
    if (scoped && !input.scope.value(u"isActive"_s).toBool(true)) {
        return rules;
    }

    for (const QJsonObject &app : input.apps) {
        const QString appId = app.value(u"appId"_s).toString();
        const QString appSlug = app.value(u"slug"_s).toString();
        const QStringList appTopics = stringList(app.value(u"topics"_s));
        for (const QJsonObject &room : input.roomsOfApp.value(appId)) {
            if (!room.value(u"isEnabled"_s).toBool(true)) {
                continue;
            }
            const QString roomId = room.value(u"roomId"_s).toString();
            const QString roomSlug = room.value(u"slug"_s).toString();
            const QList<QJsonObject> grants = input.grantsOfRoom.value(roomId);

            // A room without grants is open; else the actor's own grants, else its type's.
            struct Access
            {
                QString permission;
                std::optional<QStringList> topics;
                QString via;
            };
            QList<Access> accesses;
            if (grants.isEmpty()) {
                accesses.append(
                    {u"pubSub"_s, std::nullopt, tr("Open room: every actor of the project")});
            } else {
                for (const QJsonObject &grant : grants) {
                    if (grant.value(u"actorTokenId"_s).toString() == actorId &&
                        isUsable(grant, input.now)) {
                        const QJsonValue topics = grant.value(u"topics"_s);
                        accesses.append(
                            {grant.value(u"permission"_s).toString(),
                             topics.isArray() ? std::optional(stringList(topics)) : std::nullopt,
                             tr("Grant to this actor")});
                    }
                }
                if (accesses.isEmpty()) {
                    for (const QJsonObject &grant : grants) {
                        if (grant.value(u"actorTokenId"_s).toString().isEmpty() &&
                            grant.value(u"actorType"_s).toString() == actorType &&
                            isUsable(grant, input.now)) {
                            const QJsonValue topics = grant.value(u"topics"_s);
                            accesses.append({grant.value(u"permission"_s).toString(),
                                             topics.isArray() ? std::optional(stringList(topics))
                                                              : std::nullopt,
                                             tr("Grant to every %1").arg(actorType)});
                        }
                    }
                }
            }

            const QStringList defaultTopics =
                appTopics.isEmpty() ? stringList(room.value(u"topics"_s)) : appTopics;
            QStringList order;
            QHash<QString, AdminAccessRule> byTopic;
            for (const Access &access : std::as_const(accesses)) {
                for (const QString &topic : access.topics.value_or(defaultTopics)) {
                    auto it = byTopic.find(topic);
                    if (it == byTopic.end()) {
                        order.append(topic);
                        AdminAccessRule rule;
                        rule.appSlug = appSlug;
                        rule.roomSlug = roomSlug;
                        rule.topicName = topic;
                        rule.topic = scoped
                            ? u"%1/%2/%3/%4"_s.arg(appSlug, input.scope.value(u"slug"_s).toString(),
                                                   roomSlug, topic)
                            : u"%1/%2/%3"_s.arg(appSlug, roomSlug, topic);
                        rule.via = access.via;
                        it = byTopic.insert(topic, rule);
                    }
                    it->subscribe = it->subscribe || access.permission != "publish"_L1;
                    it->publish = it->publish || access.permission != "subscribe"_L1;
                }
            }
            for (const QString &topic : std::as_const(order)) {
                rules.append(byTopic.value(topic));
            }
        }
    }

    std::stable_sort(
        rules.begin(), rules.end(),
        [](const AdminAccessRule &a, const AdminAccessRule &b) { return a.topic < b.topic; });
    return rules;
}

void AdminPermissionsModel::fail(int generation, const QString &message)
{
    if (generation != m_generation) {
        return;
    }
    m_loading = false;
    m_errorString = message;
    Q_EMIT stateChanged();
    Q_EMIT finished();
}

void AdminPermissionsModel::inspectToken(const QString &token)
{
    clear();
    const int generation = m_generation;
    const QString trimmed = token.trimmed();
    m_subject = tr("this token");
    if (trimmed.isEmpty()) {
        fail(generation, tr("Paste an access token first."));
        return;
    }
    if (!m_brokerUrl.isValid()) {
        fail(generation, tr("This connection has no broker address to ask about the token."));
        return;
    }
    m_loading = true;
    Q_EMIT stateChanged();

    // A short connection of its own, without reconnects: the auth reply names the actor.
    if (m_probe) {
        m_probe->deleteLater();
    }
    NoLagOptions options(m_brokerUrl);
    options.setReconnectEnabled(false);
    m_probe = new NoLagClient(trimmed, options);
    NoLagClient *probe = m_probe;
    probe->connectToServer()
        .then(this,
              [this, generation, probe] {
                  const QString actorId = probe->actorId();
                  probe->disconnectFromServer();
                  if (generation == m_generation) {
                      inspectActor(actorId);
                  }
              })
        .onFailed(this, [this, generation](const NoLagError &error) {
            fail(generation, tr("The broker refused this token: %1").arg(error.errorString()));
        });
}

void AdminPermissionsModel::inspectActor(const QString &actorTokenId)
{
    if (m_probe) {
        m_probe->deleteLater();
        m_probe = nullptr;
    }
    clear();
    const int generation = m_generation;
    m_actorTokenId = actorTokenId;
    m_subject = actorTokenId;
    if (!m_api) {
        fail(generation, tr("This connection has no REST API to ask."));
        return;
    }
    m_loading = true;
    Q_EMIT stateChanged();
    qCDebug(lcAdminPermissions, "Working out the permissions of actor %s",
            qPrintable(actorTokenId));

    auto load = std::make_shared<Load>();
    load->generation = generation;
    load->input.now = QDateTime::currentDateTimeUtc();
    m_api->actors()
        .get(actorTokenId)
        .then(this,
              [this, load](const NoLagActor &actor) {
                  if (load->generation != m_generation || !m_api) {
                      return;
                  }
                  load->input.actor = actor.toJson();
                  m_subject = tr("%1 (%2)").arg(actor.name(), actor.actorType());
                  m_actorActive = actor.isActive();
                  Q_EMIT stateChanged();
                  if (actor.accessScopeId().isEmpty()) {
                      loadApps(load, 1);
                      return;
                  }
                  m_api->scopes()
                      .get(actor.accessScopeId())
                      .then(this,
                            [this, load](const NoLagScope &scope) {
                                load->input.scope = scope.toJson();
                                loadApps(load, 1);
                            })
                      .onFailed(this, [this, load](const NoLagApiError &error) {
                          fail(load->generation, error.toString());
                      });
              })
        .onFailed(this, [this, generation](const NoLagApiError &error) {
            fail(generation,
                 error.statusCode() == 404 ? tr("This project has no such actor (HTTP 404).")
                                           : error.toString());
        });
}

void AdminPermissionsModel::loadApps(const std::shared_ptr<Load> &load, int page)
{
    if (load->generation != m_generation || !m_api) {
        return;
    }
    NoLagListOptions options;
    options.setPage(page);
    options.setLimit(appsPerPage);
    m_api->apps()
        .list(options)
        .then(this,
              [this, load, page](const NoLagPaginatedResult<NoLagApp> &result) {
                  for (const NoLagApp &app : result.data()) {
                      load->input.apps.append(app.toJson());
                  }
                  if (page < result.pagination().pageCount() && !result.data().isEmpty()) {
                      loadApps(load, page + 1);
                  } else {
                      loadRooms(load);
                  }
              })
        .onFailed(this, [this, load](const NoLagApiError &error) {
            fail(load->generation, error.toString());
        });
}

void AdminPermissionsModel::loadRooms(const std::shared_ptr<Load> &load)
{
    if (load->generation != m_generation || !m_api) {
        return;
    }
    if (load->input.apps.isEmpty()) {
        finishLoad(load->generation, load->input);
        return;
    }
    // Every app's rooms, then every room's grants, all at once; settle() ends the load.
    for (const QJsonObject &app : std::as_const(load->input.apps)) {
        const QString appId = app.value(u"appId"_s).toString();
        ++load->pending;
        m_api->rooms()
            .list(appId)
            .then(this,
                  [this, load, appId](const QList<NoLagRoom> &rooms) {
                      if (load->generation != m_generation || !m_api) {
                          return;
                      }
                      QList<QJsonObject> &list = load->input.roomsOfApp[appId];
                      for (const NoLagRoom &room : rooms) {
                          list.append(room.toJson());
                          const QString roomId = room.roomId();
                          ++load->pending;
                          m_api->rooms()
                              .listActors(appId, roomId)
                              .then(this,
                                    [this, load, roomId](const QList<NoLagRoomActorAccess> &all) {
                                        QList<QJsonObject> &grants =
                                            load->input.grantsOfRoom[roomId];
                                        for (const NoLagRoomActorAccess &grant : all) {
                                            grants.append(grant.toJson());
                                        }
                                        settle(load);
                                    })
                              .onFailed(this, [this, load](const NoLagApiError &error) {
                                  fail(load->generation, error.toString());
                              });
                      }
                      settle(load);
                  })
            .onFailed(this, [this, load](const NoLagApiError &error) {
                fail(load->generation, error.toString());
            });
    }
}

void AdminPermissionsModel::settle(const std::shared_ptr<Load> &load)
{
    if (--load->pending == 0) {
        finishLoad(load->generation, load->input);
    }
}

void AdminPermissionsModel::finishLoad(int generation, const AdminAccessInput &input)
{
    if (generation != m_generation || !m_loading) {
        return;
    }
    beginResetModel();
    m_rules = derive(input);
    endResetModel();
    m_loading = false;
    Q_EMIT countChanged();
    Q_EMIT stateChanged();
    Q_EMIT finished();
}
