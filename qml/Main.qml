pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import NoLagExplorer

// NoLag Explorer's window: one tab per open connection, the connections page, a status bar.
ApplicationWindow {
    id: root

    readonly property SessionManager sessions: ExplorerApp.sessions
    property bool showingConnections: root.sessions.count === 0
                                      || ExplorerApp.initialView === "connections"
    // The recordings opened from files, shown instead of the connections while true.
    property bool showingRecordings: ExplorerApp.startsWithRecording

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
                        onClicked: {
                            root.showingConnections = false
                            root.showingRecordings = false
                        }
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
                                Accessible.name: qsTr("Close the connection %1").arg(tab.name)
                                onClicked: root.sessions.close(tab.index)
                                ToolTip.visible: hovered
                                ToolTip.text: qsTr("Close this connection")
                            }
                        }
                    }
                }
            }

            ToolButton {
                objectName: "openRecordingButton"
                text: qsTr("Open recording…")
                Accessible.name: qsTr("Open a recording or an export file")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Browse a recorded JSON Lines file like live traffic")
                onClicked: openRecordingDialog.open()
            }

            ToolButton {
                objectName: "recordingsButton"
                visible: Recordings.count > 0
                text: root.showingRecordings ? qsTr("Back") : qsTr("Recordings (%1)").arg(Recordings.count)
                onClicked: root.showingRecordings = !root.showingRecordings
            }

            ToolButton {
                objectName: "connectionsButton"
                text: root.showingConnections && root.sessions.count > 0 ? qsTr("Back") : qsTr("Connections…")
                onClicked: root.showingConnections = !root.showingConnections || root.sessions.count === 0
            }

            ToolButton {
                text: Theme.dark ? qsTr("Light") : qsTr("Dark")
                Accessible.name: qsTr("Switch between light and dark")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Switch between light and dark")
                onClicked: Theme.mode = Theme.dark ? Theme.Light : Theme.Dark
            }
        }
    }

    // The view of the connection shown now, or null.
    function currentSessionView(): var {
        return sessionViews.count > 0 ? sessionViews.itemAt(root.sessions.currentIndex) : null
    }

    Component.onCompleted: {
        CommandRegistry.add("theme.toggle", qsTr("Switch between light and dark"), "Ctrl+Shift+L",
                            () => Theme.mode = Theme.dark ? Theme.Light : Theme.Dark, root)
        CommandRegistry.add("recording.toggle", qsTr("Start or stop recording the traffic"), "Ctrl+R",
                            () => root.currentSessionView()?.toggleRecording(), root)
        CommandRegistry.add("traffic.export", qsTr("Export the messages shown…"), "Ctrl+E",
                            () => root.currentSessionView()?.openExport(), root)
        CommandRegistry.add("recording.open", qsTr("Open a recording…"), "Ctrl+O",
                            () => openRecordingDialog.open(), root)
    }

    // Every action and view as a command (C++), the shortcuts made from the registry, and the
    // palette (Ctrl+K) that searches it.
    ExplorerCommands {
        id: commands

        sessions: root.sessions
        views: sessionViews.count > 0 && sessionViews.itemAt(0) ? sessionViews.itemAt(0).viewNames : []
        viewTitles: sessionViews.count > 0 && sessionViews.itemAt(0) ? sessionViews.itemAt(0).viewTitles : []
        currentView: root.currentSessionView() ? root.currentSessionView().currentViewName : ""
        onViewRequested: (view) => {
            root.showingConnections = false
            root.currentSessionView()?.showView(view)
        }
        onFocusFilterRequested: root.currentSessionView()?.focusFilterBar()
        onConnectionsRequested: {
            root.showingRecordings = false
            root.showingConnections = true
        }
        onPaletteRequested: palette.open()
    }

    Instantiator {
        model: CommandRegistry

        delegate: Shortcut {
            required property string commandId
            required property string shortcut
            required property bool available

            sequence: shortcut
            enabled: available && shortcut.length > 0
            context: Qt.ApplicationShortcut
            onActivated: CommandRegistry.trigger(commandId)
        }
    }

    CommandPalette {
        id: palette
    }

    footer: ExplorerStatusBar {
        session: root.sessions.current
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: root.showingRecordings && Recordings.count > 0 ? 2 : (root.showingConnections ? 0 : 1)

        ConnectionsPage {
            onConnected: root.showingConnections = false
        }

        StackLayout {
            objectName: "sessionStack"
            currentIndex: root.sessions.currentIndex

            Repeater {
                id: sessionViews

                model: root.sessions

                SessionView {}
            }
        }

        RecordingsPage {}
    }

    FileDialog {
        id: openRecordingDialog

        title: qsTr("Open a recording")
        nameFilters: [qsTr("Recordings and exports (*.jsonl)"), qsTr("All files (*)")]
        onAccepted: {
            if (Recordings.open(selectedFile)) {
                root.showingRecordings = true
            }
        }
    }
}
