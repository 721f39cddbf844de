pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import NoLagExplorer

// Long text with line numbers, one row per line (long lines continue on following rows),
// created only for the rows on screen.
ListView {
    id: root

    clip: true
    reuseItems: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}

    delegate: Row {
        id: line

        required property int lineNumber
        required property string text
        required property bool continuation

        height: Theme.rowHeight - 4
        spacing: 8

        Label {
            width: 52
            horizontalAlignment: Text.AlignRight
            text: line.continuation ? "↪" : line.lineNumber
            font: Theme.monoFont
            color: Theme.textMuted
        }

        Label {
            text: line.text
            font: Theme.monoFont
            color: Theme.text
            textFormat: Text.PlainText
        }
    }
}
