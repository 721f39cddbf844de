import QtQuick
import QtQuick.Controls
import NoLagExplorer

// How much of the memory budget the traffic stores use, as a small bar and a text.
Item {
    id: root

    property real usedBytes: 0
    property real limitBytes: 1
    property string text: ""
    readonly property real fraction: root.limitBytes > 0
                                     ? Math.min(1, root.usedBytes / root.limitBytes) : 0
    readonly property color barColor: root.fraction > 0.9 ? Theme.warning : Theme.accent

    implicitWidth: bar.width + label.implicitWidth + 6
    implicitHeight: Math.max(label.implicitHeight, 12)

    Rectangle {
        id: bar

        anchors.verticalCenter: parent.verticalCenter
        width: 60
        height: 8
        radius: 4
        color: Theme.surfaceAlt
        border.color: Theme.border

        Rectangle {
            objectName: "fill"
            width: Math.max(0, (parent.width - 2) * root.fraction)
            height: parent.height - 2
            x: 1
            y: 1
            radius: 3
            color: root.barColor
        }
    }

    Label {
        id: label

        anchors.left: bar.right
        anchors.leftMargin: 6
        anchors.verticalCenter: parent.verticalCenter
        text: root.text
        color: Theme.textMuted
    }
}
