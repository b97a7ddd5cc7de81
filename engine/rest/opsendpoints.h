// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/rest/restapi.h"

#include <QMap>
#include <QObject>
#include <QPointer>

namespace herald::service {
class Engine;
class EngineMetrics;
} // namespace herald::service

namespace herald::rest {

class EventHub;

struct OpsConfig
{
    // /metrics wants "Authorization: Bearer TOKEN" when set (Prometheus' bearer_token /
    // authorization settings send exactly that); empty: open, so keep its listener on
    // loopback or a management network. /healthz never needs a token: it says only ready or
    // not and why, and load balancers and systemd probes carry no credentials.
    QByteArray metricsToken;
};

// The operations endpoints (issue 10 item 3), plain request -> reply like RestApi:
//   GET /healthz   200 {"status":"ready"} or 503 {"status":"not ready","problems":[...]}
//   GET /metrics   Prometheus text format 0.0.4 (PrometheusText)
// Served on the REST listener when the REST API is on, and on a listener of their own
// (OpsServer) when the operator gives one.
class OpsEndpoints : public QObject
{
    Q_OBJECT

public:
    OpsEndpoints(service::Engine &engine, const service::EngineMetrics &metrics, OpsConfig config,
                 QObject *parent = nullptr);
    ~OpsEndpoints() override;

    // Whether `path` is one of ours (the REST listener routes those here, before its token).
    static bool owns(const QString &path);
    // listenerToken: the token of the listener the request came on (the REST listener passes
    // the API's), which /metrics wants when OpsConfig::metricsToken is empty; so the REST port
    // never shows metrics without a token.
    HttpReply handle(const HttpRequest &request, const QByteArray &listenerToken = {});

    // After SIGTERM: /healthz turns 503 at once so that balancers stop sending calls.
    void setShuttingDown(bool shuttingDown) { m_shuttingDown = shuttingDown; }
    bool isShuttingDown() const { return m_shuttingDown; }
    // The REST API's event hub, whose consumers /metrics counts; none without REST.
    void setEventHub(EventHub *hub);

    QByteArray healthBody(int *status) const;
    QByteArray metricsText() const;

private:
    service::Engine &m_engine;
    const service::EngineMetrics &m_metrics;
    OpsConfig m_config;
    bool m_shuttingDown = false;
    QPointer<EventHub> m_hub;
    QMap<QString, quint64> m_consumersDropped; // by EventHub::handlerDropped reason
};

} // namespace herald::rest
