// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include <NoLagQt/nolagapimodels.h>

#include "common/nolaglogging_p.h"
#include "nolagapireply_p.h"

#include <QtCore/QMetaEnum>
#include <QtCore/QMetaProperty>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

using namespace Qt::StringLiterals;

namespace {

// Apps are fetched page by page at the largest page size the API allows.
constexpr int AppsPageSize = 100;

QVariant toVariant(const QJsonObject &json)
{
    return json.toVariantMap();
}

QJsonObject toJson(const QVariantMap &data)
{
    return QJsonObject::fromVariantMap(data);
}

NoLagApiError noApiError()
{
    return NoLagApiError(u"The request was not sent: the model has no NoLagApi set"_s, 0);
}

// The api of a model, or a future that has already failed because there is none.
template<typename T, typename Call>
QFuture<T> withApi(NoLagApi *api, Call call)
{
    if (!api) {
        return QtFuture::makeExceptionalFuture<T>(noApiError());
    }
    return call(api);
}

template<typename T>
QVariant resultOf(const T &value)
{
    return toVariant(value.toJson());
}

NoLagApiListModel::Error errorFor(int statusCode)
{
    switch (statusCode) {
    case 0:
        return NoLagApiListModel::NetworkError;
    case 408:
        return NoLagApiListModel::TimeoutError;
    case 401:
        return NoLagApiListModel::AuthenticationError;
    default:
        return NoLagApiListModel::RequestError;
    }
}

} // namespace

class NoLagApiListModelPrivate
{
public:
    QPointer<NoLagApi> api;
    QList<QJsonObject> items;
    bool loading = false;
    NoLagApiListModel::Error error = NoLagApiListModel::NoError;
    QString errorString;
    int statusCode = 0;
    int generation = 0;
    bool reloadScheduled = false;

    QHash<int, QByteArray> roleNames;
    QHash<int, QMetaProperty> roleProperties;
};

// NoLagApiListModel

NoLagApiListModel::NoLagApiListModel(const QMetaObject *itemType, const QMetaEnum &roles,
                                     QObject *parent)
    : QAbstractListModel(parent)
    , d_ptr(std::make_unique<NoLagApiListModelPrivate>())
{
    Q_D(NoLagApiListModel);

    // "CreatedAtRole" serves the property "createdAt" of the resource's gadget.
    for (int i = 0; i < roles.keyCount(); ++i) {
        QByteArray name = roles.key(i);
        name.chop(4);
        name[0] = QChar::toLower(char16_t(name[0]));
        const int propertyIndex = itemType->indexOfProperty(name.constData());
        if (propertyIndex < 0) {
            qCWarning(lcNoLagApi) << "list model role" << roles.key(i)
                                  << "has no matching property in" << itemType->className();
            continue;
        }
        d->roleNames.insert(roles.value(i), name);
        d->roleProperties.insert(roles.value(i), itemType->property(propertyIndex));
    }
}

NoLagApiListModel::~NoLagApiListModel() = default;

NoLagApi *NoLagApiListModel::api() const
{
    Q_D(const NoLagApiListModel);
    return d->api;
}

void NoLagApiListModel::setApi(NoLagApi *api)
{
    Q_D(NoLagApiListModel);
    if (d->api == api) {
        return;
    }
    if (d->api) {
        disconnect(d->api, nullptr, this, nullptr);
    }
    d->api = api;
    if (api) {
        connect(api, &NoLagApi::apiKeyChanged, this, &NoLagApiListModel::scheduleReload);
        connect(api, &NoLagApi::baseUrlChanged, this, &NoLagApiListModel::scheduleReload);
        connect(api, &QObject::destroyed, this, [this] {
            Q_EMIT apiChanged(); // the QPointer is already null
            scheduleReload();
        });
    }
    Q_EMIT apiChanged();
    scheduleReload();
}

int NoLagApiListModel::count() const
{
    Q_D(const NoLagApiListModel);
    return int(d->items.size());
}

bool NoLagApiListModel::isLoading() const
{
    Q_D(const NoLagApiListModel);
    return d->loading;
}

NoLagApiListModel::Error NoLagApiListModel::error() const
{
    Q_D(const NoLagApiListModel);
    return d->error;
}

QString NoLagApiListModel::errorString() const
{
    Q_D(const NoLagApiListModel);
    return d->errorString;
}

int NoLagApiListModel::statusCode() const
{
    Q_D(const NoLagApiListModel);
    return d->statusCode;
}

int NoLagApiListModel::rowCount(const QModelIndex &parent) const
{
    Q_D(const NoLagApiListModel);
    return parent.isValid() ? 0 : int(d->items.size());
}

QVariant NoLagApiListModel::data(const QModelIndex &index, int role) const
{
    Q_D(const NoLagApiListModel);
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return QVariant();
    }
    const auto property = d->roleProperties.constFind(role);
    if (property == d->roleProperties.constEnd()) {
        return QVariant();
    }
    return readProperty(d->items.at(index.row()), *property);
}

QHash<int, QByteArray> NoLagApiListModel::roleNames() const
{
    Q_D(const NoLagApiListModel);
    return d->roleNames;
}

QVariantMap NoLagApiListModel::get(int row) const
{
    return itemAt(row).toVariantMap();
}

QJsonObject NoLagApiListModel::itemAt(int row) const
{
    Q_D(const NoLagApiListModel);
    if (row < 0 || row >= d->items.size()) {
        return QJsonObject();
    }
    return d->items.at(row);
}

int NoLagApiListModel::indexOf(const QString &id) const
{
    Q_D(const NoLagApiListModel);
    if (id.isEmpty()) {
        return -1;
    }
    for (int row = 0; row < d->items.size(); ++row) {
        if (idOf(d->items.at(row)) == id) {
            return row;
        }
    }
    return -1;
}

void NoLagApiListModel::scheduleReload()
{
    // Several properties set in a row (api, appId, ...) give one load, not one each.
    Q_D(NoLagApiListModel);
    if (d->reloadScheduled) {
        return;
    }
    d->reloadScheduled = true;

    // Loading from now on: a view shows it at once, and nobody reads the old rows as fresh.
    if (!d->loading) {
        d->loading = true;
        Q_EMIT loadingChanged();
    }
    QTimer::singleShot(0, this, [this] {
        Q_D(NoLagApiListModel);
        if (d->reloadScheduled) {
            reload();
        }
    });
}

void NoLagApiListModel::reload()
{
    Q_D(NoLagApiListModel);
    d->reloadScheduled = false;
    const int generation = ++d->generation; // answers to earlier loads are dropped

    if (!d->api || !canLoad()) {
        finishLoad(generation, {});
        return;
    }

    if (!d->loading) {
        d->loading = true;
        Q_EMIT loadingChanged();
    }
    fetch(d->api, generation);
}

void NoLagApiListModel::finishLoad(int generation, const QList<QJsonObject> &items)
{
    Q_D(NoLagApiListModel);
    if (generation != d->generation) {
        return;
    }

    const qsizetype oldCount = d->items.size();
    beginResetModel();
    d->items = items;
    endResetModel();
    if (oldCount != d->items.size()) {
        Q_EMIT countChanged();
    }

    if (d->error != NoError) {
        d->error = NoError;
        d->errorString.clear();
        d->statusCode = 0;
        Q_EMIT errorChanged();
    }
    if (d->loading) {
        d->loading = false;
        Q_EMIT loadingChanged();
    }
    Q_EMIT loaded();
}

void NoLagApiListModel::failLoad(int generation, const NoLagApiError &error)
{
    Q_D(NoLagApiListModel);
    if (generation != d->generation) {
        return;
    }
    qCDebug(lcNoLagApi).noquote() << metaObject()->className()
                                  << "could not load:" << error.toString();

    d->error = errorFor(error.statusCode());
    d->errorString = error.message();
    d->statusCode = error.statusCode();
    Q_EMIT errorChanged();
    Q_EMIT errorOccurred(d->error);

    if (d->loading) {
        d->loading = false;
        Q_EMIT loadingChanged();
    }
}

void NoLagApiListModel::upsert(const QJsonObject &item)
{
    Q_D(NoLagApiListModel);
    const int row = indexOf(idOf(item));
    if (row >= 0) {
        d->items[row] = item;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    const int end = int(d->items.size());
    beginInsertRows(QModelIndex(), end, end);
    d->items.append(item);
    endInsertRows();
    Q_EMIT countChanged();
}

void NoLagApiListModel::removeId(const QString &id)
{
    Q_D(NoLagApiListModel);
    const int row = indexOf(id);
    if (row < 0) {
        return;
    }
    beginRemoveRows(QModelIndex(), row, row);
    d->items.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
}

// NoLagAppsModel

NoLagAppsModel::NoLagAppsModel(QObject *parent)
    : NoLagApiListModel(&NoLagApp::staticMetaObject, QMetaEnum::fromType<Role>(), parent)
{ }

QString NoLagAppsModel::search() const
{
    return m_search;
}

void NoLagAppsModel::setSearch(const QString &search)
{
    if (m_search == search) {
        return;
    }
    m_search = search;
    Q_EMIT searchChanged();
    scheduleReload();
}

NoLagApp NoLagAppsModel::app(int row) const
{
    return NoLagApp::fromJson(itemAt(row));
}

void NoLagAppsModel::fetch(NoLagApi *api, int generation)
{
    fetchPage(api, generation, 1, {});
}

void NoLagAppsModel::fetchPage(NoLagApi *api, int generation, int page, QList<QJsonObject> items)
{
    NoLagListOptions options;
    options.setPage(page);
    options.setLimit(AppsPageSize);
    options.setSearch(m_search);

    QPointer<NoLagApi> guard(api);
    api->apps()
        .list(options)
        .then(this,
              [this, guard, generation, page, items](const NoLagPaginatedResult<NoLagApp> &result) {
                  QList<QJsonObject> all = items;
                  const QList<NoLagApp> apps = result.data();
                  for (const NoLagApp &app : apps) {
                      all.append(app.toJson());
                  }
                  // An empty page ends the walk even if the server's count says otherwise.
                  if (page < result.pagination().pageCount() && !apps.isEmpty() && guard) {
                      fetchPage(guard, generation, page + 1, all);
                  } else {
                      finishLoad(generation, all);
                  }
              })
        .onFailed(this,
                  [this, generation](const NoLagApiError &error) { failLoad(generation, error); });
}

QString NoLagAppsModel::idOf(const QJsonObject &item) const
{
    return NoLagApp::fromJson(item).appId();
}

QVariant NoLagAppsModel::readProperty(const QJsonObject &item, const QMetaProperty &property) const
{
    const NoLagApp app = NoLagApp::fromJson(item);
    return property.readOnGadget(&app);
}

NoLagApiReply *NoLagAppsModel::create(const QVariantMap &data)
{
    auto future = withApi<NoLagApp>(api(), [&](NoLagApi *api) {
        return api->apps().create(NoLagAppCreate::fromJson(toJson(data)));
    });
    return NoLagApiReplyPrivate::follow<NoLagApp>(
        this, future, resultOf<NoLagApp>, [this](const NoLagApp &app) { upsert(app.toJson()); });
}

NoLagApiReply *NoLagAppsModel::update(const QString &appId, const QVariantMap &data)
{
    auto future = withApi<NoLagApp>(api(), [&](NoLagApi *api) {
        return api->apps().update(appId, NoLagAppUpdate::fromJson(toJson(data)));
    });
    return NoLagApiReplyPrivate::follow<NoLagApp>(
        this, future, resultOf<NoLagApp>, [this](const NoLagApp &app) { upsert(app.toJson()); });
}

NoLagApiReply *NoLagAppsModel::remove(const QString &appId)
{
    auto future =
        withApi<QJsonObject>(api(), [&](NoLagApi *api) { return api->apps().remove(appId); });
    return NoLagApiReplyPrivate::follow<QJsonObject>(
        this, future, [](const QJsonObject &answer) { return toVariant(answer); },
        [this, appId](const QJsonObject &) { removeId(appId); });
}

NoLagApiReply *NoLagAppsModel::resetToBlueprint(const QString &appId)
{
    auto future = withApi<NoLagApp>(
        api(), [&](NoLagApi *api) { return api->apps().resetToBlueprint(appId); });
    return NoLagApiReplyPrivate::follow<NoLagApp>(
        this, future, resultOf<NoLagApp>, [this](const NoLagApp &app) { upsert(app.toJson()); });
}

// NoLagRoomsModel

NoLagRoomsModel::NoLagRoomsModel(QObject *parent)
    : NoLagApiListModel(&NoLagRoom::staticMetaObject, QMetaEnum::fromType<Role>(), parent)
{ }

QString NoLagRoomsModel::appId() const
{
    return m_appId;
}

void NoLagRoomsModel::setAppId(const QString &appId)
{
    if (m_appId == appId) {
        return;
    }
    m_appId = appId;
    Q_EMIT appIdChanged();
    scheduleReload();
}

NoLagRoom NoLagRoomsModel::room(int row) const
{
    return NoLagRoom::fromJson(itemAt(row));
}

bool NoLagRoomsModel::canLoad() const
{
    return !m_appId.isEmpty();
}

void NoLagRoomsModel::fetch(NoLagApi *api, int generation)
{
    api->rooms()
        .list(m_appId)
        .then(this,
              [this, generation](const QList<NoLagRoom> &rooms) {
                  QList<QJsonObject> items;
                  for (const NoLagRoom &room : rooms) {
                      items.append(room.toJson());
                  }
                  finishLoad(generation, items);
              })
        .onFailed(this,
                  [this, generation](const NoLagApiError &error) { failLoad(generation, error); });
}

QString NoLagRoomsModel::idOf(const QJsonObject &item) const
{
    return NoLagRoom::fromJson(item).roomId();
}

QVariant NoLagRoomsModel::readProperty(const QJsonObject &item, const QMetaProperty &property) const
{
    const NoLagRoom room = NoLagRoom::fromJson(item);
    return property.readOnGadget(&room);
}

NoLagApiReply *NoLagRoomsModel::create(const QVariantMap &data)
{
    auto future = withApi<NoLagRoom>(api(), [&](NoLagApi *api) {
        return api->rooms().create(m_appId, NoLagRoomCreate::fromJson(toJson(data)));
    });
    return NoLagApiReplyPrivate::follow<NoLagRoom>(
        this, future, resultOf<NoLagRoom>,
        [this](const NoLagRoom &room) { upsert(room.toJson()); });
}

NoLagApiReply *NoLagRoomsModel::ensure(const QVariantMap &data)
{
    auto future = withApi<NoLagRoom>(api(), [&](NoLagApi *api) {
        return api->rooms().ensure(m_appId, NoLagRoomCreate::fromJson(toJson(data)));
    });
    return NoLagApiReplyPrivate::follow<NoLagRoom>(
        this, future, resultOf<NoLagRoom>,
        [this](const NoLagRoom &room) { upsert(room.toJson()); });
}

NoLagApiReply *NoLagRoomsModel::update(const QString &roomId, const QVariantMap &data)
{
    auto future = withApi<NoLagRoom>(api(), [&](NoLagApi *api) {
        return api->rooms().update(m_appId, roomId, NoLagRoomUpdate::fromJson(toJson(data)));
    });
    return NoLagApiReplyPrivate::follow<NoLagRoom>(
        this, future, resultOf<NoLagRoom>,
        [this](const NoLagRoom &room) { upsert(room.toJson()); });
}

NoLagApiReply *NoLagRoomsModel::remove(const QString &roomId)
{
    auto future =
        withApi<void>(api(), [&](NoLagApi *api) { return api->rooms().remove(m_appId, roomId); });
    return NoLagApiReplyPrivate::follow(this, future, [this, roomId] { removeId(roomId); });
}

// NoLagActorsModel

NoLagActorsModel::NoLagActorsModel(QObject *parent)
    : NoLagApiListModel(&NoLagActor::staticMetaObject, QMetaEnum::fromType<Role>(), parent)
{ }

NoLagActor NoLagActorsModel::actor(int row) const
{
    return NoLagActor::fromJson(itemAt(row));
}

void NoLagActorsModel::fetch(NoLagApi *api, int generation)
{
    api->actors()
        .list()
        .then(this,
              [this, generation](const QList<NoLagActor> &actors) {
                  QList<QJsonObject> items;
                  for (const NoLagActor &actor : actors) {
                      items.append(actor.toJson());
                  }
                  finishLoad(generation, items);
              })
        .onFailed(this,
                  [this, generation](const NoLagApiError &error) { failLoad(generation, error); });
}

QString NoLagActorsModel::idOf(const QJsonObject &item) const
{
    return NoLagActor::fromJson(item).actorTokenId();
}

QVariant NoLagActorsModel::readProperty(const QJsonObject &item,
                                        const QMetaProperty &property) const
{
    const NoLagActor actor = NoLagActor::fromJson(item);
    return property.readOnGadget(&actor);
}

NoLagApiReply *NoLagActorsModel::create(const QVariantMap &data)
{
    auto future = withApi<NoLagActorWithToken>(api(), [&](NoLagApi *api) {
        return api->actors().create(NoLagActorCreate::fromJson(toJson(data)));
    });
    return NoLagApiReplyPrivate::follow<NoLagActorWithToken>(
        this, future, resultOf<NoLagActorWithToken>, [this](const NoLagActorWithToken &actor) {
            // The token is the caller's to keep; rows never hold it.
            QJsonObject row = actor.toJson();
            row.remove("accessToken"_L1);
            upsert(row);
        });
}

NoLagApiReply *NoLagActorsModel::update(const QString &actorTokenId, const QVariantMap &data)
{
    auto future = withApi<NoLagActor>(api(), [&](NoLagApi *api) {
        return api->actors().update(actorTokenId, NoLagActorUpdate::fromJson(toJson(data)));
    });
    return NoLagApiReplyPrivate::follow<NoLagActor>(
        this, future, resultOf<NoLagActor>,
        [this](const NoLagActor &actor) { upsert(actor.toJson()); });
}

NoLagApiReply *NoLagActorsModel::remove(const QString &actorTokenId)
{
    auto future =
        withApi<void>(api(), [&](NoLagApi *api) { return api->actors().remove(actorTokenId); });
    return NoLagApiReplyPrivate::follow(this, future,
                                        [this, actorTokenId] { removeId(actorTokenId); });
}

NoLagApiReply *NoLagActorsModel::setActive(const QString &actorTokenId, bool active)
{
    return update(actorTokenId, QVariantMap{{u"isActive"_s, active}});
}

// NoLagRoomGrantsModel

NoLagRoomGrantsModel::NoLagRoomGrantsModel(QObject *parent)
    : NoLagApiListModel(&NoLagRoomActorAccess::staticMetaObject, QMetaEnum::fromType<Role>(),
                        parent)
{ }

QString NoLagRoomGrantsModel::appId() const
{
    return m_appId;
}

void NoLagRoomGrantsModel::setAppId(const QString &appId)
{
    if (m_appId == appId) {
        return;
    }
    m_appId = appId;
    Q_EMIT appIdChanged();
    scheduleReload();
}

QString NoLagRoomGrantsModel::roomId() const
{
    return m_roomId;
}

void NoLagRoomGrantsModel::setRoomId(const QString &roomId)
{
    if (m_roomId == roomId) {
        return;
    }
    m_roomId = roomId;
    Q_EMIT roomIdChanged();
    scheduleReload();
}

NoLagRoomActorAccess NoLagRoomGrantsModel::grant(int row) const
{
    return NoLagRoomActorAccess::fromJson(itemAt(row));
}

bool NoLagRoomGrantsModel::canLoad() const
{
    return !m_appId.isEmpty() && !m_roomId.isEmpty();
}

void NoLagRoomGrantsModel::fetch(NoLagApi *api, int generation)
{
    api->rooms()
        .listActors(m_appId, m_roomId)
        .then(this,
              [this, generation](const QList<NoLagRoomActorAccess> &grants) {
                  QList<QJsonObject> items;
                  for (const NoLagRoomActorAccess &grant : grants) {
                      items.append(grant.toJson());
                  }
                  finishLoad(generation, items);
              })
        .onFailed(this,
                  [this, generation](const NoLagApiError &error) { failLoad(generation, error); });
}

QString NoLagRoomGrantsModel::idOf(const QJsonObject &item) const
{
    return NoLagRoomActorAccess::fromJson(item).roomActorAccessId();
}

QVariant NoLagRoomGrantsModel::readProperty(const QJsonObject &item,
                                            const QMetaProperty &property) const
{
    const NoLagRoomActorAccess grant = NoLagRoomActorAccess::fromJson(item);
    return property.readOnGadget(&grant);
}

NoLagApiReply *NoLagRoomGrantsModel::grantActor(const QVariantMap &data)
{
    auto future = withApi<NoLagRoomActorAccess>(api(), [&](NoLagApi *api) {
        return api->rooms().grantActor(m_appId, m_roomId,
                                       NoLagRoomActorAccessCreate::fromJson(toJson(data)));
    });
    return NoLagApiReplyPrivate::follow<NoLagRoomActorAccess>(
        this, future, resultOf<NoLagRoomActorAccess>,
        [this](const NoLagRoomActorAccess &grant) { upsert(grant.toJson()); });
}

NoLagApiReply *NoLagRoomGrantsModel::revoke(const QString &roomActorAccessId)
{
    auto future = withApi<void>(api(), [&](NoLagApi *api) {
        return api->rooms().revokeActor(m_appId, m_roomId, roomActorAccessId);
    });
    return NoLagApiReplyPrivate::follow(this, future,
                                        [this, roomActorAccessId] { removeId(roomActorAccessId); });
}
