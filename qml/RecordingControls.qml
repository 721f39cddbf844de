import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import NoLagExplorer

// Record and export buttons for a traffic toolbar: recording the live traffic of a
// connection to a file, and exporting what the table shows (the filtered view).
RowLayout {
    id: root

    property Session session: null
    property TrafficModel traffic: root.session ? root.session.traffic : null
    readonly property Recorder recorder: recorder

    function chooseRecordingFile(): void {
        recordDialog.selectedFile = recorder.suggestedFile()
        recordDialog.open()
    }

    function toggleRecording(): void {
        if (recorder.recording) {
            recorder.stop()
        } else {
            root.chooseRecordingFile()
        }
    }

    function openExport(): void {
        exportDialog.open()
    }

    spacing: Theme.spacing

    Recorder {
        id: recorder

        session: root.session
    }

    Button {
        objectName: "recordButton"
        visible: root.session !== null
        text: recorder.recording ? qsTr("Stop recording") : qsTr("Record…")
        highlighted: recorder.recording
        Accessible.name: recorder.recording ? qsTr("Stop recording traffic")
                                            : qsTr("Record traffic to a file")
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: qsTr("Write every message that arrives from now on to a JSON Lines file you can open again later")
        onClicked: root.toggleRecording()
    }

    Label {
        objectName: "recordingStatus"
        visible: text.length > 0
        text: recorder.errorString.length > 0 && !recorder.recording ? recorder.errorString
                                                                     : recorder.statusText
        color: recorder.errorString.length > 0 && !recorder.recording ? Theme.danger
                                                                      : (recorder.recording ? Theme.danger : Theme.textMuted)
        elide: Text.ElideMiddle
        Layout.maximumWidth: 360
    }

    Button {
        objectName: "exportButton"
        text: qsTr("Export…")
        enabled: root.traffic !== null && root.traffic.count > 0
        Accessible.name: qsTr("Export the messages shown to a file")
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: qsTr("Save the messages the table shows (after the filter) as JSON Lines or CSV")
        onClicked: root.openExport()
    }

    FileDialog {
        id: recordDialog

        title: qsTr("Record traffic to")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("Recordings (*.jsonl)")]
        defaultSuffix: "jsonl"
        onAccepted: recorder.start(selectedFile)
    }

    ExportDialog {
        id: exportDialog

        traffic: root.traffic
    }
}
