// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QList>
#include <QString>

namespace herald::service {

class Engine;

// One reason the engine cannot take calls now.
struct HealthProblem
{
    QString check;  // "engine", "store", "msrp", "sip", "shutdown": stable, for scripts
    QString detail; // for the operator
};

// Ready or not, and why not (issue 10 item 3): what /healthz answers.
struct HealthReport
{
    QList<HealthProblem> problems;
    bool ready() const { return problems.isEmpty(); }
};

// Ready means: the engine runs, its store (when one is configured) is open and healthy, MSRP
// and SIP are listening, and no shutdown has begun (a load balancer must stop sending calls
// the moment SIGTERM arrives, not when the process is gone). Pure over the engine's state.
HealthReport evaluateHealth(const Engine &engine, bool shuttingDown);

} // namespace herald::service
