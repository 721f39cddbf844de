import QtQuick
import QtTest
import NoLagExplorer

// ChartsView and ChartPanel over the fixture's traffic (30 messages, three topics).
Item {
    id: stage

    width: 1000
    height: 700

    TestCase {
        id: testCase

        name: "ChartsView"
        when: windowShown

        Component {
            id: view
            ChartsView { width: 1000; height: 700; traffic: fixture.traffic }
        }

        function test_ratesChartAllTopicsAndAnAddedOne() {
            const item = createTemporaryObject(view, stage)
            const charts = item.charts
            compare(charts.rates.count, 1)
            tryVerify(() => charts.rates.hasPoints, 5000)

            const field = findChild(item, "rateTopicField")
            field.text = "demo/+/telemetry"
            mouseClick(findChild(item, "addRateButton"))
            compare(charts.rates.count, 2)
            compare(field.text, "")
            const panel = findChild(item, "rateChart")
            tryCompare(panel.chart, "count", 8) // the eight line series, filled as rows come
        }

        function test_fieldByPath() {
            const item = createTemporaryObject(view, stage)
            const charts = item.charts
            findChild(item, "fieldPathField").text = "$.n"
            findChild(item, "fieldTopicField").text = "demo/general/#"
            mouseClick(findChild(item, "addFieldButton"))
            compare(charts.fields.count, 1)
            tryVerify(() => charts.fields.hasPoints, 5000)
            // Topics demo/general/messages and telemetry: 20 of the 30 messages, n from 1 to
            // 30; the axis starts at zero and leaves 8 % of room above the highest value.
            tryVerify(() => Math.abs(charts.fields.maxValue - 30 * 1.08) < 1e-9, 5000)
            compare(charts.fields.minValue, 0)
        }

        function test_badPathShowsTheError() {
            const item = createTemporaryObject(view, stage)
            findChild(item, "fieldPathField").text = "$.a[oops]"
            mouseClick(findChild(item, "addFieldButton"))
            const error = findChild(item, "chartError")
            verify(error.visible)
            compare(error.text, "\"[oops]\" is neither an array index nor a quoted name.")
            compare(item.charts.fields.count, 0)
        }
    }
}
