// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/ng911/emergencycalldata.h"

#include <QGroupBox>

class QVBoxLayout;

namespace herald::ui {

// The RFC 7852 additional data of a call: one section per block (ProviderInfo, ServiceInfo,
// DeviceInfo, SubscriberInfo, Comment) with its fields under plain names. A block being
// fetched reads "Pending"; one that does not parse reads "Unreadable" with the raw text
// available; one that could not be fetched says why. Each value label is named
// "adr.<Block>.<Field>" (e.g. "adr.DeviceInfo.DeviceModelNr") for tests and accessibility.
class CallDataPanel : public QGroupBox
{
    Q_OBJECT

public:
    explicit CallDataPanel(QWidget *parent = nullptr);

    void setData(const ng911::EmergencyCallData &data);

    // A block's title ("Service provider", "Device", ...) and a field's label ("Model", ...);
    // an unknown field keeps its RFC name.
    static QString blockTitle(ng911::AdditionalDataKind kind);
    static QString fieldLabel(const QString &field);

private:
    QWidget *m_content = nullptr;
    QVBoxLayout *m_layout = nullptr;
};

} // namespace herald::ui
