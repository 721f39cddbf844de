// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#pragma once

#include <QtCore/QHash>
#include <QtCore/QObject>

#include <functional>

/*!
    Where tokens and API keys are kept: the system keychain through QtKeychain (the Secret
    Service or KWallet on Linux, the macOS Keychain, the Windows Credential Manager). When no
    keychain answers, secrets stay in memory for this session only, isPersistent() turns false
    and note() says so for the user. Secrets are never written to settings or logs.
*/
class SecretStore : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool persistent READ isPersistent NOTIFY persistentChanged FINAL)
    Q_PROPERTY(QString note READ note NOTIFY persistentChanged FINAL)

public:
    enum class Backend {
        Keychain, //!< try the system keychain, fall back to memory if it fails
        Memory, //!< memory only (tests, or when the user asked for no keychain)
    };

    explicit SecretStore(Backend backend, QObject *parent = nullptr);

    /*!
        The backend the environment allows: Memory when NOLAG_EXPLORER_KEYCHAIN=0, when the
        platform is offscreen, or on Linux without a D-Bus session (no keychain can answer).
    */
    static Backend defaultBackend();

    bool isPersistent() const { return m_keychain; }
    QString note() const;

    /*! Calls \a done with the secret (empty if there is none), in \a context's thread. */
    void read(const QString &key, QObject *context, std::function<void(const QString &)> done);
    void write(const QString &key, const QString &value);
    void remove(const QString &key);

Q_SIGNALS:
    void persistentChanged();

private:
    void fallBack(const QString &reason);

    bool m_keychain = false;
    QString m_reason;
    QHash<QString, QString> m_memory;
};
