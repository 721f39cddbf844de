pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// The command palette (Ctrl+K): type to narrow the commands, arrows to choose, Enter to run,
// Escape to close. The filtering and ranking live in CommandPaletteModel.
Popup {
    id: root

    property CommandRegistry registry: CommandRegistry
    readonly property CommandPaletteModel model: paletteModel

    objectName: "commandPalette"
    modal: true
    focus: true
    x: Math.round(((parent ? parent.width : 640) - width) / 2)
    y: 60
    width: Math.min(640, (parent ? parent.width : 640) - 40)
    height: Math.min(460, column.implicitHeight + topPadding + bottomPadding)
    padding: 6
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    onOpened: {
        root.registry.refresh()
        field.text = ""
        paletteModel.query = ""
        field.forceActiveFocus()
    }

    CommandPaletteModel {
        id: paletteModel

        registry: root.registry
    }

    contentItem: ColumnLayout {
        id: column

        spacing: 4

        TextField {
            id: field

            objectName: "paletteField"
            Layout.fillWidth: true
            placeholderText: qsTr("Type a command… (↑ ↓ to choose, Enter to run, Esc to close)")
            Accessible.name: qsTr("Search the commands")
            onTextEdited: paletteModel.query = field.text
            Keys.onUpPressed: paletteModel.moveCurrent(-1)
            Keys.onDownPressed: paletteModel.moveCurrent(1)
            Keys.onReturnPressed: {
                root.close()
                paletteModel.triggerCurrent()
            }
            Keys.onEnterPressed: {
                root.close()
                paletteModel.triggerCurrent()
            }
        }

        ListView {
            id: list

            objectName: "paletteList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 380)
            clip: true
            model: paletteModel
            currentIndex: paletteModel.currentIndex
            highlightMoveDuration: 0
            Accessible.name: qsTr("Matching commands")
            ScrollBar.vertical: ScrollBar {}

            delegate: ItemDelegate {
                id: entry

                required property int index
                required property string titleMarkup
                required property string title
                required property string category
                required property string shortcutText
                required property bool current
                width: ListView.view.width
                highlighted: entry.current
                Accessible.name: entry.shortcutText.length > 0 ? qsTr("%1, %2").arg(entry.title).arg(entry.shortcutText) : entry.title
                onClicked: {
                    root.close()
                    paletteModel.trigger(entry.index)
                }
                contentItem: RowLayout {
                    spacing: 10
                    Label {
                        Layout.preferredWidth: 90
                        text: entry.category
                        color: entry.current ? Theme.selectionText : Theme.textMuted
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: entry.titleMarkup
                        textFormat: Text.StyledText
                        color: entry.current ? Theme.selectionText : Theme.text
                        elide: Text.ElideRight
                    }
                    Label {
                        text: entry.shortcutText
                        color: entry.current ? Theme.selectionText : Theme.textMuted
                        font: Theme.monoFont
                    }
                }
            }
        }

        Label {
            objectName: "paletteEmpty"
            Layout.fillWidth: true
            Layout.margins: 8
            visible: paletteModel.count === 0
            text: qsTr("No command matches \"%1\".").arg(field.text)
            color: Theme.textMuted
        }
    }
}
