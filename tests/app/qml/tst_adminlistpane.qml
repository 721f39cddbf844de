import QtQuick
import QtTest
import NoLagExplorer

// AdminListPane: its header, the "new" button and the reload button hand their clicks on,
// and a list's error is shown.
Item {
    id: stage

    width: 500
    height: 400

    TestCase {
        name: "AdminListPane"
        when: windowShown

        Component {
            id: paneComponent
            AdminListPane {
                width: 400
                height: 300
                title: "Actors"
                detail: "2 actors"
                newText: "New actor"
                model: ["alice", "bob"]
                delegate: Text { required property string modelData; text: modelData }
            }
        }

        SignalSpy { id: newRequested; signalName: "newRequested" }
        SignalSpy { id: reloadRequested; signalName: "reloadRequested" }

        function test_buttonsHandTheirClicksOn() {
            const pane = createTemporaryObject(paneComponent, stage)
            newRequested.target = pane
            reloadRequested.target = pane
            newRequested.clear()
            reloadRequested.clear()

            const newButton = findChild(pane, "newButton")
            compare(newButton.Accessible.name, "New actor")
            mouseClick(newButton)
            compare(newRequested.count, 1)

            const reload = findChild(pane, "reloadButton")
            compare(reload.Accessible.name, "Reload Actors")
            mouseClick(reload)
            compare(reloadRequested.count, 1)
            compare(pane.view.count, 2)
        }

        function test_withoutNewTextThereIsNoNewButton() {
            const pane = createTemporaryObject(paneComponent, stage, { newText: "" })
            verify(!findChild(pane, "newButton").visible)
        }

        function test_errorIsShown() {
            const pane = createTemporaryObject(paneComponent, stage)
            const error = findChild(pane, "listError")
            verify(!error.visible)
            pane.errorText = "HTTP 401: Missing or invalid API key"
            verify(error.visible)
            compare(error.text, "HTTP 401: Missing or invalid API key")
        }
    }
}
