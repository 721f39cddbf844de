import QtQuick
import QtTest
import NoLagExplorer

// The command palette over the application's registry: typing filters, arrows move, Enter
// runs the chosen command and closes, Escape closes without running anything.
Item {
    id: stage

    width: 800
    height: 600

    property var ran: []

    TestCase {
        name: "CommandPalette"
        when: windowShown

        Component {
            id: paletteComponent
            CommandPalette {}
        }

        function initTestCase() {
            CommandRegistry.add("test.alpha", "Alpha test command", "", () => stage.ran.push("alpha"), stage)
            CommandRegistry.add("test.beta", "Beta test command", "", () => stage.ran.push("beta"), stage)
            CommandRegistry.add("test.gamma", "Gamma test command", "", () => stage.ran.push("gamma"), stage)
        }

        function cleanupTestCase() {
            CommandRegistry.remove("test.alpha")
            CommandRegistry.remove("test.beta")
            CommandRegistry.remove("test.gamma")
        }

        function init() {
            stage.ran = []
        }

        function openPalette() {
            const palette = createTemporaryObject(paletteComponent, stage)
            palette.open()
            tryVerify(() => palette.opened)
            tryVerify(() => findChild(palette, "paletteField").activeFocus)
            return palette
        }

        function type(text) {
            for (let i = 0; i < text.length; ++i) {
                keyClick(text[i])
            }
        }

        function test_typeAndEnterRunsTheBestMatch() {
            const palette = openPalette()
            type("gamma")
            compare(palette.model.count, 1)
            keyClick(Qt.Key_Return)
            compare(stage.ran, ["gamma"])
            tryVerify(() => !palette.visible)
        }

        function test_arrowsChooseAndWrap() {
            const palette = openPalette()
            type("test command")
            compare(palette.model.count, 3)
            compare(palette.model.currentIndex, 0)
            keyClick(Qt.Key_Down)
            compare(palette.model.currentIndex, 1)
            keyClick(Qt.Key_Up)
            keyClick(Qt.Key_Up)
            compare(palette.model.currentIndex, 2)
            const chosen = palette.model.commandIdAt(2)
            keyClick(Qt.Key_Enter)
            compare(stage.ran, [chosen.substring(5)])
        }

        function test_escapeClosesWithoutRunning() {
            const palette = openPalette()
            type("alpha")
            keyClick(Qt.Key_Escape)
            tryVerify(() => !palette.visible)
            compare(stage.ran, [])
        }

        function test_noMatchIsSaid() {
            const palette = openPalette()
            type("qqqq")
            compare(palette.model.count, 0)
            verify(findChild(palette, "paletteEmpty").visible)
            keyClick(Qt.Key_Return)
            compare(stage.ran, [])
        }

        function test_clickRuns() {
            const palette = openPalette()
            type("beta")
            const list = findChild(palette, "paletteList")
            tryVerify(() => list.itemAtIndex(0) !== null)
            mouseClick(list.itemAtIndex(0))
            compare(stage.ran, ["beta"])
        }
    }
}
