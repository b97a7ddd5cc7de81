// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sip/serviceurnclass.h"

#include <sofia-sip/sip.h>
#include <sofia-sip/sip_header.h>
#include <sofia-sip/url.h>

#include <QByteArray>
#include <QByteArrayView>

#include <cstdlib>

namespace herald::sip {

namespace {

// The request line is "METHOD SP Request-URI SP SIP-Version" (RFC 3261 §7.1).
bool targetsServiceUrn(const char *line, isize_t length)
{
    const QByteArrayView text(line, qsizetype(length));
    const qsizetype space = text.indexOf(' ');
    if (space < 0)
        return false;
    const QByteArrayView uri = text.sliced(space + 1);
    return uri.size() > 12 && uri.first(12).toByteArray().toLower() == "urn:service:";
}

issize_t parseRequestLine(su_home_t *home, msg_header_t *header, char *line, isize_t length)
{
    // Read before sofia's parser, which splits the text in place.
    const bool serviceUrn = targetsServiceUrn(line, length);
    const issize_t parsed = sip_request_class->hc_parse(home, header, line, length);
    auto *request = reinterpret_cast<sip_request_t *>(header);
    if (parsed >= 0 && serviceUrn && request->rq_url->url_type == url_unknown)
        request->rq_url->url_type = url_im;
    return parsed;
}

} // namespace

ServiceUrnMessageClass::ServiceUrnMessageClass()
    : m_requestLine(*sip_request_class)
{
    m_requestLine.hc_parse = &parseRequestLine;
    m_mclass = msg_mclass_clone(sip_default_mclass(), 0, 0);
    if (m_mclass)
        m_mclass->mc_request->hr_class = &m_requestLine;
}

ServiceUrnMessageClass::~ServiceUrnMessageClass()
{
    // msg_mclass_clone() allocates with malloc() (msg_mclass.c).
    std::free(m_mclass);
}

} // namespace herald::sip
