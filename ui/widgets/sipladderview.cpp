// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/sipladderview.h"

#include "ui/models/sipladdermodel.h"
#include "ui/widgets/sipladderdelegate.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedLayout>
#include <QVBoxLayout>

namespace herald::ui {

namespace {

// The names over the two lifelines, placed where SipLadderDelegate draws them.
class LaneHeader : public QWidget
{
public:
    LaneHeader(QListView *ladder, QWidget *parent)
        : QWidget(parent)
        , m_ladder(ladder)
    {
        setFixedHeight(fontMetrics().height() + 8);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        // The viewport's geometry, so that the names sit over the lifelines.
        const QRect row(m_ladder->viewport()->x(), 0, m_ladder->viewport()->width(), height());
        const SipLadderDelegate::Lanes lane = SipLadderDelegate::lanes(row, fontMetrics());
        const int half = std::max(40, (lane.peer - lane.herald) / 2 - 4);
        painter.drawText(QRect(lane.herald - half / 2, 0, half, height()), Qt::AlignCenter,
                         SipLadderView::tr("Herald"));
        painter.drawText(QRect(lane.peer - half / 2, 0, half, height()), Qt::AlignCenter,
                         SipLadderView::tr("Peer"));
    }

private:
    QListView *m_ladder;
};

} // namespace

SipLadderView::SipLadderView(SipLadderModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_record(new QCheckBox(tr("Record messa&ges"), this))
    , m_ladder(new QListView(this))
    , m_empty(new QLabel(this))
    , m_raw(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("sipLadderView"));
    m_record->setChecked(model->isRecording());
    m_record->setToolTip(
        tr("Keep the last %n messages of each dialog", nullptr, SipLadderModel::messagesPerCall));
    connect(m_record, &QCheckBox::toggled, model, &SipLadderModel::setRecording);

    m_ladder->setObjectName(QStringLiteral("ladder"));
    m_ladder->setModel(model);
    m_ladder->setModelColumn(SipLadderModel::Message);
    m_ladder->setItemDelegate(new SipLadderDelegate(m_ladder));
    m_ladder->setUniformItemSizes(true);
    m_ladder->setAccessibleName(tr("SIP ladder"));
    m_ladder->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_ladder->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SipLadderView::showSelected);
    connect(model, &QAbstractItemModel::modelReset, m_raw, &QPlainTextEdit::clear);
    connect(model, &QAbstractItemModel::modelReset, this, &SipLadderView::updateEmptyState);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        updateEmptyState();
        if (!m_ladder->selectionModel()->hasSelection())
            m_ladder->scrollToBottom();
    });

    m_empty->setObjectName(QStringLiteral("ladderEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_raw->setObjectName(QStringLiteral("ladderRaw"));
    m_raw->setReadOnly(true);
    m_raw->setAccessibleName(tr("Selected SIP message"));
    m_raw->setPlaceholderText(tr("Select a message to see it in full"));
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(m_record);

    // The ladder, or a sentence saying why there is none.
    auto *ladderPane = new QWidget(this);
    auto *stack = new QStackedLayout;
    auto *ladderWithHeader = new QWidget(ladderPane);
    auto *ladderLayout = new QVBoxLayout(ladderWithHeader);
    ladderLayout->setContentsMargins(0, 0, 0, 0);
    ladderLayout->setSpacing(0);
    ladderLayout->addWidget(new LaneHeader(m_ladder, ladderWithHeader));
    ladderLayout->addWidget(m_ladder, 1);
    stack->addWidget(m_empty);
    stack->addWidget(ladderWithHeader);
    ladderPane->setLayout(stack);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(ladderPane);
    split->addWidget(m_raw);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    m_title->setText(tr("No dialog selected"));
    updateEmptyState();
}

void SipLadderView::setCall(quint64 call, const QString &title)
{
    m_model->setCall(call);
    m_title->setText(call ? title : tr("No dialog selected"));
    updateEmptyState();
}

void SipLadderView::updateEmptyState()
{
    auto *stack = static_cast<QStackedLayout *>(m_empty->parentWidget()->layout());
    const bool empty = m_model->rowCount() == 0;
    m_empty->setText(m_model->call() == 0     ? tr("Select a SIP dialog to see its ladder")
                     : m_model->isRecording() ? tr("No messages recorded for this dialog yet")
                                              : tr("Recording is off"));
    stack->setCurrentIndex(empty ? 0 : 1);
}

void SipLadderView::showSelected()
{
    const QModelIndex current = m_ladder->currentIndex();
    m_raw->setPlainText(current.isValid() ? current.data(SipLadderModel::RawRole).toString()
                                          : QString());
}

} // namespace herald::ui
