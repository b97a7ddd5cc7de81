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

} // namespace

void ServiceUrnMessageClass::observeParse(const msg_header_t *header)
{
    // The header was allocated with one of our classes (msg_header_alloc() sets sh_class
    // before hc_parse runs), the first member of an OwnedClass; only those carry our parsers.
    const msg_hclass_t *hc = header ? header->sh_class : nullptr;
    if (!hc || (hc->hc_parse != &parseRequestLine && hc->hc_parse != &parseStatusLine))
        return;
    const auto *owned = reinterpret_cast<const OwnedClass *>(hc);
    if (const ServiceUrnMessageClass *self = owned->owner; self->m_observer)
        self->m_observer(self->m_observerContext);
}

issize_t ServiceUrnMessageClass::parseRequestLine(su_home_t *home, msg_header_t *header, char *line,
                                                  isize_t length)
{
    observeParse(header);
    // Read before sofia's parser, which splits the text in place.
    const bool serviceUrn = targetsServiceUrn(line, length);
    const issize_t parsed = sip_request_class->hc_parse(home, header, line, length);
    auto *request = reinterpret_cast<sip_request_t *>(header);
    if (parsed >= 0 && serviceUrn && request->rq_url->url_type == url_unknown)
        request->rq_url->url_type = url_im;
    return parsed;
}

issize_t ServiceUrnMessageClass::parseStatusLine(su_home_t *home, msg_header_t *header, char *line,
                                                 isize_t length)
{
    observeParse(header);
    return sip_status_class->hc_parse(home, header, line, length);
}

ServiceUrnMessageClass::ServiceUrnMessageClass()
    : m_requestLine{*sip_request_class, this}
    , m_statusLine{*sip_status_class, this}
{
    m_requestLine.hclass.hc_parse = &parseRequestLine;
    m_statusLine.hclass.hc_parse = &parseStatusLine;
    m_mclass = msg_mclass_clone(sip_default_mclass(), 0, 0);
    if (m_mclass) {
        m_mclass->mc_request->hr_class = &m_requestLine.hclass;
        m_mclass->mc_status->hr_class = &m_statusLine.hclass;
    }
}

ServiceUrnMessageClass::~ServiceUrnMessageClass()
{
    // msg_mclass_clone() allocates with malloc() (msg_mclass.c).
    std::free(m_mclass);
}

void ServiceUrnMessageClass::setParseObserver(ParseObserver observer, void *context)
{
    m_observer = observer;
    m_observerContext = context;
}

} // namespace herald::sip
