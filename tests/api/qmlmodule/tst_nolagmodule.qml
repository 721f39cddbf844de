// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
import QtQml
import QtTest
import NoLag
import NoLagApiModuleTest

// The REST types reach QML through the real module: "import NoLag" is all an app needs.
TestCase {
    id: root

    function initTestCase(): void {
        verify(ApiTestServer.errorString === "", ApiTestServer.errorString)
    }

    function test_modelsLoadAndChange(): void {
        tryVerify(() => !actors.loading, 20000)
        compare(actors.error, NoLagApiListModel.NoError, actors.errorString)
        const before = actors.count

        let actor = null
        let status = NoLagApiReply.Running
        const reply = actors.create({ name: "module-check", actorType: "observer" })
        reply.succeeded.connect(result => {
            actor = result
            status = reply.status
        })
        tryVerify(() => actor !== null, 20000)
        compare(status, NoLagApiReply.Succeeded)
        compare(actors.count, before + 1)

        let failure = null
        apps.create({}).failed.connect((statusCode, message) => failure = statusCode)
        tryVerify(() => failure !== null, 20000)
        compare(failure, 400)
    }

    name: "NoLagModule"

    NoLagApi {
        id: api

        apiKey: ApiTestServer.apiKey
        baseUrl: ApiTestServer.apiUrl
    }

    NoLagAppsModel {
        id: apps

        api: api
    }

    NoLagActorsModel {
        id: actors

        api: api
    }
}
