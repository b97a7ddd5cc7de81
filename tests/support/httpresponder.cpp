// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "tests/support/httpresponder.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

namespace herald::test {

bool TestCertificates::create()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
        m_error = QStringLiteral("the openssl command is not installed");
        return false;
    }
    QFile extensions(m_dir.filePath(QStringLiteral("server.ext")));
    if (!extensions.open(QIODevice::WriteOnly) ||
        extensions.write("subjectAltName = IP:127.0.0.1\n"
                         "basicConstraints = critical, CA:FALSE\n"
                         "keyUsage = critical, digitalSignature\n"
                         "extendedKeyUsage = serverAuth\n") < 0) {
        m_error = QStringLiteral("cannot write server.ext");
        return false;
    }
    extensions.close();
    // EC P-256 keys: generated in milliseconds, unlike RSA.
    const QStringList ecKey{
        QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    return openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey +
                   QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                               QStringLiteral("-out"), QStringLiteral("ca.pem"),
                               QStringLiteral("-days"), QStringLiteral("2"),
                               QStringLiteral("-subj"), QStringLiteral("/CN=Herald test CA"),
                               QStringLiteral("-addext"),
                               QStringLiteral("basicConstraints=critical,CA:TRUE"),
                               QStringLiteral("-addext"),
                               QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")}) &&
           openssl(QStringList{QStringLiteral("req")} + ecKey +
                   QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"),
                               QStringLiteral("-out"), QStringLiteral("server.csr"),
                               QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")}) &&
           openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                    QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                    QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
                    QStringLiteral("-extfile"), QStringLiteral("server.ext"),
                    QStringLiteral("-out"), QStringLiteral("server.pem")});
}

bool TestCertificates::openssl(const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2")
                      .arg(arguments.first(), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

QSslConfiguration TestCertificates::serverConfiguration() const
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(QSslCertificate::fromPath(certificateFile()));
    QFile key(keyFile());
    if (key.open(QIODevice::ReadOnly))
        tls.setPrivateKey(QSslKey(&key, QSsl::Ec));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

HttpResponder::HttpResponder(const QSslConfiguration *tls)
{
    if (tls) {
        auto server = std::make_unique<QSslServer>();
        server->setSslConfiguration(*tls);
        m_server = std::move(server);
    } else {
        m_server = std::make_unique<QTcpServer>();
    }
    // QTcpServer says newConnection as soon as a connection is accepted; QSslServer (Qt 6.4)
    // queues it only once its handshake succeeded, and then says pendingConnectionAvailable
    // alone. accept() takes whatever is queued, so listening to both is harmless.
    QObject::connect(m_server.get(), &QTcpServer::newConnection, this, [this] { accept(); });
    QObject::connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this,
                     [this] { accept(); });
}

HttpResponder::~HttpResponder() = default;

bool HttpResponder::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QString HttpResponder::url(const QString &path) const
{
    const bool tls = qobject_cast<QSslServer *>(m_server.get()) != nullptr;
    return QStringLiteral("%1://127.0.0.1:%2%3")
        .arg(tls ? QStringLiteral("https") : QStringLiteral("http"))
        .arg(m_server->serverPort())
        .arg(path);
}

void HttpResponder::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            m_buffers[socket] += socket->readAll();
            const QByteArray &request = m_buffers[socket];
            if (!request.contains("\r\n\r\n"))
                return;
            const QByteArray path = request.split(' ').value(1);
            m_buffers[socket].clear();
            requests << path;
            answer(socket, path);
        });
    }
}

void HttpResponder::answer(QTcpSocket *socket, const QByteArray &path)
{
    const Mode mode = modes.value(path, bodies.contains(path) ? Mode::Whole : Mode::NotFound);
    const QByteArray body = bodies.value(path);
    switch (mode) {
    case Mode::Whole:
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: audio/amr\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        return;
    case Mode::Undeclared: // RFC 9112 §6.3: the body ends when the connection closes
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: audio/amr\r\nConnection: close\r\n\r\n" +
                      body);
        socket->disconnectFromHost();
        return;
    case Mode::Stall: // headers and a few octets, then nothing
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\nabc");
        return;
    case Mode::NotFound:
        socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found");
        return;
    }
}

} // namespace herald::test
