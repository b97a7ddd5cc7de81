// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpSocket>

#include <optional>
#include <utility>

namespace herald::test {

// A raw HTTP/1.1 client over one keep-alive QTcpSocket, for tests: it writes requests by hand
// and parses responses (Content-Length bodies) and XMS event-stream frames itself, so that the
// bytes on the wire are what is checked. Waits spin the event loop (the server runs in it).
class HttpTestClient
{
public:
    struct Response
    {
        int status = 0;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const;
    };

    explicit HttpTestClient(quint16 port);
    bool connectToServer(int timeoutMs = 5000);
    QTcpSocket &socket() { return m_socket; }

    void send(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
              QList<std::pair<QByteArray, QByteArray>> headers = {});
    // The next complete response; nullopt on timeout or when the connection closed first.
    std::optional<Response> response(int timeoutMs = 5000);
    std::optional<Response> request(const QByteArray &method, const QByteArray &target,
                                    const QByteArray &body = {},
                                    QList<std::pair<QByteArray, QByteArray>> headers = {});

    // After a streaming response's head: the next XMS frame's document (empty for the
    // terminating 0 frame); nullopt on timeout, closed connection or a framing error.
    std::optional<QByteArray> frame(int timeoutMs = 5000);
    // The raw bytes read so far and not yet consumed.
    const QByteArray &buffer() const { return m_buffer; }
    bool framingError() const { return m_framingError; }
    // Waits for the server to close the connection.
    bool waitClosed(int timeoutMs = 5000);

private:
    bool waitForMore(int timeoutMs);
    std::optional<Response> parseResponse(bool *needMore);

    QTcpSocket m_socket;
    quint16 m_port;
    QByteArray m_buffer;
    bool m_framingError = false;
};

} // namespace herald::test
