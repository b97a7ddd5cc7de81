// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Issue 10 item 3: /healthz and /metrics. The exposition text is parsed as a Prometheus
// scraper would (HELP and TYPE before each family's samples, escaped label values) and its
// values are compared with what a real call did: an ESRP engine calls Herald (with a store),
// texts flow both ways, a store failure turns /healthz 503 with the reason and shows as a
// delivery failure on the sender, and the hang-up moves the call counters.
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/rest/binding/opsserver.h"
#include "engine/rest/binding/restserver.h"
#include "engine/rest/opsendpoints.h"
#include "engine/rest/prometheustext.h"
#include "engine/service/engine.h"
#include "engine/service/enginemetrics.h"
#include "httptestclient.h"
#include "tests/support/enginetestsupport.h"
#include "tests/support/storelocker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>

using namespace herald;
using namespace herald::service;
using namespace std::chrono_literals;
using herald::test::HttpTestClient;

namespace {

constexpr int waitMs = 15000;

const std::pair<QByteArray, QByteArray> restAuth{QByteArrayLiteral("Authorization"),
                                                 QByteArrayLiteral("Bearer t0ken")};
const std::pair<QByteArray, QByteArray> metricsAuth{QByteArrayLiteral("Authorization"),
                                                    QByteArrayLiteral("Bearer scrape")};

// A parsed exposition: samples by "name{label="value",...}" exactly as written (labels in
// the written order, values unescaped), and the TYPE of each family.
struct Exposition
{
    QMap<QString, double> samples;
    QMap<QString, QString> types;
    QString error; // the first format violation found

    double value(const QString &key) const { return samples.value(key, -1); }
};

// Parses text format 0.0.4 strictly enough to catch what Prometheus would reject: a sample
// before its family's TYPE, a family announced twice, a bad escape, a bad number.
Exposition parseExposition(const QByteArray &text)
{
    Exposition out;
    static const QRegularExpression sampleLine(
        QStringLiteral(R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$)"));
    static const QRegularExpression labelName(QStringLiteral(R"(^[a-zA-Z_][a-zA-Z0-9_]*$)"));
    QSet<QString> helped;
    const QList<QByteArray> lines = text.split('\n');
    if (!text.endsWith('\n'))
        out.error = QStringLiteral("no final line feed");
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw);
        if (line.isEmpty())
            continue;
        if (line.startsWith(u"# HELP ") || line.startsWith(u"# TYPE ")) {
            const QStringList parts = line.split(u' ');
            if (parts.size() < 4) {
                out.error = QStringLiteral("short comment line: ") + line;
                continue;
            }
            if (line.startsWith(u"# HELP "))
                helped.insert(parts.at(2));
            else if (out.types.contains(parts.at(2)))
                out.error = QStringLiteral("family announced twice: ") + parts.at(2);
            else if (!helped.contains(parts.at(2)))
                out.error = QStringLiteral("TYPE without HELP: ") + parts.at(2);
            else
                out.types.insert(parts.at(2), parts.at(3));
            continue;
        }
        const auto match = sampleLine.match(line);
        if (!match.hasMatch()) {
            out.error = QStringLiteral("not a sample: ") + line;
            continue;
        }
        const QString name = match.captured(1);
        QString family = name;
        for (const char *suffix : {"_bucket", "_sum", "_count"}) {
            const QString s = QString::fromLatin1(suffix);
            if (name.endsWith(s) && out.types.value(name.chopped(s.size())) == u"histogram")
                family = name.chopped(s.size());
        }
        if (!out.types.contains(family))
            out.error = QStringLiteral("sample before its TYPE: ") + name;
        // Labels: name="value" with \\ \" \n escapes, separated by commas.
        QString key = name;
        const QString labels = match.captured(2);
        if (!labels.isEmpty()) {
            QStringList pairs;
            qsizetype i = 0;
            while (i < labels.size()) {
                const qsizetype eq = labels.indexOf(u'=', i);
                if (eq < 0 || eq + 1 >= labels.size() || labels.at(eq + 1) != u'"') {
                    out.error = QStringLiteral("bad labels: ") + line;
                    break;
                }
                const QString ln = labels.mid(i, eq - i);
                if (!labelName.match(ln).hasMatch())
                    out.error = QStringLiteral("bad label name: ") + ln;
                QString value;
                qsizetype j = eq + 2;
                for (; j < labels.size() && labels.at(j) != u'"'; ++j) {
                    if (labels.at(j) != u'\\') {
                        value += labels.at(j);
                        continue;
                    }
                    const QChar next = j + 1 < labels.size() ? labels.at(j + 1) : QChar();
                    if (next == u'\\' || next == u'"')
                        value += next;
                    else if (next == u'n')
                        value += u'\n';
                    else
                        out.error = QStringLiteral("bad escape: ") + line;
                    ++j;
                }
                pairs << ln + QStringLiteral("=\"") + value + u'"';
                i = j + 1;
                if (i < labels.size() && labels.at(i) == u',')
                    ++i;
            }
            key += u'{' + pairs.join(u',') + u'}';
        }
        const QString number = match.captured(3);
        bool ok = true;
        double v = 0;
        if (number == u"+Inf")
            v = qInf();
        else if (number == u"NaN")
            v = qQNaN();
        else
            v = number.toDouble(&ok);
        if (!ok)
            out.error = QStringLiteral("bad value: ") + line;
        if (out.samples.contains(key))
            out.error = QStringLiteral("sample twice: ") + key;
        out.samples.insert(key, v);
    }
    return out;
}

EngineConfig engineConfig(const QString &user, const QString &storePath)
{
    EngineConfig config = test::loopbackEngineConfig(user.toUtf8());
    config.answerPolicy = AnswerPolicy::Automatic;
    config.storePath = storePath;
    return config;
}

} // namespace

class TestOpsEndpoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escaping_data();
    void escaping();
    void formatValue();
    void init();
    void cleanup();
    void healthWithoutToken();
    void metricsToken();
    void metricsWithoutOwnToken();
    void shuttingDownIsNotReady();
    void separateListener();
    void callMovesMetricsAndStoreFailureTurnsUnready();

private:
    std::optional<HttpTestClient::Response> get(quint16 port, const QByteArray &path,
                                                QList<std::pair<QByteArray, QByteArray>> headers);
    Exposition scrape();

    SystemClock m_clock;
    SeededRandomSource m_heraldRandom{21};
    SeededRandomSource m_esrpRandom{22};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_herald;
    std::unique_ptr<Engine> m_esrp;
    std::unique_ptr<EngineMetrics> m_metrics;
    std::unique_ptr<EngineMetrics> m_esrpMetrics;
    std::unique_ptr<rest::OpsEndpoints> m_ops;
    std::unique_ptr<rest::RestServer> m_rest;
};

void TestOpsEndpoints::escaping_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("label");
    QTest::addColumn<QByteArray>("help");
    QTest::newRow("plain") << QStringLiteral("status_403") << QByteArray("status_403")
                           << QByteArray("status_403");
    QTest::newRow("quote") << QStringLiteral("a\"b") << QByteArray("a\\\"b") << QByteArray("a\"b");
    QTest::newRow("backslash") << QStringLiteral("a\\b") << QByteArray("a\\\\b")
                               << QByteArray("a\\\\b");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QByteArray("a\\nb")
                             << QByteArray("a\\nb");
    QTest::newRow("utf8") << QStringLiteral("caf\u00e9") << QByteArray("caf\xc3\xa9")
                          << QByteArray("caf\xc3\xa9");
}

void TestOpsEndpoints::escaping()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, label);
    QFETCH(QByteArray, help);
    QCOMPARE(rest::PrometheusText::escapeLabelValue(value), label);
    QCOMPARE(rest::PrometheusText::escapeHelp(value), help);
    // And what the writer produces parses back to the original value.
    rest::PrometheusText text;
    text.family("x_total", "counter", value);
    text.sample("x_total", {{"reason", value}}, 3);
    const Exposition parsed = parseExposition(text.text());
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.value(QStringLiteral("x_total{reason=\"") + value + QStringLiteral("\"}")),
             3.0);
}

void TestOpsEndpoints::formatValue()
{
    QCOMPARE(rest::PrometheusText::formatValue(0), QByteArray("0"));
    QCOMPARE(rest::PrometheusText::formatValue(12345678901.0), QByteArray("12345678901"));
    QCOMPARE(rest::PrometheusText::formatValue(0.0025), QByteArray("0.0025"));
    QCOMPARE(rest::PrometheusText::formatValue(qInf()), QByteArray("+Inf"));
    QCOMPARE(rest::PrometheusText::formatValue(qQNaN()), QByteArray("NaN"));
}

void TestOpsEndpoints::init()
{
    if (QByteArray(QTest::currentTestFunction()).startsWith("escaping") ||
        QByteArray(QTest::currentTestFunction()) == "formatValue")
        return;
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_herald = std::make_unique<Engine>(
        engineConfig(QStringLiteral("psap"), m_dir->filePath(QStringLiteral("herald.db"))), m_clock,
        m_heraldRandom);
    m_esrp =
        std::make_unique<Engine>(engineConfig(QStringLiteral("esrp"), {}), m_clock, m_esrpRandom);
    // Before start(): they see every call.
    m_metrics = std::make_unique<EngineMetrics>(*m_herald);
    m_esrpMetrics = std::make_unique<EngineMetrics>(*m_esrp);
    auto started = m_herald->start();
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail));
    QVERIFY(m_esrp->start());
    m_ops = std::make_unique<rest::OpsEndpoints>(*m_herald, *m_metrics,
                                                 rest::OpsConfig{QByteArrayLiteral("scrape")});
    rest::RestConfig config;
    config.port = 0;
    config.token = QByteArrayLiteral("t0ken");
    m_rest = std::make_unique<rest::RestServer>(*m_herald, config);
    QVERIFY(m_rest->start());
    m_rest->setOpsEndpoints(m_ops.get());
    m_ops->setEventHub(&m_rest->api().events());
}

void TestOpsEndpoints::cleanup()
{
    m_rest.reset();
    m_ops.reset();
    for (auto *engine : {m_esrp.get(), m_herald.get()}) {
        if (engine && engine->sip().isRunning()) {
            QSignalSpy stopped(&engine->sip(), &sip::Agent::stopped);
            engine->stop();
            stopped.wait(5000);
        }
    }
    m_metrics.reset();
    m_esrpMetrics.reset();
    m_esrp.reset();
    m_herald.reset();
    m_dir.reset();
}

std::optional<HttpTestClient::Response>
TestOpsEndpoints::get(quint16 port, const QByteArray &path,
                      QList<std::pair<QByteArray, QByteArray>> headers)
{
    HttpTestClient client(port);
    if (!client.connectToServer())
        return std::nullopt;
    return client.request("GET", path, {}, std::move(headers));
}

Exposition TestOpsEndpoints::scrape()
{
    auto reply = get(m_rest->port(), "/metrics", {metricsAuth});
    if (!reply || reply->status != 200)
        return Exposition{{}, {}, QStringLiteral("no 200 from /metrics")};
    if (reply->header("Content-Type") != "text/plain; version=0.0.4; charset=utf-8")
        return Exposition{{}, {}, QStringLiteral("wrong Content-Type")};
    return parseExposition(reply->body);
}

void TestOpsEndpoints::healthWithoutToken()
{
    auto reply = get(m_rest->port(), "/healthz", {});
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    QCOMPARE(reply->header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(QJsonDocument::fromJson(reply->body).object(),
             (QJsonObject{{QStringLiteral("status"), QStringLiteral("ready")}}));
    // The REST API's own routes still want their token on the same listener.
    auto calls = get(m_rest->port(), "/default/calls?appid=psap", {});
    QVERIFY(calls);
    QCOMPARE(calls->status, 401);
    // A wrong method on /healthz: 405 naming what is allowed.
    HttpTestClient client(m_rest->port());
    QVERIFY(client.connectToServer());
    auto posted = client.request("POST", "/healthz", "x", {});
    QVERIFY(posted);
    QCOMPARE(posted->status, 405);
    QCOMPARE(posted->header("Allow"), QByteArray("GET, HEAD"));
}

void TestOpsEndpoints::metricsToken()
{
    auto none = get(m_rest->port(), "/metrics", {});
    QVERIFY(none);
    QCOMPARE(none->status, 401);
    QVERIFY(none->header("WWW-Authenticate").startsWith("Bearer"));
    // The REST token is not the metrics token.
    auto rest = get(m_rest->port(), "/metrics", {restAuth});
    QVERIFY(rest);
    QCOMPARE(rest->status, 401);
    const Exposition idle = scrape();
    QVERIFY2(idle.error.isEmpty(), qPrintable(idle.error));
    QCOMPARE(idle.value(QStringLiteral("herald_up")), 1.0);
    QCOMPARE(idle.types.value(QStringLiteral("herald_store_commit_seconds")),
             QStringLiteral("histogram"));
    QCOMPARE(idle.types.value(QStringLiteral("herald_messages_total")), QStringLiteral("counter"));
    QCOMPARE(idle.value(QStringLiteral("herald_calls{state=\"active\"}")), 0.0);
    QCOMPARE(idle.value(QStringLiteral("herald_event_stream_consumers")), 0.0);
}

void TestOpsEndpoints::metricsWithoutOwnToken()
{
    // No metrics token: the REST listener wants the REST token, the ops listener none.
    rest::OpsEndpoints open(*m_herald, *m_metrics, rest::OpsConfig{});
    m_rest->setOpsEndpoints(&open);
    auto none = get(m_rest->port(), "/metrics", {});
    QVERIFY(none);
    QCOMPARE(none->status, 401);
    auto withRest = get(m_rest->port(), "/metrics", {restAuth});
    QVERIFY(withRest);
    QCOMPARE(withRest->status, 200);
    rest::OpsServer server(open, QHostAddress(QHostAddress::LocalHost), 0);
    QVERIFY(server.start());
    auto direct = get(server.port(), "/metrics", {});
    QVERIFY(direct);
    QCOMPARE(direct->status, 200);
    QVERIFY(direct->body.contains("\nherald_up 1\n"));
    m_rest->setOpsEndpoints(m_ops.get());
}

void TestOpsEndpoints::shuttingDownIsNotReady()
{
    m_ops->setShuttingDown(true);
    auto reply = get(m_rest->port(), "/healthz", {});
    QVERIFY(reply);
    QCOMPARE(reply->status, 503);
    const QJsonObject body = QJsonDocument::fromJson(reply->body).object();
    QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("not ready"));
    const QJsonArray problems = body.value(QStringLiteral("problems")).toArray();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.at(0).toObject().value(QStringLiteral("check")).toString(),
             QStringLiteral("shutdown"));
    QCOMPARE(scrape().value(QStringLiteral("herald_up")), 0.0);
}

void TestOpsEndpoints::separateListener()
{
    rest::OpsServer server(*m_ops, QHostAddress(QHostAddress::LocalHost), 0);
    QVERIFY(server.start());
    QVERIFY(server.port() != 0);
    auto health = get(server.port(), "/healthz", {});
    QVERIFY(health);
    QCOMPARE(health->status, 200);
    auto metrics = get(server.port(), "/metrics", {metricsAuth});
    QVERIFY(metrics);
    QCOMPARE(metrics->status, 200);
    QVERIFY(parseExposition(metrics->body).error.isEmpty());
    // Only the ops paths live there.
    auto other = get(server.port(), "/default/calls?appid=psap", {restAuth});
    QVERIFY(other);
    QCOMPARE(other->status, 404);
    // The engine stopped: not ready, and says so.
    QSignalSpy stopped(&m_herald->sip(), &sip::Agent::stopped);
    m_herald->stop();
    QVERIFY(stopped.wait(5000));
    auto down = get(server.port(), "/healthz", {});
    QVERIFY(down);
    QCOMPARE(down->status, 503);
    QVERIFY(down->body.contains("\"check\":\"engine\""));
}

void TestOpsEndpoints::callMovesMetricsAndStoreFailureTurnsUnready()
{
    // An event-stream consumer, counted as one.
    HttpTestClient stream(m_rest->port());
    QVERIFY(stream.connectToServer());
    auto created = stream.request(
        "POST", "/default/eventhandlers?appid=psap",
        "<web_service version=\"1.0\"><eventhandler><eventsubscribe action=\"add\" type=\"any\" "
        "resource_id=\"any\" resource_type=\"any\"/></eventhandler></web_service>",
        {restAuth, {"Content-Type", "text/xml"}});
    QVERIFY(created);
    QCOMPARE(created->status, 201);
    const QByteArray location = created->header("Location");
    stream.send("GET", location + "?appid=psap", {}, {restAuth});
    auto head = stream.response();
    QVERIFY(head);
    QCOMPARE(head->status, 200);
    const Exposition before = scrape();
    QVERIFY2(before.error.isEmpty(), qPrintable(before.error));
    QCOMPARE(before.value(QStringLiteral("herald_event_stream_consumers")), 1.0);
    QCOMPARE(before.value(QStringLiteral("herald_event_handlers")), 1.0);
    const double commitsBefore = before.value(QStringLiteral("herald_store_commit_seconds_count"));

    // The ESRP calls Herald, which answers by itself.
    QList<Call *> offered;
    connect(&m_herald->calls(), &CallManager::callOffered, this,
            [&offered](Call *call) { offered.append(call); });
    const QByteArray target = "sip:psap@127.0.0.1:" + QByteArray::number(m_herald->sipListenPort());
    auto placed = m_esrp->calls().placeCall(target);
    QVERIFY(placed);
    Call *esrp = *placed;
    QTRY_COMPARE_WITH_TIMEOUT(offered.size(), 1, waitMs);
    Call *herald = offered.first();
    QTRY_VERIFY_WITH_TIMEOUT(
        esrp->session() && esrp->session()->state() == msrp::SessionState::Active, waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        herald->session() && herald->session()->state() == msrp::SessionState::Active, waitMs);

    // Two texts in (17 + 5 octets), one out (8 octets).
    QSignalSpy heraldGot(herald, &Call::messageReceived);
    QVERIFY(esrp->sendText("text/plain", "help, fire at 5th"));
    QVERIFY(esrp->sendText("text/plain", "hurry"));
    QTRY_COMPARE_WITH_TIMEOUT(heraldGot.size(), 2, waitMs);
    QList<msrp::MessageInfo> heraldSent;
    connect(herald, &Call::deliveryChanged, this,
            [&heraldSent](const msrp::MessageInfo &info) { heraldSent.append(info); });
    QVERIFY(herald->sendText("text/plain", "on route"));
    QTRY_VERIFY_WITH_TIMEOUT(!heraldSent.isEmpty() &&
                                 heraldSent.last().state == msrp::DeliveryState::Acknowledged,
                             waitMs);

    const Exposition during = scrape();
    QVERIFY2(during.error.isEmpty(), qPrintable(during.error));
    QCOMPARE(during.value(QStringLiteral("herald_calls{state=\"active\"}")), 1.0);
    QCOMPARE(during.value(QStringLiteral("herald_calls_started_total{direction=\"inbound\"}")),
             1.0);
    QCOMPARE(during.value(QStringLiteral("herald_msrp_sessions{state=\"active\"}")), 1.0);
    QCOMPARE(during.value(QStringLiteral("herald_msrp_connections")), 1.0);
    QCOMPARE(
        during.value(QStringLiteral("herald_messages_total{direction=\"in\",transport=\"msrp\"}")),
        2.0);
    QCOMPARE(
        during.value(QStringLiteral("herald_messages_total{direction=\"out\",transport=\"msrp\"}")),
        1.0);
    QCOMPARE(during.value(QStringLiteral("herald_message_bytes_total{direction=\"in\"}")), 22.0);
    QCOMPARE(during.value(QStringLiteral("herald_message_bytes_total{direction=\"out\"}")), 8.0);
    // Every text was committed before its 200: more groups, each in a bucket, buckets
    // cumulative up to +Inf == count, and a positive sum.
    const double commits = during.value(QStringLiteral("herald_store_commit_seconds_count"));
    QVERIFY2(commits > commitsBefore, qPrintable(QString::number(commits)));
    QCOMPARE(during.value(QStringLiteral("herald_store_commit_seconds_bucket{le=\"+Inf\"}")),
             commits);
    const double fast =
        during.value(QStringLiteral("herald_store_commit_seconds_bucket{le=\"0.001\"}"));
    QVERIFY(fast >= 0);
    QVERIFY(fast <= during.value(QStringLiteral("herald_store_commit_seconds_bucket{le=\"2.5\"}")));
    QVERIFY(during.value(QStringLiteral("herald_store_commit_seconds_sum")) > 0);
    QVERIFY(during.value(QStringLiteral("herald_store_records_total{outcome=\"stored\"}")) >= 3);

    // The store fails: the next text is refused (403) and /healthz says why.
    {
        test::StoreLocker lock(m_dir->filePath(QStringLiteral("herald.db")));
        QVERIFY(lock.locked());
        QList<msrp::MessageInfo> esrpSent;
        connect(esrp, &Call::deliveryChanged, this,
                [&esrpSent](const msrp::MessageInfo &info) { esrpSent.append(info); });
        QVERIFY(esrp->sendText("text/plain", "still there?"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !esrpSent.isEmpty() && esrpSent.last().state == msrp::DeliveryState::Failed, waitMs);
        QCOMPARE(esrpSent.last().status, 403);
    }
    auto health = get(m_rest->port(), "/healthz", {});
    QVERIFY(health);
    QCOMPARE(health->status, 503);
    const QJsonObject body = QJsonDocument::fromJson(health->body).object();
    QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("not ready"));
    const QJsonArray problems = body.value(QStringLiteral("problems")).toArray();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.at(0).toObject().value(QStringLiteral("check")).toString(),
             QStringLiteral("store"));
    QVERIFY2(problems.at(0)
                 .toObject()
                 .value(QStringLiteral("detail"))
                 .toString()
                 .startsWith(QStringLiteral("store unavailable")),
             health->body.constData());
    const Exposition failed = scrape();
    QCOMPARE(failed.value(QStringLiteral("herald_up")), 0.0);
    QCOMPARE(failed.value(QStringLiteral("herald_store_healthy")), 0.0);
    QCOMPARE(failed.value(QStringLiteral("herald_store_failed_groups_total")), 1.0);
    // The sender's engine counts the refusal as a delivery failure by its status.
    QCOMPARE(m_esrpMetrics->snapshot().deliveryFailures.value(QStringLiteral("status_403")), 1u);
    QCOMPARE(m_esrpMetrics->snapshot().messagesOut, 2u);

    // The ESRP hangs up: the call is counted as ended and no longer live.
    QVERIFY(m_esrp->calls().hangup(esrp->id()));
    QTRY_COMPARE_WITH_TIMEOUT(
        scrape().value(QStringLiteral("herald_calls_finished_total{state=\"ended\"}")), 1.0,
        waitMs);
    const Exposition after = scrape();
    QCOMPARE(after.value(QStringLiteral("herald_calls{state=\"active\"}")), 0.0);
    QCOMPARE(after.value(QStringLiteral("herald_messages_total{direction=\"in\",transport="
                                        "\"msrp\"}")),
             2.0);
}

QTEST_GUILESS_MAIN(TestOpsEndpoints)
#include "tst_opsendpoints.moc"
