pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import NoLagExplorer

// A payload as a tree: keys, values and types. Branches open on click and are read from the
// bytes only then, so a large payload opens at once.
TreeView {
    id: root

    clip: true
    boundsBehavior: Flickable.StopAtBounds
    columnWidthProvider: function () { return root.width }
    onWidthChanged: Qt.callLater(root.forceLayout)
    ScrollBar.vertical: ScrollBar {}

    // The payload's first level is open from the start.
    Connections {
        target: root.model
        ignoreUnknownSignals: true
        function onBytesChanged() {
            Qt.callLater(root.expand, 0)
        }
    }

    delegate: Rectangle {
        id: node

        required property TreeView treeView
        required property bool expanded
        required property int hasChildren
        required property int depth
        required property int row
        required property string key
        required property string value
        required property string type

        implicitWidth: root.width
        implicitHeight: Theme.rowHeight
        color: node.row % 2 ? Theme.surfaceAlt : Theme.surface

        TapHandler {
            onTapped: {
                if (node.hasChildren) {
                    node.treeView.toggleExpanded(node.row)
                }
            }
        }

        Label {
            id: arrow

            x: 4 + node.depth * 14
            width: 14
            height: parent.height
            verticalAlignment: Text.AlignVCenter
            text: node.hasChildren ? (node.expanded ? "▾" : "▸") : ""
            color: Theme.textMuted
        }

        Label {
            id: keyLabel

            anchors.left: arrow.right
            width: Math.min(implicitWidth, parent.width * 0.4)
            height: parent.height
            verticalAlignment: Text.AlignVCenter
            elide: Text.ElideRight
            text: node.key + ":"
            font: Theme.monoFont
            color: Theme.text
        }

        Label {
            anchors.left: keyLabel.right
            anchors.leftMargin: 6
            anchors.right: typeLabel.left
            anchors.rightMargin: 6
            height: parent.height
            verticalAlignment: Text.AlignVCenter
            elide: Text.ElideRight
            text: node.value
            font: Theme.monoFont
            color: node.type === "string" ? Theme.success
                 : (node.type === "object" || node.type === "array" ? Theme.textMuted
                 : (node.type === "error" ? Theme.danger : Theme.accent))
        }

        Label {
            id: typeLabel

            anchors.right: parent.right
            anchors.rightMargin: 6
            height: parent.height
            verticalAlignment: Text.AlignVCenter
            text: node.type
            color: Theme.textMuted
            font.italic: true
        }
    }
}
