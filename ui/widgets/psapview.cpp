// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/psapview.h"

#include "ui/widgets/callpanel.h"
#include "ui/widgets/replyedit.h"

#include <QLabel>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace herald::ui {

PsapView::PsapView(service::Engine &engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("psapView"));

    m_empty = new QWidget(this);
    m_empty->setObjectName(QStringLiteral("psapEmptyState"));
    auto *title = new QLabel(tr("No text call in progress"), m_empty);
    title->setObjectName(QStringLiteral("viewTitle"));
    title->setAlignment(Qt::AlignCenter);
    auto *hint = new QLabel(tr("Waiting calls appear in the Incoming texts queue with a chime "
                               "and a flashing row.\nSelect one and press Enter (or Accept) "
                               "to answer it. Up to %1 calls can be open at once.")
                                .arg(maxCalls),
                            m_empty);
    hint->setObjectName(QStringLiteral("psapEmptyHint"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *emptyLayout = new QVBoxLayout(m_empty);
    emptyLayout->addStretch(2);
    emptyLayout->addWidget(title);
    emptyLayout->addSpacing(8);
    emptyLayout->addWidget(hint);
    emptyLayout->addStretch(3);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("callTabs"));
    m_tabs->setAccessibleName(tr("Text calls"));
    m_tabs->setTabsClosable(false);
    m_tabs->setMovable(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &PsapView::closeTab);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_tabs);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);
}

CallPanel *PsapView::openCall(service::Call &call)
{
    if (CallPanel *existing = panelFor(call.id())) {
        m_tabs->setCurrentWidget(existing);
        return existing;
    }
    if (!canTakeCall())
        return nullptr;
    auto *panel = new CallPanel(m_engine, call, m_tabs);
    const int index = m_tabs->addTab(panel, panel->callerText());
    m_tabs->setTabToolTip(index, tr("Text call from %1").arg(panel->callerText()));
    connect(panel, &CallPanel::ended, this, [this, panel] {
        updateTab(panel);
        Q_EMIT liveCallCountChanged(liveCallCount());
    });
    m_stack->setCurrentWidget(m_tabs);
    m_tabs->setCurrentIndex(index);
    panel->replyEdit()->setFocus(Qt::OtherFocusReason);
    refreshCloseButtons();
    Q_EMIT liveCallCountChanged(liveCallCount());
    return panel;
}

int PsapView::liveCallCount() const
{
    int live = 0;
    for (CallPanel *panel : panels())
        live += panel->isEnded() ? 0 : 1;
    return live;
}

CallPanel *PsapView::panelFor(service::Call::Id id) const
{
    for (CallPanel *panel : panels())
        if (panel->callId() == id)
            return panel;
    return nullptr;
}

QList<CallPanel *> PsapView::panels() const
{
    QList<CallPanel *> result;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *panel = qobject_cast<CallPanel *>(m_tabs->widget(i)))
            result.append(panel);
    return result;
}

void PsapView::updateTab(CallPanel *panel)
{
    const int index = m_tabs->indexOf(panel);
    if (index < 0)
        return;
    // Only an ended call can be closed: a live conversation is never lost by a stray click.
    m_tabs->setTabText(index, tr("%1 (ended)").arg(panel->callerText()));
    refreshCloseButtons();
}

void PsapView::refreshCloseButtons()
{
    bool anyEnded = false;
    for (CallPanel *panel : panels())
        anyEnded = anyEnded || panel->isEnded();
    m_tabs->setTabsClosable(anyEnded);
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *other = qobject_cast<CallPanel *>(m_tabs->widget(i));
        const bool closable = other && other->isEnded();
        for (auto side : {QTabBar::RightSide, QTabBar::LeftSide})
            if (QWidget *button = m_tabs->tabBar()->tabButton(i, side))
                button->setVisible(closable);
    }
}

void PsapView::closeTab(int index)
{
    auto *panel = qobject_cast<CallPanel *>(m_tabs->widget(index));
    if (!panel || !panel->isEnded())
        return;
    m_tabs->removeTab(index);
    panel->deleteLater();
    showEmptyStateIfNoTabs();
}

void PsapView::showEmptyStateIfNoTabs()
{
    refreshCloseButtons();
    if (m_tabs->count() == 0)
        m_stack->setCurrentWidget(m_empty);
}

} // namespace herald::ui
