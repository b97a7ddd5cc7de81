// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// herald-screenshots: `make screenshots` runs it (under Xvfb when it is there) to write the
// README's pictures of the console to a folder. Two engines in this process on loopback: a
// caller texts in to the console's engine, so every table shows real traffic, not mock rows.
// Each call is an NG9-1-1 INVITE as the demo ESRP sends it (urn:service:sos, the caller's
// PIDF-LO and additional data by value), so the caller panel shows location and call data.
// Scenes: the PSAP view with two accepted conversations and a third call waiting (alerting),
// the Lab view with those sessions, and the PSAP view before any call.

#include "app/common/demo/demodeliveryserver.h"
#include "app/common/demo/demoesrp.h"
#include "app/common/demo/demoscenario.h"
#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/service/engine.h"
#include "ui/models/incomingcallsmodel.h"
#include "ui/models/transcriptmodel.h"
#include "ui/widgets/callpanel.h"
#include "ui/widgets/consolelanguage.h"
#include "ui/widgets/consolestyle.h"
#include "ui/widgets/labview.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/placeholdertableview.h"
#include "ui/widgets/psapview.h"
#include "ui/widgets/replyedit.h"
#include "ui/widgets/settingsdialog.h"
#include "ui/widgets/voicemailview.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>

#include <chrono>
#include <cstdio>
#include <functional>

using namespace herald;
using namespace std::chrono_literals;

namespace {

constexpr int waitMs = 10000;

service::EngineConfig loopbackConfig(const QString &user)
{
    service::EngineConfig config;
    config.msrpListenAddress = QHostAddress(QHostAddress::LocalHost);
    config.msrpListenPort = 0;
    config.sip.bindHost = QStringLiteral("127.0.0.1");
    config.sip.port = 0;
    config.sip.identity = QStringLiteral("sip:%1@127.0.0.1").arg(user);
    return config;
}

void say(const QString &line)
{
    const QByteArray bytes = QStringLiteral("herald-screenshots: %1\n").arg(line).toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

// Runs the event loop until `done` holds; false after waitMs.
bool waitFor(const std::function<bool()> &done)
{
    QDeadlineTimer deadline(waitMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

void settle(int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
}

class Scene
{
public:
    Scene()
        : m_console(loopbackConfig(QStringLiteral("psap")), m_clock, m_consoleRandom)
        , m_caller(loopbackConfig(QStringLiteral("esrp")), m_clock, m_callerRandom)
    {}

    bool start(QString *why)
    {
        for (service::Engine *engine : {&m_console, &m_caller})
            if (const auto started = engine->start(); !started) {
                *why = started.error().detail;
                return false;
            }
        m_window = std::make_unique<ui::MainWindow>(m_console);
        m_window->resize(1280, 800);
        m_window->show();
        return waitFor([this] { return m_window->isVisible(); });
    }

    ui::MainWindow &window() { return *m_window; }

    // The demo's scripted caller `script` (its number, location and call data), waiting in
    // the console's queue.
    service::Call *callIn(const app::DemoCallScript &script)
    {
        const service::PlaceCallOptions options = app::emergencyInviteOptions(
            script, ++m_placed,
            "sip:psap@127.0.0.1:" + QByteArray::number(m_console.sipListenPort()));
        const int before = m_window->incomingModel()->rowCount();
        auto placed = m_caller.calls().placeCall(script.serviceUrn, options);
        if (!placed || !waitFor([&] { return m_window->incomingModel()->rowCount() > before; }))
            return nullptr;
        return *placed;
    }

    ui::CallPanel *accept(service::Call *caller)
    {
        service::Call *oldest = m_window->incomingModel()->oldestWaiting();
        if (!oldest)
            return nullptr;
        const auto panel = m_window->acceptCall(oldest->id());
        if (!panel || !waitFor([&] { return caller->state() == service::CallState::Active; }))
            return nullptr;
        return *panel;
    }

    bool callerSays(service::Call *caller, ui::CallPanel *panel, const QString &text)
    {
        const int before = panel->transcriptModel()->rowCount();
        if (!caller->sendText("text/plain;charset=UTF-8", text.toUtf8()))
            return false;
        return waitFor([&] { return panel->transcriptModel()->rowCount() > before; });
    }

    // Types and sends as the call-taker would; waits for the caller's success report.
    bool operatorSays(ui::CallPanel *panel, const QString &text)
    {
        panel->replyEdit()->setPlainText(text);
        if (!panel->sendReply())
            return false;
        ui::TranscriptModel *transcript = panel->transcriptModel();
        const int row = transcript->rowCount() - 1;
        return waitFor([&] {
            return transcript->index(row, 0).data(ui::TranscriptModel::DeliveryStateRole).toInt() ==
                   int(msrp::DeliveryState::Delivered);
        });
    }

    void stop()
    {
        m_window.reset();
        m_caller.stop();
        m_console.stop();
        settle(200);
    }

private:
    SystemClock m_clock;
    SeededRandomSource m_consoleRandom{911};
    SeededRandomSource m_callerRandom{912};
    service::Engine m_console;
    service::Engine m_caller;
    std::unique_ptr<ui::MainWindow> m_window;
    int m_placed = 0;
};

// The screen under Xvfb (what an operator would see), the window alone offscreen.
bool save(QWidget &window, const QString &path)
{
    settle(300); // a repaint round and a batched table update
    QPixmap shot;
    if (QGuiApplication::platformName() != u"offscreen")
        if (QScreen *screen = window.screen())
            shot = screen->grabWindow(0, window.x(), window.y(), window.width(), window.height());
    if (shot.isNull())
        shot = window.grab();
    if (!shot.save(path, "PNG"))
        return false;
    say(QStringLiteral("wrote %1 (%2x%3)").arg(path).arg(shot.width()).arg(shot.height()));
    return true;
}

int fail(const QString &why)
{
    say(QStringLiteral("failed: ") + why);
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("herald-screenshots"));
    QCoreApplication::setOrganizationName(QStringLiteral("Herald"));
    // The operator's own settings (canned phrases) stay out of the pictures.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    const QStringList args = QCoreApplication::arguments();
    const QDir out(args.size() > 1 ? args.at(1) : QStringLiteral("docs/screenshots"));
    // A second argument (es, fr) takes the pictures in that language, named psap-es.png ...
    ui::ConsoleLanguage language(app);
    const QString suffix = args.size() > 2 ? QStringLiteral("-") + args.at(2) : QString();
    if (args.size() > 2 && !language.install(args.at(2)))
        return fail(QStringLiteral("no translation for ") + args.at(2));
    const auto png = [&out, &suffix](const QString &name) {
        return out.filePath(name + suffix + QStringLiteral(".png"));
    };
    if (!QDir().mkpath(out.path()))
        return fail(QStringLiteral("cannot create ") + out.path());
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/herald.svg")));
    ui::applyConsoleStyle(app);

    Scene scene;
    QString why;
    if (!scene.start(&why))
        return fail(why);
    ui::MainWindow &window = scene.window();
    if (!save(window, png(QStringLiteral("psap-idle"))))
        return fail(QStringLiteral("cannot write psap-idle.png"));

    // A conversation in Spanish, then the call in focus: a break-in in progress.
    const QList<app::DemoCallScript> scripts = app::demoScenario();
    service::Call *second = scene.callIn(scripts.at(2));
    ui::CallPanel *secondPanel = second ? scene.accept(second) : nullptr;
    if (!secondPanel ||
        !scene.callerSays(second, secondPanel, QStringLiteral("Mi padre se cayó y no responde")) ||
        !scene.operatorSays(secondPanel,
                            QStringLiteral("Enviamos una ambulancia. ¿Respira? ¿Cuál es su "
                                           "dirección?")) ||
        !scene.callerSays(second, secondPanel,
                          QStringLiteral("Sí respira. Calle Olmo 48, 2º piso")))
        return fail(QStringLiteral("the Spanish call did not go through"));

    service::Call *first = scene.callIn(scripts.at(0));
    ui::CallPanel *panel = first ? scene.accept(first) : nullptr;
    if (!panel ||
        !scene.callerSays(first, panel,
                          QStringLiteral("someone is breaking in my back door. I'm hiding in the "
                                         "bathroom with my daughter")) ||
        !scene.operatorSays(panel, QStringLiteral("Police are on the way. Stay where you are "
                                                  "and keep the door locked.")) ||
        !scene.operatorSays(panel, QStringLiteral("What is your address?")) ||
        !scene.callerSays(first, panel, QStringLiteral("1412 Boylston Ave apt 4B, 2nd floor")) ||
        !scene.callerSays(first, panel, QStringLiteral("he's inside now. I can hear him")))
        return fail(QStringLiteral("the English call did not go through"));
    panel->replyEdit()->setPlainText(QStringLiteral("Officers are 2 minutes away. Stay quiet"));
    // The caller is typing again (RFC 3994): the indicator under the conversation shows it.
    if (!first->setComposing(true) ||
        !waitFor([&] { return !panel->typingIndicator()->text().isEmpty(); }))
        return fail(QStringLiteral("the typing indicator did not show"));

    // A third caller waits: its row flashes. Taken with the flash on.
    if (!scene.callIn(scripts.at(1)))
        return fail(QStringLiteral("the waiting call did not arrive"));
    ui::IncomingCallsModel *queue = window.incomingModel();
    if (!waitFor([&] {
            return queue->index(queue->rowCount() - 1, 0).data(Qt::BackgroundRole).isValid();
        }))
        return fail(QStringLiteral("the waiting row does not flash"));
    window.tabs()->setCurrentWidget(window.psapView());
    if (!save(window, png(QStringLiteral("psap"))))
        return fail(QStringLiteral("cannot write psap.png"));

    window.tabs()->setCurrentWidget(window.labView());
    // The Lab view's details for the English call: its SIP ladder, then its MSRP trace.
    ui::LabView *lab = window.labView();
    lab->sipDialogsView()->setCurrentIndex(lab->sipDialogsView()->model()->index(1, 0));
    if (!save(window, png(QStringLiteral("lab"))))
        return fail(QStringLiteral("cannot write lab.png"));
    lab->msrpSessionsView()->setCurrentIndex(lab->msrpSessionsView()->model()->index(1, 0));
    if (!save(window, png(QStringLiteral("lab-trace"))))
        return fail(QStringLiteral("cannot write lab-trace.png"));

    // The voicemail demo: a recording delivered to the built-in local endpoint.
    SystemClock deliveryClock;
    SeededRandomSource deliveryRandom{5547};
    app::DemoDeliveryServer delivery(deliveryClock, deliveryRandom);
    ui::VoicemailView *voicemail = window.voicemailView();
    voicemail->setLocalEndpoint([&delivery]() -> Result<QByteArray> {
        if (delivery.uri().isEmpty())
            if (auto started = delivery.start(); !started)
                return tl::unexpected(started.error());
        return delivery.uri();
    });
    QObject::connect(&delivery, &app::DemoDeliveryServer::fileReceived, voicemail,
                     &ui::VoicemailView::showReceived);
    QTemporaryDir recordings;
    const QString recording = recordings.filePath(QStringLiteral("voicemail-0412.amr"));
    {
        QFile file(recording);
        if (!file.open(QIODevice::WriteOnly))
            return fail(QStringLiteral("cannot write ") + recording);
        QByteArray amr = QByteArrayLiteral("#!AMR\n");
        for (int i = 0; amr.size() < 600 * 1024; ++i)
            amr += QByteArray(32, char(0x3c + i % 7));
        file.write(amr);
    }
    window.tabs()->setCurrentWidget(voicemail);
    voicemail->fileEdit()->setText(recording);
    bool delivered = false;
    int stored = 0;
    QObject::connect(voicemail, &ui::VoicemailView::transferFinished, voicemail,
                     [&delivered](bool ok) { delivered = ok; });
    QObject::connect(&delivery, &app::DemoDeliveryServer::fileReceived, voicemail,
                     [&stored] { ++stored; });
    if (!voicemail->send() || !waitFor([&] { return delivered && stored > 0; }))
        return fail(QStringLiteral("the voicemail was not delivered"));
    if (!save(window, png(QStringLiteral("voicemail"))))
        return fail(QStringLiteral("cannot write voicemail.png"));

    // The Settings dialog, over a throw-away settings file.
    QSettings settings(recordings.filePath(QStringLiteral("herald.ini")), QSettings::IniFormat);
    window.setSettings(&settings);
    ui::SettingsDialog *dialog = window.openSettings();
    if (!dialog || !waitFor([dialog] { return dialog->isVisible(); }))
        return fail(QStringLiteral("the settings dialog did not open"));
    dialog->adjustSize();
    if (!save(*dialog, png(QStringLiteral("settings"))))
        return fail(QStringLiteral("cannot write settings.png"));
    dialog->close();

    scene.stop();
    return 0;
}
