// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msrp/codec/msrpframecollector.h"
#include "engine/msrp/codec/msrpserializer.h"
#include "engine/msrp/session/msrpendpoint.h"

#include <QElapsedTimer>
#include <QTest>

#include <QTcpServer>
#include <QTcpSocket>

namespace herald::test {

inline msrp::EndpointConfig loopbackEndpoint()
{
    msrp::EndpointConfig c;
    c.listenAddress = QHostAddress::LocalHost;
    c.listenPort = 0;
    return c;
}

struct SessionPair
{
    msrp::Session *a = nullptr;
    msrp::Session *b = nullptr;
};

// a connects (active), b waits (passive), as after an SDP offer/answer.
inline SessionPair connectPair(msrp::Endpoint &ea, msrp::Endpoint &eb, msrp::SessionOptions oa = {},
                               msrp::SessionOptions ob = {})
{
    SessionPair p{ea.createSession(std::move(oa)), eb.createSession(std::move(ob))};
    eb.acceptSession(p.b, {p.a->localUri()});
    ea.connectSession(p.a, {p.b->localUri()});
    return p;
}

inline bool waitActive(const QList<msrp::Session *> &sessions, int ms = 10000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        if (std::all_of(sessions.begin(), sessions.end(),
                        [](msrp::Session *s) { return s->state() == msrp::SessionState::Active; }))
            return true;
        QTest::qWait(5);
    }
    return false;
}

// A sink factory writing every incoming message to `path` (through FileSink's .part file).
inline auto fileSinkAt(const QString &path)
{
    return [path](const msrp::Frame &) -> Result<std::unique_ptr<msrp::MessageSink>> {
        auto sink = msrp::FileSink::create(path);
        if (!sink)
            return tl::unexpected(sink.error());
        return std::unique_ptr<msrp::MessageSink>(std::move(*sink));
    };
}

// A scripted MSRP peer on a raw socket, for the cases a well-behaved endpoint never produces:
// it parses with the real codec and answers only what it is told to.
class RawMsrpPeer : public QObject
{
public:
    // Answers bodiless SENDs (bindings) with 200 and nothing else.
    bool answerBindings = true;

    RawMsrpPeer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            m_socket = m_server.nextPendingConnection();
            QObject::connect(m_socket, &QTcpSocket::readyRead, this, [this] {
                (void)m_parser.feed(m_socket->readAll());
                for (msrp::Frame &f : m_collector.takeFrames()) {
                    if (answerBindings && f.isRequest() && f.method == "SEND" && !f.hasBody)
                        m_socket->write(msrp::Serializer::serialize(
                            msrp::Serializer::makeResponse(f, 200, "OK")));
                    received.append(std::move(f));
                }
            });
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    msrp::Uri uri(const QByteArray &session = "rawpeer0001") const
    {
        msrp::Uri u;
        u.host = "127.0.0.1";
        u.port = port();
        u.sessionId = session;
        u.transport = "tcp";
        return u;
    }
    QTcpSocket *socket() const { return m_socket; }
    QList<msrp::Frame> received;

private:
    QTcpServer m_server;
    QTcpSocket *m_socket = nullptr;
    msrp::FrameCollector m_collector;
    msrp::Parser m_parser{m_collector};
};

// A raw client connection to an endpoint, sending crafted frames and collecting answers.
class RawMsrpClient : public QObject
{
public:
    explicit RawMsrpClient(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, this,
                         [this] { (void)m_parser.feed(socket.readAll()); });
        socket.connectToHost(QHostAddress::LocalHost, port);
        socket.waitForConnected(5000);
    }
    void send(const msrp::Frame &f) { socket.write(msrp::Serializer::serialize(f)); }
    QList<msrp::Frame> frames() const { return m_collector.frames(); }
    QTcpSocket socket;

private:
    msrp::FrameCollector m_collector;
    msrp::Parser m_parser{m_collector};
};

} // namespace herald::test
