// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/models/sipladdermodel.h"

#include "engine/sip/agent.h"

#include <QBrush>
#include <QColor>

namespace herald::ui {

SipLadderModel::SipLadderModel(sip::Agent &agent, QObject *parent)
    : QAbstractTableModel(parent)
    , m_agent(&agent)
{
    connect(&agent, &sip::Agent::messagesRecorded, this, &SipLadderModel::add);
}

SipLadderModel::~SipLadderModel()
{
    setRecording(false);
}

void SipLadderModel::setRecording(bool on)
{
    if (m_agent)
        m_agent->setMessageRecording(on);
}

bool SipLadderModel::isRecording() const
{
    return m_agent && m_agent->isRecordingMessages();
}

void SipLadderModel::add(const QList<sip::SipMessageRecord> &records)
{
    QList<sip::SipMessageRecord> shown;
    for (const sip::SipMessageRecord &r : records) {
        m_ladders.append(r.call, r, m_call); // the ladder on screen is never forgotten
        if (r.call == m_call)
            shown.append(r);
    }
    if (shown.isEmpty())
        return;
    // One batch, one insertion (and one removal at the top once the ladder is full).
    const qsizetype excess = m_rows.size() + shown.size() - messagesPerCall;
    if (excess > 0) {
        const int drop = int(std::min(excess, m_rows.size()));
        if (drop > 0) {
            beginRemoveRows({}, 0, drop - 1);
            m_rows.remove(0, drop);
            endRemoveRows();
        }
        if (shown.size() > messagesPerCall)
            shown = shown.mid(shown.size() - messagesPerCall);
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(shown.size()) - 1);
    m_rows.append(shown);
    endInsertRows();
}

void SipLadderModel::setCall(quint64 call)
{
    if (call == m_call)
        return;
    beginResetModel();
    m_call = call;
    m_rows.clear();
    if (const auto *messages = m_ladders.find(call))
        m_rows = QList<sip::SipMessageRecord>(messages->begin(), messages->end());
    endResetModel();
}

int SipLadderModel::recordedMessages(quint64 call) const
{
    return m_ladders.count(call);
}

int SipLadderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SipLadderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SipLadderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const sip::SipMessageRecord &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Time:
            return r.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case Direction:
            return r.sent ? tr("→ sent") : tr("← received");
        case Message:
            return QString::fromUtf8(r.startLine);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole: {
        // "udp 127.0.0.1:5062": where it went or came from (not translated: an address).
        const QString where = QString::fromLatin1(r.transport + ' ' + r.peer);
        return r.byStack ? tr("Sent by the SIP stack on its own") + u'\n' + where : where;
    }
    case SentRole:
        return r.sent;
    case RequestRole:
        return r.request;
    case MethodRole:
        return QString::fromLatin1(r.method);
    case StatusRole:
        return r.status;
    case ByStackRole:
        return r.byStack;
    case RawRole:
        return QString::fromUtf8(r.raw);
    case Qt::ForegroundRole:
        if (!r.request && r.status >= 300)
            return QBrush(QColor(0xb0, 0x20, 0x20)); // a failure stands out
        return {};
    default:
        return {};
    }
}

QVariant SipLadderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Direction:
        return tr("Direction");
    case Message:
        return tr("Message");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace herald::ui
