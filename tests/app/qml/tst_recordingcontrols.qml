import QtQuick
import QtTest
import NoLagExplorer

// RecordingControls and ExportDialog with the fixture's traffic.
Item {
    id: stage

    width: 900
    height: 600

    TestCase {
        id: testCase

        name: "RecordingControls"
        when: windowShown

        Component {
            id: liveControls
            RecordingControls { session: fixture.session; traffic: fixture.traffic }
        }

        Component {
            id: exportOnly
            RecordingControls { traffic: fixture.traffic }
        }

        function test_recordButtonNeedsAConnection() {
            const live = createTemporaryObject(liveControls, stage)
            verify(findChild(live, "recordButton").visible)
            compare(findChild(live, "recordButton").text, "Record…")
            verify(live.recorder.suggestedFile().toString().endsWith(".jsonl"))

            const other = createTemporaryObject(exportOnly, stage)
            verify(!findChild(other, "recordButton").visible)
            verify(findChild(other, "exportButton").enabled)
        }

        function test_exportDialogDescribesWhatIsExported() {
            const controls = createTemporaryObject(exportOnly, stage)
            controls.openExport()
            const chooser = findChild(controls, "exportChooseFile")
            tryVerify(() => chooser.visible)
            verify(chooser.enabled)
            verify(!findChild(controls, "exportProgress").visible)
            verify(!findChild(controls, "exportCancel").visible)
        }
    }
}
