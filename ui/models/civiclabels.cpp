// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/models/civiclabels.h"

#include <QCoreApplication>

namespace herald::ui {

ng911::CivicLabels translatedCivicLabels()
{
    ng911::CivicLabels labels;
    labels.floor = QCoreApplication::translate("herald::ui::CivicLabels", "Floor %1",
                                               "civic address: the FLR element (RFC 5139)");
    labels.unit = QCoreApplication::translate("herald::ui::CivicLabels", "Unit %1",
                                              "civic address: the UNIT element, an apartment "
                                              "or suite (RFC 5139)");
    labels.room = QCoreApplication::translate("herald::ui::CivicLabels", "Room %1",
                                              "civic address: the ROOM element (RFC 5139)");
    return labels;
}

} // namespace herald::ui
