// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "explorerapp.h"

#include "common/explorerlogging.h"
#include "common/payloadformat.h"
#include "connections/profilestore.h"
#include "connections/secretstore.h"
#include "recording/recorder.h"
#include "recording/recordinglist.h"
#include "session/session.h"
#include "session/sessionmanager.h"
#include "traffic/memorybudget.h"

#include <NoLagQt/nolagqtglobal.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtQml/QQmlEngine>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

ExplorerApp *s_instance = nullptr;

} // namespace

QString ExplorerOptions::helpText()
{
    return uR"(Usage: nolag-explorer [options]

NoLag Explorer watches and debugs the live traffic of a NoLag broker: messages, topics,
subscriptions with filters, publishing and presence. Saved connections are managed in the
app; these options open one right away.

Connect at start:
  --url URL             broker WebSocket URL, such as ws://127.0.0.1:8080/ws
  --token TOKEN         access token (or set NOLAG_TOKEN; safer, as other users of this
                        machine can read command lines)
  --api-url URL         REST API base URL (default: http://<broker host>/v1)
  --api-key KEY         project API key for the Browse view (or set NOLAG_API_KEY)
  --name NAME           the tab's name (default: the broker's host)
  --protocol N          highest protocol version to ask for, 1 or 2 (default 2)
  --subscribe TOPIC     subscribe to TOPIC once connected; may be given several times

Display and memory:
  --budget-mb N         memory budget of the traffic store in megabytes (default 512);
                        the oldest messages are dropped, and counted, beyond it
  --theme MODE          system (default), light or dark
  --view NAME           first view: traffic, subscriptions, browse, publish, presence,
                        admin, charts or connections (the saved connections)
  --recording FILE      open the recording FILE (JSON Lines) at start; may be repeated
  --record FILE         record the connection's traffic to FILE from the start until quit
  --chart-topic PATTERN chart the messages per second of PATTERN; may be repeated
  --chart-field PATH    plot the number at JSON PATH (such as $.temperature); may be
                        repeated
  --no-keychain         keep tokens and API keys in memory only, not in the system keychain
  --settings FILE       keep settings in FILE (INI) instead of the user's settings

For screenshots and tests:
  --screenshot FILE     save a picture of the window to FILE (PNG), then quit
  --screenshot-delay MS wait this long after start before taking it (default 3000)
  --screenshot-select   select the newest message just before taking it

  --version, --help
)"_s;
}

bool ExplorerOptions::parse(const QStringList &arguments, QString *errorString, bool *helpShown)
{
    QCommandLineParser parser;
    const QCommandLineOption url(u"url"_s, QString(), u"URL"_s);
    const QCommandLineOption token(u"token"_s, QString(), u"TOKEN"_s);
    const QCommandLineOption apiUrl(u"api-url"_s, QString(), u"URL"_s);
    const QCommandLineOption apiKey(u"api-key"_s, QString(), u"KEY"_s);
    const QCommandLineOption name(u"name"_s, QString(), u"NAME"_s);
    const QCommandLineOption protocol(u"protocol"_s, QString(), u"N"_s);
    const QCommandLineOption subscribeOption(u"subscribe"_s, QString(), u"TOPIC"_s);
    const QCommandLineOption budget(u"budget-mb"_s, QString(), u"N"_s);
    const QCommandLineOption themeOption(u"theme"_s, QString(), u"MODE"_s);
    const QCommandLineOption viewOption(u"view"_s, QString(), u"NAME"_s);
    const QCommandLineOption keychain(u"no-keychain"_s);
    const QCommandLineOption settings(u"settings"_s, QString(), u"FILE"_s);
    const QCommandLineOption screenshot(u"screenshot"_s, QString(), u"FILE"_s);
    const QCommandLineOption screenshotDelay(u"screenshot-delay"_s, QString(), u"MS"_s);
    const QCommandLineOption screenshotSelectOption(u"screenshot-select"_s);
    const QCommandLineOption recordingOption(u"recording"_s, QString(), u"FILE"_s);
    const QCommandLineOption recordOption(u"record"_s, QString(), u"FILE"_s);
    const QCommandLineOption chartTopicOption(u"chart-topic"_s, QString(), u"PATTERN"_s);
    const QCommandLineOption chartFieldOption(u"chart-field"_s, QString(), u"PATH"_s);
    const QCommandLineOption help(u"help"_s);
    const QCommandLineOption versionOption(u"version"_s);
    parser.addOptions({url, token, apiUrl, apiKey, name, protocol, subscribeOption, budget,
                       themeOption, viewOption, keychain, settings, screenshot, screenshotDelay,
                       screenshotSelectOption, help, versionOption});
    parser.addOptions({recordingOption, recordOption, chartTopicOption, chartFieldOption});

    if (!parser.parse(arguments)) {
        *errorString = parser.errorText() + u"\nRun nolag-explorer --help for the options."_s;
        return false;
    }
    if (parser.isSet(help) || parser.isSet(versionOption)) {
        if (helpShown) {
            *helpShown = true;
        }
        *errorString = parser.isSet(help)
            ? helpText()
            : u"nolag-explorer %1\n"_s.arg(QString::fromLatin1(NOLAGQT_VERSION_STR));
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *errorString =
            u"Unexpected argument '%1'. Run nolag-explorer --help for the options."_s.arg(
                parser.positionalArguments().constFirst());
        return false;
    }

    const QString tokenValue =
        parser.isSet(token) ? parser.value(token) : qEnvironmentVariable("NOLAG_TOKEN");
    const QString apiKeyValue =
        parser.isSet(apiKey) ? parser.value(apiKey) : qEnvironmentVariable("NOLAG_API_KEY");
    if (parser.isSet(url)) {
        hasConnection = true;
        connection.brokerUrl = QUrl(parser.value(url));
        connection.token = tokenValue;
        connection.apiKey = apiKeyValue;
        if (parser.isSet(apiUrl)) {
            connection.apiUrl = QUrl(parser.value(apiUrl));
        }
        connection.name = parser.isSet(name) ? parser.value(name) : connection.brokerUrl.host();
        if (parser.isSet(protocol)) {
            connection.protocolVersion = parser.value(protocol).toInt();
        }
        const QString problem = connection.validate();
        if (!problem.isEmpty()) {
            *errorString = u"--url: %1"_s.arg(problem);
            return false;
        }
        if (connection.token.isEmpty()) {
            *errorString = u"--url needs an access token: give --token or set NOLAG_TOKEN."_s;
            return false;
        }
    } else if (parser.isSet(token) || parser.isSet(apiKey) || parser.isSet(name)) {
        *errorString = u"--token, --api-key and --name need --url."_s;
        return false;
    }

    subscribe = parser.values(subscribeOption);
    recordings = parser.values(recordingOption);
    recordTo = parser.value(recordOption);
    chartTopics = parser.values(chartTopicOption);
    chartFields = parser.values(chartFieldOption);
    if (parser.isSet(budget)) {
        bool ok = false;
        const qint64 megabytes = parser.value(budget).toLongLong(&ok);
        if (!ok || megabytes < 16) {
            *errorString = u"--budget-mb expects a whole number of at least 16 (got '%1')."_s.arg(
                parser.value(budget));
            return false;
        }
        budgetBytes = megabytes * 1024 * 1024;
    }
    theme = parser.value(themeOption).toLower();
    if (!theme.isEmpty() && theme != u"light"_s && theme != u"dark"_s && theme != u"system"_s) {
        *errorString = u"--theme is system, light or dark (got '%1')."_s.arg(theme);
        return false;
    }
    view = parser.value(viewOption).toLower();
    static const QStringList views{u"traffic"_s,     u"subscriptions"_s, u"browse"_s,
                                   u"publish"_s,     u"presence"_s,      u"admin"_s,
                                   u"connections"_s, u"charts"_s};
    if (!view.isEmpty() && !views.contains(view)) {
        *errorString = u"--view is one of %1 (got '%2')."_s.arg(views.join(u", "_s), view);
        return false;
    }
    noKeychain = parser.isSet(keychain);
    settingsPath = parser.value(settings);
    screenshotPath = parser.value(screenshot);
    screenshotSelect = parser.isSet(screenshotSelectOption);
    if (parser.isSet(screenshotDelay)) {
        screenshotDelayMs = parser.value(screenshotDelay).toInt();
    }
    return true;
}

ExplorerApp::ExplorerApp(const ExplorerOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    s_instance = this;
    m_settings = options.settingsPath.isEmpty()
        ? std::make_unique<QSettings>()
        : std::make_unique<QSettings>(options.settingsPath, QSettings::IniFormat);
    m_secrets = std::make_unique<SecretStore>(options.noKeychain ? SecretStore::Backend::Memory
                                                                 : SecretStore::defaultBackend());
    m_profiles = std::make_unique<ProfileStore>(m_settings.get(), m_secrets.get());
    m_budget = std::make_unique<MemoryBudget>();
    m_budget->setLimitBytes(
        options.budgetBytes > 0
            ? options.budgetBytes
            : m_settings->value(u"memoryBudgetBytes"_s, MemoryBudget::DefaultLimitBytes)
                  .toLongLong());
    m_sessions = std::make_unique<SessionManager>(m_budget.get(), m_settings.get());

    connect(m_budget.get(), &MemoryBudget::usedBytesChanged, this, &ExplorerApp::memoryChanged);
    m_memoryTimer.setInterval(1000);
    connect(&m_memoryTimer, &QTimer::timeout, this, &ExplorerApp::updateMemory);
    m_memoryTimer.start();
    updateMemory();
}

ExplorerApp::~ExplorerApp()
{
    m_sessions.reset();
    if (s_instance == this) {
        s_instance = nullptr;
    }
}

ExplorerApp *ExplorerApp::instance()
{
    return s_instance;
}

ExplorerApp *ExplorerApp::create(QQmlEngine *, QJSEngine *)
{
    ExplorerApp *app = instance();
    if (!app) {
        app = new ExplorerApp(ExplorerOptions(), qApp);
    }
    QQmlEngine::setObjectOwnership(app, QQmlEngine::CppOwnership);
    return app;
}

QString ExplorerApp::memoryText() const
{
    return tr("Store %1 of %2 · process %3")
        .arg(PayloadFormat::humanSize(m_budget->usedBytes()),
             PayloadFormat::humanSize(m_budget->limitBytes()),
             PayloadFormat::humanSize(m_processMemory));
}

int ExplorerApp::budgetMegabytes() const
{
    return int(m_budget->limitBytes() / (1024 * 1024));
}

void ExplorerApp::setBudgetMegabytes(int megabytes)
{
    megabytes = std::max(megabytes, 16);
    if (megabytes == budgetMegabytes()) {
        return;
    }
    m_budget->setLimitBytes(qint64(megabytes) * 1024 * 1024);
    m_settings->setValue(u"memoryBudgetBytes"_s, m_budget->limitBytes());
    Q_EMIT memoryChanged();
}

QString ExplorerApp::version() const
{
    return QString::fromLatin1(NOLAGQT_VERSION_STR);
}

void ExplorerApp::start()
{
    for (const QString &path : std::as_const(m_options.recordings)) {
        if (!RecordingList::instance()->openPath(path)) {
            qCWarning(lcExplorer, "Cannot open the recording %s: %s", qPrintable(path),
                      qPrintable(RecordingList::instance()->errorString()));
        }
    }
    if (!m_options.hasConnection) {
        return;
    }
    Session *session = m_sessions->open(m_options.connection);
    if (!m_options.recordTo.isEmpty()) {
        // Owned by the session: closing it (or quitting) completes the file.
        auto *recorder = new Recorder(session);
        recorder->setSession(session);
        recorder->start(QUrl::fromLocalFile(m_options.recordTo));
    }
    const QStringList topics = m_options.subscribe;
    if (topics.isEmpty()) {
        return;
    }
    // Subscribe once, at the first successful connection; the client restores them later.
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(session, &Session::statusChanged, session, [session, topics, once] {
        if (session->state() != Session::Connected) {
            return;
        }
        QObject::disconnect(*once);
        for (const QString &topic : topics) {
            const QString error = session->subscriptions()->subscribe(topic);
            if (!error.isEmpty()) {
                qCWarning(lcExplorer, "Cannot subscribe to %s: %s", qPrintable(topic),
                          qPrintable(error));
            }
        }
    });
}

void ExplorerApp::connectProfile(const QString &id)
{
    m_profiles->withSecrets(
        id, this, [this](const ConnectionProfile &profile) { m_sessions->open(profile); });
}

qint64 ExplorerApp::residentBytes()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 2) {
        return 0;
    }
    return fields.at(1).toLongLong() * qint64(sysconf(_SC_PAGESIZE));
}

void ExplorerApp::updateMemory()
{
    const qint64 bytes = residentBytes();
    if (bytes != m_processMemory) {
        m_processMemory = bytes;
        Q_EMIT memoryChanged();
    }
}
