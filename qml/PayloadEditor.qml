import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// A payload editor: JSON (checked as you type, with the line and column of the first error),
// plain text, or hex bytes. It shows what it is given and reports edits; checking is done by
// its owner (Publisher in C++).
Item {
    id: root

    property string text: ""
    property int mode: PayloadMode.Json
    property string errorText: ""
    property bool valid: root.errorText.length === 0

    signal textEdited(string text)
    signal modeEdited(int mode)

    implicitWidth: 400
    implicitHeight: 200

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

        RowLayout {
            Layout.fillWidth: true
            spacing: 2

            Label {
                text: qsTr("Payload")
                font.bold: true
            }
            Item { Layout.fillWidth: true }

            ButtonGroup { id: modes }
            component ModeButton: ToolButton {
                required property int value
                checkable: true
                checked: root.mode === value
                ButtonGroup.group: modes
                onClicked: root.modeEdited(value)
            }
            ModeButton { objectName: "jsonMode"; value: PayloadMode.Json; text: qsTr("JSON") }
            ModeButton { objectName: "textMode"; value: PayloadMode.Text; text: qsTr("Text") }
            ModeButton {
                objectName: "hexMode"
                value: PayloadMode.Hex
                text: qsTr("Hex bytes")
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: qsTr("Sent as MessagePack bytes (bin); the broker forwards them as a string, so they must be UTF-8.")
            }
        }

        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true

            TextArea {
                id: area

                objectName: "payloadArea"
                text: root.text
                font: Theme.monoFont
                selectByMouse: true
                wrapMode: TextEdit.WrapAnywhere
                placeholderText: root.mode === PayloadMode.Hex ? qsTr("48 65 6c 6c 6f")
                                 : root.mode === PayloadMode.Text ? qsTr("Any text")
                                 : qsTr("{\"text\": \"hello\"}")
                onTextChanged: {
                    if (text !== root.text) {
                        root.textEdited(text)
                    }
                }
                background: Rectangle {
                    color: Theme.surface
                    border.color: root.valid ? Theme.border : Theme.danger
                    border.width: root.valid ? 1 : 2
                    radius: 2
                }
            }
        }

        Label {
            objectName: "payloadError"
            Layout.fillWidth: true
            text: root.valid ? qsTr("Valid") : root.errorText
            color: root.valid ? Theme.success : Theme.danger
            wrapMode: Text.WordWrap
        }
    }
}
