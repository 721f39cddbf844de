pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// Publishing: topic, payload (JSON checked as typed, text or hex), QoS, retain, echo and
// filters; the server's answer; and the history of what was sent, to send again.
SplitView {
    id: root

    required property Session session
    readonly property Publisher publisher: root.session.publisher

    orientation: Qt.Horizontal

    ColumnLayout {
        SplitView.fillWidth: true
        SplitView.minimumWidth: 320
        spacing: 0

        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("Publish")
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.margins: 8
            columns: 4
            columnSpacing: Theme.spacing
            rowSpacing: 4

            Label { text: qsTr("Topic") }
            TextField {
                objectName: "publishTopic"
                Layout.fillWidth: true
                Layout.columnSpan: 3
                placeholderText: qsTr("app/room/topic")
                text: root.publisher.topic
                selectByMouse: true
                onTextEdited: root.publisher.topic = text
            }

            Label { text: qsTr("Filter") }
            TextField {
                Layout.fillWidth: true
                placeholderText: qsTr("one value (optional)")
                text: root.publisher.filter
                selectByMouse: true
                onTextEdited: root.publisher.filter = text
            }
            Label { text: qsTr("or filters") }
            TextField {
                Layout.fillWidth: true
                placeholderText: qsTr("a, b: for AND groups (optional)")
                text: root.publisher.filters
                selectByMouse: true
                enabled: root.publisher.filter.length === 0
                onTextEdited: root.publisher.filters = text
            }

            Label { text: qsTr("Options") }
            RowLayout {
                Layout.columnSpan: 3
                spacing: Theme.spacing

                ComboBox {
                    model: [qsTr("QoS 0"), qsTr("QoS 1"), qsTr("QoS 2")]
                    currentIndex: root.publisher.qos
                    onActivated: (index) => root.publisher.qos = index
                }
                CheckBox {
                    objectName: "retainBox"
                    text: qsTr("Retain")
                    checked: root.publisher.retain
                    onToggled: root.publisher.retain = checked
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Keep it for later subscribers of the topic (for an hour)")
                }
                CheckBox {
                    text: qsTr("Echo")
                    checked: root.publisher.echo
                    onToggled: root.publisher.echo = checked
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Deliver it to this connection too, if it is subscribed")
                }
            }
        }

        PayloadEditor {
            objectName: "payloadEditor"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.leftMargin: 8
            Layout.rightMargin: 8
            text: root.publisher.payload
            mode: root.publisher.mode
            errorText: root.publisher.payloadError
            onTextEdited: (text) => root.publisher.payload = text
            onModeEdited: (mode) => root.publisher.mode = mode
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 8
            spacing: Theme.spacing

            Button {
                objectName: "publishButton"
                text: qsTr("Publish")
                highlighted: true
                enabled: root.publisher.valid && !root.publisher.busy
                onClicked: root.publisher.publish()
            }
            BusyIndicator {
                Layout.preferredWidth: 22
                Layout.preferredHeight: 22
                running: root.publisher.busy
                visible: root.publisher.busy
            }
            Label {
                objectName: "publishResult"
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: root.publisher.formError.length > 0 ? root.publisher.formError : root.publisher.lastResult
                color: root.publisher.formError.length > 0 || root.publisher.lastResultFailed
                       ? Theme.danger : Theme.success
            }
        }

        TemplateControls {
            objectName: "templateControls"
            Layout.fillWidth: true
            Layout.leftMargin: 8
            Layout.rightMargin: 8
            Layout.bottomMargin: 8
            session: root.session
        }
    }

    ColumnLayout {
        SplitView.preferredWidth: Math.round(root.width * 0.4)
        spacing: 0

        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("Sent")
            detail: root.publisher.history.count > 0
                    ? qsTr("%1 sent · click one to load it again").arg(root.publisher.history.count)
                    : ""
        }

        ListView {
            id: history

            objectName: "publishHistory"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.publisher.history

            EmptyState {
                parent: history
                anchors.fill: parent
                visible: history.count === 0
                title: qsTr("Nothing sent yet")
                hint: qsTr("What you publish appears here with the broker's answer. Click an entry to load it into the editor again.")
            }
            ScrollBar.vertical: ScrollBar {}

            delegate: ItemDelegate {
                id: sent

                required property int index
                required property string time
                required property string topic
                required property string payload
                required property string result
                required property bool failed
                required property bool pending

                width: ListView.view.width
                onClicked: root.publisher.loadFromHistory(sent.index)
                contentItem: ColumnLayout {
                    spacing: 1
                    RowLayout {
                        Layout.fillWidth: true
                        Label { text: sent.time; color: Theme.textMuted; font: Theme.monoFont }
                        Label { Layout.fillWidth: true; text: sent.topic; elide: Text.ElideMiddle }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: sent.payload.replace(/\s+/g, " ")
                        elide: Text.ElideRight
                        font: Theme.monoFont
                        color: Theme.textMuted
                    }
                    Label {
                        Layout.fillWidth: true
                        text: sent.result
                        elide: Text.ElideRight
                        color: sent.pending ? Theme.textMuted : (sent.failed ? Theme.danger : Theme.success)
                    }
                }
            }
        }
    }
}
