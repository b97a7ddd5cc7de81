// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/ids.h"
#include "engine/rest/restmodel.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <deque>
#include <memory>

namespace herald::rest {

// Where a handler's events go: a long-lived HTTP response, written by the binding.
class EventSink
{
public:
    virtual ~EventSink() = default;
    // Bytes handed to the connection and not yet sent: the consumer's backlog.
    virtual qint64 backlogBytes() const = 0;
    virtual void writeEvent(const RestEvent &event) = 0;
    // Ends the stream (XMS-REST.md: a frame of length 0) and closes the connection.
    virtual void finish() = 0;
};

struct EventHubLimits
{
    // A handler's events not yet handed to its connection; one more and the consumer gets an
    // overflow alarm and is dropped, so that a slow reader never holds the engine's memory.
    int maxQueuedEvents = 4096;
    // Events are handed to a connection only while its backlog stays below this.
    qint64 maxBacklogBytes = 256 * 1024;
    // Keepalive events on idle streams (clients time their reads out).
    std::chrono::milliseconds keepaliveInterval{15000};
    // A handler whose stream never opens (or never reopens) is freed after this.
    std::chrono::milliseconds unattachedLifetime{60000};
    int maxHandlers = 64;
};

// The event handlers of /default/eventhandlers: their subscriptions (filters by event type and
// resource), a bounded queue each, and the stream each is attached to. Events are handed to
// streams from the event loop, never from inside publish(): an event caused by a request thus
// follows that request's HTTP response (XMS-REST.md).
class EventHub : public QObject
{
    Q_OBJECT

public:
    EventHub(RandomSource &random, EventHubLimits limits, QObject *parent = nullptr);
    ~EventHub() override;

    const EventHubLimits &limits() const { return m_limits; }

    RestResult<EventHandlerView> create(const QString &appid,
                                        const QList<Subscription> &subscriptions);
    // Applies more add / remove subscriptions to a handler.
    RestResult<EventHandlerView> update(const QString &id,
                                        const QList<Subscription> &subscriptions);
    std::optional<EventHandlerView> handler(const QString &id) const;
    QList<EventHandlerView> handlers() const;
    // Handlers with a stream attached now: the event-stream consumers /metrics counts.
    int streamCount() const;
    // Ends the handler's stream (if any) and frees it.
    RestResult<void> remove(const QString &id);

    // Gives the handler a stream; 409 when it already has one. The sink stays the caller's;
    // detach() before destroying it.
    RestResult<void> attach(const QString &id, EventSink *sink);
    // The stream closed: XMS clients never delete their handler, so this frees it.
    void detach(const QString &id);

    // Queues an event for every handler whose subscriptions match it.
    void publish(const RestEvent &event);
    // Hands queued events to streams with room in their backlog (also when a backlog drained).
    void flush();
    // Queues a keepalive on every attached stream (the timer calls it; tests may too).
    void sendKeepalives();

    static bool matches(const QList<Subscription> &subscriptions, const RestEvent &event);

Q_SIGNALS:
    // A handler was freed: removed, its stream closed, expired, or overflowed ("overflow").
    void handlerDropped(const QString &id, const QString &reason);

private:
    struct Handler
    {
        EventHandlerView view;
        std::deque<RestEvent> queue;
        EventSink *sink = nullptr;
        bool overflowed = false;
        std::unique_ptr<QTimer> expiry;
    };

    void scheduleFlush();
    void drop(const QString &id, const QString &reason);
    void enqueue(Handler &handler, const RestEvent &event);
    void armExpiry(Handler &handler);

    RandomSource &m_random;
    IdGenerator m_ids;
    EventHubLimits m_limits;
    std::map<QString, std::unique_ptr<Handler>> m_handlers;
    QTimer m_flushTimer;
    QTimer m_keepaliveTimer;
};

} // namespace herald::rest
