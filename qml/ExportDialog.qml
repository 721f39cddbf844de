import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import NoLagExplorer

// Exports the messages the traffic table shows to JSON Lines or CSV, with progress and
// cancel. The export runs in a worker; the window stays usable meanwhile.
Dialog {
    id: root

    property TrafficModel traffic: null
    readonly property TrafficExporter exporter: exporter

    title: qsTr("Export messages")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 520
    standardButtons: exporter.running ? Dialog.NoButton : Dialog.Close

    TrafficExporter {
        id: exporter

        traffic: root.traffic
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: root.traffic && root.traffic.filtered
                  ? qsTr("%1 messages match the filter and will be exported.").arg(root.traffic.count)
                  : qsTr("All %1 messages in the table will be exported.").arg(root.traffic ? root.traffic.count : 0)
        }

        RowLayout {
            spacing: Theme.spacing
            Label { text: qsTr("Format") }
            RadioButton {
                id: jsonLines

                objectName: "jsonLinesFormat"
                text: qsTr("JSON Lines (opens as a recording)")
                checked: true
            }
            RadioButton {
                objectName: "csvFormat"
                text: qsTr("CSV (spreadsheets)")
            }
        }

        ProgressBar {
            objectName: "exportProgress"
            Layout.fillWidth: true
            visible: exporter.running
            value: exporter.progress
        }

        Label {
            objectName: "exportStatus"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: exporter.statusText
            color: exporter.errorString.length > 0 && !exporter.running ? Theme.danger : Theme.textMuted
        }

        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: Theme.spacing

            Button {
                objectName: "exportCancel"
                visible: exporter.running
                text: qsTr("Cancel export")
                onClicked: exporter.cancel()
            }
            Button {
                objectName: "exportChooseFile"
                visible: !exporter.running
                highlighted: true
                enabled: root.traffic !== null && root.traffic.count > 0
                text: qsTr("Choose file and export…")
                onClicked: saveDialog.open()
            }
        }
    }

    FileDialog {
        id: saveDialog

        title: qsTr("Export to")
        fileMode: FileDialog.SaveFile
        nameFilters: jsonLines.checked ? [qsTr("JSON Lines (*.jsonl)")] : [qsTr("CSV (*.csv)")]
        defaultSuffix: jsonLines.checked ? "jsonl" : "csv"
        onAccepted: exporter.start(selectedFile, jsonLines.checked ? TrafficExporter.JsonLines
                                                                   : TrafficExporter.Csv)
    }
}
