// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "secretstore.h"

#include "common/explorerlogging.h"

#include <qt6keychain/keychain.h>

#include <QtCore/QPointer>
#include <QtGui/QGuiApplication>

using namespace Qt::StringLiterals;

namespace {

const QString Service = u"app.nolag.Explorer"_s;

} // namespace

SecretStore::SecretStore(Backend backend, QObject *parent)
    : QObject(parent)
    , m_keychain(backend == Backend::Keychain)
{
    if (!m_keychain) {
        m_reason = tr("no keychain is used in this environment");
    }
}

SecretStore::Backend SecretStore::defaultBackend()
{
    if (qEnvironmentVariable("NOLAG_EXPLORER_KEYCHAIN") == u"0"_s) {
        return Backend::Memory;
    }
    if (QGuiApplication::platformName() == u"offscreen"_s) {
        return Backend::Memory;
    }
#if defined(Q_OS_LINUX)
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        return Backend::Memory;
    }
#endif
    return Backend::Keychain;
}

QString SecretStore::note() const
{
    if (m_keychain) {
        return tr("Tokens and API keys are kept in the system keychain.");
    }
    return tr("No system keychain answered (%1): tokens and API keys are kept in memory for "
              "this session only and must be typed again next time. They are never written to "
              "the settings file.")
        .arg(m_reason);
}

void SecretStore::fallBack(const QString &reason)
{
    if (!m_keychain) {
        return;
    }
    qCWarning(lcExplorerProfiles, "The system keychain failed (%s); secrets stay in memory",
              qPrintable(reason));
    m_keychain = false;
    m_reason = reason;
    Q_EMIT persistentChanged();
}

void SecretStore::read(const QString &key, QObject *context,
                       std::function<void(const QString &)> done)
{
    if (!m_keychain || m_memory.contains(key)) {
        const QString value = m_memory.value(key);
        QMetaObject::invokeMethod(
            context, [done, value] { done(value); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, guard, done] {
        QString value;
        if (job->error() == QKeychain::NoError) {
            value = job->textData();
            m_memory.insert(key, value);
        } else if (job->error() != QKeychain::EntryNotFound) {
            fallBack(job->errorString());
            value = m_memory.value(key);
        }
        if (guard) {
            done(value);
        }
    });
    job->start();
}

void SecretStore::write(const QString &key, const QString &value)
{
    if (value.isEmpty()) {
        remove(key);
        return;
    }
    m_memory.insert(key, value);
    if (!m_keychain) {
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() != QKeychain::NoError) {
            fallBack(job->errorString());
        }
    });
    job->start();
}

void SecretStore::remove(const QString &key)
{
    m_memory.remove(key);
    if (!m_keychain) {
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->start();
}
