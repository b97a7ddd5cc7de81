// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/rest/opsendpoints.h"

#include "engine/rest/eventhub.h"
#include "engine/rest/prometheustext.h"
#include "engine/rest/secretcompare.h"
#include "engine/service/engine.h"
#include "engine/service/enginehealth.h"
#include "engine/service/enginemetrics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>

namespace herald::rest {

namespace {

HttpReply jsonReply(int status, const QJsonObject &body)
{
    HttpReply reply;
    reply.status = status;
    reply.headers.append(
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    // A probe must see the state now, never a cached answer.
    reply.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    reply.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return reply;
}

HttpReply problemReply(int status, const QString &detail)
{
    return jsonReply(status, QJsonObject{{QStringLiteral("status"), status},
                                         {QStringLiteral("detail"), detail}});
}

template<typename Enum>
QString enumKey(Enum value)
{
    return QString::fromLatin1(QMetaEnum::fromType<Enum>().valueToKey(static_cast<int>(value)))
        .toLower();
}

} // namespace

OpsEndpoints::OpsEndpoints(service::Engine &engine, const service::EngineMetrics &metrics,
                           OpsConfig config, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_metrics(metrics)
    , m_config(std::move(config))
{}

OpsEndpoints::~OpsEndpoints() = default;

bool OpsEndpoints::owns(const QString &path)
{
    return path == u"/healthz" || path == u"/metrics";
}

void OpsEndpoints::setEventHub(EventHub *hub)
{
    if (m_hub)
        disconnect(m_hub, nullptr, this, nullptr);
    m_hub = hub;
    if (hub)
        connect(hub, &EventHub::handlerDropped, this,
                [this](const QString &, const QString &reason) { ++m_consumersDropped[reason]; });
}

HttpReply OpsEndpoints::handle(const HttpRequest &request, const QByteArray &listenerToken)
{
    if (!owns(request.path))
        return problemReply(404, QStringLiteral("no such resource"));
    if (request.method != "GET" && request.method != "HEAD") {
        HttpReply reply = problemReply(405, QStringLiteral("only GET"));
        reply.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, HEAD")});
        return reply;
    }
    HttpReply reply;
    if (request.path == u"/healthz") {
        reply = jsonReply(200, {});
        reply.body = healthBody(&reply.status);
    } else {
        const QByteArray &token =
            m_config.metricsToken.isEmpty() ? listenerToken : m_config.metricsToken;
        if (!token.isEmpty()) {
            const QByteArray authorization = request.header("Authorization").trimmed();
            const qsizetype space = authorization.indexOf(' ');
            const bool ok = space > 0 && authorization.left(space).toLower() == "bearer" &&
                            sameSecret(authorization.mid(space + 1).trimmed(), token);
            if (!ok) {
                reply = problemReply(401, QStringLiteral("a valid token is required"));
                // RFC 6750 §3.
                reply.headers.append({QByteArrayLiteral("WWW-Authenticate"),
                                      QByteArrayLiteral("Bearer realm=\"herald-metrics\"")});
                return reply;
            }
        }
        reply.headers.append(
            {QByteArrayLiteral("Content-Type"), QByteArray(PrometheusText::contentType)});
        reply.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
        reply.body = metricsText();
    }
    // RFC 9110 §9.3.2: HEAD gets GET's head, no content (the Content-Length says 0 here).
    if (request.method == "HEAD")
        reply.body.clear();
    return reply;
}

QByteArray OpsEndpoints::healthBody(int *status) const
{
    const service::HealthReport report = service::evaluateHealth(m_engine, m_shuttingDown);
    QJsonObject body;
    body.insert(QStringLiteral("status"),
                report.ready() ? QStringLiteral("ready") : QStringLiteral("not ready"));
    if (!report.ready()) {
        QJsonArray problems;
        for (const service::HealthProblem &p : report.problems)
            problems.append(QJsonObject{{QStringLiteral("check"), p.check},
                                        {QStringLiteral("detail"), p.detail}});
        body.insert(QStringLiteral("problems"), problems);
    }
    if (status)
        *status = report.ready() ? 200 : 503;
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray OpsEndpoints::metricsText() const
{
    const service::MetricsSnapshot s = m_metrics.snapshot();
    PrometheusText out;
    const QByteArray state = QByteArrayLiteral("state");

    out.family("herald_up", "gauge", QStringLiteral("1 when /healthz would answer ready, else 0."));
    out.sample("herald_up", service::evaluateHealth(m_engine, m_shuttingDown).ready() ? 1 : 0);

    out.family("herald_calls", "gauge", QStringLiteral("Live calls by state."));
    for (auto it = s.callsByState.cbegin(); it != s.callsByState.cend(); ++it)
        out.sample("herald_calls", {{state, enumKey(it.key())}}, it.value());
    out.family("herald_calls_started_total", "counter",
               QStringLiteral("Calls started, by direction (inbound: INVITEs that became calls)."));
    out.sample("herald_calls_started_total", {{"direction", QStringLiteral("inbound")}},
               static_cast<double>(s.callsInbound));
    out.sample("herald_calls_started_total", {{"direction", QStringLiteral("outbound")}},
               static_cast<double>(s.callsOutbound));
    out.family("herald_calls_finished_total", "counter",
               QStringLiteral("Calls that reached a final state (ended, or failed before they "
                              "were active)."));
    out.sample("herald_calls_finished_total", {{state, QStringLiteral("ended")}},
               static_cast<double>(s.callsEnded));
    out.sample("herald_calls_finished_total", {{state, QStringLiteral("failed")}},
               static_cast<double>(s.callsFailed));
    out.family("herald_sip_invites_refused_total", "counter",
               QStringLiteral("INVITEs refused before they became calls, by SIP status."));
    for (auto it = s.invitesRefused.cbegin(); it != s.invitesRefused.cend(); ++it)
        out.sample("herald_sip_invites_refused_total", {{"status", QString::number(it.key())}},
                   static_cast<double>(it.value()));

    out.family("herald_msrp_sessions", "gauge", QStringLiteral("MSRP sessions by state."));
    for (auto it = s.sessionsByState.cbegin(); it != s.sessionsByState.cend(); ++it)
        out.sample("herald_msrp_sessions", {{state, enumKey(it.key())}}, it.value());
    out.family("herald_msrp_connections", "gauge", QStringLiteral("Open MSRP connections."));
    out.sample("herald_msrp_connections", s.msrpConnections);

    out.family("herald_messages_total", "counter",
               QStringLiteral("Messages: MSRP ones received whole (in) or acknowledged by the "
                              "peer (out), and SIP MESSAGE texts (transport sip)."));
    const QByteArray direction = QByteArrayLiteral("direction");
    const QByteArray transport = QByteArrayLiteral("transport");
    out.sample("herald_messages_total",
               {{direction, QStringLiteral("in")}, {transport, QStringLiteral("msrp")}},
               static_cast<double>(s.messagesIn));
    out.sample("herald_messages_total",
               {{direction, QStringLiteral("out")}, {transport, QStringLiteral("msrp")}},
               static_cast<double>(s.messagesOut));
    out.sample("herald_messages_total",
               {{direction, QStringLiteral("in")}, {transport, QStringLiteral("sip")}},
               static_cast<double>(s.pageMessagesIn));
    out.sample("herald_messages_total",
               {{direction, QStringLiteral("out")}, {transport, QStringLiteral("sip")}},
               static_cast<double>(s.pageMessagesOut));
    out.family(
        "herald_message_bytes_total", "counter",
        QStringLiteral("Body octets of the MSRP messages counted in herald_messages_total."));
    out.sample("herald_message_bytes_total", {{direction, QStringLiteral("in")}},
               static_cast<double>(s.bytesIn));
    out.sample("herald_message_bytes_total", {{direction, QStringLiteral("out")}},
               static_cast<double>(s.bytesOut));
    out.family("herald_delivery_failures_total", "counter",
               QStringLiteral("Outgoing MSRP messages that failed, by reason: timeout, "
                              "status_NNN, session_ended, aborted."));
    for (auto it = s.deliveryFailures.cbegin(); it != s.deliveryFailures.cend(); ++it)
        out.sample("herald_delivery_failures_total", {{"reason", it.key()}},
                   static_cast<double>(it.value()));

    out.family("herald_store_healthy", "gauge",
               QStringLiteral("1 when the store accepts writes; 0 when it failed or is absent."));
    out.sample("herald_store_healthy", s.store && s.storeHealthy ? 1 : 0);
    if (s.store) {
        const store::StoreStatistics &st = *s.store;
        out.family("herald_store_commit_seconds", "histogram",
                   QStringLiteral("Time to write and commit one group of records (fsync "
                                  "included), failed groups too."));
        quint64 cumulative = 0;
        for (std::size_t i = 0; i < st.commitLatencyBounds.size(); ++i) {
            cumulative += st.commitLatencyCounts[i];
            out.sample("herald_store_commit_seconds_bucket",
                       {{"le", QString::fromLatin1(
                                   PrometheusText::formatValue(st.commitLatencyBounds[i]))}},
                       static_cast<double>(cumulative));
        }
        cumulative += st.commitLatencyCounts.back();
        out.sample("herald_store_commit_seconds_bucket", {{"le", QStringLiteral("+Inf")}},
                   static_cast<double>(cumulative));
        out.sample("herald_store_commit_seconds_sum", st.commitLatencySecondsSum);
        out.sample("herald_store_commit_seconds_count", static_cast<double>(cumulative));
        out.family("herald_store_records_total", "counter",
                   QStringLiteral("Appends to the store by outcome."));
        out.sample("herald_store_records_total", {{"outcome", QStringLiteral("stored")}},
                   static_cast<double>(st.recordsStored));
        out.sample("herald_store_records_total", {{"outcome", QStringLiteral("duplicate")}},
                   static_cast<double>(st.duplicates));
        out.sample("herald_store_records_total", {{"outcome", QStringLiteral("failed")}},
                   static_cast<double>(st.recordsFailed));
        out.family("herald_store_failed_groups_total", "counter",
                   QStringLiteral("Transactions whose statements or COMMIT failed."));
        out.sample("herald_store_failed_groups_total", static_cast<double>(st.failedGroups));
    }

    out.family("herald_event_handlers", "gauge",
               QStringLiteral("REST event handlers (subscriptions), streaming or not."));
    out.sample("herald_event_handlers", m_hub ? m_hub->handlers().size() : 0);
    out.family("herald_event_stream_consumers", "gauge",
               QStringLiteral("REST event streams open now."));
    out.sample("herald_event_stream_consumers", m_hub ? m_hub->streamCount() : 0);
    out.family("herald_event_stream_consumers_dropped_total", "counter",
               QStringLiteral("Event handlers freed, by reason (overflow: a consumer too slow "
                              "for its bounded queue)."));
    for (auto it = m_consumersDropped.cbegin(); it != m_consumersDropped.cend(); ++it)
        out.sample("herald_event_stream_consumers_dropped_total", {{"reason", it.key()}},
                   static_cast<double>(it.value()));
    return out.text();
}

} // namespace herald::rest
