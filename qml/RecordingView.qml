import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// A recording opened from a file: what it is, how far opening has come and which lines
// could not be read, then the same traffic view and charts a live connection has.
ColumnLayout {
    id: root

    required property RecordingSession recording

    spacing: 0

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: info.implicitHeight + 12
        color: Theme.window

        ColumnLayout {
            id: info

            anchors.fill: parent
            anchors.margins: 6
            spacing: 4

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                Label {
                    text: root.recording.name
                    font.bold: true
                }
                Label {
                    objectName: "recordingStatus"
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    color: root.recording.errorString.length > 0 ? Theme.danger : Theme.textMuted
                    text: {
                        const r = root.recording
                        let parts = [r.statusText]
                        if (r.source.length > 0)
                            parts.push(qsTr("recorded from %1").arg(r.source))
                        if (r.createdText.length > 0)
                            parts.push(qsTr("started %1").arg(r.createdText))
                        return parts.join(" · ")
                    }
                }
                Button {
                    visible: root.recording.indexing
                    text: qsTr("Stop opening")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Keep the messages read so far and skip the rest of the file")
                    onClicked: root.recording.cancel()
                }
            }

            ProgressBar {
                objectName: "openProgress"
                Layout.fillWidth: true
                visible: root.recording.indexing
                value: root.recording.progress
            }

            Label {
                objectName: "recordingProblems"
                Layout.fillWidth: true
                visible: root.recording.problemCount > 0
                text: qsTr("%n line(s) could not be read and were skipped; hover for details.", "", root.recording.problemCount)
                color: Theme.warning
                ToolTip.visible: problemsHover.hovered
                ToolTip.text: root.recording.problemsText
                HoverHandler { id: problemsHover }
            }
        }
    }

    TabBar {
        id: views

        objectName: "recordingTabs"
        Layout.fillWidth: true
        TabButton { text: qsTr("Traffic") }
        TabButton { text: qsTr("Charts") }
        onCurrentIndexChanged: {
            if (currentIndex === 1) {
                chartsLoader.active = true
            }
        }
    }

    StackLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        currentIndex: views.currentIndex

        TrafficView {
            traffic: root.recording.traffic
            topics: root.recording.topics
            inspector: root.recording.inspector
            emptyHint: root.recording.indexing ? qsTr("Reading the recording…")
                                               : qsTr("The recording holds no messages.")
        }
        Loader {
            id: chartsLoader

            active: false
            sourceComponent: ChartsView { traffic: root.recording.traffic }
        }
    }
}
