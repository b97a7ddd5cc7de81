// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/models/statenames.h"

#include <QCoreApplication>

#include <iterator>

namespace herald::ui::StateNames {

namespace {

// One entry per enumerator, in the enum's order ({text, comment}). The comment tells a translator
// which noun the adjective agrees with (es/fr: "la sesión" and "la session" are feminine, "el
// diálogo" and "le dialogue" masculine) and keeps the same English word in two contexts apart.
constexpr Source sessionStates[] = {
    QT_TRANSLATE_NOOP3("herald::ui::StateNames", "Idle", "MSRP session state"),
    QT_TRANSLATE_NOOP3("herald::ui::StateNames", "Connecting", "MSRP session state"),
    QT_TRANSLATE_NOOP3("herald::ui::StateNames", "Waiting", "MSRP session state"),
    QT_TRANSLATE_NOOP3("herald::ui::StateNames", "Active", "MSRP session state"),
    QT_TRANSLATE_NOOP3("herald::ui::StateNames", "Closed", "MSRP session state"),
    QT_TRANSLATE_NOOP3("herald::ui::StateNames", "Failed", "MSRP session state"),
};

constexpr Source callStates[] = {
    QT_TRANSLATE_NOOP3("herald::ui::StateNames", "Offered", "SIP dialog state"),
    QT_TRANSLATE_NOOP3("herald::ui::StateNames", "Ringing", "SIP dialog state"),
    QT_TRANSLATE_NOOP3("herald::ui::StateNames", "Calling", "SIP dialog state"),
    QT_TRANSLATE_NOOP3("herald::ui::StateNames", "Answering", "SIP dialog state"),
    QT_TRANSLATE_NOOP3("herald::ui::StateNames", "Active", "SIP dialog state"),
    QT_TRANSLATE_NOOP3("herald::ui::StateNames", "Ending", "SIP dialog state"),
    QT_TRANSLATE_NOOP3("herald::ui::StateNames", "Ended", "SIP dialog state"),
    QT_TRANSLATE_NOOP3("herald::ui::StateNames", "Failed", "SIP dialog state"),
};

static_assert(std::size(sessionStates) == size_t(msrp::SessionState::Failed) + 1,
              "one name per msrp::SessionState");
static_assert(std::size(callStates) == size_t(service::CallState::Failed) + 1,
              "one name per service::CallState");

template<size_t N>
Source lookup(const Source (&table)[N], int value)
{
    // An enumerator added without a name shows as "?" rather than reading past the table.
    return value >= 0 && size_t(value) < N ? table[value] : Source{"?", ""};
}

QString translate(const Source &source)
{
    return QCoreApplication::translate(context, source.text, source.comment);
}

} // namespace

Source source(msrp::SessionState state)
{
    return lookup(sessionStates, int(state));
}

Source source(service::CallState state)
{
    return lookup(callStates, int(state));
}

QString display(msrp::SessionState state)
{
    return translate(source(state));
}

QString display(service::CallState state)
{
    return translate(source(state));
}

} // namespace herald::ui::StateNames
