import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NoLagExplorer

// One connection's tab: its views, one at a time.
Item {
    id: root

    required property Session session
    property alias currentView: views.currentIndex
    // The views in tab order; the command registry gives each "Show <title>" and Ctrl+1..9.
    readonly property var viewNames: ["traffic", "subscriptions", "browse", "publish", "presence",
                                      "admin", "charts"]
    readonly property var viewTitles: [qsTr("Traffic"), qsTr("Subscriptions"), qsTr("Browse"),
                                       qsTr("Publish"), qsTr("Presence"), qsTr("Admin"),
                                       qsTr("Charts")]
    readonly property string currentViewName: root.viewNames[views.currentIndex] ?? ""

    function showView(name: string): void {
        const index = root.viewNames.indexOf(name)
        if (index >= 0) {
            views.currentIndex = index
        }
    }

    function toggleRecording(): void {
        root.showView("traffic")
        trafficView.toggleRecording()
    }

    function openExport(): void {
        root.showView("traffic")
        trafficView.openExport()
    }

    function focusFilterBar(): void {
        root.showView("traffic")
        trafficView.focusFilterBar()
    }

    Component.onCompleted: root.showView(ExplorerApp.initialView)
    onCurrentViewNameChanged: {
        if (root.currentViewName === "charts") {
            chartsLoader.active = true
        }
    }

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
            TabButton { text: qsTr("Admin"); Accessible.name: qsTr("Administration of apps, rooms and actors") }
            TabButton { text: qsTr("Charts"); Accessible.name: qsTr("Charts of messages per second and of values") }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: views.currentIndex

            TrafficView { id: trafficView; session: root.session }
            SubscriptionsView { session: root.session }
            BrowseView { session: root.session }
            PublishView { session: root.session }
            PresenceView { session: root.session }
            AdminView {
                session: root.session
                onTrafficRequested: root.showView("traffic")
            }
            // Made when first shown: no chart work for connections nobody charts. The charts
            // then count from the oldest stored message, so nothing shown before is missed.
            Loader {
                id: chartsLoader

                active: false
                sourceComponent: ChartsView { traffic: root.session.traffic }
            }
        }
    }
}
