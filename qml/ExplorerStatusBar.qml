import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// The window's status bar: the current connection's state, messages per second and total,
// and the memory the traffic stores use against the budget.
Rectangle {
    id: root

    property Session session: null

    implicitHeight: 26
    color: Theme.surfaceAlt

    Rectangle {
        width: parent.width
        height: 1
        color: Theme.border
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 8
        anchors.rightMargin: 8
        spacing: 16

        StatusIndicator {
            objectName: "statusIndicator"
            Layout.fillWidth: true
            Layout.minimumWidth: 120
            state: root.session ? root.session.state : Session.Disconnected
            text: root.session ? root.session.statusText : qsTr("No connection open")
        }

        Label {
            objectName: "rateLabel"
            visible: root.session !== null
            text: root.session ? qsTr("%1 msg/s").arg(Math.round(root.session.messagesPerSecond).toLocaleString(Qt.locale(), 'f', 0)) : ""
            color: Theme.text
        }

        Label {
            visible: root.session !== null
            text: root.session ? qsTr("%1 received").arg(root.session.totalMessages.toLocaleString(Qt.locale(), 'f', 0)) : ""
            color: Theme.textMuted
        }

        MemoryGauge {
            objectName: "memoryGauge"
            usedBytes: ExplorerApp.budget.usedBytes
            limitBytes: ExplorerApp.budget.limitBytes
            text: ExplorerApp.memoryText
        }
    }
}
