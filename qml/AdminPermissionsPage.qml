pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// "What may this token do": the topics an actor, or the actor behind a pasted token, may
// subscribe to and publish on, worked out from the apps, rooms and grants.
ColumnLayout {
    id: root

    required property AdminController controller
    readonly property AdminPermissionsModel permissions: root.controller.permissions

    spacing: 0

    SectionHeader {
        Layout.fillWidth: true
        title: qsTr("What may this token do?")
        detail: root.permissions.loading ? qsTr("Working it out…") : ""
    }

    GridLayout {
        Layout.fillWidth: true
        Layout.margins: 10
        columns: 3
        columnSpacing: 10
        rowSpacing: 6

        Label { text: qsTr("An actor"); color: Theme.textMuted }
        ComboBox {
            id: actorChooser

            objectName: "permissionsActorChooser"
            Layout.fillWidth: true
            model: root.controller.actors
            textRole: "name"
            currentIndex: root.controller.actors.indexOf(root.permissions.actorTokenId)
            displayText: currentIndex >= 0 ? currentText : qsTr("choose an actor…")
            Accessible.name: qsTr("The actor to look at")
            onActivated: (index) => root.controller.inspectActor(index)
        }
        Button {
            objectName: "inspectActorButton"
            text: qsTr("Show its topics")
            enabled: actorChooser.currentIndex >= 0
            Accessible.name: qsTr("Show the topics of the chosen actor")
            onClicked: root.controller.inspectActor(actorChooser.currentIndex)
        }

        Label { text: qsTr("or a token"); color: Theme.textMuted }
        TextField {
            id: tokenField

            objectName: "permissionsTokenField"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: qsTr("paste an access token (at_…)")
            Accessible.name: qsTr("An access token to look at")
        }
        Button {
            objectName: "inspectTokenButton"
            text: qsTr("Ask the broker")
            enabled: tokenField.text.length > 0
            Accessible.name: qsTr("Find out whose token this is and show its topics")
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: qsTr("Connects once with the token to learn which actor it belongs to, then disconnects.")
            onClicked: {
                root.controller.inspectToken(tokenField.text)
                tokenField.clear()
            }
        }
    }

    Label {
        objectName: "permissionsNote"
        Layout.fillWidth: true
        Layout.leftMargin: 10
        Layout.rightMargin: 10
        text: root.permissions.note
        color: Theme.textMuted
        wrapMode: Text.WordWrap
    }

    Label {
        objectName: "permissionsSummary"
        Layout.fillWidth: true
        Layout.margins: 10
        visible: text.length > 0
        text: root.permissions.errorString.length > 0 ? root.permissions.errorString : root.permissions.summary
        color: root.permissions.errorString.length > 0 ? Theme.danger : Theme.text
        font.bold: true
        wrapMode: Text.WordWrap
    }

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: Theme.rowHeight + 4
        color: Theme.surfaceAlt
        visible: root.permissions.count > 0

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 10
            anchors.rightMargin: 10
            Label { Layout.fillWidth: true; text: qsTr("Topic"); font.bold: true; color: Theme.text }
            Label { Layout.preferredWidth: 90; text: qsTr("Subscribe"); font.bold: true; color: Theme.text }
            Label { Layout.preferredWidth: 90; text: qsTr("Publish"); font.bold: true; color: Theme.text }
            Label { Layout.preferredWidth: 260; text: qsTr("Because of"); font.bold: true; color: Theme.text }
        }
    }

    ListView {
        objectName: "permissionsList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: root.permissions
        Accessible.name: qsTr("Topics and permissions")
        ScrollBar.vertical: ScrollBar {}
        delegate: Rectangle {
            id: rule

            required property int index
            required property string topic
            required property bool canSubscribe
            required property bool canPublish
            required property string via
            width: ListView.view.width
            height: Theme.rowHeight + 4
            color: rule.index % 2 ? Theme.surface : Theme.window
            Accessible.role: Accessible.Row
            Accessible.name: qsTr("%1: %2").arg(rule.topic).arg(rule.canSubscribe && rule.canPublish ? qsTr("subscribe and publish")
                                                                : rule.canSubscribe ? qsTr("subscribe only") : qsTr("publish only"))

            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 10
                anchors.rightMargin: 10
                Label { Layout.fillWidth: true; text: rule.topic; font: Theme.monoFont; color: Theme.text; elide: Text.ElideRight }
                Label { Layout.preferredWidth: 90; text: rule.canSubscribe ? "✓" : "—"; color: rule.canSubscribe ? Theme.success : Theme.textMuted }
                Label { Layout.preferredWidth: 90; text: rule.canPublish ? "✓" : "—"; color: rule.canPublish ? Theme.success : Theme.textMuted }
                Label { Layout.preferredWidth: 260; text: rule.via; color: Theme.textMuted; elide: Text.ElideRight }
            }
        }
    }
}
