import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// The list side of an admin page: a header with a count, the loading state or the list's
// error, a button to start a new entry and the list itself.
ColumnLayout {
    id: root

    property string title: ""
    property string detail: ""
    property string newText: ""
    property bool loading: false
    property string errorText: ""
    property alias model: view.model
    property alias delegate: view.delegate
    readonly property alias view: view

    signal newRequested()
    signal reloadRequested()

    spacing: 0

    SectionHeader {
        Layout.fillWidth: true
        title: root.title
        detail: root.loading ? qsTr("Loading…") : root.detail
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.margins: 4
        spacing: Theme.spacing

        Button {
            objectName: "newButton"
            visible: root.newText.length > 0
            text: root.newText
            Accessible.name: root.newText
            onClicked: root.newRequested()
        }
        Item { Layout.fillWidth: true }
        ToolButton {
            objectName: "reloadButton"
            text: "⟳"
            Accessible.name: qsTr("Reload %1").arg(root.title)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Load the list again from the server")
            onClicked: root.reloadRequested()
        }
    }

    Label {
        objectName: "listError"
        Layout.fillWidth: true
        Layout.margins: 6
        visible: root.errorText.length > 0
        text: root.errorText
        color: Theme.danger
        wrapMode: Text.WordWrap
    }

    ListView {
        id: view

        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        Accessible.name: root.title
        ScrollBar.vertical: ScrollBar {}
    }
}
