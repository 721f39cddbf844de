// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import NoLag

TestCase {
    id: root

    function test_rosterFollowsPresence() {
        tryCompare(alice, "status", NoLag.Connected)
        tryCompare(bob, "status", NoLag.Connected)
        compare(roster.count, 0)

        alice.setPresence({ name: "Alice" }, "general")
        bob.setPresence({ name: "Bob" }, "general")
        tryCompare(roster, "count", 2)
        tryCompare(rows, "count", 2)
        const names = [rows.itemAt(0).presence.name, rows.itemAt(1).presence.name].sort()
        compare(names, ["Alice", "Bob"])

        bob.setPresence({ name: "Robert" })
        tryVerify(() => alice.presence("actor-bob").presence.name === "Robert")
        tryVerify(() => [rows.itemAt(0).presence.name, rows.itemAt(1).presence.name]
                  .indexOf("Robert") >= 0)

        bob.active = false
        tryCompare(roster, "count", 1)
        compare(rows.itemAt(0).actorTokenId, "actor-alice")

        alice.active = false
        compare(roster.count, 0)
    }

    name: "NoLagPresenceModel"

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

    NoLagPresenceModel {
        id: roster

        client: alice
    }

    Repeater {
        id: rows

        model: roster

        delegate: Item {
            required property string actorTokenId
            required property var presence
        }
    }
}
