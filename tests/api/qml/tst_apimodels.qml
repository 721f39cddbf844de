// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
import QtQml
import QtTest
import NoLagApiTestTypes

TestCase {
    id: root

    function initTestCase(): void {
        verify(ApiTestServer.errorString === "", ApiTestServer.errorString)
    }

    function waitForLoad(model: NoLagApiListModel): void {
        tryVerify(() => !model.loading, 20000)
        compare(model.error, NoLagApiListModel.NoError, model.errorString)
    }

    function test_appsModelLoadsAndCreates(): void {
        waitForLoad(apps)
        const before = apps.count

        let created = null
        const reply = apps.create({ name: "From QML", topics: ["messages"] })
        compare(reply.status, NoLagApiReply.Running)
        reply.succeeded.connect(result => created = result)
        gc() // the reply belongs to the model: garbage collection must not take it
        tryVerify(() => created !== null, 20000)

        verify(created.appId.length > 0)
        compare(created.name, "From QML")
        compare(apps.count, before + 1)
        const row = apps.indexOf(created.appId)
        verify(row >= 0)
        compare(apps.get(row).name, "From QML")
        compare(rows.objectAt(row).name, "From QML")
        compare(rows.objectAt(row).topics, ["messages"])
    }

    function test_failedCreateGivesTheServerMessage(): void {
        waitForLoad(apps)

        let failure = null
        const reply = apps.create({ description: "but no name" })
        reply.failed.connect((statusCode, message) => failure = { statusCode, message })
        tryVerify(() => failure !== null, 20000)

        compare(failure.statusCode, 400)
        verify(failure.message.indexOf("name") >= 0, failure.message)
    }

    function test_roomsAndGrants(): void {
        let app = null
        apps.create({ name: "QML Rooms" }).succeeded.connect(result => app = result)
        tryVerify(() => app !== null, 20000)

        rooms.appId = app.appId
        waitForLoad(rooms)
        let room = null
        rooms.create({ name: "Lounge" }).succeeded.connect(result => room = result)
        tryVerify(() => room !== null, 20000)
        compare(room.slug, "lounge")
        compare(rooms.count, 1)
        compare(roomRows.objectAt(0).enabled, true)

        grants.appId = app.appId
        grants.roomId = room.roomId
        waitForLoad(grants)
        let grant = null
        grants.grantActor({ permission: "subscribe", actorType: "user" })
            .succeeded.connect(result => grant = result)
        tryVerify(() => grant !== null, 20000)
        compare(grants.count, 1)
        compare(grants.get(0).permission, "subscribe")

        let revoked = false
        grants.revoke(grant.roomActorAccessId).finished.connect(() => revoked = true)
        tryVerify(() => revoked, 20000)
        compare(grants.count, 0)
    }

    function test_actorTokenIsOnlyInTheReply(): void {
        waitForLoad(actors)

        let actor = null
        actors.create({ name: "qml-bot", actorType: "device" })
            .succeeded.connect(result => actor = result)
        tryVerify(() => actor !== null, 20000)

        verify(actor.accessToken.startsWith("at_"))
        const row = actors.indexOf(actor.actorTokenId)
        verify(row >= 0)
        verify(actors.get(row).accessToken === undefined)
    }

    function test_wrongKeyIsAnAuthenticationError(): void {
        tryCompare(refused, "error", NoLagApiListModel.AuthenticationError, 20000)
        compare(refused.statusCode, 401)
        verify(refused.errorString.length > 0)
    }

    name: "ApiModels"

    NoLagApi {
        id: api

        apiKey: ApiTestServer.apiKey
        baseUrl: ApiTestServer.apiUrl
    }

    NoLagApi {
        id: wrongKey

        apiKey: "nlg_live_apitests.wrong"
        baseUrl: ApiTestServer.apiUrl
    }

    NoLagAppsModel {
        id: apps

        api: api
        search: "qml"
    }

    NoLagRoomsModel {
        id: rooms

        api: api
    }

    NoLagRoomGrantsModel {
        id: grants

        api: api
    }

    NoLagActorsModel {
        id: actors

        api: api
    }

    NoLagActorsModel {
        id: refused

        api: wrongKey
    }

    Instantiator {
        id: rows

        model: apps
        delegate: QtObject {
            required property string name
            required property var topics
        }
    }

    Instantiator {
        id: roomRows

        model: rooms
        delegate: QtObject {
            required property bool enabled
        }
    }
}
