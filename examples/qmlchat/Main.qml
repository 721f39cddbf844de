// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLag

ApplicationWindow {
    id: root

    required property string serverUrl
    required property string token
    required property string app
    required property string room
    readonly property string topic: root.app + "/" + root.room + "/messages"

    function send() {
        if (input.text.length === 0)
            return
        client.publish(root.topic, { name: client.actorId, text: input.text })
        input.clear()
    }

    width: 420
    height: 600
    visible: true
    title: qsTr("NoLag chat: %1").arg(root.room)

    // [readme]
    NoLagClient {
        id: client

        url: root.serverUrl
        token: root.token
        active: true
        onConnected: client.setPresence({ name: client.actorId }, root.room)
    }

    NoLagMessageModel {
        id: messages

        client: client
        topic: root.topic
    }

    NoLagPresenceModel {
        id: roster

        client: client
    }
    // [readme]

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8

        Label {
            text: client.status === NoLag.Connected
                  ? qsTr("%n person(s) here", "", roster.count)
                  : qsTr("Connecting to %1…").arg(root.serverUrl)
        }

        Label {
            visible: client.errorString.length > 0
            text: client.errorString
            color: "firebrick"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        ListView {
            model: messages
            clip: true
            spacing: 4
            Layout.fillWidth: true
            Layout.fillHeight: true

            delegate: Label {
                required property var payload

                text: qsTr("<b>%1</b>: %2").arg(payload.name ?? "?").arg(payload.text ?? "")
                textFormat: Text.StyledText
                wrapMode: Text.Wrap
                width: ListView.view.width
            }
        }

        RowLayout {
            Layout.fillWidth: true

            TextField {
                id: input

                placeholderText: qsTr("Message")
                Layout.fillWidth: true
                onAccepted: root.send()
            }

            Button {
                text: qsTr("Send")
                enabled: client.status === NoLag.Connected
                onClicked: root.send()
            }
        }
    }
}
