pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// The project's actors: the list, the form of the chosen actor (or a new one), and what to
// do with it: see its traffic, see what it may do, deactivate, delete.
SplitView {
    id: root

    required property AdminController controller
    readonly property AdminActorForm form: root.controller.actorForm
    readonly property bool editing: root.form.mode === AdminForm.Edit

    signal permissionsRequested()

    AdminListPane {
        objectName: "actorsList"
        SplitView.preferredWidth: Math.round(root.width * 0.38)
        SplitView.minimumWidth: 220
        title: qsTr("Actors")
        detail: root.controller.actors.count === 1 ? qsTr("1 actor") : qsTr("%1 actors").arg(root.controller.actors.count)
        newText: qsTr("New actor")
        loading: root.controller.actors.loading
        errorText: root.controller.actors.errorString
        model: root.controller.actors
        onNewRequested: root.controller.newActor()
        onReloadRequested: root.controller.actors.reload()
        delegate: ItemDelegate {
            id: actor

            required property int index
            required property var model
            width: ListView.view.width
            highlighted: root.controller.actorRow === actor.index
            Accessible.name: qsTr("Actor %1, %2, %3").arg(actor.model.name).arg(actor.model.actorType)
                                 .arg(actor.model.active ? qsTr("active") : qsTr("deactivated"))
            onClicked: root.controller.selectActor(actor.index)
            contentItem: RowLayout {
                spacing: Theme.spacing
                Rectangle {
                    Layout.preferredWidth: 8
                    Layout.preferredHeight: 8
                    radius: 4
                    color: actor.model.active ? Theme.success : Theme.textMuted
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label { text: actor.model.name; font.bold: true; color: actor.highlighted ? Theme.selectionText : actor.model.active ? Theme.text : Theme.textMuted; elide: Text.ElideRight; Layout.fillWidth: true }
                    Label {
                        Layout.fillWidth: true
                        text: actor.model.actorType + (actor.model.active ? "" : qsTr("  ·  deactivated"))
                        color: actor.highlighted ? Theme.selectionText : Theme.textMuted
                        elide: Text.ElideRight
                    }
                }
            }
        }
    }

    ScrollView {
        SplitView.fillWidth: true
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            SectionHeader {
                Layout.fillWidth: true
                title: root.editing ? qsTr("Actor %1").arg(root.controller.actorName) : qsTr("New actor")
                detail: root.editing ? root.form.editingId : ""
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.margins: 10
                spacing: 8

                AdminField {
                    objectName: "actorName"
                    Layout.fillWidth: true
                    form: root.form
                    field: "name"
                    label: qsTr("Name")
                    placeholder: qsTr("sensor-2")
                }
                ColumnLayout {
                    spacing: 2
                    Label { text: qsTr("Type"); color: Theme.textMuted }
                    ComboBox {
                        objectName: "actorTypeChooser"
                        Layout.preferredWidth: 220
                        enabled: !root.editing
                        model: root.controller.actorTypes
                        currentIndex: root.controller.actorTypes.indexOf(root.form.values["actorType"] ?? "user")
                        Accessible.name: qsTr("Actor type")
                        onActivated: root.form.setValue("actorType", currentText)
                    }
                    Label {
                        visible: root.editing
                        text: qsTr("The type of an actor cannot change.")
                        color: Theme.textMuted
                    }
                }
                AdminField {
                    objectName: "actorDescription"
                    Layout.fillWidth: true
                    form: root.form
                    field: "description"
                    label: qsTr("Description")
                }
                AdminField {
                    objectName: "actorExternalId"
                    Layout.fillWidth: true
                    form: root.form
                    field: "externalId"
                    label: qsTr("External id (your own system's id for it)")
                }
                Label {
                    objectName: "actorFormError"
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: root.form.formError
                    color: Theme.danger
                    wrapMode: Text.WordWrap
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacing

                    Button {
                        objectName: "saveActorButton"
                        text: root.editing ? qsTr("Save changes") : qsTr("Create actor")
                        highlighted: true
                        enabled: root.controller.busy === 0
                        Accessible.name: text
                        onClicked: root.controller.saveActor()
                    }
                    Button {
                        objectName: "actorTrafficButton"
                        visible: root.editing
                        text: qsTr("Show this actor's traffic")
                        Accessible.name: text
                        ToolTip.visible: hovered
                        ToolTip.delay: 600
                        ToolTip.text: qsTr("Opens Traffic with the sender filter set to this actor. The NoLag broker does not name the sender of a message today, so the list fills only with a server that does.")
                        onClicked: root.controller.showActorTraffic(root.controller.actorRow)
                    }
                    Button {
                        objectName: "actorPermissionsButton"
                        visible: root.editing
                        text: qsTr("What may it do?")
                        Accessible.name: qsTr("Show the topics this actor may use")
                        onClicked: {
                            root.controller.inspectActor(root.controller.actorRow)
                            root.permissionsRequested()
                        }
                    }
                    Button {
                        objectName: "toggleActorButton"
                        visible: root.editing
                        text: root.controller.actorActive ? qsTr("Deactivate…") : qsTr("Reactivate")
                        Accessible.name: root.controller.actorActive ? qsTr("Deactivate this actor") : qsTr("Reactivate this actor")
                        onClicked: root.controller.setActorActive(root.controller.actorRow, !root.controller.actorActive)
                    }
                    Button {
                        objectName: "deleteActorButton"
                        visible: root.editing
                        text: qsTr("Delete actor…")
                        palette.buttonText: Theme.danger
                        Accessible.name: qsTr("Delete this actor")
                        onClicked: root.controller.requestDeleteActor(root.controller.actorRow)
                    }
                }
                Label {
                    Layout.fillWidth: true
                    visible: !root.editing
                    text: qsTr("Creating an actor gives its access token once, in a dialog: copy it there.")
                    color: Theme.textMuted
                    wrapMode: Text.WordWrap
                }
            }
        }
    }
}
