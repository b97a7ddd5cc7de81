// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/emergencydatafetcher.h"

#include "engine/service/call.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

namespace herald::service {

namespace {

// PIDF-LO and RFC 7852 blocks are small; the parsers refuse more than 64 KiB anyway.
constexpr qint64 maxDocumentBytes = 64 * 1024;

} // namespace

EmergencyDataFetcher::EmergencyDataFetcher(std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_timeout(timeout)
{}

void EmergencyDataFetcher::fetch(Call *call, qsizetype fromLocation, qsizetype fromAdditionalData)
{
    const ng911::EmergencyCallData &data = call->emergencyData();
    for (qsizetype i = fromLocation; i < data.locations.size(); ++i) {
        if (data.locations[i].state == ng911::DataState::Pending)
            start(call, Target::Location, i, data.locations[i].reference.uri,
                  QByteArrayLiteral("application/pidf+xml"));
    }
    for (qsizetype i = fromAdditionalData; i < data.additionalData.size(); ++i) {
        const ng911::AdditionalDataEntry &entry = data.additionalData[i];
        if (entry.state == ng911::DataState::Pending)
            start(call, Target::AdditionalData, i, entry.reference.uri,
                  "application/EmergencyCallData." +
                      ng911::additionalDataKindName(entry.reference.kind).toLatin1() + "+xml");
    }
}

void EmergencyDataFetcher::start(Call *call, Target target, qsizetype index, const QByteArray &uri,
                                 const QByteArray &accept)
{
    QPointer<Call> guard(call);
    auto finish = [guard, target, index](const QByteArray *body, const QString &why) {
        if (!guard)
            return;
        ng911::EmergencyCallData &data = guard->m_emergencyData;
        if (target == Target::Location) {
            if (body)
                data.resolveLocation(index, *body);
            else
                data.locationUnavailable(index, why);
        } else {
            if (body)
                data.resolveAdditionalData(index, *body);
            else
                data.additionalDataUnavailable(index, why);
        }
        Q_EMIT guard->emergencyDataChanged();
    };

    const QUrl url = QUrl::fromEncoded(uri, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
        finish(nullptr, QStringLiteral("not an HTTP(S) URI"));
        return;
    }
    QNetworkRequest request(url);
    request.setRawHeader("Accept", accept);
    request.setMaximumRedirectsAllowed(3);
    QNetworkReply *reply = m_network.get(request);
    ++m_running;
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply] {
        reply->setProperty("timedOut", true);
        reply->abort();
    });
    deadline->start(m_timeout);
    connect(call, &QObject::destroyed, reply, &QNetworkReply::abort);
    connect(reply, &QNetworkReply::readyRead, reply, [reply] {
        if (reply->bytesAvailable() > maxDocumentBytes) {
            reply->setProperty("tooLarge", true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, finish] {
        --m_running;
        reply->deleteLater();
        if (reply->property("timedOut").toBool()) {
            finish(nullptr, QStringLiteral("no answer from the server in time"));
            return;
        }
        if (reply->property("tooLarge").toBool()) {
            finish(nullptr, QStringLiteral("document larger than %1 bytes").arg(maxDocumentBytes));
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            finish(nullptr,
                   status ? QStringLiteral("HTTP status %1").arg(status) : reply->errorString());
            return;
        }
        const QByteArray body = reply->read(maxDocumentBytes + 1);
        finish(&body, QString());
    });
}

} // namespace herald::service
