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

        name: "TopicTreePane"
        when: windowShown
        width: 400
        height: 300

        Component {
            id: pane
            TopicTreePane { width: 400; height: 300 }
        }

        SignalSpy {
            id: chosen
            signalName: "patternChosen"
        }

        function test_clickingARowFiltersByIt() {
            const item = createTemporaryObject(pane, stage, { model: fixture.topics })
            chosen.target = item
            const tree = item.view
            tryVerify(() => tree.rows > 0)
            waitForRendering(item)
            mouseClick(item, 200, 26 + Theme.rowHeight / 2)
            compare(chosen.count, 1)
            compare(chosen.signalArguments[0][0], "demo/#")
        }

        function test_expandsSmallTrees() {
            const item = createTemporaryObject(pane, stage, { model: fixture.topics })
            fixture.topics.flush()
            // demo, general, its 2 topics, support, its topic: all open after a counts change.
            fixture.topics.resetCounts()
            tryCompare(item.view, "rows", 6)
        }
    }
}
