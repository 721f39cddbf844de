pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// The rooms of one app (static ones from its definition, dynamic ones made over the API),
// the form of the chosen room, and its actor grants.
SplitView {
    id: root

    required property AdminController controller
    readonly property AdminRoomForm form: root.controller.roomForm
    readonly property AdminGrantForm grantForm: root.controller.grantForm
    readonly property bool editing: root.form.mode === AdminForm.Edit

    ColumnLayout {
        SplitView.preferredWidth: Math.round(root.width * 0.3)
        SplitView.minimumWidth: 220
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 4
            Label { text: qsTr("App"); color: Theme.textMuted }
            ComboBox {
                objectName: "roomsAppChooser"
                Layout.fillWidth: true
                model: root.controller.apps
                textRole: "name"
                currentIndex: root.controller.appRow
                displayText: root.controller.appRow >= 0 ? currentText + "  ·  " + root.controller.appSlug : qsTr("Choose an app")
                Accessible.name: qsTr("The app whose rooms are shown")
                onActivated: (index) => root.controller.selectApp(index)
            }
        }

        AdminListPane {
            objectName: "roomsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            title: qsTr("Rooms")
            detail: root.controller.appId.length === 0 ? "" : root.controller.rooms.count === 1 ? qsTr("1 room") : qsTr("%1 rooms").arg(root.controller.rooms.count)
            newText: root.controller.appId.length > 0 ? qsTr("New room") : ""
            loading: root.controller.rooms.loading
            errorText: root.controller.rooms.errorString
            model: root.controller.appId.length > 0 ? root.controller.rooms : null
            onNewRequested: root.controller.newRoom()
            onReloadRequested: root.controller.rooms.reload()
            delegate: ItemDelegate {
                id: room

                required property int index
                required property var model
                width: ListView.view.width
                highlighted: root.controller.roomRow === room.index
                Accessible.name: qsTr("Room %1, %2, %3").arg(room.model.slug).arg(room.model.roomType)
                                     .arg(room.model.enabled ? qsTr("enabled") : qsTr("disabled"))
                onClicked: root.controller.selectRoom(room.index)
                contentItem: ColumnLayout {
                    spacing: 0
                    RowLayout {
                        Label { text: room.model.name; font.bold: true; color: room.highlighted ? Theme.selectionText : room.model.enabled ? Theme.text : Theme.textMuted; elide: Text.ElideRight; Layout.fillWidth: true }
                        Label {
                            text: room.model.roomType === "static" ? qsTr("static") : qsTr("dynamic")
                            color: room.highlighted ? Theme.selectionText : room.model.roomType === "static" ? Theme.info : Theme.accent
                            font.pixelSize: 11
                        }
                        Label {
                            visible: !room.model.enabled
                            text: qsTr("disabled")
                            color: Theme.warning
                            font.pixelSize: 11
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: room.model.slug + "  ·  " + room.model.topics.join(", ")
                        color: room.highlighted ? Theme.selectionText : Theme.textMuted
                        elide: Text.ElideRight
                    }
                }
            }
        }
    }

    ScrollView {
        SplitView.fillWidth: true
        contentWidth: availableWidth
        visible: root.controller.appId.length > 0

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            SectionHeader {
                Layout.fillWidth: true
                title: root.editing ? qsTr("Room %1").arg(root.controller.roomSlug) : qsTr("New room in %1").arg(root.controller.appSlug)
                detail: root.editing ? (root.controller.roomIsStatic ? qsTr("static: part of the app's definition") : qsTr("dynamic: made over the API")) : ""
            }

            GridLayout {
                Layout.fillWidth: true
                Layout.margins: 10
                columns: 2
                columnSpacing: 12
                rowSpacing: 6

                AdminField {
                    objectName: "roomName"
                    Layout.fillWidth: true
                    form: root.form
                    field: "name"
                    label: qsTr("Name")
                    placeholder: qsTr("Support team")
                }
                AdminField {
                    objectName: "roomSlug"
                    Layout.fillWidth: true
                    form: root.form
                    field: "slug"
                    label: root.editing ? qsTr("Slug (never changes)") : qsTr("Slug (second part of every topic)")
                    placeholder: qsTr("made from the name when empty")
                    readOnly: root.editing
                }
                AdminField {
                    objectName: "roomDescription"
                    Layout.fillWidth: true
                    form: root.form
                    field: "description"
                    label: qsTr("Description")
                }
                AdminField {
                    objectName: "roomTopics"
                    Layout.fillWidth: true
                    form: root.form
                    field: "topics"
                    label: qsTr("Topics (comma separated)")
                    placeholder: root.editing ? "" : qsTr("empty: the app's topics")
                }
            }

            Label {
                objectName: "roomFormError"
                Layout.fillWidth: true
                Layout.leftMargin: 10
                visible: text.length > 0
                text: root.form.formError
                color: Theme.danger
                wrapMode: Text.WordWrap
            }

            Flow {
                Layout.fillWidth: true
                Layout.leftMargin: 10
                Layout.rightMargin: 10
                spacing: Theme.spacing

                Button {
                    objectName: "saveRoomButton"
                    text: root.editing ? qsTr("Save changes") : qsTr("Create room")
                    highlighted: true
                    enabled: root.controller.busy === 0
                    Accessible.name: text
                    onClicked: root.controller.saveRoom()
                }
                Button {
                    objectName: "ensureRoomButton"
                    visible: !root.editing
                    text: qsTr("Ensure room")
                    enabled: root.controller.busy === 0
                    Accessible.name: qsTr("Ensure the room: use it if its slug exists, else create it")
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Returns the room with this slug unchanged if it exists, and creates it otherwise. Needs the app's autoProvisionRooms.")
                    onClicked: root.controller.ensureRoom()
                }
                Button {
                    objectName: "toggleRoomButton"
                    visible: root.editing
                    text: root.controller.roomEnabled ? qsTr("Disable…") : qsTr("Enable")
                    Accessible.name: root.controller.roomEnabled ? qsTr("Disable this room") : qsTr("Enable this room")
                    onClicked: root.controller.setRoomEnabled(root.controller.roomRow, !root.controller.roomEnabled)
                }
                Button {
                    objectName: "deleteRoomButton"
                    visible: root.editing
                    enabled: !root.controller.roomIsStatic
                    text: qsTr("Delete room…")
                    palette.buttonText: enabled ? Theme.danger : Theme.textMuted
                    Accessible.name: qsTr("Delete this room")
                    ToolTip.visible: hovered && root.controller.roomIsStatic
                    ToolTip.text: qsTr("Static rooms cannot be deleted; disable them instead.")
                    onClicked: root.controller.requestDeleteRoom(root.controller.roomRow)
                }
            }

            SectionHeader {
                Layout.fillWidth: true
                Layout.topMargin: 8
                visible: root.editing
                title: qsTr("Who may use %1").arg(root.controller.roomSlug)
                detail: root.controller.grants.count === 0 ? qsTr("no grants: open to every actor of the project")
                                                           : root.controller.grants.count === 1 ? qsTr("1 grant: private to it") : qsTr("%1 grants: private to them").arg(root.controller.grants.count)
            }

            Repeater {
                model: root.editing ? root.controller.grants : null

                delegate: RowLayout {
                    id: grant

                    required property int index
                    required property var model
                    Layout.fillWidth: true
                    Layout.leftMargin: 10
                    Layout.rightMargin: 10
                    spacing: Theme.spacing

                    Label {
                        Layout.preferredWidth: 170
                        text: root.controller.grantSubject(grant.index)
                        font.bold: true
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.preferredWidth: 160
                        text: grant.model.permission === "pubSub" ? qsTr("subscribe + publish")
                                                                  : grant.model.permission
                        color: Theme.accent
                    }
                    Label {
                        Layout.fillWidth: true
                        text: (grant.model.topics.length > 0 ? grant.model.topics.join(", ") : qsTr("the app's topics"))
                              + (grant.model.active ? "" : qsTr("  (inactive)"))
                        color: Theme.textMuted
                        elide: Text.ElideRight
                    }
                    Button {
                        objectName: "revokeButton"
                        text: qsTr("Revoke…")
                        flat: true
                        palette.buttonText: Theme.danger
                        Accessible.name: qsTr("Revoke the grant of %1").arg(root.controller.grantSubject(grant.index))
                        onClicked: root.controller.requestRevokeGrant(grant.index)
                    }
                }
            }

            GridLayout {
                Layout.fillWidth: true
                Layout.margins: 10
                visible: root.editing
                columns: 4
                columnSpacing: 10
                rowSpacing: 4

                Label { text: qsTr("Grant to"); color: Theme.textMuted }
                ComboBox {
                    id: grantActor

                    objectName: "grantActorChooser"
                    Layout.fillWidth: true
                    model: root.controller.actors
                    textRole: "name"
                    valueRole: "actorTokenId"
                    currentIndex: root.controller.actors.indexOf(root.grantForm.values["actorTokenId"] ?? "")
                    displayText: currentIndex >= 0 ? currentText : qsTr("one actor…")
                    Accessible.name: qsTr("Grant to one actor")
                    onActivated: {
                        root.grantForm.setValue("actorType", "")
                        root.grantForm.setValue("actorTokenId", currentValue)
                    }
                }
                Label { text: qsTr("or every"); color: Theme.textMuted }
                ComboBox {
                    objectName: "grantTypeChooser"
                    Layout.fillWidth: true
                    model: root.controller.actorTypes
                    currentIndex: root.controller.actorTypes.indexOf(root.grantForm.values["actorType"] ?? "")
                    displayText: currentIndex >= 0 ? currentText : qsTr("actor type…")
                    Accessible.name: qsTr("Grant to every actor of a type")
                    onActivated: {
                        root.grantForm.setValue("actorTokenId", "")
                        root.grantForm.setValue("actorType", currentText)
                    }
                }

                Label { text: qsTr("May"); color: Theme.textMuted }
                ComboBox {
                    objectName: "grantPermissionChooser"
                    Layout.fillWidth: true
                    model: root.grantForm.choiceLabels("permission")
                    currentIndex: root.grantForm.choices("permission").indexOf(root.grantForm.values["permission"] ?? "")
                    Accessible.name: qsTr("What the grant allows")
                    onActivated: (index) => root.grantForm.setValue("permission", root.grantForm.choices("permission")[index])
                }
                Label { text: qsTr("Topics"); color: Theme.textMuted }
                AdminField {
                    objectName: "grantTopics"
                    Layout.fillWidth: true
                    form: root.grantForm
                    field: "topics"
                    placeholder: qsTr("empty: the app's topics")
                    label: ""
                    accessibleName: qsTr("Topics the grant covers")
                }

                Label { text: qsTr("Expires"); color: Theme.textMuted }
                AdminField {
                    objectName: "grantExpires"
                    Layout.fillWidth: true
                    form: root.grantForm
                    field: "expiresAt"
                    placeholder: qsTr("never (or 2026-12-31T23:59:00Z)")
                    label: ""
                    accessibleName: qsTr("When the grant expires")
                }
                Item { Layout.columnSpan: 2; Layout.fillWidth: true }
            }

            Label {
                objectName: "grantError"
                Layout.fillWidth: true
                Layout.leftMargin: 10
                visible: text.length > 0
                text: root.grantForm.formError.length > 0 ? root.grantForm.formError : (root.grantForm.errors["actorTokenId"] ?? "")
                color: Theme.danger
                wrapMode: Text.WordWrap
            }

            Button {
                objectName: "addGrantButton"
                Layout.leftMargin: 10
                Layout.bottomMargin: 10
                visible: root.editing
                text: qsTr("Add grant")
                enabled: root.controller.busy === 0
                Accessible.name: qsTr("Add the grant to this room")
                onClicked: root.controller.addGrant()
            }
        }
    }

    EmptyState {
        SplitView.fillWidth: true
        visible: root.controller.appId.length === 0
        title: qsTr("Choose an app")
        hint: qsTr("Rooms belong to an app: pick one above the list.")
    }
}
