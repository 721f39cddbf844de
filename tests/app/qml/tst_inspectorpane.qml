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

        name: "InspectorPane"
        when: windowShown
        width: 500
        height: 400

        Component {
            id: pane
            InspectorPane { width: 500; height: 400 }
        }

        function test_tabsShowTheMessage() {
            const item = createTemporaryObject(pane, stage, { inspector: fixture.inspector })
            verify(fixture.inspector.hasMessage)
            tryVerify(() => findChild(item, "jsonTree").rows >= 1)
            item.currentTab = 1
            compare(findChild(item, "jsonText").count, fixture.inspector.text.rowCount())
            item.currentTab = 2
            verify(findChild(item, "hexView").count > 0)
        }

        function test_diffButtonComparesWithThePrevious() {
            const item = createTemporaryObject(pane, stage, { inspector: fixture.inspector })
            const button = findChild(item, "diffPreviousButton")
            mouseClick(button)
            compare(item.currentTab, 4)
            tryVerify(() => !fixture.inspector.diffLoading)
            verify(fixture.inspector.diff.count > 0)
        }
    }
}
