// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import NoLag

TestCase {
    id: root

    property var callbackError: undefined
    property var callbackResult: undefined

    function resetCallback() {
        root.callbackError = undefined
        root.callbackResult = undefined
    }

    function remember(error, result) {
        root.callbackError = error
        root.callbackResult = result
    }

    function connectBoth() {
        alice.active = true
        bob.active = true
        tryCompare(alice, "status", NoLag.Connected)
        tryCompare(bob, "status", NoLag.Connected)
    }

    function cleanup() {
        alice.active = false
        bob.active = false
        aliceMessages.clear()
        aliceErrors.clear()
        resetCallback()
    }

    function test_enumerations() {
        compare(NoLag.Disconnected, 0)
        compare(NoLag.Connected, 2)
        compare(NoLag.AtLeastOnce, 1)
        compare(NoLag.UnknownTopic, 42940)
        compare(NoLagSubscription.Active, 2)
    }

    function test_activeConnectsAndDisconnects() {
        compare(alice.status, NoLag.Disconnected)
        alice.active = true
        tryCompare(alice, "status", NoLag.Connected)
        compare(aliceConnected.count, 1)
        compare(alice.actorId, "actor-alice")
        compare(alice.protocolVersion, 2)
        compare(alice.actorType, NoLag.User)
        alice.active = false
        compare(alice.status, NoLag.Disconnected)
    }

    function test_subscribePublishReceive() {
        connectBoth()
        const subscription = alice.subscribe("chat/general/qml")
        tryCompare(subscription, "state", NoLagSubscription.Active)

        bob.publish("chat/general/qml", { text: "hi", count: 3, list: [1, 2.5, true, null] }, {},
                    root.remember)
        tryVerify(() => root.callbackError !== undefined)
        compare(root.callbackError, null)

        tryCompare(aliceMessages, "count", 1)
        const message = aliceMessages.signalArguments[0][0]
        compare(message.topic, "chat/general/qml")
        compare(message.data.text, "hi")
        compare(message.data.count, 3)
        compare(message.data.list[1], 2.5)
        compare(message.data.list[3], null)
        compare(message.meta.msgId.length, 36)
        verify(message.meta.requiresAck)
    }

    function test_errorsReachCallbacksAndErrorOccurred() {
        connectBoth()
        bob.publish("chat/nosuchroom/messages", 1, {}, root.remember)
        tryVerify(() => root.callbackError !== undefined)
        compare(root.callbackError.error, NoLag.UnknownTopic)
        compare(root.callbackError.code, 42940)
        compare(root.callbackError.topic, "chat/nosuchroom/messages")
        verify(root.callbackError.message.length > 0)
        compare(bob.error, NoLag.UnknownTopic)
        verify(bob.errorString.length > 0)

        const refused = alice.subscribe("chat/nosuchroom/messages")
        tryCompare(refused, "state", NoLagSubscription.Error)
        compare(refused.error, NoLag.UnknownTopic)
        tryVerify(() => aliceErrors.count >= 1)
    }

    function test_filtersFromJavaScript() {
        connectBoth()
        const subscription = alice.subscribe("chat/general/qmlfilters", { filters: ["a", ["x", "y"]] })
        tryCompare(subscription, "state", NoLagSubscription.Active)
        compare(subscription.filters.length, 2)

        alice.addFilters("chat/general/qmlfilters", ["b"], root.remember)
        tryVerify(() => root.callbackError !== undefined)
        compare(root.callbackError, null)
        compare(subscription.filters[1], "b")

        bob.publish("chat/general/qmlfilters", "skipped", { filter: "c" })
        bob.publish("chat/general/qmlfilters", "wanted", { filter: "b" })
        tryCompare(aliceMessages, "count", 1)
        compare(aliceMessages.signalArguments[0][0].data, "wanted")
        compare(aliceMessages.signalArguments[0][0].meta.filter, "b")
    }

    function test_presence() {
        connectBoth()
        alice.setPresence({ name: "Alice" }, "general")
        bob.setPresence({ name: "Bob" }, "general")
        tryVerify(() => alice.presence("actor-bob").valid)
        compare(alice.presence("actor-bob").presence.name, "Bob")
        compare(alice.presenceRoom, "general")

        alice.fetchPresence("general", root.remember)
        tryVerify(() => root.callbackError !== undefined)
        compare(root.callbackError, null)
        compare(root.callbackResult.length, 2)
        compare(root.callbackResult[0].status, "online")
    }

    function test_notConnected() {
        alice.publish("chat/general/qml", 1, {}, root.remember)
        tryVerify(() => root.callbackError !== undefined)
        compare(root.callbackError.error, NoLag.NotConnected)
    }

    name: "NoLagClient"

    NoLagClient {
        id: alice

        url: testServerUrl
        token: "tok-alice"
        heartbeatInterval: 0
        reconnectInterval: 100
    }

    NoLagClient {
        id: bob

        url: testServerUrl
        token: "tok-bob"
        heartbeatInterval: 0
        reconnectInterval: 100
    }

    SignalSpy {
        id: aliceConnected

        target: alice
        signalName: "connected"
    }

    SignalSpy {
        id: aliceMessages

        target: alice
        signalName: "messageReceived"
    }

    SignalSpy {
        id: aliceErrors

        target: alice
        signalName: "errorOccurred"
    }
}
