pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// The project's apps: the list, and the form of the chosen app (or of a new one).
SplitView {
    id: root

    required property AdminController controller
    readonly property AdminAppForm form: root.controller.appForm
    readonly property bool editing: root.form.mode === AdminForm.Edit

    AdminListPane {
        objectName: "appsList"
        SplitView.preferredWidth: Math.round(root.width * 0.38)
        SplitView.minimumWidth: 220
        title: qsTr("Apps")
        detail: root.controller.apps.count === 1 ? qsTr("1 app") : qsTr("%1 apps").arg(root.controller.apps.count)
        newText: qsTr("New app")
        loading: root.controller.apps.loading
        errorText: root.controller.apps.errorString
        model: root.controller.apps
        onNewRequested: root.controller.newApp()
        onReloadRequested: root.controller.apps.reload()
        delegate: ItemDelegate {
            id: app

            required property int index
            required property var model
            width: ListView.view.width
            highlighted: root.controller.appRow === app.index
            Accessible.name: qsTr("App %1, slug %2").arg(app.model.name).arg(app.model.slug)
            onClicked: root.controller.selectApp(app.index)
            contentItem: ColumnLayout {
                spacing: 0
                Label { text: app.model.name; font.bold: true; color: app.highlighted ? Theme.selectionText : Theme.text; elide: Text.ElideRight; Layout.fillWidth: true }
                Label {
                    Layout.fillWidth: true
                    text: app.model.slug + "  ·  " + app.model.topics.join(", ")
                    color: app.highlighted ? Theme.selectionText : Theme.textMuted
                    elide: Text.ElideRight
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
                title: root.editing ? qsTr("App %1").arg(root.form.values["name"] ?? "") : qsTr("New app")
                detail: root.editing ? root.form.editingId : ""
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.margins: 10
                spacing: 8

                AdminField {
                    objectName: "appName"
                    Layout.fillWidth: true
                    form: root.form
                    field: "name"
                    label: qsTr("Name")
                    placeholder: qsTr("Chat")
                }
                AdminField {
                    objectName: "appSlug"
                    Layout.fillWidth: true
                    form: root.form
                    field: "slug"
                    label: qsTr("Slug (first part of every topic)")
                    placeholder: qsTr("made from the name when empty")
                    hint: root.editing ? "" : qsTr("nolag-local adds a 4-character suffix to new app slugs, as the hosted service does.")
                }
                AdminField {
                    objectName: "appDescription"
                    Layout.fillWidth: true
                    form: root.form
                    field: "description"
                    label: qsTr("Description")
                }
                AdminField {
                    objectName: "appTopics"
                    Layout.fillWidth: true
                    form: root.form
                    field: "topics"
                    label: qsTr("Topics (comma separated)")
                    placeholder: qsTr("messages, typing, telemetry")
                    hint: qsTr("Every room of the app uses these topics unless a grant lists its own.")
                }
                CheckBox {
                    objectName: "appAutoProvision"
                    text: qsTr("Rooms may be created on demand (autoProvisionRooms, needed by Ensure)")
                    checked: root.form.values["autoProvisionRooms"] ?? false
                    Accessible.name: text
                    onToggled: root.form.setValue("autoProvisionRooms", checked)
                }
                Label {
                    objectName: "appFormError"
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: root.form.formError
                    color: Theme.danger
                    wrapMode: Text.WordWrap
                }
                RowLayout {
                    spacing: Theme.spacing
                    Button {
                        objectName: "saveAppButton"
                        text: root.editing ? qsTr("Save changes") : qsTr("Create app")
                        highlighted: true
                        enabled: root.controller.busy === 0
                        Accessible.name: text
                        onClicked: root.controller.saveApp()
                    }
                    Button {
                        objectName: "deleteAppButton"
                        visible: root.editing
                        text: qsTr("Delete app…")
                        palette.buttonText: Theme.danger
                        Accessible.name: qsTr("Delete this app")
                        onClicked: root.controller.requestDeleteApp(root.controller.appRow)
                    }
                }
            }
        }
    }
}
