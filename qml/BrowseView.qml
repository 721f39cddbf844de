pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// Apps, their rooms and the rooms' topics from the REST API; a click subscribes to a topic.
Item {
    id: root

    required property Session session
    readonly property BrowseController browse: root.session.browse

    EmptyState {
        anchors.fill: parent
        visible: !root.browse.available
        title: qsTr("Browsing needs the project's API key")
        hint: qsTr("Edit this connection and add the API key (nlg_live_…) and, if it is not on the broker's host, the REST API URL.")
    }

    RowLayout {
        anchors.fill: parent
        spacing: 1
        visible: root.browse.available

        component BrowseColumn: ColumnLayout {
            id: column

            property string title
            property string detail
            property alias model: view.model
            property alias delegate: view.delegate
            property string errorText
            property bool loading

            Layout.fillHeight: true
            spacing: 0

            SectionHeader {
                Layout.fillWidth: true
                title: column.title
                detail: column.loading ? qsTr("Loading…") : column.detail
            }
            Label {
                Layout.fillWidth: true
                Layout.margins: 6
                visible: column.errorText.length > 0
                text: column.errorText
                color: Theme.danger
                wrapMode: Text.WordWrap
            }
            ListView {
                id: view

                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                ScrollBar.vertical: ScrollBar {}
            }
        }

        BrowseColumn {
            objectName: "appsColumn"
            Layout.preferredWidth: Math.round(root.width * 0.27)
            Layout.maximumWidth: Math.round(root.width * 0.27)
            title: qsTr("Apps")
            detail: root.browse.apps.count === 1 ? qsTr("1 app")
                                                 : qsTr("%1 apps").arg(root.browse.apps.count)
            loading: root.browse.apps.loading
            errorText: root.browse.apps.errorString
            model: root.browse.apps
            delegate: ItemDelegate {
                id: app

                required property int index
                required property string name
                required property string slug
                width: ListView.view.width
                height: Theme.rowHeight + 8
                highlighted: root.browse.appRow === app.index
                text: app.name + "  ·  " + app.slug
                onClicked: root.browse.selectApp(app.index)
            }
        }

        BrowseColumn {
            objectName: "roomsColumn"
            Layout.preferredWidth: Math.round(root.width * 0.3)
            Layout.maximumWidth: Math.round(root.width * 0.3)
            title: qsTr("Rooms of %1").arg(root.browse.appSlug)
            detail: root.browse.rooms.count === 1 ? qsTr("1 room")
                                                  : qsTr("%1 rooms").arg(root.browse.rooms.count)
            loading: root.browse.rooms.loading
            errorText: root.browse.rooms.errorString
            model: root.browse.rooms
            delegate: ItemDelegate {
                id: room

                required property int index
                required property string name
                required property string slug
                required property string roomType
                width: ListView.view.width
                height: Theme.rowHeight + 8
                highlighted: root.browse.roomRow === room.index
                text: room.name + "  ·  " + room.slug + (room.roomType.length > 0 ? "  (" + room.roomType + ")" : "")
                onClicked: root.browse.selectRoom(room.index)
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            SectionHeader {
                Layout.fillWidth: true
                title: qsTr("Topics of %1").arg(root.browse.roomSlug)
            }
            RowLayout {
                Layout.fillWidth: true
                Layout.margins: 4
                Button {
                    objectName: "subscribeAllButton"
                    text: qsTr("Subscribe to all")
                    enabled: root.browse.topics.count > 0
                    onClicked: browseError.text = root.browse.subscribeAll()
                }
                Button {
                    text: qsTr("Reload")
                    onClicked: root.browse.reload()
                }
            }
            Label {
                id: browseError

                Layout.fillWidth: true
                Layout.margins: 6
                visible: text.length > 0
                color: Theme.danger
                wrapMode: Text.WordWrap
            }
            ListView {
                objectName: "topicsList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: root.browse.topics
                delegate: ItemDelegate {
                    id: entry

                    required property int index
                    required property string topic
                    required property bool subscribed
                    width: ListView.view.width
                    height: Theme.rowHeight + 8
                    text: entry.topic + (entry.subscribed ? "  ✓" : "")
                    font: Theme.monoFont
                    onClicked: browseError.text = entry.subscribed ? "" : root.browse.subscribe(entry.index)
                    ToolTip.visible: hovered
                    ToolTip.delay: 800
                    ToolTip.text: entry.subscribed ? qsTr("Subscribed") : qsTr("Click to subscribe")
                }
            }
        }
    }
}
