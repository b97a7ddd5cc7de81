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
        auto it = m_ladders.find(r.call);
        if (it == m_ladders.end()) {
            if (m_ladders.size() >= callLimit)
                forgetQuietestCall();
            it = m_ladders.insert(r.call, Ladder{});
        }
        it->lastActive = ++m_activity;
        it->messages.push_back(r);
        if (it->messages.size() > std::size_t(messagesPerCall))
            it->messages.pop_front();
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

void SipLadderModel::forgetQuietestCall()
{
    auto quietest = m_ladders.end();
    for (auto it = m_ladders.begin(); it != m_ladders.end(); ++it)
        if (it.key() != m_call &&
            (quietest == m_ladders.end() || it->lastActive < quietest->lastActive))
            quietest = it;
    if (quietest != m_ladders.end())
        m_ladders.erase(quietest);
}

void SipLadderModel::setCall(quint64 call)
{
    if (call == m_call)
        return;
    beginResetModel();
    m_call = call;
    m_rows.clear();
    if (auto it = m_ladders.constFind(call); it != m_ladders.constEnd())
        m_rows = QList<sip::SipMessageRecord>(it->messages.begin(), it->messages.end());
    endResetModel();
}

int SipLadderModel::recordedMessages(quint64 call) const
{
    const auto it = m_ladders.constFind(call);
    return it == m_ladders.constEnd() ? 0 : int(it->messages.size());
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
