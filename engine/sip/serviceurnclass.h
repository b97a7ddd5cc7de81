// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

// Private to herald_sip (pulls in sofia-sip).
#include <sofia-sip/msg_mclass.h>
#include <sofia-sip/msg_types.h>

namespace herald::sip {

// sofia's SIP message class with one change, given to the stack as NTATAG_MCLASS so that an
// INVITE to a service URN reaches Herald. sofia's NUA answers 416 to every Request-URI but
// sip:, sips:, tel:, im: and pres: (nua_stack.c, nua_stack_process_request(); no tag turns
// that off), yet an ESRP sends INVITE urn:service:sos to the PSAP with a Route naming it
// (RFC 5031 §4, RFC 6881 §8). The request line parser here marks a urn:service: Request-URI
// as an im: URI for that check only: its text, and what Herald reads from the wire, stay
// "urn:service:...". Other URNs are still refused with 416.
class ServiceUrnMessageClass
{
public:
    ServiceUrnMessageClass();
    ~ServiceUrnMessageClass();
    ServiceUrnMessageClass(const ServiceUrnMessageClass &) = delete;
    ServiceUrnMessageClass &operator=(const ServiceUrnMessageClass &) = delete;

    // Null when sofia could not clone its class (then the stack keeps its own).
    const msg_mclass_t *get() const { return m_mclass; }

    // Called for every request and status line the stack parses with this class, in the
    // stack's thread: how the Agent learns which thread its stack is (sipwiretap.h). Set before
    // the stack starts; it must be cheap.
    using ParseObserver = void (*)(void *context);
    void setParseObserver(ParseObserver observer, void *context);

private:
    // A header class with a way back to its owner (the parse hooks get only the header).
    struct OwnedClass
    {
        struct msg_hclass_s hclass;
        ServiceUrnMessageClass *owner;
    };
    static issize_t parseRequestLine(su_home_t *home, msg_header_t *header, char *line,
                                     isize_t length);
    static issize_t parseStatusLine(su_home_t *home, msg_header_t *header, char *line,
                                    isize_t length);
    static void observeParse(const msg_header_t *header);

    msg_mclass_t *m_mclass = nullptr;
    OwnedClass m_requestLine;
    OwnedClass m_statusLine;
    ParseObserver m_observer = nullptr;
    void *m_observerContext = nullptr;
};

} // namespace herald::sip
