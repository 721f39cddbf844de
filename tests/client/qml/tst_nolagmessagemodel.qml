// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import NoLag

TestCase {
    id: root

    function initTestCase() {
        tryCompare(alice, "status", NoLag.Connected)
        tryCompare(bob, "status", NoLag.Connected)
        tryVerify(() => messages.subscription !== null
                  && messages.subscription.state === NoLagSubscription.Active)
    }

    function test_keepsTheNewestMessages() {
        for (let i = 0; i < 5; ++i)
            bob.publish("chat/general/model", { n: i })
        tryVerify(() => messages.count === 3 && messages.get(2).data.n === 4)
        compare(messages.get(0).data.n, 2)

        // Delegates read the roles as required properties.
        compare(rows.count, 3)
        compare(rows.itemAt(0).payload.n, 2)
        compare(rows.itemAt(0).topic, "chat/general/model")
        compare(rows.itemAt(0).msgId.length, 36)

        // The model without a topic saw them too, without subscribing to anything.
        verify(everything.count >= 5)
    }

    function test_clear() {
        bob.publish("chat/general/model", { n: 99 })
        tryVerify(() => messages.count > 0)
        messages.clear()
        compare(messages.count, 0)
        compare(rows.count, 0)
    }

    name: "NoLagMessageModel"

    NoLagClient {
        id: alice

        url: testServerUrl
        token: "tok-alice"
        heartbeatInterval: 0
        active: true
    }

    NoLagClient {
        id: bob

        url: testServerUrl
        token: "tok-bob"
        heartbeatInterval: 0
        active: true
    }

    NoLagMessageModel {
        id: messages

        client: alice
        topic: "chat/general/model"
        limit: 3
    }

    NoLagMessageModel {
        id: everything

        client: alice
    }

    Repeater {
        id: rows

        model: messages

        delegate: Item {
            required property var payload
            required property string topic
            required property string msgId
        }
    }
}
