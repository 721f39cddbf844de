pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// The recordings open in the window, one tab each.
ColumnLayout {
    id: root

    spacing: 0

    TabBar {
        id: tabs

        objectName: "recordingFileTabs"
        Layout.fillWidth: true
        currentIndex: Recordings.currentIndex
        onCurrentIndexChanged: Recordings.currentIndex = currentIndex

        Repeater {
            model: Recordings

            TabButton {
                id: tab

                required property int index
                required property string name

                width: implicitWidth
                contentItem: RowLayout {
                    spacing: 6
                    Label { text: tab.name; elide: Text.ElideMiddle }
                    ToolButton {
                        Layout.preferredWidth: 20
                        Layout.preferredHeight: 20
                        text: "✕"
                        Accessible.name: qsTr("Close the recording %1").arg(tab.name)
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Close this recording")
                        onClicked: Recordings.close(tab.index)
                    }
                }
            }
        }
    }

    StackLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        currentIndex: Recordings.currentIndex

        Repeater {
            model: Recordings

            RecordingView {}
        }
    }
}
