pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import NoLagExplorer

// The dense message table: one fixed-height row per message, created only for the rows on
// screen. It follows the newest row unless the user scrolled away (scrolling back to the end
// follows again). The selected row is the one whose sequence is selectedSequence, so the
// selection stays on its message while rows arrive and old ones leave.
FocusScope {
    id: root

    property alias model: list.model
    property real selectedSequence: 0
    property bool following: true
    readonly property alias count: list.count
    readonly property int rowHeight: Theme.rowHeight
    readonly property int timeWidth: 92
    readonly property int sizeWidth: 64
    readonly property int qosWidth: 34
    readonly property int marksWidth: 44
    readonly property int senderWidth: 64
    readonly property int filterWidth: 70
    // The topic gets close to half of what the fixed columns leave, the payload the rest.
    readonly property int topicWidth: Math.max(170, Math.round((root.width - timeWidth - sizeWidth
                                                                  - qosWidth - marksWidth
                                                                  - senderWidth - filterWidth) * 0.45))

    signal rowClicked(real sequence)
    signal moveRequested(int delta)

    function followNewest(): void {
        root.following = true
        list.positionViewAtEnd()
    }

    function positionOnRow(row: int): void {
        if (row >= 0) {
            list.positionViewAtIndex(row, ListView.Contain)
        }
    }

    Rectangle {
        id: header

        width: parent.width
        height: root.rowHeight + 2
        color: Theme.surfaceAlt

        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Theme.border
        }

        Row {
            anchors.fill: parent
            anchors.leftMargin: 6

            component HeaderCell: Label {
                height: parent.height
                verticalAlignment: Text.AlignVCenter
                font.bold: true
                color: Theme.textMuted
                elide: Text.ElideRight
                rightPadding: 6
            }

            HeaderCell { width: root.timeWidth; text: qsTr("Time") }
            HeaderCell { width: root.topicWidth; text: qsTr("Topic") }
            HeaderCell { width: root.senderWidth; text: qsTr("Sender") }
            HeaderCell { width: root.sizeWidth; text: qsTr("Size"); horizontalAlignment: Text.AlignRight }
            HeaderCell { width: root.qosWidth; text: qsTr("QoS"); horizontalAlignment: Text.AlignHCenter }
            HeaderCell { width: root.filterWidth; text: qsTr("Filter") }
            HeaderCell {
                width: root.marksWidth
                text: qsTr("Mark")
                ToolTip.visible: markHover.hovered
                ToolTip.text: qsTr("R: retained (delivered with the subscription's confirmation); P: replayed by the server")
                HoverHandler { id: markHover }
            }
            HeaderCell { width: Math.max(0, root.width - x - 6); text: qsTr("Payload") }
        }
    }

    ListView {
        id: list

        objectName: "trafficList"
        anchors.top: header.bottom
        anchors.bottom: parent.bottom
        width: parent.width
        clip: true
        focus: true
        reuseItems: true
        boundsBehavior: Flickable.StopAtBounds
        highlightFollowsCurrentItem: false
        ScrollBar.vertical: ScrollBar { id: scrollBar }

        onMovementStarted: root.following = false
        onMovementEnded: root.following = list.atYEnd
        onCountChanged: {
            if (root.following) {
                Qt.callLater(list.positionViewAtEnd)
            }
        }

        Keys.onUpPressed: root.moveRequested(-1)
        Keys.onDownPressed: root.moveRequested(1)
        Keys.onPressed: (event) => {
            if (event.key === Qt.Key_PageUp) {
                root.moveRequested(-Math.max(1, Math.floor(list.height / root.rowHeight)))
                event.accepted = true
            } else if (event.key === Qt.Key_PageDown) {
                root.moveRequested(Math.max(1, Math.floor(list.height / root.rowHeight)))
                event.accepted = true
            } else if (event.key === Qt.Key_End) {
                root.followNewest()
                event.accepted = true
            }
        }

        delegate: Rectangle {
            id: row

            required property int index
            required property real sequence
            required property string time
            required property string topic
            required property string sender
            required property string sizeText
            required property int qos
            required property string filter
            required property bool retained
            required property bool replay
            required property string preview
            readonly property bool selected: row.sequence === root.selectedSequence

            width: ListView.view.width
            height: root.rowHeight
            color: row.selected ? Theme.selection
                                : (row.index % 2 ? Theme.surfaceAlt : Theme.surface)

            MouseArea {
                anchors.fill: parent
                onClicked: {
                    list.forceActiveFocus()
                    root.rowClicked(row.sequence)
                }
            }

            Row {
                anchors.fill: parent
                anchors.leftMargin: 6

                // Text, not Label: thousands of cells are laid out a second under load.
                component Cell: Text {
                    height: parent.height
                    verticalAlignment: Text.AlignVCenter
                    elide: Text.ElideRight
                    rightPadding: 6
                    color: Theme.text
                    textFormat: Text.PlainText
                }

                Cell { width: root.timeWidth; text: row.time; font: Theme.monoFont; color: Theme.textMuted }
                Cell { width: root.topicWidth; text: row.topic; elide: Text.ElideMiddle }
                Cell { width: root.senderWidth; text: row.sender.length > 0 ? row.sender : "—"; color: Theme.textMuted }
                Cell { width: root.sizeWidth; text: row.sizeText; horizontalAlignment: Text.AlignRight; color: Theme.textMuted }
                Cell { width: root.qosWidth; text: row.qos; horizontalAlignment: Text.AlignHCenter; color: Theme.textMuted }
                Cell { width: root.filterWidth; text: row.filter; color: Theme.info }
                Cell {
                    width: root.marksWidth
                    text: (row.retained ? "R " : "") + (row.replay ? "P" : "")
                    font.bold: true
                    color: Theme.warning
                }
                Cell {
                    width: Math.max(0, row.width - x - 6)
                    text: row.preview
                    font: Theme.monoFont
                }
            }
        }
    }

    Button {
        objectName: "followButton"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 12
        anchors.rightMargin: 24
        visible: !root.following && list.count > 0
        text: qsTr("Newest ↓")
        onClicked: root.followNewest()
    }
}
