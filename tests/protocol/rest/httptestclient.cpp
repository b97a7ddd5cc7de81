// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "httptestclient.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QSignalSpy>

namespace herald::test {

QByteArray HttpTestClient::Response::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

HttpTestClient::HttpTestClient(quint16 port)
    : m_port(port)
{}

bool HttpTestClient::connectToServer(int timeoutMs)
{
    QSignalSpy connected(&m_socket, &QTcpSocket::connected);
    m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), m_port);
    return m_socket.state() == QAbstractSocket::ConnectedState || connected.wait(timeoutMs);
}

void HttpTestClient::send(const QByteArray &method, const QByteArray &target,
                          const QByteArray &body, QList<std::pair<QByteArray, QByteArray>> headers)
{
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n" + body;
    m_socket.write(out);
}

bool HttpTestClient::waitForMore(int timeoutMs)
{
    if (m_socket.bytesAvailable() > 0) {
        m_buffer += m_socket.readAll();
        return true;
    }
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return false;
    QSignalSpy ready(&m_socket, &QTcpSocket::readyRead);
    if (!ready.wait(timeoutMs) && m_socket.bytesAvailable() == 0)
        return false;
    m_buffer += m_socket.readAll();
    return true;
}

std::optional<HttpTestClient::Response> HttpTestClient::parseResponse(bool *needMore)
{
    *needMore = true;
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    Response r;
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2) {
        *needMore = false;
        return std::nullopt;
    }
    r.status = statusLine.at(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            r.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    const QByteArray length = r.header("Content-Length");
    if (length.isEmpty()) {
        // A streaming response: the head only; the body stays in the buffer for frame().
        m_buffer.remove(0, headEnd + 4);
        *needMore = false;
        return r;
    }
    const qsizetype bodyLength = length.toLongLong();
    if (m_buffer.size() < headEnd + 4 + bodyLength)
        return std::nullopt;
    r.body = m_buffer.mid(headEnd + 4, bodyLength);
    m_buffer.remove(0, headEnd + 4 + bodyLength);
    *needMore = false;
    return r;
}

std::optional<HttpTestClient::Response> HttpTestClient::response(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        bool needMore = false;
        if (auto r = parseResponse(&needMore))
            return r;
        if (!needMore)
            return std::nullopt;
        if (deadline.hasExpired() || !waitForMore(int(deadline.remainingTime())))
            return std::nullopt;
    }
}

std::optional<HttpTestClient::Response>
HttpTestClient::request(const QByteArray &method, const QByteArray &target, const QByteArray &body,
                        QList<std::pair<QByteArray, QByteArray>> headers)
{
    send(method, target, body, std::move(headers));
    return response();
}

std::optional<QByteArray> HttpTestClient::frame(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        const qsizetype lineEnd = m_buffer.indexOf("\r\n");
        if (lineEnd >= 0) {
            bool ok = false;
            const qsizetype length = m_buffer.left(lineEnd).toLongLong(&ok, 16);
            if (!ok || length < 0) {
                m_framingError = true;
                return std::nullopt;
            }
            if (length == 0) {
                m_buffer.remove(0, lineEnd + 2);
                return QByteArray();
            }
            if (m_buffer.size() >= lineEnd + 2 + length + 2) {
                const QByteArray doc = m_buffer.mid(lineEnd + 2, length);
                if (m_buffer.mid(lineEnd + 2 + length, 2) != "\r\n") {
                    m_framingError = true;
                    return std::nullopt;
                }
                m_buffer.remove(0, lineEnd + 2 + length + 2);
                return doc;
            }
        }
        if (deadline.hasExpired() || !waitForMore(int(deadline.remainingTime())))
            return std::nullopt;
    }
}

bool HttpTestClient::waitClosed(int timeoutMs)
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        return true;
    QSignalSpy closed(&m_socket, &QTcpSocket::disconnected);
    return m_socket.state() == QAbstractSocket::UnconnectedState || closed.wait(timeoutMs);
}

} // namespace herald::test
