// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <chrono>
#include <memory>

class QNetworkReply;
class QNetworkRequest;
class QTemporaryFile;

namespace herald::service {

// Where and how an http(s):// src is fetched (EngineConfig's httpFetch* settings).
struct FetchSettings
{
    quint64 maxBytes = 512ULL * 1024 * 1024;
    std::chrono::milliseconds idleTimeout{30000};
    QString directory; // empty: the system's temporary directory
    // PEM file of CA certificates trusted for https:// besides the system's; empty: none.
    QString caFile;
};

// Fetches the http(s):// src of an MSML fileobj (DESIGN.md §1: voicemail storage reached over
// HTTP) into a temporary file, streamed, so a large recording never sits in memory. Only http
// and https are followed (also on redirects); the body is capped at `maxBytes` (a larger
// Content-Length, or more octets than the cap, aborts at once) and the transfer must not stall
// for longer than `idleTimeout`. finished() reports the temporary file's path on success, an
// empty path and the reason otherwise; the temporary file is removed with the fetcher, so the
// caller keeps it alive until the file was sent. The source itself is never touched.
// https:// servers must present a certificate chain to a trusted CA (the system's, plus
// `caFile`) naming the host (RFC 9110 §4.3.4); there is no way to turn verification off.
class MediaFetcher : public QObject
{
    Q_OBJECT

public:
    MediaFetcher(QUrl url, FetchSettings settings, QObject *parent = nullptr);
    ~MediaFetcher() override;

    void start();
    // The fetched file, once finished() reported success.
    QString localPath() const;

Q_SIGNALS:
    void finished(const QString &path, const QString &error);

private:
    void fail(const QString &why);
    // The TLS settings of an https:// request; an error when the CA file cannot be used.
    bool configureTls(QNetworkRequest &request, QString &error) const;
    void drain();

    QNetworkAccessManager m_network;
    QUrl m_url;
    FetchSettings m_settings;
    std::unique_ptr<QTemporaryFile> m_file;
    QPointer<QNetworkReply> m_reply;
    quint64 m_received = 0;
    bool m_done = false;
};

} // namespace herald::service
