import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// A new actor's access token, shown this one time: the server keeps only a hash of it. It
// stays open until the user says the token is stored (dismissed()).
Dialog {
    id: root

    property string token: ""
    property string actorName: ""

    signal copyRequested()
    signal dismissed()

    objectName: "tokenDialog"
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(620, (parent ? parent.width : 620) - 40)
    onTokenChanged: root.token.length > 0 ? root.open() : root.close()
    Component.onCompleted: if (root.token.length > 0) root.open()
    title: qsTr("Access token of %1").arg(root.actorName)
    closePolicy: Popup.NoAutoClose
    onAccepted: root.dismissed()
    onOpened: copyButton.copied = false

    contentItem: ColumnLayout {
        spacing: 10

        Label {
            objectName: "tokenWarning"
            Layout.fillWidth: true
            text: qsTr("Copy this token now and keep it somewhere safe. It is shown only this once: the server stores a hash of it and cannot show it again. If it is lost, delete the actor and create a new one.")
            wrapMode: Text.WordWrap
            color: Theme.warning
            font.bold: true
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            TextField {
                objectName: "tokenField"
                Layout.fillWidth: true
                text: root.token
                readOnly: true
                selectByMouse: true
                font: Theme.monoFont
                Accessible.name: qsTr("The new access token")
            }
            Button {
                id: copyButton

                property bool copied: false

                objectName: "copyTokenButton"
                text: copyButton.copied ? qsTr("Copied") : qsTr("Copy")
                Accessible.name: qsTr("Copy the access token to the clipboard")
                onClicked: {
                    root.copyRequested()
                    copyButton.copied = true
                }
            }
        }

        Label {
            Layout.fillWidth: true
            text: qsTr("Connect with it: paste it into a connection's access token field, or start nolag-explorer with --token.")
            wrapMode: Text.WordWrap
            color: Theme.textMuted
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "tokenDoneButton"
            text: qsTr("I have stored the token")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            Accessible.name: qsTr("Close; the token cannot be shown again")
        }
    }
}
