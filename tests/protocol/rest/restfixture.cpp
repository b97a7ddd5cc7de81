// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "restfixture.h"
#include "tests/support/enginetestsupport.h"

#include <QRegularExpression>
#include <QSignalSpy>

#include <array>
#include <chrono>

namespace herald::test {

using namespace std::chrono_literals;

QString xmlAttribute(const QByteArray &doc, const QString &name)
{
    const QRegularExpression re(
        QStringLiteral(" %1=\"([^\"]*)\"").arg(QRegularExpression::escape(name)));
    return re.match(QString::fromUtf8(doc)).captured(1);
}

QString eventData(const QByteArray &doc, const QString &name)
{
    const QRegularExpression re(QStringLiteral("<event_data name=\"%1\" value=\"([^\"]*)\"/>")
                                    .arg(QRegularExpression::escape(name)));
    return re.match(QString::fromUtf8(doc)).captured(1);
}

QString unescapeXml(const QString &text)
{
    static const QRegularExpression ref(QStringLiteral("&#x([0-9A-F]+);"));
    QString out;
    qsizetype last = 0;
    for (auto it = ref.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        out += QString::fromUcs4(
            std::array<char32_t, 1>{char32_t(m.captured(1).toUInt(nullptr, 16))}.data(), 1);
        last = m.capturedEnd();
    }
    out += text.mid(last);
    out.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    out.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    out.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    out.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return out;
}

QByteArray escapeForXmlAttribute(const QByteArray &bytes)
{
    QByteArray out = bytes;
    out.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    out.replace("\r", "&#xD;").replace("\n", "&#xA;");
    return out;
}

service::EngineConfig restEngineConfig(const QString &user, service::AnswerPolicy policy,
                                       const QString &storePath)
{
    service::EngineConfig config = loopbackEngineConfig(user.toUtf8());
    config.answerPolicy = policy;
    config.storePath = storePath;
    return config;
}

bool RestFixture::start(service::EngineConfig heraldConfig, service::EngineConfig peerConfig,
                        quint64 heraldSeed, quint64 peerSeed, rest::RestConfig restConfig)
{
    m_heraldRandom = std::make_unique<SeededRandomSource>(heraldSeed);
    m_peerRandom = std::make_unique<SeededRandomSource>(peerSeed);
    m_herald = std::make_unique<service::Engine>(std::move(heraldConfig), m_clock, *m_heraldRandom);
    m_peer = std::make_unique<service::Engine>(std::move(peerConfig), m_clock, *m_peerRandom);
    for (service::Engine *engine : {m_herald.get(), m_peer.get()}) {
        if (auto started = engine->start(); !started) {
            qWarning("engine not started: %s", qPrintable(started.error().detail));
            return false;
        }
    }
    restConfig.port = 0;
    restConfig.token = QByteArrayLiteral("t0ken");
    m_rest = std::make_unique<rest::RestServer>(*m_herald, std::move(restConfig));
    if (auto started = m_rest->start(); !started) {
        qWarning("REST server not started: %s", qPrintable(started.error().detail));
        return false;
    }
    return true;
}

void RestFixture::stop()
{
    m_rest.reset();
    for (service::Engine *engine : {m_peer.get(), m_herald.get()}) {
        if (engine && engine->sip().isRunning()) {
            QSignalSpy stopped(&engine->sip(), &sip::Agent::stopped);
            engine->stop();
            stopped.wait(5000);
        }
    }
    m_peer.reset();
    m_herald.reset();
}

std::unique_ptr<HttpTestClient> RestFixture::client() const
{
    auto client = std::make_unique<HttpTestClient>(m_rest->port());
    if (!client->connectToServer())
        return nullptr;
    return client;
}

std::unique_ptr<HttpTestClient> RestFixture::openStream(const QByteArray &appid,
                                                        const QList<QByteArray> &extraTypes) const
{
    auto stream = client();
    if (!stream)
        return nullptr;
    QByteArray subscriptions = "<eventsubscribe action=\"add\" type=\"any\" resource_id=\"any\" "
                               "resource_type=\"any\"/>";
    for (const QByteArray &type : extraTypes)
        subscriptions += "<eventsubscribe action=\"add\" type=\"" + type +
                         "\" resource_id=\"any\" resource_type=\"any\"/>";
    auto created = stream->request("POST", "/default/eventhandlers?appid=" + appid,
                                   "<web_service version=\"1.0\"><eventhandler>" + subscriptions +
                                       "</eventhandler></web_service>",
                                   {restAuth, restXmlType});
    if (!created || created->status != 201)
        return nullptr;
    const QString id = xmlAttribute(created->body, QStringLiteral("identifier"));
    // XMS-REST.md: the stream is read from a GET without an Accept header.
    stream->send("GET", "/default/eventhandlers/" + id.toLatin1() + "?appid=" + appid, {},
                 {restAuth});
    auto head = stream->response();
    if (!head || head->status != 200)
        return nullptr;
    return stream;
}

std::optional<QByteArray> RestFixture::nextEvent(HttpTestClient &stream, int timeoutMs)
{
    while (true) {
        auto doc = stream.frame(timeoutMs);
        if (!doc || !doc->contains("type=\"keepalive\""))
            return doc;
    }
}

} // namespace herald::test
