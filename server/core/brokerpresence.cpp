// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT

// Presence per room and lobbies (wire-protocol §13-14).

#include "broker.h"

#include "frames.h"
#include "serverlogging_p.h"
#include "session.h"

#include <nolagcodec/msgpackwriter.h>

using namespace Qt::StringLiterals;

namespace NoLag::Server {

namespace {

QByteArray emptyMap()
{
    return QByteArray(1, char(0x80));
}

} // namespace

void Broker::setPresence(Session *session, const QString &roomId, const QString &roomSlug,
                         const QByteArray &presence)
{
    // A connection is present in one room at a time: moving leaves the old one first, and
    // the leaving connection hears its own leave (§13.2).
    if (!session->presenceRoom.isEmpty() && session->presenceRoom != roomId) {
        leaveRoom(session, true);
    }

    Room &room = m_rooms[roomId];
    room.slug = roomSlug;
    RoomMember *member = nullptr;
    for (RoomMember &candidate : room.members) {
        if (candidate.session == session) {
            member = &candidate;
            break;
        }
    }

    const QString &actor = session->actorTokenId();
    if (!member) {
        room.members.append(RoomMember{session, actor, presence, nowMs() / 1000});
        session->presenceRoom = roomId;
        qCDebug(lcBroker, "Connection %llu of actor %s joined a room", session->id(),
                qPrintable(actor));
        emitPresence(roomId, room.slug, room, "join", actor, &presence);
    } else {
        member->presence = presence;
    }
    emitPresence(roomId, room.slug, room, "update", actor, &presence);
}

void Broker::leaveRoom(Session *session, bool notifySelf)
{
    const QString roomId = session->presenceRoom;
    if (roomId.isEmpty()) {
        return;
    }
    session->presenceRoom.clear();

    const auto it = m_rooms.find(roomId);
    if (it == m_rooms.end()) {
        return;
    }
    Room &room = it.value();
    room.members.removeIf(
        [session](const RoomMember &member) { return member.session == session; });

    const QString slug = room.slug;
    if (notifySelf) {
        MapBuilder data;
        data.addString(u"actor_token_id", session->actorTokenId());
        session->send(
            FrameBuilder("presence").utf8("event", "leave").raw("data", data.finish()).finish());
    }
    emitPresence(roomId, slug, room, "leave", session->actorTokenId(), nullptr);
    if (room.members.isEmpty()) {
        m_rooms.erase(it);
    }
}

void Broker::emitPresence(const QString &roomId, const QString &roomSlug, Room &room,
                          QByteArrayView event, const QString &actorTokenId,
                          const QByteArray *presence)
{
    // Room members get snake_case event data; `leave` has no presence key (§13.3).
    MapBuilder data;
    data.addString(u"actor_token_id", actorTokenId);
    if (presence) {
        data.add(u"presence", *presence);
    }
    const QByteArray frame =
        FrameBuilder("presence").utf8("event", event).raw("data", data.finish()).finish();
    for (const RoomMember &member : std::as_const(room.members)) {
        member.session->send(frame);
    }

    const auto watchers = m_lobbyWatchers.constFind(roomId);
    if (watchers == m_lobbyWatchers.cend()) {
        return;
    }
    // Lobby watchers get the lobby's internal id and the room's slug (§14).
    QHash<QString, QByteArray> byLobby;
    for (const LobbyWatcher &watcher : *watchers) {
        auto frameIt = byLobby.find(watcher.lobbyId);
        if (frameIt == byLobby.end()) {
            frameIt = byLobby.insert(watcher.lobbyId,
                                     FrameBuilder("lobbyPresence")
                                         .utf8("event", event)
                                         .str("lobbyId", watcher.lobbyId)
                                         .str("roomId", roomSlug)
                                         .str("actorId", actorTokenId)
                                         .raw("data", presence ? *presence : emptyMap())
                                         .finish());
        }
        watcher.session->send(frameIt.value());
    }
}

QByteArray Broker::presenceList(const QString &roomId) const
{
    const auto it = m_rooms.constFind(roomId);
    QByteArray list;
    Codec::Writer writer(&list);
    if (it == m_rooms.cend()) {
        writer.writeArrayHeader(0);
        return list;
    }
    writer.writeArrayHeader(quint32(it->members.size()));
    for (const RoomMember &member : it->members) {
        writer.writeMapHeader(4);
        writer.writeKey("actorTokenId");
        writer.writeStr(member.actorTokenId);
        writer.writeKey("presence");
        writer.writeRaw(member.presence);
        writer.writeKey("joinedAt");
        writer.writeInt(member.joinedAtSeconds);
        writer.writeKey("status");
        writer.writeStr(QByteArrayView("online"));
    }
    return list;
}

QString Broker::roomSlug(Session *session, const QString &roomId) const
{
    for (const AclRule &rule : session->grant().rules) {
        if (rule.roomId == roomId && !rule.roomSlug.isEmpty()) {
            return rule.roomSlug;
        }
    }
    const auto it = m_rooms.constFind(roomId);
    if (it != m_rooms.cend() && !it->slug.isEmpty()) {
        return it->slug;
    }
    // Never the reference server's "undefined": the id is the best name left.
    return roomId;
}

QStringList Broker::lobbyRooms(Session *session, const QString &lobbyId) const
{
    const QList<LobbyDefinition> definitions = m_auth->lobbies();
    for (const LobbyDefinition &definition : definitions) {
        if (definition.id == lobbyId) {
            return definition.roomIds;
        }
    }
    // A lobby granted to the actor but defined nowhere: like the reference server, every
    // room in the actor's rules counts as a member.
    QStringList rooms;
    for (const AclRule &rule : session->grant().rules) {
        if (!rule.roomId.isEmpty() && !rooms.contains(rule.roomId)) {
            rooms.append(rule.roomId);
        }
    }
    return rooms;
}

QByteArray Broker::lobbyPresence(Session *session, const QString &lobbyId)
{
    const QStringList rooms = session->watchedLobbies.contains(lobbyId)
        ? session->watchedLobbies.value(lobbyId)
        : lobbyRooms(session, lobbyId);

    MapBuilder byRoom;
    for (const QString &roomId : rooms) {
        MapBuilder byActor;
        const auto it = m_rooms.constFind(roomId);
        if (it != m_rooms.cend()) {
            for (const RoomMember &member : it->members) {
                QByteArray entry;
                Codec::Writer writer(&entry);
                writer.writeMapHeader(3);
                writer.writeKey("actorTokenId");
                writer.writeStr(member.actorTokenId);
                writer.writeKey("presence");
                writer.writeRaw(member.presence);
                writer.writeKey("joinedAt");
                writer.writeInt(member.joinedAtSeconds);
                byActor.add(member.actorTokenId, entry);
            }
        }
        byRoom.add(roomSlug(session, roomId), byActor.finish());
    }
    return byRoom.finish();
}

void Broker::watchLobby(Session *session, const QString &lobbyId)
{
    // Subscribing again refreshes the member rooms.
    unwatchLobby(session, lobbyId);
    const QStringList rooms = lobbyRooms(session, lobbyId);
    session->watchedLobbies.insert(lobbyId, rooms);
    for (const QString &roomId : rooms) {
        m_lobbyWatchers[roomId].append(LobbyWatcher{session, lobbyId});
    }
}

void Broker::unwatchLobby(Session *session, const QString &lobbyId)
{
    const QStringList rooms = session->watchedLobbies.take(lobbyId);
    for (const QString &roomId : rooms) {
        const auto it = m_lobbyWatchers.find(roomId);
        if (it == m_lobbyWatchers.end()) {
            continue;
        }
        it->removeIf([&](const LobbyWatcher &watcher) {
            return watcher.session == session && watcher.lobbyId == lobbyId;
        });
        if (it->isEmpty()) {
            m_lobbyWatchers.erase(it);
        }
    }
}

} // namespace NoLag::Server
