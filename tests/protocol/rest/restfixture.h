// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/rest/binding/restserver.h"
#include "engine/service/engine.h"
#include "httptestclient.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>
#include <utility>

namespace herald::test {

// What the REST protocol tests share: Herald (an Engine with the REST server, token "t0ken")
// and a peer Engine on loopback, the XMS request headers, and readers of the responses and
// event frames the way XMS clients read them (by token, XMS-REST.md).
inline const std::pair<QByteArray, QByteArray> restAuth{QByteArrayLiteral("Authorization"),
                                                        QByteArrayLiteral("Bearer t0ken")};
inline const std::pair<QByteArray, QByteArray> restXmlType{
    QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/xml;charset=UTF-8")};

// ` name="value"` in a response, raw (still escaped).
QString xmlAttribute(const QByteArray &doc, const QString &name);
// `<event_data name="name" value="..."/>` in an event frame, raw.
QString eventData(const QByteArray &doc, const QString &name);
// Undoes webservicexml's attribute escaping (the five entities and &#x..; references).
QString unescapeXml(const QString &text);
// Escapes bytes (an SDP) for an XML attribute, line breaks as references.
QByteArray escapeForXmlAttribute(const QByteArray &bytes);

// Loopback, port 0, fast SIP timers; `storePath` empty: no store.
service::EngineConfig restEngineConfig(const QString &user, service::AnswerPolicy policy,
                                       const QString &storePath = {});

class RestFixture
{
public:
    RestFixture() = default;
    ~RestFixture() { stop(); }
    RestFixture(const RestFixture &) = delete;
    RestFixture &operator=(const RestFixture &) = delete;

    // Starts both engines and Herald's REST server; false (and a qWarning) on failure.
    bool start(service::EngineConfig heraldConfig, service::EngineConfig peerConfig,
               quint64 heraldSeed, quint64 peerSeed, rest::RestConfig restConfig = {});
    // Stops the server and the engines (waiting, bounded, for SIP to stop).
    void stop();

    service::Engine &herald() const { return *m_herald; }
    service::Engine &peer() const { return *m_peer; }
    rest::RestServer &rest() const { return *m_rest; }
    quint16 restPort() const { return m_rest->port(); }

    // A client whose event handler subscribes to `any`, plus Herald's own event types named in
    // `extraTypes` (they never reach an `any` subscription), with its stream open (the XMS
    // requests: POST the handler, GET it without an Accept header); null on failure.
    std::unique_ptr<HttpTestClient> openStream(const QByteArray &appid = "psap",
                                               const QList<QByteArray> &extraTypes = {}) const;
    // A connected client for requests; null on failure.
    std::unique_ptr<HttpTestClient> client() const;
    // The next frame on a stream that is not a keepalive.
    static std::optional<QByteArray> nextEvent(HttpTestClient &stream, int timeoutMs = 10000);

private:
    SystemClock m_clock;
    std::unique_ptr<SeededRandomSource> m_heraldRandom;
    std::unique_ptr<SeededRandomSource> m_peerRandom;
    std::unique_ptr<service::Engine> m_herald;
    std::unique_ptr<service::Engine> m_peer;
    std::unique_ptr<rest::RestServer> m_rest;
};

} // namespace herald::test
