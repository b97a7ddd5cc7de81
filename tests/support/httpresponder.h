// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QTemporaryDir>

#include <memory>

class QTcpServer;
class QTcpSocket;

namespace herald::test {

// A throwaway PKI made at test time with the openssl command: a CA, and a server certificate
// it signed for IP 127.0.0.1 (RFC 5280 §4.2.1.6 subjectAltName, which is what a client checks
// against an address). Files live in a temporary directory removed with the object.
class TestCertificates
{
public:
    // Runs openssl; false (and error() says why, naming openssl when it is absent) on failure.
    bool create();
    QString error() const { return m_error; }
    QString caFile() const { return m_dir.filePath(QStringLiteral("ca.pem")); }
    QString certificateFile() const { return m_dir.filePath(QStringLiteral("server.pem")); }
    QString keyFile() const { return m_dir.filePath(QStringLiteral("server.key")); }
    // The server side: the certificate and key, no client certificate asked for.
    QSslConfiguration serverConfiguration() const;

private:
    bool openssl(const QStringList &arguments);

    QTemporaryDir m_dir;
    QString m_error;
};

// A minimal HTTP/1.1 server on 127.0.0.1 port 0 for http:// (or, given a TLS configuration,
// https:// over QSslServer) sources: GET <path> is answered as `modes` says.
class HttpResponder : public QObject
{
public:
    enum class Mode { Whole, Undeclared, Stall, NotFound };

    // tls: null for plain http, else the server's certificate and key.
    explicit HttpResponder(const QSslConfiguration *tls = nullptr);
    ~HttpResponder() override;

    bool listen();
    QString url(const QString &path) const;

    QHash<QByteArray, QByteArray> bodies; // by path
    QHash<QByteArray, Mode> modes;        // by path; Whole when absent
    QList<QByteArray> requests;           // paths, in arrival order

private:
    void accept();
    void answer(QTcpSocket *socket, const QByteArray &path);

    std::unique_ptr<QTcpServer> m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace herald::test
