// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/models/transcriptmodel.h"

#include "engine/core/clock.h"
#include "engine/service/call.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace herald::ui {

namespace {

// Later states only: a late "sending" never hides an "acknowledged".
int rank(msrp::DeliveryState state)
{
    switch (state) {
    case msrp::DeliveryState::Queued:
        return 0;
    case msrp::DeliveryState::Sending:
        return 1;
    case msrp::DeliveryState::Acknowledged:
        return 2;
    case msrp::DeliveryState::Delivered:
    case msrp::DeliveryState::Failed:
    case msrp::DeliveryState::Aborted:
        return 3;
    }
    return 0;
}

bool isText(const QByteArray &contentType)
{
    const QByteArray type = contentType.trimmed().toLower();
    return type.isEmpty() || type.startsWith("text/plain");
}

} // namespace

TranscriptModel::TranscriptModel(service::Call &call, Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_call(&call)
    , m_clock(clock)
{
    // textReceived, not messageReceived: typing notices (RFC 3994) and IMDNs (RFC 5438) are
    // not lines of the conversation, and CPIM arrives unwrapped.
    connect(&call, &service::Call::textReceived, this, &TranscriptModel::received);
    connect(&call, &service::Call::deliveryChanged, this, &TranscriptModel::deliveryChanged);
    connect(&call, &service::Call::dispositionChanged, this, &TranscriptModel::dispositionChanged);
}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int TranscriptModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TranscriptModel::deliveryText(const Entry &entry)
{
    return entry.read ? tr("✓✓ Read") : deliveryText(entry.delivery);
}

QString TranscriptModel::deliveryText(msrp::DeliveryState state)
{
    switch (state) {
    case msrp::DeliveryState::Queued:
        return tr("Sending…");
    case msrp::DeliveryState::Sending:
        return tr("✓ Sent");
    case msrp::DeliveryState::Acknowledged:
        return tr("✓✓ Acknowledged");
    case msrp::DeliveryState::Delivered:
        return tr("✓✓ Delivered");
    case msrp::DeliveryState::Failed:
    case msrp::DeliveryState::Aborted:
        return tr("✗ Failed");
    }
    return {};
}

QString TranscriptModel::senderName(bool outgoing)
{
    return outgoing ? tr("Call-taker") : tr("Caller");
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (column) {
        case Time:
            return QLocale().toString(entry.time.toLocalTime().time(), QLocale::LongFormat);
        case Sender:
            return senderName(entry.outgoing);
        case Text:
            return entry.text;
        case Delivery:
            return entry.outgoing ? deliveryText(entry) : QString();
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == Delivery && entry.outgoing) {
            switch (entry.delivery) {
            case msrp::DeliveryState::Queued:
                return tr("Waiting to be sent");
            case msrp::DeliveryState::Sending:
                return tr("Sent to the caller's network");
            case msrp::DeliveryState::Acknowledged:
                return tr("The next hop confirmed it (MSRP 200)");
            case msrp::DeliveryState::Delivered:
                return tr("The caller's device confirmed it (success report)");
            case msrp::DeliveryState::Failed:
            case msrp::DeliveryState::Aborted:
                return tr("Not delivered: resend or call back");
            }
        }
        if (column == Time)
            return QLocale().toString(entry.time.toLocalTime(), QLocale::LongFormat);
        return {};
    case Qt::ForegroundRole:
        if (column == Delivery) {
            switch (entry.delivery) {
            case msrp::DeliveryState::Delivered:
                return QColor(0x1d, 0x6b, 0x3c);
            case msrp::DeliveryState::Failed:
            case msrp::DeliveryState::Aborted:
                return QColor(0xa3, 0x1f, 0x1f);
            default:
                return QColor(0x4a, 0x56, 0x63);
            }
        }
        if (column == Time)
            return QColor(0x4a, 0x56, 0x63);
        return {};
    case Qt::FontRole:
        if (column == Sender || (column == Delivery && rank(entry.delivery) == 3)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        // The caller's texts on a light blue-grey, ours on white: who said what at a glance.
        if (!entry.outgoing)
            return QColor(0xe8, 0xef, 0xf6);
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignTop));
    case OutgoingRole:
        return entry.outgoing;
    case DeliveryStateRole:
        return entry.outgoing ? int(entry.delivery) : -1;
    case MessageIdRole:
        return entry.messageId;
    case TimestampRole:
        return entry.time;
    default:
        return {};
    }
}

QVariant TranscriptModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case Time:
        return tr("Time");
    case Sender:
        return tr("From");
    case Text:
        return tr("Message");
    case Delivery:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

Result<QByteArray> TranscriptModel::send(const QString &text)
{
    if (!m_call)
        return fail(ErrorCode::Conflict, QStringLiteral("The call is over"));
    msrp::SendOptions options;
    options.successReport = true;
    auto sent =
        m_call->sendText(QByteArrayLiteral("text/plain;charset=UTF-8"), text.toUtf8(), options);
    if (!sent)
        return sent;
    Entry entry;
    entry.outgoing = true;
    entry.messageId = *sent;
    entry.time = m_clock.wallNow();
    entry.text = text;
    entry.delivery = m_early.take(*sent);
    append(entry);
    return sent;
}

void TranscriptModel::received(const service::ReceivedText &message)
{
    Entry entry;
    entry.outgoing = false;
    entry.messageId = message.messageId;
    entry.time = m_clock.wallNow();
    if (isText(message.contentType) && message.isReadable())
        entry.text = QString::fromUtf8(message.body);
    else
        entry.text = tr("[%1, %n bytes]", nullptr, int(message.body.size()))
                         .arg(QString::fromUtf8(message.contentType));
    append(entry);
}

void TranscriptModel::deliveryChanged(const msrp::MessageInfo &info)
{
    if (info.outgoing)
        advance(info.messageId, info.state);
}

void TranscriptModel::dispositionChanged(const QByteArray &messageId,
                                         service::Disposition disposition)
{
    switch (disposition) {
    case service::Disposition::Requested:
        return;
    case service::Disposition::Delivered:
        advance(messageId, msrp::DeliveryState::Delivered);
        return;
    case service::Disposition::Failed:
        advance(messageId, msrp::DeliveryState::Failed);
        return;
    case service::Disposition::Displayed:
        // Displayed implies delivered (RFC 5438 §7.2), even if that notice never came.
        advance(messageId, msrp::DeliveryState::Delivered);
        for (int row = 0; row < m_entries.size(); ++row) {
            Entry &entry = m_entries[row];
            if (!entry.outgoing || entry.messageId != messageId || entry.read ||
                entry.delivery != msrp::DeliveryState::Delivered)
                continue;
            entry.read = true;
            Q_EMIT dataChanged(index(row, Delivery), index(row, Delivery));
        }
        return;
    }
}

void TranscriptModel::advance(const QByteArray &messageId, msrp::DeliveryState state)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        Entry &entry = m_entries[row];
        if (!entry.outgoing || entry.messageId != messageId)
            continue;
        if (rank(state) <= rank(entry.delivery) && state != msrp::DeliveryState::Failed)
            return;
        if (rank(entry.delivery) == 3)
            return; // final
        entry.delivery = state;
        Q_EMIT dataChanged(index(row, Delivery), index(row, Delivery));
        return;
    }
    if (rank(state) >= rank(m_early.value(messageId, msrp::DeliveryState::Queued)))
        m_early.insert(messageId, state);
}

void TranscriptModel::append(Entry entry)
{
    const int at = int(m_entries.size());
    beginInsertRows({}, at, at);
    m_entries.append(std::move(entry));
    endInsertRows();
}

} // namespace herald::ui
