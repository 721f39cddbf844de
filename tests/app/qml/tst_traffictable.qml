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

        name: "TrafficTable"
        when: windowShown
        width: 900
        height: 300

        Component {
            id: table
            TrafficTable { width: 900; height: 300 }
        }

        SignalSpy {
            id: clicked
            signalName: "rowClicked"
        }

        function test_showsTheModelAndFollowsTheTail() {
            const item = createTemporaryObject(table, stage, { model: fixture.traffic })
            compare(item.count, 30)
            const list = findChild(item, "trafficList")
            tryVerify(() => list.atYEnd)
            verify(item.following)
        }

        function test_clickSelectsBySequence() {
            const item = createTemporaryObject(table, stage, { model: fixture.traffic })
            clicked.target = item
            const list = findChild(item, "trafficList")
            tryVerify(() => list.atYEnd) // the table went to the newest row first
            item.following = false
            list.positionViewAtBeginning()
            waitForRendering(item)
            mouseClick(item, 200, item.rowHeight * 1.5 + 4)
            compare(clicked.count, 1)
            compare(clicked.signalArguments[0][0], fixture.traffic.sequenceAt(0))
        }

        function test_newestButtonAppearsWhenScrolledAway() {
            const item = createTemporaryObject(table, stage, { model: fixture.traffic })
            const button = findChild(item, "followButton")
            item.following = false
            verify(button.visible)
            item.followNewest()
            verify(item.following)
            verify(!button.visible)
        }
    }
}
