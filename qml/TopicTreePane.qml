pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import NoLagExplorer

// Every topic seen, as a tree of its levels with message counts, rates and the last value.
// Clicking a row filters the traffic by it (a branch by "path/#").
Item {
    id: root

    property TopicTreeModel model: null
    readonly property alias view: tree

    signal patternChosen(string pattern)

    SectionHeader {
        id: header

        width: parent.width
        title: qsTr("Topics")
        detail: root.model ? qsTr("%1 topics").arg(root.model.topicCount) : ""
    }

    TreeView {
        id: tree

        objectName: "topicTree"
        anchors.top: header.bottom
        anchors.bottom: parent.bottom
        width: parent.width
        clip: true
        model: root.model
        boundsBehavior: Flickable.StopAtBounds
        columnWidthProvider: function () { return tree.width }
        onWidthChanged: Qt.callLater(tree.forceLayout)
        ScrollBar.vertical: ScrollBar {}

        // Small trees open two levels deep as they grow; large ones stay closed.
        Connections {
            target: root.model
            function onCountsChanged() {
                if (root.model.nodeCount <= 60) {
                    tree.expandRecursively(-1, 2)
                }
            }
        }

        delegate: Rectangle {
            id: node

            required property TreeView treeView
            required property bool isTreeNode
            required property bool expanded
            required property int hasChildren
            required property int depth
            required property int row
            required property string name
            required property real count
            required property string rateText
            required property string lastValue
            required property bool isTopic
            required property string pattern

            implicitWidth: tree.width
            implicitHeight: Theme.rowHeight
            color: node.row % 2 ? Theme.surfaceAlt : Theme.surface

            TapHandler {
                onTapped: root.patternChosen(node.pattern)
                onDoubleTapped: node.treeView.toggleExpanded(node.row)
            }

            Label {
                id: indicator

                x: 4 + node.depth * 14
                width: 14
                height: parent.height
                verticalAlignment: Text.AlignVCenter
                text: node.hasChildren ? (node.expanded ? "▾" : "▸") : ""
                color: Theme.textMuted

                TapHandler { onTapped: node.treeView.toggleExpanded(node.row) }
            }

            Label {
                id: nameLabel

                anchors.left: indicator.right
                anchors.right: countLabel.left
                anchors.rightMargin: 6
                height: parent.height
                verticalAlignment: Text.AlignVCenter
                elide: Text.ElideRight
                text: (node.name.length > 0 ? node.name : qsTr("(empty)"))
                      + (node.isTopic && node.lastValue.length > 0 ? "  " : "")
                color: node.isTopic ? Theme.text : Theme.textMuted
                font.bold: !node.isTopic

                Label {
                    anchors.left: parent.left
                    anchors.leftMargin: Math.min(parent.implicitWidth, parent.width)
                    width: Math.max(0, parent.width - parent.implicitWidth)
                    height: parent.height
                    verticalAlignment: Text.AlignVCenter
                    visible: node.isTopic
                    text: node.lastValue
                    elide: Text.ElideRight
                    font: Theme.monoFont
                    color: Theme.accent
                }
            }

            Label {
                id: countLabel

                anchors.right: rateLabel.left
                width: 56
                height: parent.height
                verticalAlignment: Text.AlignVCenter
                horizontalAlignment: Text.AlignRight
                text: node.count.toLocaleString(Qt.locale(), 'f', 0)
                color: Theme.textMuted
            }

            Label {
                id: rateLabel

                anchors.right: parent.right
                anchors.rightMargin: 6
                width: 54
                height: parent.height
                verticalAlignment: Text.AlignVCenter
                horizontalAlignment: Text.AlignRight
                text: node.rateText
                color: Theme.success
            }
        }
    }

    EmptyState {
        anchors.fill: tree
        visible: root.model !== null && root.model.topicCount === 0
        title: qsTr("No topics yet")
        hint: qsTr("Topics appear here as messages arrive on your subscriptions.")
    }
}
