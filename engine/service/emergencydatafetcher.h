// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>

#include <chrono>

namespace herald::service {

class Call;

// Dereferences the by-reference location (RFC 6442 §3.3; an HTTP GET as RFC 6753 §6 allows)
// and additional data (RFC 7852 §4.1) of a call. Every Pending http(s) reference is fetched
// at once; each ends Resolved, Unreadable (the body is kept) or Unavailable (HTTP error,
// more than 64 KiB, or no complete answer within the timeout), and the call's
// emergencyDataChanged() fires for each. Until then the entry stays Pending, which the
// console shows as such.
class EmergencyDataFetcher : public QObject
{
    Q_OBJECT

public:
    explicit EmergencyDataFetcher(std::chrono::milliseconds timeout, QObject *parent = nullptr);

    // Fetches the Pending references of the call from these indices on (a re-INVITE's new
    // entries; earlier ones are already being fetched).
    void fetch(Call *call, qsizetype fromLocation = 0, qsizetype fromAdditionalData = 0);
    // Requests still running (for tests and shutdown).
    int pending() const { return m_running; }

private:
    enum class Target { Location, AdditionalData };
    void start(Call *call, Target target, qsizetype index, const QByteArray &uri,
               const QByteArray &accept);

    QNetworkAccessManager m_network;
    std::chrono::milliseconds m_timeout;
    int m_running = 0;
};

} // namespace herald::service
