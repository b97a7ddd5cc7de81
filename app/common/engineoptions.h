// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "app/common/commandline.h"
#include "engine/service/engineconfig.h"

namespace herald::service {
class Engine;
}

namespace herald::app {

// The engine configuration both executables build from their shared options.
service::EngineConfig engineConfigFrom(const CommonOptions &options);

// "MSRP listening on 127.0.0.1:2855", "SIP listening on 127.0.0.1:5060 (UDP, TCP)": what a
// started engine tells its operator, one line each.
QStringList listeningLines(const service::Engine &engine);

} // namespace herald::app
