// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include "core/brokeroptions.h"

#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtNetwork/QHostAddress>

namespace NoLag::Server {

/*! Everything the nolag-local command line sets (see --help and common.md). */
struct ServerSettings
{
    QString host = QStringLiteral("127.0.0.1"); // as given, for the "Listening on" line
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8080;
    QString dataDirectory;
    QString tokensFile;
    bool demo = false;
    bool open = false;
    QString apiKey;
    QString logLevel = QStringLiteral("info");
    BrokerOptions broker;
};

enum class CommandLineResult : quint8 {
    Run, // settings are complete: start the server
    Done, // --help or --version was printed: exit 0
    Error, // errorString() says what is wrong: exit 1
};

/*!
    Parses the arguments of nolag-local (\a arguments includes the program name). On Error,
    \a errorString is one line for someone who mistyped something, without the program name.
    --help and --version print to standard output.
*/
CommandLineResult parseCommandLine(const QStringList &arguments, ServerSettings *settings,
                                   QString *errorString);

/*! The --help text. */
QString helpText();

} // namespace NoLag::Server
