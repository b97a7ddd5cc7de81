// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// heraldd serves /healthz and /metrics (issue 10 item 3) on a listener of its own and on the
// REST listener, configured from the INI file ([ops] listen, [rest] listen) and the
// environment (HERALD_METRICS_TOKEN, HERALD_REST_TOKEN).
#include "tests/protocol/rest/httptestclient.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using herald::test::HttpTestClient;

namespace {

constexpr int startTimeoutMs = 10000;

std::optional<HttpTestClient::Response> get(quint16 port, const QByteArray &path,
                                            QList<std::pair<QByteArray, QByteArray>> headers = {})
{
    HttpTestClient client(port);
    if (!client.connectToServer())
        return std::nullopt;
    return client.request("GET", path, {}, std::move(headers));
}

} // namespace

class TestHeralddOps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void healthOnBothListeners();
    void metricsTokens();
    void openApiListsOpsEndpoints();

private:
    QTemporaryDir m_dir;
    QProcess m_heraldd;
    quint16 m_opsPort = 0;
    quint16 m_restPort = 0;
};

void TestHeralddOps::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString ini = m_dir.filePath(QStringLiteral("heraldd.ini"));
    QFile file(ini);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[msrp]\nlisten = 127.0.0.1:0\n[sip]\nlisten = 127.0.0.1:0\n"
               "[store]\npath = " +
               m_dir.filePath(QStringLiteral("herald.db")).toUtf8() +
               "\n[rest]\nlisten = 127.0.0.1:0\n[ops]\nlisten = 127.0.0.1:0\n");
    file.close();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HERALD_REST_TOKEN"), QStringLiteral("rest-t0ken"));
    environment.insert(QStringLiteral("HERALD_METRICS_TOKEN"), QStringLiteral("scrape-t0ken"));
    m_heraldd.setProcessEnvironment(environment);
    const QString out = m_dir.filePath(QStringLiteral("heraldd.out"));
    m_heraldd.setStandardOutputFile(out);
    m_heraldd.setStandardErrorFile(m_dir.filePath(QStringLiteral("heraldd.err")));
    m_heraldd.start(herald::test::binDir() + QStringLiteral("/heraldd"),
                    {QStringLiteral("--config"), ini});
    QVERIFY2(m_heraldd.waitForStarted(startTimeoutMs), qPrintable(m_heraldd.errorString()));
    static const QRegularExpression opsLine(
        QStringLiteral(R"(^heraldd: ops \(/healthz, /metrics\) listening on 127\.0\.0\.1:(\d+)$)"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression restLine(
        QStringLiteral(R"(^heraldd: REST listening on 127\.0\.0\.1:(\d+)$)"),
        QRegularExpression::MultilineOption);
    QString text;
    // What it waited for is checked below, with the output to show when it did not come.
    (void)QTest::qWaitFor(
        [&] {
            text = QString::fromUtf8(herald::test::readFile(out));
            return opsLine.match(text).hasMatch() || m_heraldd.state() == QProcess::NotRunning;
        },
        startTimeoutMs);
    QVERIFY2(opsLine.match(text).hasMatch() && restLine.match(text).hasMatch(),
             qPrintable(text + QString::fromUtf8(herald::test::readFile(
                                   m_dir.filePath(QStringLiteral("heraldd.err"))))));
    m_opsPort = opsLine.match(text).captured(1).toUShort();
    m_restPort = restLine.match(text).captured(1).toUShort();
}

void TestHeralddOps::cleanupTestCase()
{
    if (m_heraldd.state() != QProcess::NotRunning) {
        m_heraldd.terminate();
        QVERIFY(m_heraldd.waitForFinished(10000));
        QCOMPARE(m_heraldd.exitCode(), 0);
    }
}

void TestHeralddOps::healthOnBothListeners()
{
    for (const quint16 port : {m_opsPort, m_restPort}) {
        auto reply = get(port, "/healthz");
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QCOMPARE(QJsonDocument::fromJson(reply->body).object().value(QStringLiteral("status")),
                 QStringLiteral("ready"));
    }
}

void TestHeralddOps::metricsTokens()
{
    for (const quint16 port : {m_opsPort, m_restPort}) {
        auto none = get(port, "/metrics");
        QVERIFY(none);
        QCOMPARE(none->status, 401);
        auto ok = get(port, "/metrics", {{"Authorization", "Bearer scrape-t0ken"}});
        QVERIFY(ok);
        QCOMPARE(ok->status, 200);
        QVERIFY(ok->body.contains("\n# TYPE herald_up gauge\nherald_up 1\n"));
        QVERIFY(ok->body.contains("\nherald_store_healthy 1\n"));
    }
    // The REST token opens the API, not /metrics, once a metrics token is set.
    auto rest = get(m_restPort, "/metrics", {{"Authorization", "Bearer rest-t0ken"}});
    QVERIFY(rest);
    QCOMPARE(rest->status, 401);
}

void TestHeralddOps::openApiListsOpsEndpoints()
{
    // The REST listener serves /healthz and /metrics too, so its OpenAPI document lists them,
    // with the statuses they answer.
    auto reply = get(m_restPort, "/api/v1/openapi.json", {{"Authorization", "Bearer rest-t0ken"}});
    QVERIFY(reply);
    QCOMPARE(reply->status, 200);
    const QJsonObject doc = QJsonDocument::fromJson(reply->body).object();
    const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
    const auto responses = [&](const QString &path) {
        return paths.value(path)
            .toObject()
            .value(QStringLiteral("get"))
            .toObject()
            .value(QStringLiteral("responses"))
            .toObject()
            .keys();
    };
    QCOMPARE(responses(QStringLiteral("/healthz")),
             (QStringList{QStringLiteral("200"), QStringLiteral("503")}));
    QCOMPARE(responses(QStringLiteral("/metrics")),
             (QStringList{QStringLiteral("200"), QStringLiteral("401")}));
    // /healthz needs no token (an empty security list, not an absent one), and its schema
    // exists.
    const QJsonObject healthGet =
        paths.value(QStringLiteral("/healthz")).toObject().value(QStringLiteral("get")).toObject();
    QVERIFY(healthGet.value(QStringLiteral("security")).isArray());
    QVERIFY(healthGet.value(QStringLiteral("security")).toArray().isEmpty());
    QVERIFY(doc.value(QStringLiteral("components"))
                .toObject()
                .value(QStringLiteral("schemas"))
                .toObject()
                .contains(QStringLiteral("Health")));
}

QTEST_GUILESS_MAIN(TestHeralddOps)
#include "tst_heralddops.moc"
