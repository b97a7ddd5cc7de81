// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/store/store.h"

namespace herald::store {

Store::Store(QObject *parent)
    : QObject(parent)
{}

Store::~Store() = default;

} // namespace herald::store
