import QtQuick
import QtTest
import NoLagExplorer

// AdminView without a connection that has an API key: it says what is missing and shows no
// page, and its controller makes no request.
Item {
    id: stage

    width: 1000
    height: 600

    TestCase {
        name: "AdminView"
        when: windowShown

        Component {
            id: viewComponent
            AdminView {
                width: 1000
                height: 600
                session: null
            }
        }

        function test_withoutApiKeyItSaysWhatIsMissing() {
            const view = createTemporaryObject(viewComponent, stage)
            verify(!view.controller.available)
            const pages = findChild(view, "adminPages")
            verify(!pages.visible)
            compare(view.controller.apps.count, 0)
            verify(!view.controller.apps.loading)
        }

        function test_showPageChoosesTheTab() {
            const view = createTemporaryObject(viewComponent, stage)
            const pages = findChild(view, "adminPages")
            view.showPage("actors")
            compare(pages.currentIndex, 2)
            view.showPage("permissions")
            compare(pages.currentIndex, 3)
            view.showPage("nothing like it")
            compare(pages.currentIndex, 3)
        }
    }
}
