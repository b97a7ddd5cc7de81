// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/ng911/emergencycalldata.h"

#include <QGroupBox>

class QFormLayout;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QToolButton;

namespace herald::ui {

// Where the caller is, as the call's PIDF-LO documents say (RFC 4119, RFC 5491, RFC 5139):
// the latest location first (coordinates, uncertainty and confidence, civic address, method,
// provider, time), the earlier ones listed below it. A location still being fetched by
// reference reads "Pending"; one that does not parse reads "Unreadable" with its raw text a
// click away (issue #9: never a blank). Holds no protocol state: setData() shows a snapshot.
class LocationPanel : public QGroupBox
{
    Q_OBJECT

public:
    explicit LocationPanel(QWidget *parent = nullptr);

    void setData(const ng911::EmergencyCallData &data);

    // What a call-taker reads out: "32.86726° N, 97.16054° W"; "±50 m"; the civic summary.
    static QString coordinatesText(const ng911::GeoPosition &position);
    static QString uncertaintyText(const ng911::GeoShape &shape);
    static QString summaryText(const ng911::LocationInfo &location);

private:
    void setRow(QLabel *label, const QString &text);

    QLabel *m_status = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_coordinates = nullptr;
    QLabel *m_uncertainty = nullptr;
    QLabel *m_confidence = nullptr;
    QLabel *m_civic = nullptr;
    QLabel *m_method = nullptr;
    QLabel *m_providedBy = nullptr;
    QLabel *m_timestamp = nullptr;
    QToolButton *m_rawButton = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    QLabel *m_historyTitle = nullptr;
    QListWidget *m_history = nullptr;
};

} // namespace herald::ui
