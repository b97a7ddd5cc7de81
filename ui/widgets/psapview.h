// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/service/call.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace herald::service {
class Engine;
}

namespace herald::ui {

class CallPanel;

// The call-taker's calls: one tab per accepted text call, at most maxCalls live at once
// (NENA guidance: a call-taker handles up to three text conversations). An ended call stays
// until its tab is closed, so its transcript can be read and exported. With no call it
// says how to take one.
class PsapView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int maxCalls = 3;

    explicit PsapView(service::Engine &engine, QWidget *parent = nullptr);

    // Opens a tab for an accepted call and shows it; null when maxCalls calls are live.
    CallPanel *openCall(service::Call &call);
    // Calls whose tab is open and that have not ended.
    int liveCallCount() const;
    bool canTakeCall() const { return liveCallCount() < maxCalls; }
    CallPanel *panelFor(service::Call::Id id) const;
    QList<CallPanel *> panels() const;
    QTabWidget *callTabs() const { return m_tabs; }

Q_SIGNALS:
    void liveCallCountChanged(int count);

private:
    void closeTab(int index);
    void updateTab(CallPanel *panel);
    // Close buttons on ended calls only.
    void refreshCloseButtons();
    void showEmptyStateIfNoTabs();

    service::Engine &m_engine;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_empty = nullptr;
    QTabWidget *m_tabs = nullptr;
};

} // namespace herald::ui
