// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/models/msrptracemodel.h"

#include "engine/msrp/session/msrpendpoint.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QTimer>

#include <algorithm>

namespace herald::ui {

namespace {

// Control characters would break a table cell's single line; the raw pane shows them all.
QString printable(const QByteArray &bytes, qsizetype limit)
{
    QString text = QString::fromUtf8(bytes.left(limit));
    for (QChar &c : text)
        if (c.unicode() < 0x20)
            c = QLatin1Char(' ');
    return text;
}

QString frameName(const msrp::TappedFrame &f)
{
    if (!f.method.isEmpty())
        return f.statusCode
                   ? QStringLiteral("%1 (%2)").arg(QString::fromLatin1(f.method)).arg(f.statusCode)
                   : QString::fromLatin1(f.method);
    return QString::number(f.statusCode);
}

} // namespace

MsrpTraceModel::MsrpTraceModel(msrp::Endpoint &endpoint, QObject *parent)
    : QAbstractTableModel(parent)
    , m_endpoint(&endpoint)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(batchIntervalMs);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &MsrpTraceModel::flush);
}

MsrpTraceModel::~MsrpTraceModel()
{
    setRecording(false);
}

void MsrpTraceModel::setRecording(bool on)
{
    if (!m_endpoint)
        return;
    if (on)
        m_endpoint->setFrameTap(this);
    else if (isRecording())
        m_endpoint->setFrameTap(nullptr);
}

bool MsrpTraceModel::isRecording() const
{
    return m_endpoint && m_endpoint->frameTap() == static_cast<const msrp::FrameTap *>(this);
}

void MsrpTraceModel::onFrame(msrp::TappedFrame &&frame)
{
    if (frame.sessionId.isEmpty())
        return;
    auto shared = std::make_shared<const msrp::TappedFrame>(std::move(frame));
    // The shown session is never the one forgotten to make room.
    m_traces.append(shared->sessionId, shared, m_session);
    if (shared->sessionId == m_session) {
        m_pending.append(std::move(shared));
        // Bounded like the trace: older pending frames would be trimmed at the flush anyway.
        if (m_pending.size() > framesPerSession)
            m_pending.removeFirst();
        if (!m_timer->isActive())
            m_timer->start();
    }
}

void MsrpTraceModel::setSession(const QByteArray &sessionId)
{
    if (sessionId == m_session)
        return;
    beginResetModel();
    m_session = sessionId;
    m_rows.clear();
    m_pending.clear();
    if (const auto *frames = m_traces.find(sessionId))
        m_rows = QList<FramePtr>(frames->begin(), frames->end());
    endResetModel();
}

int MsrpTraceModel::recordedFrames(const QByteArray &sessionId) const
{
    return m_traces.count(sessionId);
}

void MsrpTraceModel::flush()
{
    m_timer->stop();
    if (m_pending.isEmpty())
        return;
    ++m_batches;
    // Oldest rows leave first so that the shown trace never holds more than the recorded one.
    const qsizetype excess = m_rows.size() + m_pending.size() - framesPerSession;
    if (excess > 0) {
        const int drop = int(std::min(excess, m_rows.size()));
        if (drop > 0) {
            beginRemoveRows({}, 0, drop - 1);
            m_rows.remove(0, drop);
            endRemoveRows();
        }
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(m_pending.size()) - 1);
    m_rows.append(m_pending);
    m_pending.clear();
    endInsertRows();
}

int MsrpTraceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MsrpTraceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MsrpTraceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const msrp::TappedFrame &f = *m_rows.at(index.row());
    const bool sent = f.direction == msrp::TappedFrame::Direction::Sent;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Time:
            return f.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case Direction:
            return sent ? tr("→ sent") : tr("← received");
        case Frame:
            return frameName(f);
        case MessageId:
            return f.messageId.isEmpty() ? QStringLiteral("—") : QString::fromLatin1(f.messageId);
        case Body:
            if (f.bodyLength == 0)
                return QStringLiteral("—");
            return f.bodyLength > quint64(f.bodyExcerpt.size())
                       ? tr("%1… (%2 bytes)").arg(printable(f.bodyExcerpt, 80)).arg(f.bodyLength)
                       : printable(f.bodyExcerpt, 80);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
    case RawRole: {
        QString raw = QString::fromUtf8(f.head);
        if (f.bodyLength > 0) {
            raw += QStringLiteral("\n\n") + QString::fromUtf8(f.bodyExcerpt);
            if (f.bodyLength > quint64(f.bodyExcerpt.size()))
                raw += QLatin1Char('\n') + tr("[%1 more bytes not kept]")
                                               .arg(f.bodyLength - quint64(f.bodyExcerpt.size()));
        }
        // The end-line (RFC 4975 §7.1): the transaction-id is the start line's second word.
        const QByteArray transactionId = f.head.split(' ').value(1);
        return QString(raw + QStringLiteral("\n-------") + QString::fromLatin1(transactionId) +
                       QLatin1Char(f.flag));
    }
    case SearchRole:
        return QString(frameName(f) + QLatin1Char(' ') + QString::fromUtf8(f.head) +
                       QLatin1Char(' ') + QString::fromUtf8(f.bodyExcerpt));
    case SentRole:
        return sent;
    case Qt::ForegroundRole:
        if (index.column() == Frame && f.statusCode >= 300)
            return QBrush(QColor(0xb0, 0x20, 0x20)); // an error status stands out
        return {};
    case Qt::FontRole:
        if (index.column() == Frame || index.column() == MessageId) {
            QFont font = QGuiApplication::font();
            font.setFamily(QStringLiteral("monospace"));
            font.setStyleHint(QFont::Monospace);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant MsrpTraceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Direction:
        return tr("Direction");
    case Frame:
        return tr("Frame");
    case MessageId:
        return tr("Message-ID");
    case Body:
        return tr("Body");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace herald::ui
