// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

// What the MSML and file-delivery tests share (tst_msmlcontrol, tst_voicemail,
// tst_filetransfer): an Engine configured for loopback (enginetestsupport.h), and an application
// server that opens a control dialog, sends MSML scripts in INFO and collects the events Herald
// reports. Header only: each test that includes it links herald_service already.

#include "engine/msml/msmlparser.h"
#include "engine/service/engine.h"
#include "tests/support/enginetestsupport.h"

#include <QList>
#include <QSignalSpy>
#include <QString>
#include <QTest>

#include <chrono>

namespace herald::test {

// The value of `name` in an MSML event's name/value pairs; "<absent>" when it is not there, so
// a comparison failure shows which.
inline QString msmlValue(const msml::EventDocument &event, const QString &name)
{
    for (const auto &[n, v] : event.values)
        if (n == name)
            return v;
    return QStringLiteral("<absent>");
}

// The application server's side of MSML control over an engine of its own: every INFO that
// arrives (an MSML event) is parsed into `events`, in arrival order, and answered 200.
class MsmlAppServer
{
public:
    explicit MsmlAppServer(service::Engine &engine, int waitMs = 20000)
        : m_engine(engine)
        , m_waitMs(waitMs)
    {
        QObject::connect(&engine.sip(), &sip::Agent::incomingInfo, &engine.sip(),
                         [this](sip::CallId, sip::RequestId request, const QByteArray &,
                                const QByteArray &body, const sip::IncomingRequest &) {
                             auto parsed = msml::Parser().parse(body);
                             QVERIFY2(parsed && parsed->isEvent(), body.constData());
                             events.append(*parsed->event());
                             QVERIFY(m_engine.sip().respondInfo(request, 200));
                         });
    }

    // INVITEs `target` without SDP (a control-only dialog); 0 unless it was answered. The
    // answer's body is kept in answerBody.
    sip::CallId openControl(const QByteArray &target)
    {
        QSignalSpy answered(&m_engine.sip(), &sip::Agent::callAnswered);
        auto id = m_engine.sip().invite(target, {});
        if (!id || !answered.wait(m_waitMs))
            return 0;
        answerBody = answered.first().at(1).toByteArray();
        control = *id;
        return *id;
    }

    // Sends `script` in an INFO on the control dialog; the <result> of its 200, or a 500
    // result saying what went wrong instead.
    msml::ResultDocument sendScript(const QByteArray &script)
    {
        const auto failed = [](const char *why) {
            return msml::ResultDocument::error(msml::ResponseCode::InternalError,
                                               QString::fromLatin1(why));
        };
        QSignalSpy response(&m_engine.sip(), &sip::Agent::infoResponse);
        if (!m_engine.sip().info(control, "application/msml+xml", script) ||
            !response.wait(m_waitMs))
            return failed("no response");
        const auto r = response.first().at(2).value<sip::SipResponse>();
        if (r.status != 200 || !r.contentType.startsWith("application/msml+xml"))
            return failed("SIP status");
        auto parsed = msml::Parser().parse(r.body);
        if (!parsed || !parsed->isResult())
            return failed("no result");
        return *parsed->result();
    }

    QList<msml::EventDocument> events;
    sip::CallId control = 0;
    QByteArray answerBody;

private:
    service::Engine &m_engine;
    int m_waitMs;
};

// DESIGN.md §1's voicemail transfer script: one fileobj from `src` to `answerer` (a SIP URI),
// delete="true", reporting transfer.objectdone and TransferEnd. The extras are attributes
// added to the fileobj and the transfer elements (" retry=\"1\"").
inline QByteArray voicemailScript(const QString &src, const QString &answerer,
                                  const QString &fileobjExtra = {},
                                  const QString &transferExtra = {})
{
    // Plain literals: moc, which reads this header with the test's, trips over raw strings.
    return QStringLiteral(
               "<msml version=\"1.1\">\n"
               "  <dialogstart name=\"12345\" target=\"conn:abc\" type=\"application/moml+xml\">\n"
               "    <transfer id=\"transfer\"%4>\n"
               "      <fileobj objid=\"vm1\" src=\"%1\" contenttype=\"audio/amr\" delete=\"true\" "
               "append=\"false\"%3\n"
               "               dest=\"xmsrp://?offerer=sip:msml@127.0.0.1;answerer=&lt;%2&gt;;"
               "file=/inbox/msg1.amr\"/>\n"
               "      <transferobjdone>\n"
               "        <send event=\"transfer.objectdone\" namelist=\"transfer.objid "
               "transfer.duration\" target=\"source\"/>\n"
               "      </transferobjdone>\n"
               "      <transferstart/>\n"
               "      <transferexit>\n"
               "        <send event=\"TransferEnd\" namelist=\"transfer.duration transfer.end\" "
               "target=\"source\"/>\n"
               "      </transferexit>\n"
               "    </transfer>\n"
               "  </dialogstart>\n"
               "</msml>\n")
        .arg(src, answerer, fileobjExtra, transferExtra)
        .toUtf8();
}

} // namespace herald::test
