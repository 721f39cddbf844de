import QtQuick
import QtTest
import NoLagExplorer

// The status bar without a connection, and its memory budget popup.
Item {
    id: stage

    width: 1000
    height: 400

    TestCase {
        id: testCase

        name: "ExplorerStatusBar"
        when: windowShown

        Component {
            id: statusBar
            ExplorerStatusBar {
                y: 300
                width: 1000
            }
        }

        function test_withoutAConnection() {
            const bar = createTemporaryObject(statusBar, stage)
            verify(bar)
            compare(findChild(bar, "statusIndicator").text, "No connection open")
            verify(!findChild(bar, "rateLabel").visible)
            compare(findChild(bar, "memoryGauge").limitBytes, ExplorerApp.budget.limitBytes)
        }

        function test_budgetFromThePopup_data() {
            return [
                { tag: "smaller", typed: "128", megabytes: 128 },
                { tag: "larger", typed: "2048", megabytes: 2048 },
                { tag: "below the minimum is raised to 16", typed: "4", megabytes: 16 }
            ]
        }

        function test_budgetFromThePopup(data) {
            const bar = createTemporaryObject(statusBar, stage)
            verify(bar)
            mouseClick(findChild(bar, "memoryGauge"))
            const popup = findChild(bar, "budgetPopup")
            tryVerify(() => popup.opened)
            const spinBox = findChild(popup.contentItem, "budgetSpinBox")
            verify(spinBox)
            compare(spinBox.value, ExplorerApp.budgetMegabytes)

            spinBox.forceActiveFocus()
            spinBox.contentItem.selectAll()
            keySequence("ctrl+a")
            for (const digit of data.typed) {
                keyClick(digit)
            }
            keyClick(Qt.Key_Return)
            compare(ExplorerApp.budgetMegabytes, data.megabytes)
            compare(ExplorerApp.budget.limitBytes, data.megabytes * 1024 * 1024)
            popup.close()
        }
    }
}
