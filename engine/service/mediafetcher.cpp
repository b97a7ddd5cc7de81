// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/mediafetcher.h"

#include <QDir>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QTemporaryFile>
#include <QTimer>

namespace herald::service {

namespace {

bool isHttp(const QUrl &url)
{
    return url.scheme() == u"http" || url.scheme() == u"https";
}

} // namespace

MediaFetcher::MediaFetcher(QUrl url, FetchSettings settings, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_settings(std::move(settings))
{
    if (m_settings.directory.isEmpty())
        m_settings.directory = QDir::tempPath();
}

MediaFetcher::~MediaFetcher()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        delete m_reply.data();
    }
    // m_file (autoRemove) takes the temporary copy with it.
}

QString MediaFetcher::localPath() const
{
    return m_file && m_done ? m_file->fileName() : QString();
}

void MediaFetcher::start()
{
    if (!m_url.isValid() || !isHttp(m_url)) {
        QMetaObject::invokeMethod(
            this, [this] { fail(QStringLiteral("src is not an http(s) URL")); },
            Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request(m_url);
    if (QString why; !configureTls(request, why)) {
        QMetaObject::invokeMethod(
            this, [this, why] { fail(why); }, Qt::QueuedConnection);
        return;
    }
    m_file = std::make_unique<QTemporaryFile>(m_settings.directory +
                                              QStringLiteral("/herald-fetch-XXXXXX"));
    if (!m_file->open()) {
        QMetaObject::invokeMethod(
            this,
            [this, why = m_file->errorString()] {
                fail(QStringLiteral("cannot create a temporary file: %1").arg(why));
            },
            Qt::QueuedConnection);
        return;
    }
    // Redirects stay on http(s) (Qt refuses https -> http with NoLessSafeRedirectPolicy).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(3);
    // The file is sent octet for octet with its hash: no transparent decompression.
    request.setRawHeader("Accept-Encoding", "identity");
    m_reply = m_network.get(request);

    auto *idle = new QTimer(m_reply);
    idle->setSingleShot(true);
    connect(idle, &QTimer::timeout, this,
            [this] { fail(QStringLiteral("the HTTP server stalled; fetch abandoned")); });
    idle->start(m_settings.idleTimeout);
    connect(m_reply, &QNetworkReply::redirected, this, [this](const QUrl &to) {
        if (!isHttp(to))
            fail(QStringLiteral("redirect to a non-http(s) URL refused"));
    });
    // Any certificate error ends the handshake (nothing is ignored); keep the reason, which
    // says more to the operator than "SSL handshake failed".
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList why;
        for (const QSslError &error : errors)
            why << error.errorString();
        fail(QStringLiteral("TLS certificate of %1 refused: %2")
                 .arg(m_url.host(), why.join(QStringLiteral("; "))));
    });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        bool known = false;
        const qulonglong length =
            m_reply->header(QNetworkRequest::ContentLengthHeader).toULongLong(&known);
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (known && status == 200 && length > m_settings.maxBytes)
            fail(QStringLiteral("src is %1 octets, more than the %2 allowed")
                     .arg(length)
                     .arg(m_settings.maxBytes));
    });
    connect(m_reply, &QNetworkReply::readyRead, this, [this, idle] {
        idle->start(m_settings.idleTimeout);
        drain();
    });
    connect(m_reply, &QNetworkReply::finished, this, [this] {
        if (m_done)
            return;
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (m_reply->error() != QNetworkReply::NoError || status != 200) {
            fail(status ? QStringLiteral("HTTP status %1 for src").arg(status)
                        : m_reply->errorString());
            return;
        }
        drain();
        if (m_done)
            return;
        if (!m_file->flush()) {
            fail(QStringLiteral("cannot write the temporary file: %1").arg(m_file->errorString()));
            return;
        }
        m_done = true;
        m_reply->deleteLater();
        Q_EMIT finished(m_file->fileName(), QString());
    });
}

bool MediaFetcher::configureTls(QNetworkRequest &request, QString &error) const
{
    if (m_url.scheme() != u"https")
        return true;
    if (!QSslSocket::supportsSsl()) {
        error = QStringLiteral("https:// needs TLS, which this Qt has no backend for");
        return false;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_settings.caFile.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(
            m_settings.caFile, QSsl::Pem, QSslCertificate::PatternSyntax::FixedString);
        if (cas.isEmpty()) {
            error = QStringLiteral("no PEM certificate readable in the CA file %1")
                        .arg(m_settings.caFile);
            return false;
        }
        tls.addCaCertificates(cas);
    }
    request.setSslConfiguration(tls);
    return true;
}

void MediaFetcher::drain()
{
    if (m_done || !m_reply)
        return;
    // Only a 200's body is the file; an error page is not stored.
    if (m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return;
    while (m_reply->bytesAvailable() > 0) {
        const QByteArray chunk = m_reply->read(256 * 1024);
        m_received += quint64(chunk.size());
        if (m_received > m_settings.maxBytes) {
            fail(QStringLiteral("src is more than the %1 octets allowed").arg(m_settings.maxBytes));
            return;
        }
        if (m_file->write(chunk) != chunk.size()) {
            fail(QStringLiteral("cannot write the temporary file: %1").arg(m_file->errorString()));
            return;
        }
    }
}

void MediaFetcher::fail(const QString &why)
{
    if (m_done)
        return;
    m_done = true;
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
    }
    // Nothing partial is left behind.
    m_file.reset();
    Q_EMIT finished(QString(), why);
}

} // namespace herald::service
