// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/models/labtablemodel.h"

#include "engine/service/engine.h"

namespace herald::ui {

LabTableModel::LabTableModel(Table table, service::Engine &engine, QObject *parent)
    : QAbstractTableModel(parent)
    , m_table(table)
    , m_engine(engine)
    , m_headers(headersFor(table))
{}

QStringList LabTableModel::headersFor(Table table)
{
    switch (table) {
    case Table::SipDialogs:
        return {tr("Call-ID"), tr("Local URI"), tr("Remote URI"), tr("State"), tr("Started")};
    case Table::MsrpSessions:
        // RFC 4975 §6: a session is named by the session-id in its URIs.
        return {tr("Session"), tr("Local path"), tr("Remote path"), tr("Messages"), tr("Bytes")};
    case Table::TcpConnections:
        return {tr("Local"), tr("Remote"), tr("Sessions"), tr("Bytes in"), tr("Bytes out")};
    }
    return {};
}

int LabTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    Q_UNUSED(m_engine) // the registries this model will read are not there yet
    return 0;
}

int LabTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_headers.size());
}

QVariant LabTableModel::data(const QModelIndex &index, int role) const
{
    Q_UNUSED(role)
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return {};
}

QVariant LabTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section < 0 || section >= m_headers.size())
        return {};
    return m_headers.at(section);
}

} // namespace herald::ui
