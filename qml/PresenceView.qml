pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// Presence as a view of its own: the roster of a room (live in the room this connection is
// present in), the join/update/leave timeline, this connection's own presence, and lobbies.
SplitView {
    id: root

    required property Session session
    readonly property PresenceController presence: root.session.presence

    orientation: Qt.Horizontal

    ColumnLayout {
        SplitView.preferredWidth: Math.round(root.width * 0.5)
        SplitView.minimumWidth: 320
        spacing: 0

        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("Roster")
            detail: root.presence.live ? qsTr("live: this connection is present here")
                                       : (root.presence.room.length > 0 ? qsTr("refreshed every %1 s").arg(root.presence.refreshInterval / 1000) : "")
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 6
            spacing: Theme.spacing

            Label { text: qsTr("Room") }
            TextField {
                id: roomField

                objectName: "rosterRoom"
                Layout.fillWidth: true
                placeholderText: qsTr("room slug, such as general")
                text: root.presence.room
                selectByMouse: true
                onAccepted: root.presence.room = text
            }
            Button {
                text: qsTr("Show")
                onClicked: root.presence.room = roomField.text
            }
            Button {
                text: qsTr("Refresh")
                enabled: root.presence.room.length > 0
                onClicked: root.presence.refresh()
            }
        }

        Label {
            Layout.fillWidth: true
            Layout.leftMargin: 6
            visible: root.presence.errorString.length > 0
            text: root.presence.errorString
            color: Theme.danger
            wrapMode: Text.WordWrap
        }

        // Outside the list, so that a reset of the roster never scrolls it away.
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: Theme.rowHeight
            color: Theme.surfaceAlt

            Row {
                anchors.fill: parent
                anchors.leftMargin: 6
                Label { width: parent.width * 0.3; text: qsTr("Actor"); font.bold: true; color: Theme.textMuted; anchors.verticalCenter: parent.verticalCenter }
                Label { width: 80; text: qsTr("Type"); font.bold: true; color: Theme.textMuted; anchors.verticalCenter: parent.verticalCenter }
                Label { width: 70; text: qsTr("Joined"); font.bold: true; color: Theme.textMuted; anchors.verticalCenter: parent.verticalCenter }
                Label { text: qsTr("Data"); font.bold: true; color: Theme.textMuted; anchors.verticalCenter: parent.verticalCenter }
            }
        }

        ListView {
            id: roster

            objectName: "rosterList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.presence.roster
            ScrollBar.vertical: ScrollBar {}

            EmptyState {
                parent: roster
                anchors.fill: parent
                visible: roster.count === 0 && !root.presence.loading
                title: root.presence.room.length > 0 ? qsTr("Nobody is present in %1").arg(root.presence.room)
                                                     : qsTr("No room chosen")
                hint: root.presence.room.length > 0 ? qsTr("Actors appear here when they set their presence in this room.")
                                                    : qsTr("Type a room's slug above, or set your own presence below.")
            }

            delegate: Rectangle {
                id: member

                required property int index
                required property string actorId
                required property string actorType
                required property string presence
                required property string joinedAt
                required property string status
                required property bool isSelf

                width: ListView.view.width
                height: Theme.rowHeight
                color: member.index % 2 ? Theme.surfaceAlt : Theme.surface

                Row {
                    anchors.fill: parent
                    anchors.leftMargin: 6
                    Label {
                        width: parent.width * 0.3
                        height: parent.height
                        rightPadding: 8
                        verticalAlignment: Text.AlignVCenter
                        elide: Text.ElideMiddle
                        text: member.actorId + (member.isSelf ? qsTr(" (you)") : "")
                        font.bold: member.isSelf
                    }
                    Label { width: 80; height: parent.height; verticalAlignment: Text.AlignVCenter; text: member.actorType.length > 0 ? member.actorType : "—"; color: Theme.textMuted }
                    Label { width: 70; height: parent.height; verticalAlignment: Text.AlignVCenter; text: member.joinedAt; color: Theme.textMuted; font: Theme.monoFont }
                    Label {
                        width: parent.width * 0.7 - 150
                        height: parent.height
                        verticalAlignment: Text.AlignVCenter
                        elide: Text.ElideRight
                        text: member.presence
                        font: Theme.monoFont
                        color: Theme.accent
                    }
                }
            }
        }

        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("Your presence")
            detail: root.presence.ownRoom.length > 0 ? qsTr("present in %1").arg(root.presence.ownRoom)
                                                     : qsTr("not present in any room")
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.margins: 6
            columns: 4
            columnSpacing: Theme.spacing

            TextField {
                id: ownRoom

                objectName: "ownRoom"
                Layout.preferredWidth: 130
                placeholderText: qsTr("room slug")
                selectByMouse: true
            }
            TextField {
                id: ownData

                objectName: "ownData"
                Layout.fillWidth: true
                placeholderText: qsTr("{\"status\": \"watching\"}")
                font: Theme.monoFont
                selectByMouse: true
            }
            Button {
                objectName: "setPresenceButton"
                text: qsTr("Set")
                onClicked: ownError.text = root.presence.setOwnPresence(ownRoom.text, ownData.text)
            }
            Button {
                text: qsTr("Clear")
                enabled: root.presence.ownRoom.length > 0
                onClicked: root.presence.clearOwnPresence()
            }
            Label {
                id: ownError

                Layout.columnSpan: 4
                Layout.fillWidth: true
                visible: text.length > 0
                color: Theme.danger
                wrapMode: Text.WordWrap
            }
        }

        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("Lobby")
            detail: root.presence.lobbyWatched ? qsTr("watching %1 · %2 rooms").arg(root.presence.lobbyId).arg(root.presence.lobby.roomCount) : ""
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 6
            spacing: Theme.spacing

            TextField {
                id: lobbyField

                objectName: "lobbyField"
                Layout.fillWidth: true
                placeholderText: qsTr("lobby id, such as demo-lobby")
                selectByMouse: true
                onAccepted: root.presence.watchLobby(text)
            }
            Button {
                text: root.presence.lobbyWatched ? qsTr("Stop") : qsTr("Watch")
                onClicked: root.presence.lobbyWatched ? root.presence.unwatchLobby()
                                                      : root.presence.watchLobby(lobbyField.text)
            }
        }
        Label {
            Layout.fillWidth: true
            Layout.leftMargin: 6
            visible: root.presence.lobbyError.length > 0
            text: root.presence.lobbyError
            color: Theme.danger
            wrapMode: Text.WordWrap
        }
        ListView {
            objectName: "lobbyList"
            Layout.fillWidth: true
            Layout.preferredHeight: 120
            clip: true
            model: root.presence.lobby
            delegate: Label {
                required property string room
                required property string actorId
                required property string presence
                width: ListView.view.width
                leftPadding: 6
                elide: Text.ElideRight
                text: room + "  ·  " + actorId + "  ·  " + presence
                font: Theme.monoFont
            }
        }
    }

    ColumnLayout {
        SplitView.fillWidth: true
        spacing: 0

        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("Timeline")
            detail: root.presence.timeline.droppedCount > 0
                    ? qsTr("%1 events, %2 oldest dropped").arg(root.presence.timeline.count).arg(root.presence.timeline.droppedCount)
                    : qsTr("%1 events").arg(root.presence.timeline.count)
        }

        ListView {
            id: timeline

            objectName: "timelineList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.presence.timeline
            ScrollBar.vertical: ScrollBar {}
            onCountChanged: Qt.callLater(timeline.positionViewAtEnd)

            EmptyState {
                parent: timeline
                anchors.fill: parent
                visible: timeline.count === 0
                title: qsTr("No presence changes yet")
                hint: qsTr("Joins, updates and leaves of the room on the left appear here: at once in the room you are present in, otherwise as each refresh sees them. Lobbies you watch add theirs.")
            }

            delegate: Rectangle {
                id: entry

                required property int index
                required property string time
                required property string event
                required property string room
                required property string actorId
                required property string details
                required property string source

                width: ListView.view.width
                height: Theme.rowHeight
                color: entry.index % 2 ? Theme.surfaceAlt : Theme.surface

                Row {
                    anchors.fill: parent
                    anchors.leftMargin: 6
                    spacing: 8
                    Label { height: parent.height; verticalAlignment: Text.AlignVCenter; width: 90; text: entry.time; font: Theme.monoFont; color: Theme.textMuted }
                    Label {
                        height: parent.height
                        verticalAlignment: Text.AlignVCenter
                        width: 56
                        text: entry.event === "join" ? qsTr("join") : entry.event === "leave" ? qsTr("leave")
                            : entry.event === "update" ? qsTr("update") : qsTr("waking")
                        font.bold: true
                        color: entry.event === "join" ? Theme.success : entry.event === "leave" ? Theme.danger : Theme.accent
                    }
                    Label { height: parent.height; verticalAlignment: Text.AlignVCenter; width: 80; text: entry.room; elide: Text.ElideRight }
                    Label { height: parent.height; verticalAlignment: Text.AlignVCenter; width: 160; text: entry.actorId; elide: Text.ElideMiddle }
                    Label {
                        height: parent.height
                        verticalAlignment: Text.AlignVCenter
                        width: Math.max(0, parent.width - 420)
                        text: entry.details
                        elide: Text.ElideRight
                        font: Theme.monoFont
                        color: Theme.textMuted
                    }
                }
            }
        }
    }
}
