// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/service/enginehealth.h"

#include "engine/service/engine.h"

namespace herald::service {

HealthReport evaluateHealth(const Engine &engine, bool shuttingDown)
{
    HealthReport report;
    const auto problem = [&report](const char *check, const QString &detail) {
        report.problems.append({QString::fromLatin1(check), detail});
    };
    if (shuttingDown)
        problem("shutdown", QStringLiteral("shutting down: no new calls are accepted"));
    if (!engine.isRunning()) {
        problem("engine", QStringLiteral("the engine is not running"));
        return report;
    }
    if (!engine.config().storePath.isEmpty()) {
        const store::Store *store = engine.store();
        if (!store) {
            problem("store", QStringLiteral("store unavailable: not open"));
        } else if (!store->healthy()) {
            const auto error = store->lastError();
            problem("store", QStringLiteral("store unavailable: ") +
                                 (error ? error->detail : QStringLiteral("not open")));
        }
    }
    if (engine.msrpListenPort() == 0)
        problem("msrp", QStringLiteral("MSRP is not listening"));
    if (engine.sipListenPort() == 0)
        problem("sip", QStringLiteral("SIP is not listening"));
    return report;
}

} // namespace herald::service
