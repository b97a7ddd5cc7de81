// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msrp/transport/msrplistener.h"

#include "engine/core/logging.h"
#include "engine/msrp/codec/msrpparser.h"
#include "engine/msrp/codec/msrpserializer.h"

#include <QAbstractSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace herald::msrp {

namespace {

// Bytes taken from the socket per parser feed: large enough to amortise the calls, small
// enough that a fast sender cannot make us hold much.
constexpr qint64 readChunk = 64 * 1024;
// Stop reading while this much of our output is unsent: a peer that sends requests but
// reads no responses must not grow our write buffer without bound.
constexpr qint64 maxUnsentBytes = 1024 * 1024;
// After a parse error the pending responses get this long to drain before the socket is cut.
constexpr int closeGraceMs = 5000;

QString hostPort(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + address.toString() + u']'
                             : address.toString();
    return host + u':' + QString::number(port);
}

// The stand-in for the session layer: one per accepted socket, owning it. Every request that
// wants a response gets 481, because no session exists that its To-Path could name.
class RejectingConnection final : public QObject, private ParserHandler
{
public:
    RejectingConnection(QTcpSocket *socket, QObject *parent)
        : QObject(parent)
        , m_socket(socket)
        , m_parser(*this)
        , m_peer(hostPort(socket->peerAddress(), socket->peerPort()))
    {
        m_socket->setParent(this);
        connect(m_socket, &QTcpSocket::readyRead, this, &RejectingConnection::readAvailable);
        // Responses drained: resume reading if the write bound had paused it.
        connect(m_socket, &QTcpSocket::bytesWritten, this, &RejectingConnection::readAvailable);
        connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        qCDebug(lcMsrp, "connection from %s", qUtf8Printable(m_peer));
    }

    ~RejectingConnection() override
    {
        qCDebug(lcMsrp, "connection from %s closed", qUtf8Printable(m_peer));
    }

private:
    void readAvailable()
    {
        if (m_closing) {
            // Nothing more is parsed; discard what still arrives while the close completes.
            m_socket->skip(m_socket->bytesAvailable());
            return;
        }
        while (!m_closing && m_socket->bytesAvailable() > 0 &&
               m_socket->bytesToWrite() < maxUnsentBytes) {
            const QByteArray data = m_socket->read(readChunk);
            if (const auto fed = m_parser.feed(data); !fed)
                close(QStringLiteral("unparsable input: ") + fed.error().detail);
        }
    }

    void close(const QString &reason)
    {
        if (m_closing)
            return;
        m_closing = true;
        qCInfo(lcMsrp, "closing connection from %s: %s", qUtf8Printable(m_peer),
               qUtf8Printable(reason));
        // disconnectFromHost() first sends the responses already queued; a peer that stops
        // reading cannot keep the socket (and this object) alive past the grace period.
        QTimer::singleShot(closeGraceMs, m_socket, &QAbstractSocket::abort);
        m_socket->disconnectFromHost();
    }

    // ParserHandler
    void onFrameStart(Frame &&head) override
    {
        if (m_closing || !wantsResponse(head))
            return;
        if (head.toPath.isEmpty() || head.fromPath.isEmpty()) {
            // A response is addressed from these paths (RFC 4975 §7.2); without them the
            // request cannot be answered, and the peer is not speaking MSRP as we know it.
            close(QStringLiteral("request %1 without To-Path or From-Path")
                      .arg(QString::fromUtf8(head.transactionId)));
            return;
        }
        // RFC 4975 §7.3: the To-Path must name a session bound to this connection; none does.
        const Frame response = Serializer::makeResponse(head, 481, statusComment(481));
        m_socket->write(Serializer::serialize(response));
    }
    void onBodyData(QByteArrayView) override {}
    void onFrameEnd(Continuation) override {}

    static bool wantsResponse(const Frame &head)
    {
        // Responses are never answered (RFC 4975 §7.2 constructs responses to requests only).
        if (!head.isRequest())
            return false;
        // RFC 4975 §7.1.2: "MSRP nodes MUST NOT send MSRP responses to REPORT requests."
        if (head.method == QByteArrayView("REPORT"))
            return false;
        // RFC 4975 §7.1.4: Failure-Report "no" forbids a transaction response; "partial"
        // wants one when the request fails, and a 481 is such a failure.
        return head.failureReport != ReportMode::No;
    }

    QTcpSocket *m_socket;
    Parser m_parser;
    QString m_peer;
    bool m_closing = false;
};

} // namespace

Listener::Listener(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &Listener::acceptPending);
}

Listener::~Listener() = default;

Result<void> Listener::listen(const QHostAddress &address, quint16 port)
{
    if (m_server->isListening())
        return fail(ErrorCode::Conflict,
                    QStringLiteral("already listening on %1")
                        .arg(hostPort(m_server->serverAddress(), m_server->serverPort())));
    if (!m_server->listen(address, port)) {
        const ErrorCode code = m_server->serverError() == QAbstractSocket::AddressInUseError
                                   ? ErrorCode::Conflict
                                   : ErrorCode::Io;
        return fail(code, QStringLiteral("cannot listen on %1: %2")
                              .arg(hostPort(address, port), m_server->errorString()));
    }
    qCInfo(lcMsrp, "listening on %s",
           qUtf8Printable(hostPort(m_server->serverAddress(), m_server->serverPort())));
    return {};
}

void Listener::close()
{
    if (m_server->isListening()) {
        m_server->close();
        qCInfo(lcMsrp, "stopped listening");
    }
    // Connections are the children other than the server; deleting one updates the count.
    const QObjectList children = this->children();
    for (QObject *child : children) {
        if (child != m_server)
            delete child;
    }
}

bool Listener::isListening() const
{
    return m_server->isListening();
}
QHostAddress Listener::serverAddress() const
{
    return m_server->serverAddress();
}
quint16 Listener::serverPort() const
{
    return m_server->serverPort();
}
int Listener::connectionCount() const
{
    return m_connectionCount;
}

void Listener::acceptPending()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new RejectingConnection(socket, this);
        ++m_connectionCount;
        connect(connection, &QObject::destroyed, this, [this] {
            --m_connectionCount;
            Q_EMIT connectionCountChanged(m_connectionCount);
        });
        Q_EMIT connectionCountChanged(m_connectionCount);
    }
}

} // namespace herald::msrp
