import QtQuick
import QtTest
import NoLagExplorer

// The connection form: what load() shows and what fields() and the buttons hand back.
Item {
    id: stage

    width: 900
    height: 600

    TestCase {
        id: testCase

        name: "ProfileForm"
        when: windowShown

        Component {
            id: form
            ProfileForm {
                width: 700
                height: 500
            }
        }

        SignalSpy {
            id: saveSpy
            signalName: "saveRequested"
        }

        SignalSpy {
            id: connectSpy
            signalName: "connectRequested"
        }

        function test_loadThenFields_data() {
            return [
                { tag: "a saved profile", profile: { id: "p1", name: "Staging", brokerUrl: "wss://staging.example.com/ws",
                      apiUrl: "https://staging.example.com/v1", protocolVersion: 1, reconnect: false,
                      maxReconnectAttempts: 3, heartbeatIntervalMs: 15000, qos: 2, autoAcknowledge: false } },
                { tag: "a new profile", profile: { name: "Local", brokerUrl: "ws://127.0.0.1:8080/ws" } }
            ]
        }

        function test_loadThenFields(data) {
            const item = createTemporaryObject(form, stage)
            verify(item)
            item.load(data.profile)
            const fields = item.fields()
            const p = data.profile
            compare(fields.id, p.id ?? "")
            compare(item.editing, (p.id ?? "").length > 0)
            compare(fields.name, p.name)
            compare(fields.brokerUrl, p.brokerUrl)
            compare(fields.apiUrl, p.apiUrl ?? "")
            compare(fields.protocolVersion, p.protocolVersion ?? 2)
            compare(fields.reconnect, p.reconnect ?? true)
            compare(fields.maxReconnectAttempts, p.maxReconnectAttempts ?? 10)
            compare(fields.heartbeatIntervalMs, p.heartbeatIntervalMs ?? 30000)
            compare(fields.qos, p.qos ?? 1)
            compare(fields.autoAcknowledge, p.autoAcknowledge ?? true)
            // Secrets are never shown again: empty means "keep the stored one".
            compare(fields.token, "")
            compare(fields.apiKey, "")
        }

        function test_buttonsHandTheTypedFields() {
            const item = createTemporaryObject(form, stage)
            verify(item)
            item.load({ id: "p2", name: "Demo", brokerUrl: "ws://127.0.0.1:9000/ws" })
            saveSpy.target = item
            connectSpy.target = item
            saveSpy.clear()
            connectSpy.clear()

            const token = findChild(item, "profileToken")
            verify(token)
            token.forceActiveFocus()
            keySequence("ctrl+a")
            keyClick(Qt.Key_A)
            keyClick(Qt.Key_T)

            mouseClick(findChild(item, "saveProfileButton"))
            compare(saveSpy.count, 1)
            compare(saveSpy.signalArguments[0][0].token, "at")
            compare(saveSpy.signalArguments[0][0].id, "p2")

            mouseClick(findChild(item, "connectProfileButton"))
            compare(connectSpy.count, 1)
            compare(connectSpy.signalArguments[0][0].brokerUrl, "ws://127.0.0.1:9000/ws")
        }
    }
}
