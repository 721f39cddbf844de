import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// One text field of an admin form: its label, the input and the problem with it, which the
// form (C++) works out as the user types or takes from the server's refusal.
ColumnLayout {
    id: root

    required property AdminForm form
    required property string field
    property string label: ""
    property string placeholder: ""
    property string hint: ""
    // What a screen reader calls the field; the label, unless the field has none.
    property string accessibleName: root.label
    property bool readOnly: false
    readonly property string errorText: root.form.errors[root.field] ?? ""
    readonly property alias input: input

    spacing: 2

    Label {
        Layout.fillWidth: true
        visible: root.label.length > 0
        text: root.label
        color: Theme.textMuted
        elide: Text.ElideRight
    }

    TextField {
        id: input

        objectName: "input"
        Layout.fillWidth: true
        text: root.form.values[root.field] ?? ""
        placeholderText: root.placeholder
        readOnly: root.readOnly
        selectByMouse: true
        color: root.readOnly ? Theme.textMuted : Theme.text
        Accessible.name: root.accessibleName
        Accessible.description: root.errorText.length > 0 ? root.errorText : root.hint
        onTextEdited: root.form.setValue(root.field, input.text)
    }

    Label {
        objectName: "errorLabel"
        Layout.fillWidth: true
        visible: text.length > 0
        text: root.errorText.length > 0 ? root.errorText : root.hint
        color: root.errorText.length > 0 ? Theme.danger : Theme.textMuted
        wrapMode: Text.WordWrap
        font.pixelSize: Math.round(input.font.pixelSize * 0.9)
    }
}
