import QtQuick
import QtTest
import NoLagExplorer

// The admin pages wired to a controller without a server: what is typed reaches the C++
// forms, and a save that fails the local rules shows them on the fields.
Item {
    id: stage

    width: 1100
    height: 600

    TestCase {
        name: "AdminPages"
        when: windowShown

        Component {
            id: actorsComponent
            AdminActorsPage {
                width: 1000
                height: 500
                controller: AdminController {}
            }
        }

        Component {
            id: appsComponent
            AdminAppsPage {
                width: 1000
                height: 500
                controller: AdminController {}
            }
        }

        Component {
            id: roomsComponent
            AdminRoomsPage {
                width: 1000
                height: 500
                controller: AdminController {}
            }
        }

        Component {
            id: permissionsComponent
            AdminPermissionsPage {
                width: 1000
                height: 500
                controller: AdminController {}
            }
        }

        function test_newActorForm() {
            const page = createTemporaryObject(actorsComponent, stage)
            const controller = page.controller
            compare(controller.actorForm.mode, AdminForm.Create)
            verify(findChild(page, "saveActorButton").visible)
            verify(!findChild(page, "deleteActorButton").visible)

            mouseClick(findChild(page, "saveActorButton"))
            const nameField = findChild(page, "actorName")
            compare(findChild(nameField, "errorLabel").text, "Required.")
            verify(controller.errorString.length > 0)

            const input = findChild(nameField, "input")
            input.forceActiveFocus()
            keyClick(Qt.Key_T)
            compare(controller.actorForm.values.name, "t")
            verify(!findChild(nameField, "errorLabel").visible)
        }

        function test_appFormTopicsAreChecked() {
            const page = createTemporaryObject(appsComponent, stage)
            const topics = findChild(page, "appTopics")
            const input = findChild(topics, "input")
            input.forceActiveFocus()
            keyClick(Qt.Key_A)
            keyClick(Qt.Key_Slash)
            keyClick(Qt.Key_B)
            verify(findChild(topics, "errorLabel").text.indexOf("not a valid topic name") >= 0)
            compare(page.controller.appForm.valid, false)
        }

        function test_roomsWaitForAnApp() {
            const page = createTemporaryObject(roomsComponent, stage)
            compare(page.controller.appId, "")
            verify(!findChild(page, "saveRoomButton").visible)
            verify(!findChild(findChild(page, "roomsList"), "newButton").visible)
            compare(findChild(page, "roomsAppChooser").displayText, "Choose an app")
            // Saving without an app is refused with a reason, not sent.
            page.controller.saveRoom()
            verify(page.controller.errorString.indexOf("Choose the app") >= 0)
            compare(page.controller.busy, 0)
        }

        function test_permissionsPageSaysHowItWorks() {
            const page = createTemporaryObject(permissionsComponent, stage)
            verify(findChild(page, "permissionsNote").text.indexOf("no endpoint") >= 0)
            verify(!findChild(page, "inspectTokenButton").enabled)
            const field = findChild(page, "permissionsTokenField")
            compare(field.echoMode, TextInput.Password)
            field.forceActiveFocus()
            keyClick(Qt.Key_X)
            verify(findChild(page, "inspectTokenButton").enabled)
            mouseClick(findChild(page, "inspectTokenButton"))
            compare(field.text, "")
            // No broker to ask: said plainly.
            tryVerify(() => findChild(page, "permissionsSummary").text.indexOf("no broker") >= 0)
        }
    }
}
