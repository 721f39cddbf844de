import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// The traffic filter: topic patterns (+ and #), payload text and sender. What is typed is
// handed on in one filterEdited() once typing pauses, so a large store is filtered once per
// change, not once per key.
Item {
    id: root

    property string topicText: ""
    property string payloadText: ""
    property string senderText: ""
    property string errorText: ""
    property bool busy: false
    property int delay: 200

    signal filterEdited(string topics, string payload, string sender)

    function applyNow(): void {
        debounce.stop()
        root.filterEdited(topicField.text, payloadField.text, senderField.text)
    }

    function setTopics(text: string): void {
        topicField.text = text
        root.applyNow()
    }

    function focusTopics(): void {
        topicField.forceActiveFocus()
        topicField.selectAll()
    }

    function clear(): void {
        topicField.text = ""
        payloadField.text = ""
        senderField.text = ""
        root.applyNow()
    }

    implicitHeight: layout.implicitHeight
    implicitWidth: 600

    Timer {
        id: debounce

        interval: root.delay
        onTriggered: root.filterEdited(topicField.text, payloadField.text, senderField.text)
    }

    ColumnLayout {
        id: layout

        anchors.fill: parent
        spacing: 2

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            TextField {
                id: topicField

                objectName: "topicField"
                Layout.fillWidth: true
                Layout.preferredWidth: 3
                placeholderText: qsTr("Topics: demo/+/telemetry  demo/general/#")
                text: root.topicText
                selectByMouse: true
                onTextEdited: debounce.restart()
                onAccepted: root.applyNow()
                ToolTip.visible: hovered
                ToolTip.delay: 800
                ToolTip.text: qsTr("Topic patterns, separated by spaces or commas. + matches one level, # the rest.")
            }

            TextField {
                id: payloadField

                objectName: "payloadField"
                Layout.fillWidth: true
                Layout.preferredWidth: 2
                placeholderText: qsTr("Payload contains…")
                text: root.payloadText
                selectByMouse: true
                onTextEdited: debounce.restart()
                onAccepted: root.applyNow()
            }

            TextField {
                id: senderField

                objectName: "senderField"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                placeholderText: qsTr("Sender")
                text: root.senderText
                selectByMouse: true
                onTextEdited: debounce.restart()
                onAccepted: root.applyNow()
            }

            BusyIndicator {
                Layout.preferredWidth: 20
                Layout.preferredHeight: 20
                running: root.busy
                visible: root.busy
            }

            ToolButton {
                objectName: "clearFilterButton"
                text: qsTr("Clear")
                enabled: topicField.text.length > 0 || payloadField.text.length > 0
                         || senderField.text.length > 0
                onClicked: root.clear()
            }
        }

        Label {
            objectName: "errorLabel"
            Layout.fillWidth: true
            visible: root.errorText.length > 0
            text: root.errorText
            color: Theme.danger
            elide: Text.ElideRight
        }
    }
}
