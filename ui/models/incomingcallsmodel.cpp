// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/models/incomingcallsmodel.h"

#include "engine/service/engine.h"

namespace herald::ui {

IncomingCallsModel::IncomingCallsModel(service::Engine &engine, QObject *parent)
    : QAbstractTableModel(parent)
    , m_engine(engine)
{}

int IncomingCallsModel::rowCount(const QModelIndex &parent) const
{
    // A flat table: only the invisible root has rows. No call registry exists yet.
    if (parent.isValid())
        return 0;
    Q_UNUSED(m_engine)
    return 0;
}

int IncomingCallsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncomingCallsModel::data(const QModelIndex &index, int role) const
{
    Q_UNUSED(role)
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return {};
}

QVariant IncomingCallsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case Received:
        return tr("Received");
    case Caller:
        return tr("Caller");
    case Location:
        return tr("Location");
    case State:
        return tr("State");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace herald::ui
