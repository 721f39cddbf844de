pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// Saved connection profiles: pick one to connect, or edit and create them.
Item {
    id: root

    readonly property ProfileStore profiles: ExplorerApp.profiles

    signal connected()

    function saveForm(fields: var): string {
        const id = root.profiles.save(fields)
        form.errorText = id.length > 0 ? "" : root.profiles.lastError()
        if (id.length > 0) {
            form.profileId = id
        }
        return id
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 16

        ColumnLayout {
            Layout.preferredWidth: 280
            Layout.fillHeight: true
            spacing: 6

            Label {
                text: qsTr("Connections")
                font.bold: true
                font.pointSize: 13
            }

            ListView {
                id: list

                objectName: "profileList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: root.profiles

                delegate: ItemDelegate {
                    id: entry

                    required property int index
                    required property string profileId
                    required property string name
                    required property string brokerUrl

                    width: ListView.view.width
                    highlighted: form.profileId === entry.profileId
                    onClicked: form.load(root.profiles.get(entry.profileId))
                    onDoubleClicked: {
                        ExplorerApp.connectProfile(entry.profileId)
                        root.connected()
                    }
                    contentItem: ColumnLayout {
                        spacing: 0
                        Label { text: entry.name; font.bold: true }
                        Label { text: entry.brokerUrl; color: Theme.textMuted; elide: Text.ElideMiddle; Layout.fillWidth: true }
                    }
                }
            }

            EmptyState {
                Layout.fillWidth: true
                Layout.preferredHeight: 100
                visible: root.profiles.count === 0
                title: qsTr("No saved connections")
                hint: qsTr("Fill in the form to add one. nolag-local --demo prints tokens to try.")
            }

            RowLayout {
                Button {
                    text: qsTr("New")
                    onClicked: form.load({})
                }
                Button {
                    text: qsTr("Delete")
                    enabled: form.profileId.length > 0
                    onClicked: {
                        root.profiles.remove(form.profileId)
                        form.load({})
                    }
                }
            }
        }

        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true

            ProfileForm {
                id: form

                width: Math.min(640, root.width - 320)
                secretsNote: root.profiles.secretsNote
                onSaveRequested: (fields) => root.saveForm(fields)
                onConnectRequested: (fields) => {
                    const id = root.saveForm(fields)
                    if (id.length > 0) {
                        ExplorerApp.connectProfile(id)
                        root.connected()
                    }
                }
            }
        }
    }
}
