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
            id: gauge

            objectName: "memoryGauge"
            usedBytes: ExplorerApp.budget.usedBytes
            limitBytes: ExplorerApp.budget.limitBytes
            text: ExplorerApp.memoryText
            ToolTip.visible: gaugeHover.hovered && !budgetPopup.visible
            ToolTip.text: qsTr("Click to change the memory budget")

            HoverHandler { id: gaugeHover }
            TapHandler { onTapped: budgetPopup.open() }
        }
    }

    // The budget of every connection's stored traffic; kept in the settings.
    Popup {
        id: budgetPopup

        objectName: "budgetPopup"
        x: root.width - width - 8
        y: -height - 4
        padding: 10

        Column {
            spacing: 6

            Label {
                text: qsTr("Memory budget of the stored traffic")
                font.bold: true
            }
            Row {
                spacing: 6

                SpinBox {
                    objectName: "budgetSpinBox"
                    from: 16
                    to: 65536
                    stepSize: 64
                    editable: true
                    value: ExplorerApp.budgetMegabytes
                    onValueModified: ExplorerApp.budgetMegabytes = value
                }
                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("MB")
                }
            }
            Label {
                width: 320
                wrapMode: Text.WordWrap
                color: Theme.textMuted
                text: qsTr("Beyond it the oldest messages are dropped, and counted, to make room for new ones.")
            }
        }
    }
}
