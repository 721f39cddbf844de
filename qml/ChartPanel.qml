import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import NoLagExplorer

// One chart over time: the series of a ChartSeriesSet (at most ChartSeriesSet's limit of
// eight), drawn by Qt Charts, with a legend that shows each series' newest value. The C++
// set fills the line series; this file only hands them over.
ColumnLayout {
    id: root

    property ChartSeriesSet series: null
    property string emptyText: ""
    readonly property alias chart: chart

    signal removeRequested(int row)

    function attachAll(): void {
        const lines = [line0, line1, line2, line3, line4, line5, line6, line7]
        for (let row = 0; row < lines.length; ++row) {
            if (root.series && row < root.series.count) {
                root.series.attach(row, lines[row])
            } else {
                lines[row].clear()
            }
        }
    }

    spacing: 2
    onSeriesChanged: root.attachAll()
    Component.onCompleted: root.attachAll()

    Connections {
        target: root.series

        function onCountChanged(): void {
            root.attachAll()
        }
    }

    Flow {
        Layout.fillWidth: true
        Layout.leftMargin: 8
        Layout.rightMargin: 8
        spacing: 12

        Repeater {
            model: root.series

            delegate: RowLayout {
                id: entry

                required property int index
                required property string name
                required property color seriesColor
                required property string latest
                required property bool removable

                spacing: 4

                Rectangle {
                    Layout.preferredWidth: 14
                    Layout.preferredHeight: 4
                    color: entry.seriesColor
                }
                Label {
                    text: entry.latest.length > 0 ? qsTr("%1: %2").arg(entry.name).arg(entry.latest)
                                                  : entry.name
                }
                ToolButton {
                    visible: entry.removable
                    Layout.preferredWidth: 20
                    Layout.preferredHeight: 20
                    text: "✕"
                    Accessible.name: qsTr("Remove %1 from the chart").arg(entry.name)
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Remove from the chart")
                    onClicked: root.removeRequested(entry.index)
                }
            }
        }
    }

    ChartView {
        id: chart

        Layout.fillWidth: true
        Layout.fillHeight: true
        legend.visible: false
        antialiasing: true
        backgroundColor: Theme.surface
        plotAreaColor: Theme.surface
        margins { left: 4; right: 8; top: 4; bottom: 4 }

        DateTimeAxis {
            id: timeAxis

            min: root.series ? root.series.minTime : new Date()
            max: root.series ? root.series.maxTime : new Date()
            format: "HH:mm:ss"
            tickCount: 6
            labelsColor: Theme.textMuted
            gridLineColor: Theme.border
        }
        ValueAxis {
            id: valueAxis

            min: root.series ? root.series.minValue : 0
            max: root.series ? root.series.maxValue : 1
            labelFormat: "%.4g"
            labelsColor: Theme.textMuted
            gridLineColor: Theme.border
        }

        LineSeries { id: line0; axisX: timeAxis; axisY: valueAxis; width: 2 }
        LineSeries { id: line1; axisX: timeAxis; axisY: valueAxis; width: 2 }
        LineSeries { id: line2; axisX: timeAxis; axisY: valueAxis; width: 2 }
        LineSeries { id: line3; axisX: timeAxis; axisY: valueAxis; width: 2 }
        LineSeries { id: line4; axisX: timeAxis; axisY: valueAxis; width: 2 }
        LineSeries { id: line5; axisX: timeAxis; axisY: valueAxis; width: 2 }
        LineSeries { id: line6; axisX: timeAxis; axisY: valueAxis; width: 2 }
        LineSeries { id: line7; axisX: timeAxis; axisY: valueAxis; width: 2 }

        Label {
            anchors.centerIn: parent
            visible: root.series !== null && !root.series.hasPoints && root.emptyText.length > 0
            text: root.emptyText
            color: Theme.textMuted
        }
    }
}
