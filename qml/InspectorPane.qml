pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// The selected message: its payload as a tree, as text and as a hex dump, its metadata, and
// a diff against the previous message on its topic or a pinned one.
Item {
    id: root

    property MessageInspector inspector: null
    property alias currentTab: tabs.currentIndex

    SectionHeader {
        id: header

        width: parent.width
        title: qsTr("Inspector")
        detail: root.inspector && root.inspector.hasMessage
                ? qsTr("#%1 · %2 · %3").arg(root.inspector.sequence)
                                         .arg(root.inspector.topic)
                                         .arg(root.inspector.sizeText)
                : ""
    }

    EmptyState {
        anchors.top: header.bottom
        anchors.bottom: parent.bottom
        width: parent.width
        visible: !root.inspector || !root.inspector.hasMessage
        title: qsTr("No message selected")
        hint: qsTr("Select a row of the traffic table to see its payload, metadata and changes.")
    }

    ColumnLayout {
        anchors.top: header.bottom
        anchors.bottom: parent.bottom
        width: parent.width
        spacing: 0
        visible: root.inspector !== null && root.inspector.hasMessage

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 4
            spacing: 2

            TabBar {
                id: tabs

                Layout.fillWidth: true
                TabButton { text: qsTr("Tree") }
                TabButton { text: qsTr("Text") }
                TabButton { text: qsTr("Hex") }
                TabButton { text: qsTr("Details") }
                TabButton { text: qsTr("Diff") }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 4
            Layout.rightMargin: 4
            spacing: 2

            ToolButton {
                objectName: "copyJsonButton"
                text: qsTr("Copy JSON")
                enabled: root.inspector !== null && !root.inspector.loading
                onClicked: root.inspector.copyAsJson()
            }
            ToolButton {
                text: qsTr("Copy hex")
                onClicked: root.inspector.copyHexDump()
            }
            ToolButton {
                objectName: "diffPreviousButton"
                text: qsTr("Diff previous")
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: qsTr("Compare with the previous message on the same topic")
                onClicked: {
                    root.inspector.compareWithPrevious()
                    tabs.currentIndex = 4
                }
            }
            ToolButton {
                text: qsTr("Pin")
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: qsTr("Remember this message to compare other messages with it")
                onClicked: root.inspector.pinForComparison()
            }
            ToolButton {
                text: qsTr("Diff pinned")
                enabled: root.inspector !== null && root.inspector.pinnedSequence > 0
                onClicked: {
                    root.inspector.compareWithPinned()
                    tabs.currentIndex = 4
                }
            }
            Item { Layout.fillWidth: true }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 6
            visible: root.inspector !== null && root.inspector.loading

            BusyIndicator {
                Layout.preferredWidth: 22
                Layout.preferredHeight: 22
                running: parent.visible
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Decoding %1 off the interface thread…").arg(root.inspector ? root.inspector.sizeText : "")
                color: Theme.textMuted
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            JsonTreeView {
                objectName: "jsonTree"
                model: root.inspector ? root.inspector.tree : null
            }

            TextLinesView {
                objectName: "jsonText"
                model: root.inspector ? root.inspector.text : null
            }

            HexView {
                objectName: "hexView"
                model: root.inspector ? root.inspector.hex : null
            }

            ScrollView {
                clip: true

                GridLayout {
                    width: parent.width
                    columns: 2
                    columnSpacing: 12
                    rowSpacing: 4

                    component Key: Label {
                        color: Theme.textMuted
                        Layout.alignment: Qt.AlignTop
                        Layout.leftMargin: 8
                    }
                    component Value: TextEdit {
                        Layout.fillWidth: true
                        readOnly: true
                        selectByMouse: true
                        wrapMode: TextEdit.WrapAnywhere
                        color: Theme.text
                        font: Theme.monoFont
                    }

                    Key { text: qsTr("Topic") }
                    Value { text: root.inspector ? root.inspector.topic : "" }
                    Key { text: qsTr("Received") }
                    Value { text: root.inspector ? root.inspector.timeText : "" }
                    Key { text: qsTr("Sequence") }
                    Value { text: root.inspector ? root.inspector.sequence : "" }
                    Key { text: qsTr("Size") }
                    Value { text: root.inspector ? qsTr("%1 (%2 bytes of MessagePack)").arg(root.inspector.sizeText).arg(root.inspector.size) : "" }
                    Key { text: qsTr("Message id") }
                    Value { text: root.inspector && root.inspector.msgId.length > 0 ? root.inspector.msgId : qsTr("none (the server records nothing)") }
                    Key { text: qsTr("Filter") }
                    Value { text: root.inspector && root.inspector.filter.length > 0 ? root.inspector.filter : qsTr("none (unfiltered route)") }
                    Key { text: qsTr("Sender") }
                    Value { text: root.inspector && root.inspector.sender.length > 0 ? root.inspector.sender : qsTr("not named by the server") }
                    Key { text: qsTr("QoS") }
                    Value { text: root.inspector ? root.inspector.qos : "" }
                    Key { text: qsTr("Retained") }
                    Value { text: root.inspector && root.inspector.retained ? qsTr("yes: it came with the subscription's confirmation") : qsTr("no") }
                    Key { text: qsTr("Replayed") }
                    Value { text: root.inspector && root.inspector.replay ? qsTr("yes") : qsTr("no") }
                    Key { text: qsTr("Well-formed") }
                    Value { text: root.inspector && root.inspector.wellFormed ? qsTr("yes") : qsTr("no: see the hex dump") }
                }
            }

            ColumnLayout {
                spacing: 4

                Label {
                    Layout.fillWidth: true
                    Layout.margins: 6
                    text: root.inspector ? (root.inspector.diffLoading ? qsTr("Comparing…")
                                           : root.inspector.diffDescription) : ""
                    wrapMode: Text.WordWrap
                    color: Theme.textMuted
                }

                Label {
                    Layout.fillWidth: true
                    Layout.margins: 6
                    visible: root.inspector !== null && !root.inspector.diffLoading
                             && root.inspector.diffDescription.length > 0
                             && root.inspector.diff.count === 0
                    text: qsTr("No differences.")
                    color: Theme.success
                }

                Label {
                    Layout.fillWidth: true
                    Layout.margins: 6
                    visible: root.inspector !== null && root.inspector.diffTruncated
                    text: qsTr("Only the first 10,000 differences are shown.")
                    color: Theme.warning
                }

                ListView {
                    objectName: "diffList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: root.inspector ? root.inspector.diff : null
                    ScrollBar.vertical: ScrollBar {}

                    delegate: Rectangle {
                        id: difference

                        required property int index
                        required property string kind
                        required property string path
                        required property string before
                        required property string after

                        width: ListView.view.width
                        height: Theme.rowHeight
                        color: difference.index % 2 ? Theme.surfaceAlt : Theme.surface

                        Row {
                            anchors.fill: parent
                            anchors.leftMargin: 6
                            spacing: 8

                            Label {
                                width: 62
                                height: parent.height
                                verticalAlignment: Text.AlignVCenter
                                text: difference.kind === "added" ? qsTr("added")
                                    : difference.kind === "removed" ? qsTr("removed") : qsTr("changed")
                                color: difference.kind === "added" ? Theme.success
                                     : difference.kind === "removed" ? Theme.danger : Theme.warning
                            }
                            Label {
                                width: parent.width * 0.3
                                height: parent.height
                                verticalAlignment: Text.AlignVCenter
                                elide: Text.ElideMiddle
                                text: difference.path
                                font: Theme.monoFont
                            }
                            Label {
                                width: parent.width - 62 - parent.width * 0.3 - 30
                                height: parent.height
                                verticalAlignment: Text.AlignVCenter
                                elide: Text.ElideRight
                                font: Theme.monoFont
                                text: difference.kind === "changed"
                                      ? difference.before + "  →  " + difference.after
                                      : (difference.kind === "added" ? difference.after : difference.before)
                            }
                        }
                    }
                }
            }
        }
    }
}
