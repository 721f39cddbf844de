import QtQuick
import QtQuick.Controls
import NoLagExplorer

// The title bar of a pane: a bold caption, an optional detail on the right.
Rectangle {
    id: root

    property string title: ""
    property string detail: ""

    implicitHeight: 26
    implicitWidth: caption.implicitWidth + detailLabel.implicitWidth + 24
    color: Theme.surfaceAlt

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.border
    }

    Label {
        id: caption

        anchors.left: parent.left
        anchors.leftMargin: 8
        anchors.verticalCenter: parent.verticalCenter
        text: root.title
        font.bold: true
        color: Theme.text
    }

    Label {
        id: detailLabel

        anchors.right: parent.right
        anchors.rightMargin: 8
        anchors.left: caption.right
        anchors.leftMargin: 12
        anchors.verticalCenter: parent.verticalCenter
        horizontalAlignment: Text.AlignRight
        text: root.detail
        color: Theme.textMuted
        elide: Text.ElideLeft
    }
}
