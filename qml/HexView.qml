pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import NoLagExplorer

// MessagePack bytes as a hex dump, 16 bytes a row; only the rows on screen are formatted.
ListView {
    id: root

    clip: true
    reuseItems: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}

    delegate: Row {
        id: line

        required property int index
        required property string offset
        required property string hex
        required property string ascii

        height: Theme.rowHeight - 4
        spacing: 16
        leftPadding: 6

        Label { text: line.offset; font: Theme.monoFont; color: Theme.textMuted }
        Label { text: line.hex; font: Theme.monoFont; color: Theme.text }
        Label { text: line.ascii; font: Theme.monoFont; color: Theme.accent }
    }
}
