import QtQuick
import QtQuick.Controls
import NoLagExplorer

// Asks before a destructive admin action: shows what it will do, and answers with confirmed()
// or cancelled(). AdminView binds it to the controller's pending confirmation.
Dialog {
    id: root

    property bool pending: false
    property string text: ""
    property string actionText: ""

    signal confirmed()
    signal cancelled()

    objectName: "confirmDialog"
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(520, (parent ? parent.width : 520) - 40)
    closePolicy: Popup.CloseOnEscape
    // Opened and closed by the pending flag; a binding on visible would break on Escape.
    onPendingChanged: root.pending ? root.open() : root.close()
    Component.onCompleted: if (root.pending) root.open()
    onRejected: root.cancelled()

    contentItem: Label {
        objectName: "confirmText"
        text: root.text
        wrapMode: Text.WordWrap
        color: Theme.text
    }

    footer: DialogButtonBox {
        Button {
            objectName: "cancelButton"
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            Accessible.name: qsTr("Cancel, change nothing")
        }
        Button {
            objectName: "confirmButton"
            text: root.actionText
            palette.buttonText: Theme.danger
            Accessible.name: root.actionText
            onClicked: root.confirmed()
        }
    }
}
