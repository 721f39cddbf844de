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

        name: "MemoryGauge"
        when: windowShown
        width: 300
        height: 40

        Component {
            id: gauge
            MemoryGauge {}
        }

        function test_fraction_data() {
            return [
                { tag: "empty", used: 0, limit: 100, fraction: 0 },
                { tag: "half", used: 50, limit: 100, fraction: 0.5 },
                { tag: "over the limit is shown full", used: 150, limit: 100, fraction: 1 }
            ]
        }

        function test_fraction(data) {
            const item = createTemporaryObject(gauge, stage, { usedBytes: data.used, limitBytes: data.limit, text: "t" })
            compare(item.fraction, data.fraction)
            const fill = findChild(item, "fill")
            fuzzyCompare(fill.width, 58 * data.fraction, 0.5)
        }

        function test_warnsNearTheLimit() {
            const item = createTemporaryObject(gauge, stage, { usedBytes: 95, limitBytes: 100 })
            compare(item.barColor, Theme.warning)
        }
    }
}
