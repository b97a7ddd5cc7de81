// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msrp/codec/msrpuri.h"

#include <functional>

namespace herald::msrp {

class Connection;
class Endpoint;

// The active side of MSRP (RFC 4975 §5.4: the offerer connects by default; RFC 6135
// a=setup:active): opens an outbound Connection to the first hop of a session's path. Which
// connection to reuse is the endpoint's registry's decision; this only opens new ones.
class Connector
{
public:
    explicit Connector(Endpoint &endpoint)
        : m_endpoint(endpoint)
    {}

    // A new connection, connecting in the background; its sessions bind once it is up, and
    // they fail if it cannot be established. `adopt` runs before the connect starts, so that
    // the caller has registered the connection should the socket report an error at once.
    Connection *open(const Uri &firstHop, const std::function<void(Connection *)> &adopt);

private:
    Endpoint &m_endpoint;
};

} // namespace herald::msrp
