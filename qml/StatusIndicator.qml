import QtQuick
import QtQuick.Controls
import NoLagExplorer

// A coloured dot and a short text for a connection's state (Session.State).
Item {
    id: root

    property int state: Session.Disconnected
    property string text: ""
    property bool showText: true
    readonly property color color: {
        switch (root.state) {
        case Session.Connected:
            return Theme.success
        case Session.Connecting:
        case Session.Reconnecting:
            return Theme.warning
        case Session.Failed:
            return Theme.danger
        default:
            return Theme.textMuted
        }
    }
    readonly property bool busy: root.state === Session.Connecting
                                 || root.state === Session.Reconnecting

    implicitWidth: row.implicitWidth
    implicitHeight: Math.max(row.implicitHeight, 16)

    Row {
        id: row

        anchors.verticalCenter: parent.verticalCenter
        spacing: 6

        Rectangle {
            id: dot

            anchors.verticalCenter: parent.verticalCenter
            width: 10
            height: 10
            radius: 5
            color: root.color

            SequentialAnimation on opacity {
                running: root.busy
                loops: Animation.Infinite
                alwaysRunToEnd: true
                NumberAnimation { to: 0.3; duration: 500 }
                NumberAnimation { to: 1.0; duration: 500 }
            }
        }

        Label {
            anchors.verticalCenter: parent.verticalCenter
            visible: root.showText && root.text.length > 0
            text: root.text
            color: root.state === Session.Failed ? Theme.danger : Theme.text
            elide: Text.ElideRight
        }
    }
}
