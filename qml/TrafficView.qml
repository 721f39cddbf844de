import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// Live traffic of one connection: the topic tree, the message table with its filter bar and
// counters, and the inspector of the selected message. A recording opened from a file shows
// in the same view: it sets traffic, topics and inspector instead of session.
SplitView {
    id: root

    property Session session: null
    property TrafficModel traffic: root.session ? root.session.traffic : null
    property TopicTreeModel topics: root.session ? root.session.topics : null
    property MessageInspector inspector: root.session ? root.session.inspector : null
    property string emptyHint: qsTr("Subscribe to topics in Subscriptions or Browse; their messages appear here as they arrive.")

    function toggleRecording(): void {
        recordingControls.toggleRecording()
    }

    function openExport(): void {
        recordingControls.openExport()
    }

    function focusFilterBar(): void {
        filterBar.focusTopics()
    }

    orientation: Qt.Horizontal

    TopicTreePane {
        SplitView.preferredWidth: Math.round(root.width * 0.21)
        SplitView.minimumWidth: 160
        model: root.topics
        onPatternChosen: (pattern) => filterBar.setTopics(pattern)
    }

    ColumnLayout {
        SplitView.fillWidth: true
        SplitView.minimumWidth: 300
        spacing: 0

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: bar.implicitHeight + 8
            color: Theme.window

            ColumnLayout {
                id: bar

                anchors.fill: parent
                anchors.margins: 4
                spacing: 4

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing

                    Button {
                        objectName: "pauseButton"
                        visible: root.session !== null
                        text: root.traffic.paused ? qsTr("Resume") : qsTr("Pause")
                        highlighted: root.traffic.paused
                        onClicked: root.traffic.paused = !root.traffic.paused
                    }
                    Button {
                        objectName: "clearButton"
                        visible: root.session !== null
                        text: qsTr("Clear")
                        onClicked: root.traffic.clear()
                    }
                    Label {
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        color: Theme.textMuted
                        text: {
                            const t = root.traffic
                            let parts = [t.filtered ? qsTr("Showing %1 of %2 stored").arg(t.count).arg(t.storedCount)
                                                    : qsTr("%1 stored").arg(t.storedCount)]
                            if (t.paused && t.waitingCount > 0)
                                parts.push(qsTr("%1 waiting (paused)").arg(t.waitingCount))
                            if (t.evictedCount > 0)
                                parts.push(qsTr("%1 oldest dropped to stay within the memory budget").arg(t.evictedCount))
                            return parts.join(" · ")
                        }
                    }
                    RecordingControls {
                        id: recordingControls

                        session: root.session
                        traffic: root.traffic
                    }
                }

                FilterBar {
                    id: filterBar

                    Layout.fillWidth: true
                    topicText: root.traffic.topicFilter
                    payloadText: root.traffic.payloadFilter
                    senderText: root.traffic.senderFilter
                    errorText: root.traffic.filterError
                    busy: root.traffic.filtering
                    onFilterEdited: (topics, payload, sender) => {
                        root.traffic.topicFilter = topics
                        root.traffic.payloadFilter = payload
                        root.traffic.senderFilter = sender
                    }
                }
            }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            TrafficTable {
                id: table

                objectName: "trafficTable"
                anchors.fill: parent
                model: root.traffic
                selectedSequence: root.traffic.selectedSequence
                onRowClicked: (sequence) => root.traffic.selectedSequence = sequence
                onMoveRequested: (delta) => {
                    root.traffic.moveSelection(delta)
                    table.positionOnRow(root.traffic.selectedRow)
                }
            }

            EmptyState {
                objectName: "trafficEmptyState"
                anchors.fill: parent
                anchors.topMargin: Theme.rowHeight * 2
                visible: root.traffic.count === 0
                title: root.traffic.filtered ? qsTr("No message matches the filter")
                                             : (root.session ? qsTr("Waiting for messages") : qsTr("No messages"))
                hint: root.traffic.filtered ? qsTr("Change or clear the filter to see more.")
                                            : root.emptyHint
            }
        }
    }

    InspectorPane {
        SplitView.preferredWidth: Math.round(root.width * 0.27)
        SplitView.minimumWidth: 240
        inspector: root.inspector
    }
}
