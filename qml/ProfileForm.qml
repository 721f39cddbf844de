import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// The fields of a connection profile. load() fills it from ProfileStore.get(); fields()
// gives what the user typed, in the keys ProfileStore.save() takes. Secret fields start
// empty: leaving them empty keeps the stored token or key.
Item {
    id: root

    property string profileId: ""
    property string errorText: ""
    property string secretsNote: ""
    property bool editing: root.profileId.length > 0

    signal saveRequested(var fields)
    signal connectRequested(var fields)

    function load(profile: var): void {
        root.profileId = profile.id ?? ""
        name.text = profile.name ?? ""
        broker.text = profile.brokerUrl ?? "ws://127.0.0.1:8080/ws"
        api.text = profile.apiUrl ?? ""
        protocol.currentIndex = (profile.protocolVersion ?? 2) === 1 ? 0 : 1
        reconnect.checked = profile.reconnect ?? true
        attempts.value = profile.maxReconnectAttempts ?? 10
        heartbeat.value = Math.round((profile.heartbeatIntervalMs ?? 30000) / 1000)
        qos.currentIndex = profile.qos ?? 1
        autoAck.checked = profile.autoAcknowledge ?? true
        token.text = ""
        apiKey.text = ""
        root.errorText = ""
    }

    function fields(): var {
        return {
            "id": root.profileId,
            "name": name.text,
            "brokerUrl": broker.text,
            "apiUrl": api.text,
            "protocolVersion": protocol.currentIndex === 0 ? 1 : 2,
            "reconnect": reconnect.checked,
            "maxReconnectAttempts": attempts.value,
            "heartbeatIntervalMs": heartbeat.value * 1000,
            "qos": qos.currentIndex,
            "autoAcknowledge": autoAck.checked,
            "token": token.text,
            "apiKey": apiKey.text
        }
    }

    implicitWidth: 520
    implicitHeight: grid.implicitHeight

    GridLayout {
        id: grid

        width: parent.width
        columns: 2
        columnSpacing: 10
        rowSpacing: 6

        Label { text: qsTr("Name") }
        TextField { id: name; objectName: "profileName"; Layout.fillWidth: true; placeholderText: qsTr("Local demo"); selectByMouse: true }

        Label { text: qsTr("Broker URL") }
        TextField { id: broker; objectName: "profileBroker"; Layout.fillWidth: true; placeholderText: "ws://127.0.0.1:8080/ws"; selectByMouse: true }

        Label { text: qsTr("Access token") }
        TextField {
            id: token

            objectName: "profileToken"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: root.editing ? qsTr("unchanged") : "at_live_…"
            selectByMouse: true
        }

        Label { text: qsTr("REST API URL") }
        TextField { id: api; Layout.fillWidth: true; placeholderText: qsTr("derived from the broker URL"); selectByMouse: true }

        Label { text: qsTr("API key") }
        TextField {
            id: apiKey

            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: root.editing ? qsTr("unchanged") : qsTr("nlg_live_… (for Browse)")
            selectByMouse: true
        }

        Label { text: qsTr("Protocol") }
        ComboBox { id: protocol; model: [qsTr("Version 1"), qsTr("Version 2")]; currentIndex: 1 }

        Label { text: qsTr("Reconnect") }
        RowLayout {
            CheckBox { id: reconnect; text: qsTr("after a lost connection"); checked: true }
            Label { text: qsTr("attempts (0: no limit)") }
            SpinBox { id: attempts; from: 0; to: 1000; value: 10; editable: true }
        }

        Label { text: qsTr("Heartbeat") }
        RowLayout {
            SpinBox { id: heartbeat; from: 0; to: 600; value: 30; editable: true }
            Label { text: qsTr("seconds (0 turns heartbeats off)"); color: Theme.textMuted }
        }

        Label { text: qsTr("Default QoS") }
        ComboBox { id: qos; model: ["0", "1", "2"]; currentIndex: 1 }

        Label { text: qsTr("Acknowledge") }
        CheckBox { id: autoAck; text: qsTr("messages that ask for it (batched)"); checked: true }

        Label {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            visible: root.secretsNote.length > 0
            text: root.secretsNote
            color: Theme.textMuted
            wrapMode: Text.WordWrap
        }

        Label {
            objectName: "profileError"
            Layout.columnSpan: 2
            Layout.fillWidth: true
            visible: root.errorText.length > 0
            text: root.errorText
            color: Theme.danger
            wrapMode: Text.WordWrap
        }

        RowLayout {
            Layout.columnSpan: 2
            spacing: Theme.spacing
            Button {
                objectName: "saveProfileButton"
                text: qsTr("Save")
                onClicked: root.saveRequested(root.fields())
            }
            Button {
                objectName: "connectProfileButton"
                text: qsTr("Save and connect")
                highlighted: true
                onClicked: root.connectRequested(root.fields())
            }
        }
    }
}
