import QtQuick
import QtTest
import NoLagExplorer

// EmptyState, SectionHeader, HexView, TextLinesView and JsonTreeView over the fixture's models.
// Created objects go into a visible item: a TestCase itself is not shown.
Item {
    id: stage

    width: 900
    height: 400

    TestCase {
        id: testCase

        name: "SmallComponents"
        when: windowShown
        width: 500
        height: 300

        Component { id: emptyState; EmptyState { width: 400; height: 200 } }
        Component { id: sectionHeader; SectionHeader { width: 400 } }
        Component { id: hexView; HexView { width: 500; height: 300 } }
        Component { id: textView; TextLinesView { width: 500; height: 300 } }
        Component { id: jsonView; JsonTreeView { width: 500; height: 300 } }

        function test_emptyStateHidesAnEmptyHint() {
            const item = createTemporaryObject(emptyState, stage, { title: "Nothing", hint: "" })
            verify(item.implicitHeight > 0)
        }

        function test_sectionHeader() {
            const item = createTemporaryObject(sectionHeader, stage, { title: "Topics", detail: "3 topics" })
            verify(item.implicitWidth > 60)
        }

        function test_hexViewShowsEveryRow() {
            const item = createTemporaryObject(hexView, stage, { model: fixture.inspector.hex })
            compare(item.count, Math.ceil(fixture.inspector.size / 16))
        }

        function test_textViewShowsEveryLine() {
            const item = createTemporaryObject(textView, stage, { model: fixture.inspector.text })
            compare(item.count, fixture.inspector.text.lineCount)
        }

        function test_jsonViewOpensTheFirstLevel() {
            const item = createTemporaryObject(jsonView, stage, { model: fixture.inspector.tree })
            verify(item.rows >= 1)
            item.expand(0)
            tryCompare(item, "rows", 3) // the payload and its two keys
        }
    }
}
