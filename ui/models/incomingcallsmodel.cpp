// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/models/incomingcallsmodel.h"

#include "engine/service/engine.h"
#include "ui/models/civiclabels.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace herald::ui {

namespace {

bool isWaiting(service::CallState state)
{
    return state == service::CallState::Offered || state == service::CallState::Ringing;
}

// The queue's one-line location: the civic address when there is one, else the coordinates
// (RFC 5491), else where a fetch stands. Empty: nothing was received.
QString locationLine(const ng911::EmergencyCallData &data)
{
    if (const ng911::LocationInfo *latest = data.latestLocation()) {
        if (latest->civic && !latest->civic->elements.isEmpty())
            return latest->civic->summary(translatedCivicLabels());
        if (latest->shape) {
            const ng911::GeoPosition &p = latest->shape->centre();
            return QStringLiteral("%1, %2").arg(QLocale().toString(p.latitude, 'f', 5),
                                                QLocale().toString(p.longitude, 'f', 5));
        }
    }
    for (const ng911::LocationEntry &entry : data.locations) {
        if (entry.state == ng911::DataState::Pending)
            return IncomingCallsModel::tr("Pending…");
        if (entry.state == ng911::DataState::Unreadable)
            return IncomingCallsModel::tr("Unreadable");
    }
    return data.locations.isEmpty() ? QString() : IncomingCallsModel::tr("Unavailable");
}

// The addr-spec of a name-addr ("Alice" <sip:alice@example.com>;tag=1 -> sip:alice@...).
QByteArray addrSpec(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    const qsizetype open = trimmed.indexOf('<');
    if (open >= 0) {
        const qsizetype close = trimmed.indexOf('>', open);
        if (close > open)
            return trimmed.mid(open + 1, close - open - 1).trimmed();
    }
    // RFC 3261 §20.10: without angle brackets, parameters after ';' belong to the header.
    const qsizetype semicolon = trimmed.indexOf(';');
    return semicolon >= 0 ? trimmed.first(semicolon) : trimmed;
}

// The user part of a sip:/sips: URI, or the number of a tel: URI; empty otherwise.
QByteArray numberOf(const QByteArray &uri)
{
    const QByteArray spec = addrSpec(uri);
    QByteArray rest;
    if (spec.startsWith("tel:"))
        rest = spec.mid(4);
    else if (spec.startsWith("sip:"))
        rest = spec.mid(4);
    else if (spec.startsWith("sips:"))
        rest = spec.mid(5);
    else
        return {};
    if (spec.startsWith("tel:")) {
        const qsizetype semicolon = rest.indexOf(';');
        return semicolon >= 0 ? rest.first(semicolon) : rest;
    }
    const qsizetype at = rest.indexOf('@');
    if (at <= 0)
        return {};
    QByteArray user = rest.first(at);
    const qsizetype semicolon = user.indexOf(';');
    if (semicolon >= 0)
        user.truncate(semicolon);
    // A callback number is digits with visual separators and an optional leading '+'
    // (RFC 3966 §5.1); a name such as "alice" is not one.
    for (qsizetype i = 0; i < user.size(); ++i) {
        const char c = user.at(i);
        const bool ok = (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '(' || c == ')' ||
                        (c == '+' && i == 0);
        if (!ok)
            return {};
    }
    return user;
}

} // namespace

QString displayUri(const QByteArray &uri)
{
    QByteArray spec = addrSpec(uri);
    for (const char *scheme : {"sips:", "sip:", "tel:"}) {
        if (spec.startsWith(scheme)) {
            spec = spec.mid(qsizetype(qstrlen(scheme)));
            break;
        }
    }
    const qsizetype semicolon = spec.indexOf(';');
    if (semicolon >= 0)
        spec.truncate(semicolon);
    return QString::fromUtf8(spec);
}

QString callbackNumberOf(const service::Call &call)
{
    for (const QByteArray &identity : call.pAssertedIdentity()) {
        const QByteArray number = numberOf(identity);
        if (!number.isEmpty())
            return QString::fromUtf8(number);
    }
    return QString::fromUtf8(numberOf(call.remoteUri()));
}

IncomingCallsModel::IncomingCallsModel(service::Engine &engine, QObject *parent)
    : QAbstractTableModel(parent)
    , m_engine(engine)
{
    connect(&m_engine.calls(), &service::CallManager::callOffered, this,
            &IncomingCallsModel::addCall);
    connect(&m_engine.calls(), &service::CallManager::callEnded, this,
            &IncomingCallsModel::removeCall);
    // Calls offered before the console existed (none in practice: the engine starts after).
    for (service::Call *call : m_engine.calls().calls())
        if (call->direction() == service::CallDirection::Inbound &&
            !service::isFinal(call->state()))
            addCall(call);
}

int IncomingCallsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IncomingCallsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncomingCallsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const bool waiting = isWaiting(row.state);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (static_cast<Column>(index.column())) {
        case Received:
            return QLocale().toString(row.received.toLocalTime().time(), QLocale::ShortFormat);
        case Caller:
            // RFC 6881 §15: a test call must never pass for an emergency.
            return row.test ? tr("%1 (test call)").arg(row.caller) : row.caller;
        case Location:
            return row.location.isEmpty() ? tr("Not provided") : row.location;
        case State:
            return stateText(row.state);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Received)
            return QLocale().toString(row.received.toLocalTime(), QLocale::LongFormat);
        return data(index, Qt::DisplayRole);
    case Qt::BackgroundRole:
        // Amber, not red: urgent without alarming; the flash alternates it with the base.
        if (waiting && m_flashOn)
            return QColor(0xf6, 0xc3, 0x4a);
        if (waiting)
            return QColor(0xfc, 0xe9, 0xb8);
        return {};
    case Qt::ForegroundRole:
        if (waiting)
            return QColor(0x1b, 0x26, 0x33);
        if (index.column() == Location && row.location.isEmpty())
            return QColor(0x6b, 0x77, 0x85);
        return {};
    case Qt::FontRole:
        if (waiting) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case CallIdRole:
        return QVariant::fromValue<quint64>(row.id);
    case WaitingRole:
        return waiting;
    case TestCallRole:
        return row.test;
    default:
        return {};
    }
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

QString IncomingCallsModel::stateText(service::CallState state)
{
    switch (state) {
    case service::CallState::Offered:
    case service::CallState::Ringing:
        return tr("Waiting");
    case service::CallState::Answering:
    case service::CallState::Active:
        return tr("In progress");
    case service::CallState::Ending:
        return tr("Ending");
    case service::CallState::Calling:
    case service::CallState::Ended:
    case service::CallState::Failed:
        return tr("Ended");
    }
    return {};
}

QStringList IncomingCallsModel::stateTexts()
{
    QStringList texts;
    for (auto state : {service::CallState::Offered, service::CallState::Active,
                       service::CallState::Ending, service::CallState::Ended})
        texts.append(stateText(state));
    return texts;
}

int IncomingCallsModel::waitingCount() const
{
    int count = 0;
    for (const Row &row : m_rows)
        count += isWaiting(row.state) ? 1 : 0;
    return count;
}

int IncomingCallsModel::rowOf(service::Call::Id id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

service::Call *IncomingCallsModel::callAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).call.data() : nullptr;
}

service::Call *IncomingCallsModel::oldestWaiting() const
{
    for (const Row &row : m_rows) // rows are in arrival order
        if (isWaiting(row.state) && row.call)
            return row.call.data();
    return nullptr;
}

void IncomingCallsModel::setFlashPhase(bool on)
{
    if (m_flashOn == on)
        return;
    m_flashOn = on;
    if (m_rows.isEmpty() || waitingCount() == 0)
        return;
    Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
                       {Qt::BackgroundRole});
}

void IncomingCallsModel::addCall(service::Call *call)
{
    if (!call || call->direction() != service::CallDirection::Inbound || rowOf(call->id()) >= 0)
        return;
    Row row;
    row.call = call;
    row.id = call->id();
    row.received = m_engine.clock().wallNow();
    const QString number = callbackNumberOf(*call);
    row.caller = number.isEmpty() ? displayUri(call->remoteUri()) : number;
    row.state = call->state();
    row.location = locationLine(call->emergencyData());
    row.test = call->emergencyData().service.isTest();
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(row);
    endInsertRows();
    const service::Call::Id id = call->id();
    connect(call, &service::Call::stateChanged, this,
            [this, id](service::CallState state) { updateState(id, state); });
    connect(call, &service::Call::emergencyDataChanged, this, [this, id, call] {
        const int at = rowOf(id);
        if (at < 0)
            return;
        m_rows[at].location = locationLine(call->emergencyData());
        Q_EMIT dataChanged(index(at, Location), index(at, Location));
    });
    emitWaitingIfChanged();
}

void IncomingCallsModel::removeCall(service::Call *call)
{
    const int at = call ? rowOf(call->id()) : -1;
    if (at < 0)
        return;
    beginRemoveRows({}, at, at);
    m_rows.removeAt(at);
    endRemoveRows();
    emitWaitingIfChanged();
}

void IncomingCallsModel::updateState(service::Call::Id id, service::CallState state)
{
    const int at = rowOf(id);
    if (at < 0)
        return;
    m_rows[at].state = state;
    Q_EMIT dataChanged(index(at, 0), index(at, ColumnCount - 1));
    emitWaitingIfChanged();
}

void IncomingCallsModel::emitWaitingIfChanged()
{
    const int waiting = waitingCount();
    if (waiting == m_lastWaiting)
        return;
    m_lastWaiting = waiting;
    Q_EMIT waitingCountChanged(waiting);
}

} // namespace herald::ui
