import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// Publish templates of a connection profile, and sending the form N times at a rate with
// {{uuid}}, {{timestamp}} and {{counter}} filled in for every message.
ColumnLayout {
    id: root

    required property Session session
    readonly property Publisher publisher: root.session.publisher
    readonly property TemplateListModel templates: templates
    readonly property PublishRepeater repeater: repeater

    spacing: 4

    TemplateListModel {
        id: templates

        profileId: root.session.profileId
    }

    PublishRepeater {
        id: repeater

        session: root.session
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing

        Label { text: qsTr("Template") }
        ComboBox {
            id: templateBox

            objectName: "templateBox"
            Layout.preferredWidth: 200
            model: templates
            textRole: "name"
            displayText: templates.count === 0 ? qsTr("none saved") : currentText
            enabled: templates.count > 0
            Accessible.name: qsTr("Saved publish templates")
            onActivated: (index) => templates.apply(index, root.publisher)
        }
        TextField {
            id: templateName

            objectName: "templateName"
            Layout.fillWidth: true
            placeholderText: qsTr("Name to save the form as")
            Accessible.name: qsTr("Template name")
            selectByMouse: true
        }
        Button {
            objectName: "saveTemplate"
            text: qsTr("Save template")
            enabled: templateName.text.trim().length > 0
            onClicked: {
                if (templates.save(templateName.text, root.publisher)) {
                    templateBox.currentIndex = templates.count - 1
                    templateName.clear()
                }
            }
        }
        Button {
            text: qsTr("Delete")
            enabled: templates.count > 0 && templateBox.currentIndex >= 0
            Accessible.name: qsTr("Delete the selected template")
            onClicked: templates.remove(templateBox.currentIndex)
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing

        Label { text: qsTr("Send") }
        SpinBox {
            objectName: "repeatCount"
            from: 1
            to: 1000000
            editable: true
            value: repeater.count
            Accessible.name: qsTr("How many messages to send")
            onValueModified: repeater.count = value
        }
        Label { text: qsTr("times at") }
        SpinBox {
            objectName: "repeatRate"
            from: 1
            to: 10000
            editable: true
            value: Math.round(repeater.rate)
            Accessible.name: qsTr("Messages per second")
            onValueModified: repeater.rate = value
        }
        Label { text: qsTr("per second") }
        Button {
            objectName: "repeatButton"
            text: repeater.running ? qsTr("Stop") : qsTr("Start")
            highlighted: repeater.running
            onClicked: repeater.running ? repeater.stop() : repeater.start()
        }
        ProgressBar {
            Layout.fillWidth: true
            visible: repeater.running || repeater.sentCount > 0
            value: repeater.progress
        }
    }

    Label {
        objectName: "repeatStatus"
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        text: repeater.statusText.length > 0 ? repeater.statusText
                                             : qsTr("Placeholders in the topic and payload: {{uuid}}, {{timestamp}} (milliseconds), {{counter}} (1, 2, 3… per message sent).")
        color: repeater.errorString.length > 0 ? Theme.danger : Theme.textMuted
    }
}
