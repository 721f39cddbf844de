pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// Subscribing with filters (OR values, AND groups written "a & b"), QoS and a load-balancing
// group; every subscription shows pending, active or the server's error, and its filters can
// be set, extended or trimmed while it runs.
Item {
    id: root

    required property Session session
    readonly property SubscriptionListModel subscriptions: root.session.subscriptions

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("New subscription")
            detail: qsTr("Filters: red, blue (either) · vip & europe (both)")
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.margins: 8
            columns: 6
            columnSpacing: Theme.spacing
            rowSpacing: 4

            TextField {
                id: topicField

                objectName: "subscribeTopic"
                Layout.fillWidth: true
                Layout.columnSpan: 2
                placeholderText: qsTr("Topic: app/room/topic")
                selectByMouse: true
                onAccepted: subscribeButton.clicked()
            }
            TextField {
                id: filtersField

                objectName: "subscribeFilters"
                Layout.fillWidth: true
                placeholderText: qsTr("Filters (optional)")
                selectByMouse: true
                onAccepted: subscribeButton.clicked()
            }
            ComboBox {
                id: qosBox

                model: [qsTr("QoS 0"), qsTr("QoS 1"), qsTr("QoS 2")]
                currentIndex: 1
            }
            CheckBox {
                id: balanced

                text: qsTr("Load-balanced")
            }
            TextField {
                id: groupField

                Layout.preferredWidth: 140
                enabled: balanced.checked
                placeholderText: qsTr("Group (optional)")
                selectByMouse: true
            }
            Button {
                id: subscribeButton

                objectName: "subscribeButton"
                text: qsTr("Subscribe")
                highlighted: true
                onClicked: {
                    formError.text = root.subscriptions.subscribe(topicField.text, filtersField.text,
                                                                   qosBox.currentIndex, balanced.checked,
                                                                   groupField.text)
                    if (formError.text.length === 0) {
                        topicField.text = ""
                    }
                }
            }
            Label {
                id: formError

                objectName: "subscribeError"
                Layout.columnSpan: 5
                Layout.fillWidth: true
                visible: text.length > 0
                color: Theme.danger
                wrapMode: Text.WordWrap
            }
        }

        SectionHeader {
            Layout.fillWidth: true
            title: qsTr("Subscriptions")
            detail: qsTr("%1 active of %2").arg(root.subscriptions.activeCount).arg(root.subscriptions.count)
        }

        ListView {
            id: list

            objectName: "subscriptionList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.subscriptions
            ScrollBar.vertical: ScrollBar {}

            delegate: Rectangle {
                id: item

                required property int index
                required property string topic
                required property int state
                required property string stateText
                required property string errorString
                required property string filters
                required property int qos
                required property bool loadBalanced
                required property string loadBalanceGroup
                required property string lastOperation
                required property bool lastOperationFailed
                required property real messageCount

                width: ListView.view.width
                height: content.implicitHeight + 10
                color: item.index % 2 ? Theme.surfaceAlt : Theme.surface

                ColumnLayout {
                    id: content

                    anchors.fill: parent
                    anchors.margins: 5
                    spacing: 2

                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 10

                        Label {
                            Layout.preferredWidth: 80
                            text: item.stateText
                            font.bold: true
                            color: item.state === Subscription.Active ? Theme.success
                                 : item.state === Subscription.Error ? Theme.danger
                                 : Theme.warning
                        }
                        Label {
                            Layout.fillWidth: true
                            text: item.topic
                            elide: Text.ElideMiddle
                            font: Theme.monoFont
                        }
                        Label {
                            text: qsTr("QoS %1").arg(item.qos)
                            color: Theme.textMuted
                        }
                        Label {
                            visible: item.loadBalanced
                            text: item.loadBalanceGroup.length > 0 ? qsTr("group %1").arg(item.loadBalanceGroup)
                                                                   : qsTr("load-balanced")
                            color: Theme.info
                        }
                        Label {
                            text: qsTr("%1 messages").arg(item.messageCount)
                            color: Theme.textMuted
                        }
                        Button {
                            text: qsTr("Unsubscribe")
                            onClicked: root.subscriptions.unsubscribe(item.topic)
                        }
                    }

                    Label {
                        Layout.fillWidth: true
                        visible: item.errorString.length > 0
                        text: item.errorString
                        color: Theme.danger
                        wrapMode: Text.WordWrap
                    }

                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing

                        Label {
                            text: qsTr("Filters:")
                            color: Theme.textMuted
                        }
                        Label {
                            Layout.preferredWidth: 200
                            text: item.filters.length > 0 ? item.filters : qsTr("none: every message")
                            elide: Text.ElideRight
                            color: Theme.info
                        }
                        TextField {
                            id: editField

                            Layout.fillWidth: true
                            placeholderText: qsTr("a, b & c")
                            selectByMouse: true
                        }
                        ToolButton {
                            text: qsTr("Set")
                            onClicked: operation.text = root.subscriptions.setFilters(item.topic, editField.text)
                        }
                        ToolButton {
                            text: qsTr("Add")
                            onClicked: operation.text = root.subscriptions.addFilters(item.topic, editField.text)
                        }
                        ToolButton {
                            text: qsTr("Remove")
                            onClicked: operation.text = root.subscriptions.removeFilters(item.topic, editField.text)
                        }
                    }

                    Label {
                        id: operation

                        Layout.fillWidth: true
                        visible: text.length > 0 || item.lastOperation.length > 0
                        text: ""
                        color: Theme.danger
                        wrapMode: Text.WordWrap
                    }

                    Label {
                        Layout.fillWidth: true
                        visible: operation.text.length === 0 && item.lastOperation.length > 0
                        text: item.lastOperation
                        color: item.lastOperationFailed ? Theme.danger : Theme.success
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }

        EmptyState {
            Layout.fillWidth: true
            Layout.preferredHeight: 120
            visible: root.subscriptions.count === 0
            title: qsTr("No subscriptions")
            hint: qsTr("Type a topic above, or pick one in Browse.")
        }
    }
}
