// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msrp/session/msrptypes.h"
#include "engine/service/callstatemachine.h"

#include <QString>

namespace herald::ui {

// What the console shows for an engine state. The engine's enum key names ("Active",
// "Ringing") stay for logs and JSON; these are the operator's words, translated (DESIGN.md
// §6: the engine speaks English codes, the UI translates). Each table below is marked with
// QT_TRANSLATE_NOOP3 so lupdate, and with it tst_translations, sees every state.
namespace StateNames {

// The translation context of every state name (herald_*.ts).
inline constexpr char context[] = "herald::ui::StateNames";

// The untranslated source text and disambiguating comment of a state, as lupdate lists
// them (tests check that each has a translation).
struct Source
{
    const char *text;
    const char *comment;
};
Source source(msrp::SessionState state);
Source source(service::CallState state);

// The state in the console's language.
QString display(msrp::SessionState state);
QString display(service::CallState state);

} // namespace StateNames

} // namespace herald::ui
