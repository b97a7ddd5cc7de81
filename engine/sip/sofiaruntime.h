// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

namespace herald::sip {

// sofia-sip keeps process-wide state: su_init()/su_deinit() and the su_log objects. Each
// running Agent holds one SofiaRuntime; the first initialises sofia and redirects its logs into
// the herald.sip.sofia / herald.sip.wire categories, the last one deinitialises sofia. This and
// the routing of sofia's message dump to each Agent's ladder (SipWireTap) are the only
// process-wide state in herald_sip, and they exist because sofia's is.
class SofiaRuntime
{
public:
    SofiaRuntime();
    ~SofiaRuntime();
    SofiaRuntime(const SofiaRuntime &) = delete;
    SofiaRuntime &operator=(const SofiaRuntime &) = delete;
};

} // namespace herald::sip
