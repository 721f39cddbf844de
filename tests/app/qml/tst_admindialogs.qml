import QtQuick
import QtTest
import NoLagExplorer

// The confirmation of destructive actions and the dialog that shows a new token once.
Item {
    id: stage

    width: 800
    height: 500

    TestCase {
        name: "AdminDialogs"
        when: windowShown

        Component {
            id: confirmComponent
            AdminConfirmDialog {
                title: "Delete the room vip?"
                text: "This deletes the dynamic room \"vip\"."
                actionText: "Delete room"
            }
        }

        Component {
            id: tokenComponent
            AdminTokenDialog {
                actorName: "tester"
            }
        }

        SignalSpy { id: confirmed; signalName: "confirmed" }
        SignalSpy { id: cancelled; signalName: "cancelled" }
        SignalSpy { id: copied; signalName: "copyRequested" }
        SignalSpy { id: dismissed; signalName: "dismissed" }

        function test_confirmOpensWhenPendingAndAnswers() {
            const dialog = createTemporaryObject(confirmComponent, stage)
            confirmed.target = dialog
            cancelled.target = dialog
            confirmed.clear()
            cancelled.clear()
            verify(!dialog.opened)

            dialog.pending = true
            tryVerify(() => dialog.opened)
            compare(findChild(dialog, "confirmText").text, "This deletes the dynamic room \"vip\".")
            const button = findChild(dialog, "confirmButton")
            compare(button.text, "Delete room")
            mouseClick(button)
            compare(confirmed.count, 1)
            compare(cancelled.count, 0)

            dialog.pending = false
            tryVerify(() => !dialog.visible)
        }

        function test_escapeCancelsAndTheDialogOpensAgain() {
            const dialog = createTemporaryObject(confirmComponent, stage)
            cancelled.target = dialog
            cancelled.clear()
            dialog.pending = true
            tryVerify(() => dialog.opened)
            keyClick(Qt.Key_Escape)
            tryVerify(() => !dialog.visible)
            compare(cancelled.count, 1)

            dialog.pending = false
            dialog.pending = true
            tryVerify(() => dialog.opened)
        }

        function test_tokenIsShownWithAWarningUntilStored() {
            const dialog = createTemporaryObject(tokenComponent, stage)
            copied.target = dialog
            dismissed.target = dialog
            copied.clear()
            dismissed.clear()
            verify(!dialog.visible)

            dialog.token = "at_live_0123456789ab.secret"
            tryVerify(() => dialog.opened)
            compare(dialog.title, "Access token of tester")
            compare(findChild(dialog, "tokenField").text, "at_live_0123456789ab.secret")
            verify(findChild(dialog, "tokenWarning").text.indexOf("shown only this once") >= 0)

            keyClick(Qt.Key_Escape) // does not close it: the token would be lost
            verify(dialog.visible)

            const copy = findChild(dialog, "copyTokenButton")
            mouseClick(copy)
            compare(copied.count, 1)
            compare(copy.text, "Copied")

            mouseClick(findChild(dialog, "tokenDoneButton"))
            compare(dismissed.count, 1)
        }
    }
}
