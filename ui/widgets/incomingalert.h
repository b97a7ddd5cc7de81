// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QObject>
#include <QUrl>

class QSoundEffect;
class QTimer;
class QWidget;

namespace herald::ui {

class IncomingCallsModel;

// The alert for waiting text calls: a chime from resources/ repeated, the waiting rows
// flashing, and the window's urgency hint (QApplication::alert), from the first waiting call
// until none waits. Without an audio device the sound stays silent and the rest works: a
// PSAP console must never fail to show a call because a speaker is missing.
class IncomingAlert : public QObject
{
    Q_OBJECT

public:
    IncomingAlert(IncomingCallsModel &model, QWidget &window, QObject *parent = nullptr);
    ~IncomingAlert() override;

    bool isActive() const { return m_active; }
    // How many times the flash toggled since the alert began (tests watch it move).
    int flashCount() const { return m_flashes; }
    // Whether the sound was asked to play (it may still be silent without a device).
    bool isSoundRequested() const;
    QUrl soundSource() const { return m_source; }
    void setSoundSource(const QUrl &source);
    void setMuted(bool muted);

Q_SIGNALS:
    void activeChanged(bool active);

private:
    void update(int waiting);
    void flash();

    IncomingCallsModel &m_model;
    QWidget &m_window;
    QSoundEffect *m_sound = nullptr;
    QTimer *m_flashTimer = nullptr;
    QUrl m_source;
    bool m_active = false;
    bool m_muted = false;
    int m_flashes = 0;
};

} // namespace herald::ui
