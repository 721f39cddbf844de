// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
//
// The command registry, the palette's fuzzy ranking and keyboard movement, and the explorer's
// own commands over real sessions.

#include "commands/commandpalettemodel.h"
#include "commands/commandregistry.h"
#include "commands/explorercommands.h"
#include "session/sessionmanager.h"
#include "traffic/memorybudget.h"

#include <nolagcodec/variantcodec.h>

#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class tst_Commands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void addTriggerRemove();
    void replacingKeepsOneRow();
    void takenShortcutIsRefused();
    void unreadableShortcutIsRefused();
    void ownerTakesItsCommandsAlong();
    void unavailableCommandsDoNotRun();
    void score_data();
    void score();
    void ranking_data();
    void ranking();
    void highlightsMatchedLetters();
    void keyboardMovementWraps();
    void paletteFollowsTheRegistry();
    void explorerCommands();
};

void tst_Commands::addTriggerRemove()
{
    CommandRegistry registry(nullptr);
    int runs = 0;
    QVERIFY(registry.add(u"traffic.pause"_s, u"Pause"_s, u"Ctrl+P"_s, [&runs] { ++runs; }));
    QCOMPARE(registry.count(), 1);
    QCOMPARE(registry.index(0).data(CommandRegistry::CategoryRole).toString(), u"Traffic"_s);
    QCOMPARE(registry.index(0).data(CommandRegistry::ShortcutRole).toString(), u"Ctrl+P"_s);

    QSignalSpy triggered(&registry, &CommandRegistry::triggered);
    QVERIFY(registry.trigger(u"traffic.pause"_s));
    QCOMPARE(runs, 1);
    QCOMPARE(triggered.count(), 1);

    registry.remove(u"traffic.pause"_s);
    QCOMPARE(registry.count(), 0);
    QTest::ignoreMessage(QtWarningMsg, "There is no command \"traffic.pause\"");
    QVERIFY(!registry.trigger(u"traffic.pause"_s));
    QCOMPARE(runs, 1);
}

void tst_Commands::replacingKeepsOneRow()
{
    CommandRegistry registry(nullptr);
    int which = 0;
    registry.add(u"a.run"_s, u"First"_s, u"Ctrl+1"_s, [&which] { which = 1; });
    QVERIFY(registry.add(u"a.run"_s, u"Second"_s, u"Ctrl+1"_s, [&which] { which = 2; }));
    QCOMPARE(registry.count(), 1);
    registry.trigger(u"a.run"_s);
    QCOMPARE(which, 2);
    QCOMPARE(registry.index(0).data(CommandRegistry::TitleRole).toString(), u"Second"_s);
}

void tst_Commands::takenShortcutIsRefused()
{
    CommandRegistry registry(nullptr);
    registry.add(u"a.one"_s, u"One"_s, u"Ctrl+K"_s, [] {});
    QTest::ignoreMessage(QtWarningMsg,
                         "The shortcut Ctrl+K of the command \"b.two\" is taken by \"a.one\"; the "
                         "command is registered without a shortcut");
    QVERIFY(!registry.add(u"b.two"_s, u"Two"_s, u"Ctrl+K"_s, [] {}));
    QCOMPARE(registry.count(), 2);
    QCOMPARE(registry.shortcutText(u"b.two"_s), QString());
    QVERIFY(!registry.shortcutText(u"a.one"_s).isEmpty());
}

void tst_Commands::unreadableShortcutIsRefused()
{
    CommandRegistry registry(nullptr);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"shortcut Qt cannot read"_s));
    QVERIFY(!registry.add(u"a.odd"_s, u"Odd"_s, u"Ctrl+Frobnicate"_s, [] {}));
    QCOMPARE(registry.shortcutText(u"a.odd"_s), QString());
}

void tst_Commands::ownerTakesItsCommandsAlong()
{
    CommandRegistry registry(nullptr);
    auto owner = std::make_unique<QObject>();
    registry.add(
        u"a.owned"_s, u"Owned"_s, QString(), [] {}, owner.get());
    registry.add(u"a.free"_s, u"Free"_s, QString(), [] {});
    QCOMPARE(registry.count(), 2);
    owner.reset();
    QCOMPARE(registry.count(), 1);
    QCOMPARE(registry.indexOf(u"a.free"_s), 0);
}

void tst_Commands::unavailableCommandsDoNotRun()
{
    CommandRegistry registry(nullptr);
    bool possible = false;
    int runs = 0;
    registry.add(
        u"a.maybe"_s, u"Maybe"_s, QString(), [&runs] { ++runs; }, nullptr,
        [&possible] { return possible; });
    QVERIFY(!registry.trigger(u"a.maybe"_s));
    QCOMPARE(runs, 0);

    QSignalSpy changed(&registry, &QAbstractItemModel::dataChanged);
    possible = true;
    registry.refresh();
    QCOMPARE(changed.count(), 1);
    QVERIFY(registry.trigger(u"a.maybe"_s));
    QCOMPARE(runs, 1);

    registry.setEnabled(u"a.maybe"_s, false);
    QVERIFY(!registry.trigger(u"a.maybe"_s));
    QCOMPARE(runs, 1);
}

void tst_Commands::score_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");

    QTest::addRow("empty query") << u""_s << u"Anything"_s << true;
    QTest::addRow("prefix") << u"pau"_s << u"Pause the traffic"_s << true;
    QTest::addRow("letters in order") << u"ptf"_s << u"Pause the traffic"_s << true;
    QTest::addRow("letters out of order") << u"ftp"_s << u"Pause"_s << false;
    QTest::addRow("case ignored") << u"PAUSE"_s << u"pause"_s << true;
    QTest::addRow("spaces ignored") << u"pa tr"_s << u"Pause the traffic"_s << true;
    QTest::addRow("longer than the text") << u"pauses"_s << u"Pause"_s << false;
    QTest::addRow("missing letter") << u"px"_s << u"Pause"_s << false;
}

void tst_Commands::score()
{
    QFETCH(QString, query);
    QFETCH(QString, text);
    QFETCH(bool, matches);
    QCOMPARE(CommandPaletteModel::score(query, text) >= 0, matches);
}

void tst_Commands::ranking_data()
{
    QTest::addColumn<QStringList>("titles"); // registered in this order, ids a.0, a.1, ...
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected"); // the palette's titles, best first

    const QStringList commands{u"Clear the traffic"_s, u"Copy the selected message as JSON"_s,
                               u"Close this connection"_s, u"Show the Charts view"_s,
                               u"Pause or resume the traffic"_s};
    QTest::addRow("empty query keeps the order") << commands << u""_s << commands;
    QTest::addRow("prefix first") << commands << u"cl"_s
                                  << QStringList{u"Clear the traffic"_s, u"Close this connection"_s,
                                                 u"Copy the selected message as JSON"_s};
    QTest::addRow("word starts beat scattered letters")
        << QStringList{u"Publish the message"_s, u"Previous connection tab"_s} << u"pct"_s
        << QStringList{u"Previous connection tab"_s};
    QTest::addRow("initials") << commands << u"cts"_s
                              << QStringList{u"Copy the selected message as JSON"_s,
                                             u"Show the Charts view"_s, u"Close this connection"_s};
    QTest::addRow("a whole word inside")
        << QStringList{u"Stop recording"_s, u"Start recording"_s, u"Open a recording"_s} << u"rec"_s
        << QStringList{u"Stop recording"_s, u"Start recording"_s, u"Open a recording"_s};
    QTest::addRow("adjacent letters beat spread ones")
        << QStringList{u"Text of a Sender"_s, u"Sender text"_s} << u"sen"_s
        << QStringList{u"Sender text"_s, u"Text of a Sender"_s};
    QTest::addRow("nothing matches") << commands << u"zzz"_s << QStringList();
}

void tst_Commands::ranking()
{
    QFETCH(QStringList, titles);
    QFETCH(QString, query);
    QFETCH(QStringList, expected);

    CommandRegistry registry(nullptr);
    for (qsizetype i = 0; i < titles.size(); ++i) {
        registry.add(u"a.%1"_s.arg(i), titles.at(i), QString(), [] {});
    }
    CommandPaletteModel palette;
    palette.setRegistry(&registry);
    palette.setQuery(query);

    QStringList actual;
    for (int row = 0; row < palette.count(); ++row) {
        actual.append(palette.index(row).data(CommandPaletteModel::TitleRole).toString());
    }
    QCOMPARE(actual, expected);
    QCOMPARE(palette.currentIndex(), expected.isEmpty() ? -1 : 0);
}

void tst_Commands::highlightsMatchedLetters()
{
    CommandRegistry registry(nullptr);
    registry.add(u"traffic.clear"_s, u"Clear <all>"_s, QString(), [] {});
    CommandPaletteModel palette;
    palette.setRegistry(&registry);
    palette.setQuery(u"cl"_s);
    QCOMPARE(palette.index(0).data(CommandPaletteModel::TitleMarkupRole).toString(),
             u"<b>C</b><b>l</b>ear &lt;all&gt;"_s);
}

void tst_Commands::keyboardMovementWraps()
{
    CommandRegistry registry(nullptr);
    QStringList ran;
    for (const QString &name : {u"one"_s, u"two"_s, u"three"_s}) {
        registry.add(u"a."_s + name, name, QString(), [&ran, name] { ran.append(name); });
    }
    CommandPaletteModel palette;
    palette.setRegistry(&registry);
    QCOMPARE(palette.currentIndex(), 0);
    QVERIFY(palette.index(0).data(CommandPaletteModel::CurrentRole).toBool());

    palette.moveCurrent(-1);
    QCOMPARE(palette.currentIndex(), 2);
    palette.moveCurrent(1);
    QCOMPARE(palette.currentIndex(), 0);
    palette.moveCurrent(1);
    QVERIFY(palette.triggerCurrent());
    QCOMPARE(ran, QStringList{u"two"_s});

    palette.setQuery(u"nothing like it"_s);
    QCOMPARE(palette.currentIndex(), -1);
    QVERIFY(!palette.triggerCurrent());
    QCOMPARE(ran.size(), 1);
}

void tst_Commands::paletteFollowsTheRegistry()
{
    CommandRegistry registry(nullptr);
    CommandPaletteModel palette;
    palette.setRegistry(&registry);
    QCOMPARE(palette.count(), 0);

    bool available = true;
    registry.add(
        u"a.x"_s, u"X"_s, QString(), [] {}, nullptr, [&available] { return available; });
    QCOMPARE(palette.count(), 1);
    available = false;
    registry.refresh();
    QCOMPARE(palette.count(), 0);
    available = true;
    registry.refresh();
    registry.remove(u"a.x"_s);
    QCOMPARE(palette.count(), 0);
}

void tst_Commands::explorerCommands()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    MemoryBudget budget;
    SessionManager sessions(&budget, &settings);
    CommandRegistry registry(nullptr);

    auto commands = std::make_unique<ExplorerCommands>();
    commands->setRegistry(&registry);
    commands->setSessions(&sessions);
    commands->setViews({u"traffic"_s, u"publish"_s, u"admin"_s});
    commands->setViewTitles({u"Traffic"_s, u"Publish"_s, u"Admin"_s});

    QCOMPARE(registry.shortcutText(u"view.admin"_s),
             QKeySequence(u"Ctrl+3"_s).toString(QKeySequence::NativeText));
    QCOMPARE(registry.shortcutText(u"palette.open"_s),
             QKeySequence(u"Ctrl+K"_s).toString(QKeySequence::NativeText));
    QVERIFY(registry.isAvailable(u"palette.open"_s));
    QVERIFY(!registry.isAvailable(u"traffic.pause"_s)); // no connection yet
    QVERIFY(!registry.isAvailable(u"view.traffic"_s));

    // Two connections without tokens: they open (and fail at once, without a network).
    ConnectionProfile profile;
    for (const QString &name : {u"first"_s, u"second"_s}) {
        QTest::ignoreMessage(QtWarningMsg,
                             qPrintable(u"\"%1\" could not connect: this connection has no "
                                        "access token; edit it and add one"_s.arg(name)));
        profile.name = name;
        sessions.open(profile);
    }
    QCOMPARE(sessions.count(), 2);
    const int start = sessions.currentIndex();

    QVERIFY(registry.trigger(u"traffic.pause"_s));
    QVERIFY(sessions.current()->traffic()->isPaused());
    QVERIFY(registry.trigger(u"traffic.pause"_s));
    QVERIFY(!sessions.current()->traffic()->isPaused());

    QVERIFY(registry.trigger(u"connection.next"_s));
    QCOMPARE(sessions.currentIndex(), (start + 1) % 2);
    QVERIFY(registry.trigger(u"connection.previous"_s));
    QCOMPARE(sessions.currentIndex(), start);

    QSignalSpy view(commands.get(), &ExplorerCommands::viewRequested);
    QVERIFY(registry.trigger(u"view.admin"_s));
    QCOMPARE(view.at(0).at(0).toString(), u"admin"_s);
    QSignalSpy focus(commands.get(), &ExplorerCommands::focusFilterRequested);
    QVERIFY(registry.trigger(u"traffic.filter"_s));
    QCOMPARE(focus.count(), 1);
    QCOMPARE(view.at(1).at(0).toString(), u"traffic"_s);

    QVERIFY(!registry.isAvailable(u"publish.send"_s));
    commands->setCurrentView(u"publish"_s);
    QVERIFY(registry.isAvailable(u"publish.send"_s));
    QVERIFY(!registry.isAvailable(u"traffic.copy"_s)); // nothing selected

    // A message selected in the current tab makes copying possible.
    Session *session = sessions.current();
    bool encoded = false;
    const QByteArray data = NoLag::Codec::encodeVariant(QVariantMap{{u"n"_s, 1}}, &encoded);
    QVERIFY(encoded);
    session->store()->append(session->store()->topics().intern(u"demo/general/messages"_s),
                             1700000000000, 1, 0, data);
    session->traffic()->flush();
    QSignalSpy changed(&registry, &QAbstractItemModel::dataChanged);
    session->traffic()->selectRow(0);
    QTRY_VERIFY(registry.isAvailable(u"traffic.copy"_s));
    // The views (and the shortcut's enabled state) hear of it.
    const int copyRow = registry.indexOf(u"traffic.copy"_s);
    QTRY_VERIFY(
        std::any_of(changed.cbegin(), changed.cend(), [copyRow](const QList<QVariant> &args) {
            return args.at(0).toModelIndex().row() <= copyRow &&
                args.at(1).toModelIndex().row() >= copyRow;
        }));

    // Fewer views: the old view commands go.
    commands->setViews({u"traffic"_s});
    QCOMPARE(registry.indexOf(u"view.admin"_s), -1);

    QVERIFY(registry.trigger(u"connection.close"_s));
    QCOMPARE(sessions.count(), 1);

    commands.reset();
    QCOMPARE(registry.count(), 0);
}

QTEST_MAIN(tst_Commands)

#include "tst_commands.moc"
