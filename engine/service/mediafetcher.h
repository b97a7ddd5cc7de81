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
class QTemporaryFile;

namespace herald::service {

// Fetches the http(s):// src of an MSML fileobj (DESIGN.md §1: voicemail storage reached over
// HTTP) into a temporary file, streamed, so a large recording never sits in memory. Only http
// and https are followed (also on redirects); the body is capped at `maxBytes` (a larger
// Content-Length, or more octets than the cap, aborts at once) and the transfer must not stall
// for longer than `idleTimeout`. finished() reports the temporary file's path on success, an
// empty path and the reason otherwise; the temporary file is removed with the fetcher, so the
// caller keeps it alive until the file was sent. The source itself is never touched.
class MediaFetcher : public QObject
{
    Q_OBJECT

public:
    MediaFetcher(QUrl url, quint64 maxBytes, std::chrono::milliseconds idleTimeout,
                 QString directory, QObject *parent = nullptr);
    ~MediaFetcher() override;

    void start();
    // The fetched file, once finished() reported success.
    QString localPath() const;

Q_SIGNALS:
    void finished(const QString &path, const QString &error);

private:
    void fail(const QString &why);
    void drain();

    QNetworkAccessManager m_network;
    QUrl m_url;
    quint64 m_maxBytes;
    std::chrono::milliseconds m_idleTimeout;
    QString m_directory;
    std::unique_ptr<QTemporaryFile> m_file;
    QPointer<QNetworkReply> m_reply;
    quint64 m_received = 0;
    bool m_done = false;
};

} // namespace herald::service
