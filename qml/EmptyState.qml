import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// What a view shows while it has nothing: a title and a hint about what to do.
Item {
    id: root

    property string title: ""
    property string hint: ""

    implicitWidth: column.implicitWidth
    implicitHeight: column.implicitHeight

    ColumnLayout {
        id: column

        anchors.centerIn: parent
        width: Math.min(parent.width - 40, 460)
        spacing: 6

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: root.title
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            visible: root.hint.length > 0
            text: root.hint
            color: Theme.textMuted
            wrapMode: Text.WordWrap
        }
    }
}
