// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "app/common/listenaddress.h"
#include "engine/core/result.h"

#include <QList>
#include <QString>

#include <chrono>
#include <functional>

namespace herald::app {

struct CommonOptions;

// One setting of heraldd and herald, known by the same name in three places:
//   INI file        [msrp] listen = 127.0.0.1:2855         key "msrp/listen"
//   command line    --msrp-listen 127.0.0.1:2855            option "msrp-listen"
//   environment     HERALD_MSRP_LISTEN=127.0.0.1:2855       "HERALD_" + option, '-' -> '_'
// Adding a setting is adding one entry to settingTable() (and its field to CommonOptions).
//
// Precedence, lowest first: built-in default < INI file (--config FILE, else $HERALD_CONFIG)
// < HERALD_* environment < command line. Every value given anywhere is checked, even one a
// higher layer overrides: a bad value is refused at start naming where it was and why.
struct Setting
{
    QString key;       // INI "section/name"
    QString option;    // command line, without "--"
    QString valueName; // "ADDRESS:PORT"; empty: a switch (INI and environment: true or false)
    QString help;
    // Checks `value` and stores it; the error's detail says why it was refused.
    std::function<Result<void>(const QString &value, CommonOptions &options)> apply;
    // The option of a setting that may not be given in the same place (--store / --no-store).
    QString excludes = {};
    // --check-config prints it as "(set)" (tokens, passwords).
    bool secret = false;

    bool isSwitch() const { return valueName.isEmpty(); }
    QString environmentName() const;
};

// Every setting, in the order --help and --check-config list them.
const QList<Setting> &settingTable();
const Setting *findSettingByKey(const QString &key);

// Value parsers for table entries; their errors are reasons ("not a number"), the caller
// adds where the value came from.
Result<bool> parseSwitch(const QString &text);
// "30s", "500ms", "2m", "1h"; a bare number is seconds.
Result<std::chrono::milliseconds> parseDuration(const QString &text);
// "1048576", "512K", "10M", "2G" (powers of 1024).
Result<quint64> parseByteSize(const QString &text);
Result<ListenAddress> parseListen(const QString &text);

// Where a setting's effective value came from: for --check-config and for error messages.
struct SettingOrigin
{
    QString key;
    QString value;
    QString origin; // "default", "/etc/herald/heraldd.ini:12", "HERALD_STORE", "--store"
};

} // namespace herald::app
