// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// The Quick Test runner of the explorer's reusable QML components (qml/tst_*.qml). The
// components are tested with the real C++ models, filled with sample traffic by the fixture
// below and handed to QML as the context property "fixture".

#include "common/explorerapp.h"
#include "inspector/messageinspector.h"
#include "publish/publisher.h"
#include "recording/recordingformat.h"
#include "recording/recordingsession.h"
#include "session/session.h"
#include "topics/topictreemodel.h"
#include "traffic/trafficmodel.h"
#include "traffic/trafficstore.h"

#include <nolagcodec/variantcodec.h>

#include <NoLagQt/nolagclient.h>

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtQml/QQmlContext>
#include <QtQml/QQmlEngine>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuick/QQuickWindow>
#include <QtQuickControls2/QQuickStyle>
#include <QtQuickTest/quicktest.h>
#include <QtWidgets/QApplication>

Q_IMPORT_QML_PLUGIN(NoLagExplorerPlugin)

using namespace Qt::StringLiterals;

class Fixture : public QObject
{
    Q_OBJECT
    Q_PROPERTY(TrafficModel *traffic READ traffic CONSTANT)
    Q_PROPERTY(TopicTreeModel *topics READ topics CONSTANT)
    Q_PROPERTY(MessageInspector *inspector READ inspector CONSTANT)
    Q_PROPERTY(Session *session READ session CONSTANT)
    Q_PROPERTY(RecordingSession *recording READ recording CONSTANT)

public:
    Fixture()
    {
        const QStringList names{u"demo/general/messages"_s, u"demo/general/telemetry"_s,
                                u"demo/support/messages"_s};
        for (int i = 1; i <= 30; ++i) {
            const quint32 topic = m_store.topics().intern(names.at(i % 3));
            bool ok = false;
            const QByteArray data = NoLag::Codec::encodeVariant(
                QVariantMap{{u"n"_s, i}, {u"text"_s, u"sample"_s}}, &ok);
            const quint64 sequence = m_store.append(topic, 1700000000000 + i, 1, 0, data);
            m_topics.recordMessage(topic, sequence, 1700000000000 + i);
        }
        m_traffic.flush();
        m_topics.flush();
        m_inspector.inspect(30);

        // The same messages as a recording on disk, and a connection that is never opened.
        QByteArray lines = RecordingFormat::headerLine({});
        for (quint64 s = m_store.firstSequence(); s < m_store.endSequence(); ++s) {
            const TrafficMessage message = *m_store.message(s);
            RecordingFormat::appendMessageLine(lines, message, m_store.topicName(message.topicId),
                                               s);
        }
        const QString path = m_dir.filePath(u"fixture.jsonl"_s);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(lines);
        }
        file.close();
        m_recording = std::make_unique<RecordingSession>(path);
        m_recording->open();

        ConnectionProfile profile;
        profile.id = u"fixture-profile"_s;
        profile.name = u"Fixture"_s;
        profile.brokerUrl = QUrl(u"ws://127.0.0.1:9/ws"_s);
        m_session = std::make_unique<Session>(profile, nullptr, nullptr);
    }

    TrafficModel *traffic() { return &m_traffic; }
    TopicTreeModel *topics() { return &m_topics; }
    MessageInspector *inspector() { return &m_inspector; }
    Session *session() { return m_session.get(); }
    RecordingSession *recording() { return m_recording.get(); }

private:
    QTemporaryDir m_dir;
    TrafficStore m_store;
    TrafficModel m_traffic{&m_store};
    TopicTreeModel m_topics{&m_store};
    MessageInspector m_inspector{&m_store};
    std::unique_ptr<RecordingSession> m_recording;
    std::unique_ptr<Session> m_session;
};

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(u"Fusion"_s);
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);

        // The ExplorerApp singleton the status bar reads, with throwaway settings.
        ExplorerOptions options;
        options.noKeychain = true;
        options.settingsPath = m_settingsDir.filePath(u"settings.ini"_s);
        m_app = std::make_unique<ExplorerApp>(options);
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(u"qrc:/qt/qml"_s);
        m_fixture = std::make_unique<Fixture>();
        engine->rootContext()->setContextProperty(u"fixture"_s, m_fixture.get());
    }

    void cleanupTestCase() { m_fixture.reset(); }

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<ExplorerApp> m_app;
    std::unique_ptr<Fixture> m_fixture;
};

// Not QUICK_TEST_MAIN_WITH_SETUP: Qt Charts in QML needs a QApplication, which that macro
// does not make.
int main(int argc, char **argv)
{
    QApplication application(argc, argv);
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "explorer_components", QUICK_TEST_SOURCE_DIR,
                                      &setup);
}

#include "tst_qmlcomponents.moc"
