import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// Charts of a connection's or a recording's traffic: messages per second (all topics and
// the topics picked here) and numbers picked from the payloads by JSON path.
SplitView {
    id: root

    property TrafficModel traffic: null
    readonly property TrafficCharts charts: charts

    orientation: Qt.Vertical

    TrafficCharts {
        id: charts

        traffic: root.traffic
    }

    ColumnLayout {
        SplitView.fillHeight: true
        SplitView.minimumHeight: 160
        spacing: 4

        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("Messages per second")
            detail: qsTr("last %1 seconds").arg(charts.historySeconds)
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 8
            Layout.rightMargin: 8
            spacing: Theme.spacing

            TextField {
                id: rateTopic

                objectName: "rateTopicField"
                Layout.fillWidth: true
                placeholderText: qsTr("Topic or pattern to chart, such as demo/+/telemetry")
                Accessible.name: qsTr("Topic or pattern for a messages-per-second line")
                selectByMouse: true
                onAccepted: addRate.clicked()
            }
            Button {
                id: addRate

                objectName: "addRateButton"
                text: qsTr("Add topic")
                enabled: rateTopic.text.trim().length > 0
                onClicked: {
                    if (charts.addTopicRate(rateTopic.text)) {
                        rateTopic.clear()
                    }
                }
            }
        }
        ChartPanel {
            objectName: "rateChart"
            Layout.fillWidth: true
            Layout.fillHeight: true
            series: charts.rates
            emptyText: qsTr("No messages yet")
            onRemoveRequested: (row) => charts.removeRate(row)
        }
    }

    ColumnLayout {
        SplitView.preferredHeight: root.height * 0.5
        SplitView.minimumHeight: 160
        spacing: 4

        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("Values")
            detail: qsTr("newest %1 per line").arg(charts.maxPoints)
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 8
            Layout.rightMargin: 8
            spacing: Theme.spacing

            TextField {
                id: fieldPath

                objectName: "fieldPathField"
                Layout.fillWidth: true
                placeholderText: qsTr("JSON path to a number, such as $.temperature")
                Accessible.name: qsTr("JSON path of the number to plot")
                selectByMouse: true
                onAccepted: addField.clicked()
            }
            TextField {
                id: fieldTopic

                objectName: "fieldTopicField"
                Layout.preferredWidth: 240
                placeholderText: qsTr("on topics (all when empty)")
                Accessible.name: qsTr("Topics whose payloads to plot")
                selectByMouse: true
                onAccepted: addField.clicked()
            }
            Button {
                id: addField

                objectName: "addFieldButton"
                text: qsTr("Plot")
                enabled: fieldPath.text.trim().length > 0
                onClicked: {
                    if (charts.addField(fieldPath.text, fieldTopic.text)) {
                        fieldPath.clear()
                    }
                }
            }
        }
        Label {
            objectName: "chartError"
            Layout.fillWidth: true
            Layout.leftMargin: 8
            visible: charts.errorString.length > 0
            text: charts.errorString
            color: Theme.danger
            wrapMode: Text.WordWrap
        }
        ChartPanel {
            objectName: "fieldChart"
            Layout.fillWidth: true
            Layout.fillHeight: true
            series: charts.fields
            emptyText: charts.fields.count === 0 ? qsTr("Type a JSON path above to plot a number from the payloads")
                                                 : qsTr("No matching numbers yet")
            onRemoveRequested: (row) => charts.removeField(row)
        }
    }
}
