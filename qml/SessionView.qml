import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// One connection's tab: its views, one at a time.
Item {
    id: root

    required property Session session
    property alias currentView: views.currentIndex

    function showView(name: string): void {
        const index = ["traffic", "subscriptions", "browse", "publish", "presence"].indexOf(name)
        if (index >= 0) {
            views.currentIndex = index
        }
    }

    Component.onCompleted: root.showView(ExplorerApp.initialView)

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TabBar {
            id: views

            objectName: "viewTabs"
            Layout.fillWidth: true
            TabButton { text: qsTr("Traffic") }
            TabButton { text: qsTr("Subscriptions (%1)").arg(root.session.subscriptions.count) }
            TabButton { text: qsTr("Browse") }
            TabButton { text: qsTr("Publish") }
            TabButton { text: qsTr("Presence") }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: views.currentIndex

            TrafficView { session: root.session }
            SubscriptionsView { session: root.session }
            BrowseView { session: root.session }
            PublishView { session: root.session }
            PresenceView { session: root.session }
        }
    }
}
