import QtQuick
import QtTest
import NoLagExplorer

// AdminField shows the value of its form field, writes what is typed back, and shows the
// form's problem with it: the local rule as typed, or the server's refusal.
Item {
    id: stage

    width: 600
    height: 200

    AdminRoomForm {
        id: roomForm
    }

    TestCase {
        name: "AdminField"
        when: windowShown

        Component {
            id: fieldComponent
            AdminField {
                width: 400
                form: roomForm
                field: "slug"
                label: "Slug"
            }
        }

        function init() {
            roomForm.startCreate()
        }

        function test_typingChecksTheSlug() {
            const item = createTemporaryObject(fieldComponent, stage)
            const input = findChild(item, "input")
            const error = findChild(item, "errorLabel")
            verify(!error.visible)
            compare(input.Accessible.name, "Slug")

            input.forceActiveFocus()
            keyClick(Qt.Key_B)
            keyClick("A")
            compare(roomForm.values.slug, "bA")
            verify(error.visible)
            verify(error.text.indexOf("lower-case") >= 0, error.text)

            keyClick(Qt.Key_Backspace)
            compare(roomForm.values.slug, "b")
            verify(!error.visible)
        }

        function test_serverRefusalIsShownOnTheField() {
            const item = createTemporaryObject(fieldComponent, stage)
            const error = findChild(item, "errorLabel")
            compare(roomForm.applyServerError(409, "slug: a room with the slug \"b\" already exists in this app"), "slug")
            verify(error.visible)
            compare(error.text, "A room with the slug \"b\" already exists in this app")
            compare(item.errorText, error.text)
        }

        function test_valueFromTheFormIsShown() {
            const item = createTemporaryObject(fieldComponent, stage)
            roomForm.setValue("slug", "night-shift")
            compare(findChild(item, "input").text, "night-shift")
        }

        function test_hintShowsWhenThereIsNoProblem() {
            const item = createTemporaryObject(fieldComponent, stage, { hint: "Made from the name" })
            const error = findChild(item, "errorLabel")
            verify(error.visible)
            compare(error.text, "Made from the name")
            roomForm.setValue("slug", "Bad")
            verify(error.text.indexOf("lower-case") >= 0)
        }
    }
}
