// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QHash>

#include <cstddef>
#include <deque>

namespace herald::ui {

// A per-key history with bounded memory, for the Lab view's recordings (the MSRP frames of
// each session, the SIP messages of each call): the last itemsPerKey items of at most
// keyLimit keys. A key's oldest item leaves when a new one would pass itemsPerKey; when a new
// key would pass keyLimit, the least recently active key (the one whose last append is the
// oldest) is forgotten, except the key being shown, which a view still reads.
template<typename Key, typename Item>
class BoundedHistory
{
public:
    using Items = std::deque<Item>;

    BoundedHistory(int itemsPerKey, int keyLimit)
        : m_itemsPerKey(itemsPerKey)
        , m_keyLimit(keyLimit)
    {
        Q_ASSERT(itemsPerKey > 0 && keyLimit > 0);
    }

    // Appends `item` to `key`'s history. `keep` is never the key forgotten to make room.
    void append(const Key &key, Item item, const Key &keep = Key())
    {
        auto it = m_entries.find(key);
        if (it == m_entries.end()) {
            if (m_entries.size() >= m_keyLimit)
                forgetQuietest(keep);
            it = m_entries.insert(key, Entry{});
        }
        it->lastActive = ++m_activity;
        it->items.push_back(std::move(item));
        if (it->items.size() > std::size_t(m_itemsPerKey))
            it->items.pop_front();
    }

    // `key`'s items, oldest first; null when none are kept.
    const Items *find(const Key &key) const
    {
        const auto it = m_entries.constFind(key);
        return it == m_entries.constEnd() ? nullptr : &it->items;
    }
    int count(const Key &key) const
    {
        const Items *items = find(key);
        return items ? int(items->size()) : 0;
    }
    bool contains(const Key &key) const { return m_entries.contains(key); }
    int keyCount() const { return int(m_entries.size()); }
    int itemsPerKey() const { return m_itemsPerKey; }
    int keyLimit() const { return m_keyLimit; }
    void clear() { m_entries.clear(); }

private:
    struct Entry
    {
        Items items;
        quint64 lastActive = 0;
    };

    void forgetQuietest(const Key &keep)
    {
        auto quietest = m_entries.end();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
            if (it.key() != keep &&
                (quietest == m_entries.end() || it->lastActive < quietest->lastActive))
                quietest = it;
        if (quietest != m_entries.end())
            m_entries.erase(quietest);
    }

    QHash<Key, Entry> m_entries;
    quint64 m_activity = 0;
    int m_itemsPerKey;
    int m_keyLimit;
};

} // namespace herald::ui
