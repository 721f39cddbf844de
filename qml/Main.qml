pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// NoLag Explorer's window: one tab per open connection, the connections page, a status bar.
ApplicationWindow {
    id: root

    readonly property SessionManager sessions: ExplorerApp.sessions
    property bool showingConnections: root.sessions.count === 0

    width: 1440
    height: 860
    visible: true
    title: root.sessions.current ? qsTr("%1 — NoLag Explorer").arg(root.sessions.current.name)
                                 : qsTr("NoLag Explorer")
    color: Theme.window

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            spacing: 4

            Image {
                Layout.leftMargin: 6
                Layout.preferredWidth: 22
                Layout.preferredHeight: 22
                source: "icons/app.nolag.Explorer.svg"
                sourceSize: Qt.size(44, 44)
            }

            TabBar {
                id: tabs

                objectName: "sessionTabs"
                Layout.fillWidth: true
                currentIndex: root.sessions.currentIndex
                onCurrentIndexChanged: root.sessions.currentIndex = currentIndex

                Repeater {
                    model: root.sessions

                    TabButton {
                        id: tab

                        required property int index
                        required property string name
                        required property int state
                        required property string statusText

                        width: implicitWidth
                        onClicked: root.showingConnections = false
                        contentItem: RowLayout {
                            spacing: 6
                            StatusIndicator {
                                state: tab.state
                                showText: false
                                ToolTip.visible: tabHover.hovered
                                ToolTip.text: tab.statusText
                                HoverHandler { id: tabHover }
                            }
                            Label { text: tab.name; elide: Text.ElideRight }
                            ToolButton {
                                Layout.preferredWidth: 20
                                Layout.preferredHeight: 20
                                text: "✕"
                                onClicked: root.sessions.close(tab.index)
                                ToolTip.visible: hovered
                                ToolTip.text: qsTr("Close this connection")
                            }
                        }
                    }
                }
            }

            ToolButton {
                objectName: "connectionsButton"
                text: root.showingConnections && root.sessions.count > 0 ? qsTr("Back") : qsTr("Connections…")
                onClicked: root.showingConnections = !root.showingConnections || root.sessions.count === 0
            }

            ToolButton {
                text: Theme.dark ? qsTr("Light") : qsTr("Dark")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Switch between light and dark")
                onClicked: Theme.mode = Theme.dark ? Theme.Light : Theme.Dark
            }
        }
    }

    footer: ExplorerStatusBar {
        session: root.sessions.current
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: root.showingConnections ? 0 : 1

        ConnectionsPage {
            onConnected: root.showingConnections = false
        }

        StackLayout {
            objectName: "sessionStack"
            currentIndex: root.sessions.currentIndex

            Repeater {
                model: root.sessions

                SessionView {}
            }
        }
    }
}
