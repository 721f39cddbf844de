import QtQuick
import QtTest
import NoLagExplorer

// TemplateControls on a connection that is not open: templates save and load into the
// publish form; a run refuses to start and says why.
Item {
    id: stage

    width: 900
    height: 300

    TestCase {
        id: testCase

        name: "TemplateControls"
        when: windowShown

        Component {
            id: controls
            TemplateControls { width: 900; session: fixture.session }
        }

        function test_saveAndApply() {
            const item = createTemporaryObject(controls, stage)
            const publisher = fixture.session.publisher
            publisher.topic = "demo/load/{{counter}}"
            publisher.payload = "{\"n\": {{counter}}}"
            findChild(item, "templateName").text = "Counter"
            mouseClick(findChild(item, "saveTemplate"))
            compare(item.templates.count, 1)
            compare(findChild(item, "templateName").text, "")

            publisher.topic = "demo/other"
            item.templates.apply(0, publisher)
            compare(publisher.topic, "demo/load/{{counter}}")
            item.templates.remove(0)
            compare(item.templates.count, 0)
        }

        function test_startWithoutConnectionExplains() {
            const item = createTemporaryObject(controls, stage)
            mouseClick(findChild(item, "repeatButton"))
            verify(!item.repeater.running)
            compare(findChild(item, "repeatStatus").text,
                    "Not connected: wait until the connection is up, then start again.")
        }
    }
}
