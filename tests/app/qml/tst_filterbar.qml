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

        name: "FilterBar"
        when: windowShown
        width: 800
        height: 80

        Component {
            id: bar
            FilterBar { width: 800; delay: 50 }
        }

        SignalSpy {
            id: edited
            signalName: "filterEdited"
        }

        function test_typingIsHandedOnOnce() {
            const item = createTemporaryObject(bar, stage)
            edited.target = item
            edited.clear()
            const field = findChild(item, "topicField")
            field.forceActiveFocus()
            keyClick(Qt.Key_A)
            keyClick(Qt.Key_Slash)
            keyClick(Qt.Key_NumberSign)
            compare(edited.count, 0)
            edited.wait(1000)
            compare(edited.count, 1)
            compare(edited.signalArguments[0][0], "a/#")
        }

        function test_setTopicsAppliesAtOnce() {
            const item = createTemporaryObject(bar, stage)
            edited.target = item
            edited.clear()
            item.setTopics("demo/general/#")
            compare(edited.count, 1)
            compare(edited.signalArguments[0][0], "demo/general/#")
            item.clear()
            compare(edited.count, 2)
            compare(edited.signalArguments[1][0], "")
        }

        function test_errorIsShown() {
            const item = createTemporaryObject(bar, stage, { errorText: "bad pattern" })
            const label = findChild(item, "errorLabel")
            verify(label.visible)
            compare(label.text, "bad pattern")
        }
    }
}
