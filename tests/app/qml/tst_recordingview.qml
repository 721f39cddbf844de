import QtQuick
import QtTest
import NoLagExplorer

// RecordingView over the fixture's recording: the same 30 messages, read back from a file.
Item {
    id: stage

    width: 1200
    height: 700

    TestCase {
        id: testCase

        name: "RecordingView"
        when: windowShown

        Component {
            id: view
            RecordingView { width: 1200; height: 700; recording: fixture.recording }
        }

        function test_showsTheRecordingLikeLiveTraffic() {
            const item = createTemporaryObject(view, stage)
            tryCompare(fixture.recording, "indexing", false, 5000)
            compare(fixture.recording.messageCount, 30)
            verify(findChild(item, "recordingStatus").text.indexOf("30 messages") >= 0)
            verify(!findChild(item, "openProgress").visible)
            verify(!findChild(item, "recordingProblems").visible)

            const table = findChild(item, "trafficTable")
            tryCompare(table, "count", 30)
            // A recording cannot be paused or cleared, but it can be exported.
            verify(!findChild(item, "pauseButton").visible)
            verify(!findChild(item, "recordButton").visible)
            verify(findChild(item, "exportButton").enabled)

            fixture.recording.traffic.selectRow(4)
            tryCompare(fixture.recording.inspector, "sequence", 5)
            compare(fixture.recording.inspector.topic, "demo/support/messages")
        }

        function test_chartsTab() {
            const item = createTemporaryObject(view, stage)
            const tabs = findChild(item, "recordingTabs")
            tabs.currentIndex = 1
            const rateChart = findChild(item, "rateChart")
            verify(rateChart)
            tryVerify(() => rateChart.series.hasPoints, 5000)
        }
    }
}
