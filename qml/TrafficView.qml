import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// Live traffic of one connection: the topic tree, the message table with its filter bar and
// counters, and the inspector of the selected message.
SplitView {
    id: root

    required property Session session
    readonly property TrafficModel traffic: root.session.traffic

    function focusFilterBar(): void {
        filterBar.focusTopics()
    }

    orientation: Qt.Horizontal

    TopicTreePane {
        SplitView.preferredWidth: Math.round(root.width * 0.21)
        SplitView.minimumWidth: 160
        model: root.session.topics
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
                        text: root.traffic.paused ? qsTr("Resume") : qsTr("Pause")
                        highlighted: root.traffic.paused
                        onClicked: root.traffic.paused = !root.traffic.paused
                    }
                    Button {
                        objectName: "clearButton"
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
                anchors.fill: parent
                anchors.topMargin: Theme.rowHeight * 2
                visible: root.traffic.count === 0
                title: root.traffic.filtered ? qsTr("No message matches the filter")
                                             : qsTr("Waiting for messages")
                hint: root.traffic.filtered ? qsTr("Change or clear the filter to see more.")
                                            : qsTr("Subscribe to topics in Subscriptions or Browse; their messages appear here as they arrive.")
            }
        }
    }

    InspectorPane {
        SplitView.preferredWidth: Math.round(root.width * 0.27)
        SplitView.minimumWidth: 240
        inspector: root.session.inspector
    }
}
