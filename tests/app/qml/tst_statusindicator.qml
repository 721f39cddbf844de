import QtQuick
import QtTest
import NoLagExplorer

// Created objects go into a visible item: a TestCase itself is not shown.
Item {
    id: stage

    width: 900
    height: 400

    TestCase {
        id: testCase

        name: "StatusIndicator"
        when: windowShown
        width: 300
        height: 40

        Component {
            id: indicator
            StatusIndicator {}
        }

        function test_colours_data() {
            return [
                { tag: "connected", state: Session.Connected, color: Theme.success, busy: false },
                { tag: "connecting", state: Session.Connecting, color: Theme.warning, busy: true },
                { tag: "reconnecting", state: Session.Reconnecting, color: Theme.warning, busy: true },
                { tag: "failed", state: Session.Failed, color: Theme.danger, busy: false },
                { tag: "disconnected", state: Session.Disconnected, color: Theme.textMuted, busy: false }
            ]
        }

        function test_colours(data) {
            const item = createTemporaryObject(indicator, stage, { state: data.state, text: "x" })
            verify(item)
            compare(item.color, data.color)
            compare(item.busy, data.busy)
        }

        function test_textCanBeHidden() {
            const item = createTemporaryObject(indicator, stage, { text: "Connected", showText: false })
            verify(item.implicitWidth < 20)
        }
    }
}
