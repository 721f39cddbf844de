import QtQuick
import QtTest
import NoLagExplorer

// Created objects go into a visible item: a TestCase itself is not shown.
Item {
    id: stage

    width: 900
    height: 400

    TestCase {
        id: testCase

        name: "PayloadEditor"
        when: windowShown
        width: 500
        height: 300

        Component {
            id: editor
            PayloadEditor { width: 500; height: 300 }
        }

        SignalSpy {
            id: edited
            signalName: "textEdited"
        }

        SignalSpy {
            id: modes
            signalName: "modeEdited"
        }

        function test_typingIsReported() {
            const item = createTemporaryObject(editor, stage, { text: "" })
            edited.target = item
            const area = findChild(item, "payloadArea")
            area.forceActiveFocus()
            keyClick(Qt.Key_4)
            keyClick(Qt.Key_2)
            compare(edited.count, 2)
            compare(edited.signalArguments[1][0], "42")
        }

        function test_errorIsShown() {
            const item = createTemporaryObject(editor, stage, { errorText: "Line 1, column 2: oops" })
            const label = findChild(item, "payloadError")
            compare(label.text, "Line 1, column 2: oops")
            verify(!item.valid)
        }

        function test_modeButtons() {
            const item = createTemporaryObject(editor, stage, { mode: PayloadMode.Json })
            modes.target = item
            mouseClick(findChild(item, "hexMode"))
            compare(modes.count, 1)
            compare(modes.signalArguments[0][0], PayloadMode.Hex)
        }
    }
}
