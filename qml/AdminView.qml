import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// Administration of the connection's project over the REST API: apps, rooms with their
// grants, actors, and what a token may do. Everything goes through AdminController.
Item {
    id: root

    required property Session session
    readonly property AdminController controller: admin

    signal trafficRequested()

    function showPage(name: string): void {
        const index = ["apps", "rooms", "actors", "permissions"].indexOf(name)
        if (index >= 0) {
            pages.currentIndex = index
        }
    }

    AdminController {
        id: admin

        session: root.session
        onTrafficRequested: root.trafficRequested()
    }

    EmptyState {
        anchors.fill: parent
        visible: !admin.available
        title: qsTr("Administration needs the project's API key")
        hint: qsTr("Edit this connection and add the API key (nlg_live_…) and, if it is not on the broker's host, the REST API URL. nolag-local prints its key at start; with --demo it is in demo-tokens.json in its data directory.")
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        visible: admin.available

        TabBar {
            id: pages

            objectName: "adminPages"
            Layout.fillWidth: true
            TabButton { text: qsTr("Apps (%1)").arg(admin.apps.count); Accessible.name: qsTr("Apps") }
            TabButton { text: qsTr("Rooms and grants"); Accessible.name: text }
            TabButton { text: qsTr("Actors (%1)").arg(admin.actors.count); Accessible.name: qsTr("Actors") }
            TabButton { text: qsTr("What may this token do?"); Accessible.name: text }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: pages.currentIndex

            AdminAppsPage { controller: admin }
            AdminRoomsPage { controller: admin }
            AdminActorsPage {
                controller: admin
                onPermissionsRequested: root.showPage("permissions")
            }
            AdminPermissionsPage { controller: admin }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: statusRow.implicitHeight + 8
            color: Theme.surfaceAlt

            RowLayout {
                id: statusRow

                anchors.fill: parent
                anchors.leftMargin: 8
                anchors.rightMargin: 8
                spacing: Theme.spacing

                BusyIndicator {
                    Layout.preferredWidth: 18
                    Layout.preferredHeight: 18
                    running: admin.busy > 0
                    visible: running
                    Accessible.name: qsTr("Waiting for the server")
                }
                Label {
                    objectName: "adminStatus"
                    Layout.fillWidth: true
                    text: admin.errorString.length > 0 ? admin.errorString : admin.statusMessage
                    color: admin.errorString.length > 0 ? Theme.danger : Theme.textMuted
                    elide: Text.ElideRight
                    Accessible.name: qsTr("Administration status: %1").arg(text)
                }
            }
        }
    }

    AdminConfirmDialog {
        title: admin.confirmationTitle
        text: admin.confirmationText
        actionText: admin.confirmationAction
        pending: admin.confirmationPending
        onConfirmed: admin.confirm()
        onCancelled: admin.cancelConfirmation()
    }

    AdminTokenDialog {
        token: admin.newToken
        actorName: admin.newTokenActor
        onCopyRequested: admin.copyNewToken()
        onDismissed: admin.dismissToken()
    }
}
