// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/incomingalert.h"

#include "ui/models/incomingcallsmodel.h"

#include <QApplication>
#include <QSoundEffect>
#include <QTimer>
#include <QWidget>

namespace herald::ui {

namespace {
// Slow enough to read the row while it flashes (and far below the 3 Hz seizure threshold
// of WCAG 2.3.1).
constexpr int flashIntervalMs = 600;
} // namespace

IncomingAlert::IncomingAlert(IncomingCallsModel &model, QWidget &window, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_window(window)
    , m_sound(new QSoundEffect(this))
    , m_flashTimer(new QTimer(this))
{
    m_sound->setLoopCount(QSoundEffect::Infinite);
    m_sound->setVolume(0.8f);
    setSoundSource(QUrl(QStringLiteral("qrc:/sounds/incoming-call.wav")));
    m_flashTimer->setInterval(flashIntervalMs);
    connect(m_flashTimer, &QTimer::timeout, this, &IncomingAlert::flash);
    connect(&m_model, &IncomingCallsModel::waitingCountChanged, this, &IncomingAlert::update);
    update(m_model.waitingCount());
}

IncomingAlert::~IncomingAlert()
{
    m_sound->stop();
}

bool IncomingAlert::isSoundRequested() const
{
    return m_active && !m_muted;
}

void IncomingAlert::setSoundSource(const QUrl &source)
{
    m_source = source;
    m_sound->setSource(source);
}

void IncomingAlert::setMuted(bool muted)
{
    m_muted = muted;
    if (muted)
        m_sound->stop();
    else if (m_active)
        m_sound->play();
}

void IncomingAlert::update(int waiting)
{
    const bool active = waiting > 0;
    if (active == m_active) {
        if (active) // one more call: ask for attention again
            QApplication::alert(&m_window, 0);
        return;
    }
    m_active = active;
    if (active) {
        m_flashes = 0;
        m_flashTimer->start();
        flash();
        if (!m_muted)
            m_sound->play();
        // 0: until the window is activated.
        QApplication::alert(&m_window, 0);
    } else {
        m_flashTimer->stop();
        m_sound->stop();
        m_model.setFlashPhase(false);
    }
    Q_EMIT activeChanged(active);
}

void IncomingAlert::flash()
{
    ++m_flashes;
    m_model.setFlashPhase(!m_model.flashPhase());
}

} // namespace herald::ui
