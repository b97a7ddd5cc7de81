// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/rest/eventhub.h"

namespace herald::rest {

namespace {

void applySubscriptions(QList<Subscription> &current, const QList<Subscription> &changes)
{
    for (const Subscription &s : changes) {
        const auto same = [&s](const Subscription &o) {
            return o.type == s.type && o.resourceId == s.resourceId &&
                   o.resourceType == s.resourceType;
        };
        current.removeIf(same);
        if (s.action == u"add")
            current.append(s);
    }
}

} // namespace

EventHub::EventHub(RandomSource &random, EventHubLimits limits, QObject *parent)
    : QObject(parent)
    , m_random(random)
    , m_ids(random)
    , m_limits(limits)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &EventHub::flush);
    m_keepaliveTimer.setInterval(m_limits.keepaliveInterval);
    connect(&m_keepaliveTimer, &QTimer::timeout, this, &EventHub::sendKeepalives);
    m_keepaliveTimer.start();
}

EventHub::~EventHub()
{
    for (auto &[id, handler] : m_handlers)
        if (handler->sink)
            handler->sink->finish();
}

RestResult<EventHandlerView> EventHub::create(const QString &appid,
                                              const QList<Subscription> &subscriptions)
{
    if (static_cast<int>(m_handlers.size()) >= m_limits.maxHandlers)
        return restFail(503, {}, QStringLiteral("too many event handlers"));
    auto handler = std::make_unique<Handler>();
    handler->view.id = QString::fromLatin1(m_ids.alphanumeric(16));
    handler->view.appid = appid;
    applySubscriptions(handler->view.subscriptions, subscriptions);
    armExpiry(*handler);
    EventHandlerView view = handler->view;
    m_handlers.emplace(view.id, std::move(handler));
    return view;
}

RestResult<EventHandlerView> EventHub::update(const QString &id,
                                              const QList<Subscription> &subscriptions)
{
    auto it = m_handlers.find(id);
    if (it == m_handlers.end())
        return restFail(404, {}, QStringLiteral("no event handler %1").arg(id));
    applySubscriptions(it->second->view.subscriptions, subscriptions);
    return it->second->view;
}

std::optional<EventHandlerView> EventHub::handler(const QString &id) const
{
    auto it = m_handlers.find(id);
    if (it == m_handlers.end())
        return std::nullopt;
    return it->second->view;
}

QList<EventHandlerView> EventHub::handlers() const
{
    QList<EventHandlerView> out;
    for (const auto &[id, handler] : m_handlers)
        out.append(handler->view);
    return out;
}

int EventHub::streamCount() const
{
    int count = 0;
    for (const auto &[id, handler] : m_handlers)
        count += handler->sink ? 1 : 0;
    return count;
}

RestResult<void> EventHub::remove(const QString &id)
{
    if (!m_handlers.contains(id))
        return restFail(404, {}, QStringLiteral("no event handler %1").arg(id));
    drop(id, QStringLiteral("removed"));
    return {};
}

RestResult<void> EventHub::attach(const QString &id, EventSink *sink)
{
    auto it = m_handlers.find(id);
    if (it == m_handlers.end())
        return restFail(404, {}, QStringLiteral("no event handler %1").arg(id));
    if (it->second->sink)
        return restFail(409, {}, QStringLiteral("event handler %1 already streams").arg(id));
    it->second->sink = sink;
    it->second->expiry.reset();
    scheduleFlush();
    return {};
}

void EventHub::detach(const QString &id)
{
    auto it = m_handlers.find(id);
    if (it == m_handlers.end())
        return;
    it->second->sink = nullptr;
    drop(id, QStringLiteral("stream closed"));
}

bool EventHub::matches(const QList<Subscription> &subscriptions, const RestEvent &event)
{
    for (const Subscription &s : subscriptions) {
        // `any` means any XMS type: existing clients subscribe with it and die on a type
        // outside XMS-REST.md's list, so Herald's extensions need a subscription by name.
        if (s.type == u"any" ? !isXmsEventType(event.type) : s.type != event.type)
            continue;
        if (s.resourceType != u"any" && s.resourceType != event.resourceType)
            continue;
        if (s.resourceId != u"any" && s.resourceId != event.resourceId)
            continue;
        return true;
    }
    return false;
}

void EventHub::enqueue(Handler &handler, const RestEvent &event)
{
    if (handler.overflowed)
        return;
    if (static_cast<int>(handler.queue.size()) >= m_limits.maxQueuedEvents) {
        // The consumer cannot keep up: tell it with an event it can parse (XMS-REST.md allows
        // only the listed types, so an alarm), then drop it once that is written.
        handler.overflowed = true;
        handler.queue.clear();
        RestEvent alarm;
        alarm.type = QStringLiteral("alarm");
        alarm.resourceType = QStringLiteral("eventhandler");
        alarm.resourceId = handler.view.id;
        alarm.data = {{QStringLiteral("alarm"), QStringLiteral("overflow")},
                      {QStringLiteral("reason"),
                       QStringLiteral("more than %1 events queued").arg(m_limits.maxQueuedEvents)}};
        handler.queue.push_back(std::move(alarm));
        return;
    }
    handler.queue.push_back(event);
}

void EventHub::publish(const RestEvent &event)
{
    Q_ASSERT(isKnownEventType(event.type));
    for (auto &[id, handler] : m_handlers)
        if (matches(handler->view.subscriptions, event))
            enqueue(*handler, event);
    scheduleFlush();
}

void EventHub::sendKeepalives()
{
    RestEvent keepalive;
    keepalive.type = QStringLiteral("keepalive");
    for (auto &[id, handler] : m_handlers)
        if (handler->sink)
            enqueue(*handler, keepalive);
    scheduleFlush();
}

void EventHub::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void EventHub::flush()
{
    QStringList overflowed;
    for (auto &[id, handler] : m_handlers) {
        EventSink *sink = handler->sink;
        if (!sink) {
            if (handler->overflowed)
                overflowed.append(id);
            continue;
        }
        while (!handler->queue.empty() && sink->backlogBytes() < m_limits.maxBacklogBytes) {
            sink->writeEvent(handler->queue.front());
            handler->queue.pop_front();
        }
        if (handler->overflowed && handler->queue.empty())
            overflowed.append(id);
    }
    for (const QString &id : overflowed)
        drop(id, QStringLiteral("overflow"));
}

void EventHub::drop(const QString &id, const QString &reason)
{
    auto it = m_handlers.find(id);
    if (it == m_handlers.end())
        return;
    std::unique_ptr<Handler> handler = std::move(it->second);
    m_handlers.erase(it);
    // The expiry timer may be the one calling us: let it finish its timeout first.
    if (handler->expiry)
        handler->expiry.release()->deleteLater();
    if (handler->sink)
        handler->sink->finish();
    Q_EMIT handlerDropped(id, reason);
}

void EventHub::armExpiry(Handler &handler)
{
    handler.expiry = std::make_unique<QTimer>();
    handler.expiry->setSingleShot(true);
    const QString id = handler.view.id;
    connect(handler.expiry.get(), &QTimer::timeout, this,
            [this, id] { drop(id, QStringLiteral("never streamed")); });
    handler.expiry->start(m_limits.unattachedLifetime);
}

} // namespace herald::rest
