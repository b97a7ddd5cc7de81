// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/msrptraceview.h"

#include "ui/models/msrptracemodel.h"
#include "ui/widgets/placeholdertableview.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QVBoxLayout>

namespace herald::ui {

MsrpTraceView::MsrpTraceView(MsrpTraceModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_title(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_record(new QCheckBox(tr("Rec&ord frames"), this))
    , m_table(new PlaceholderTableView(this))
    , m_raw(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("msrpTraceView"));
    m_proxy->setSourceModel(model);
    m_proxy->setFilterRole(MsrpTraceModel::SearchRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("traceFilter"));
    m_filter->setPlaceholderText(tr("Filter: method, status, Message-ID or text"));
    m_filter->setAccessibleName(tr("Trace filter"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_record->setChecked(model->isRecording());
    m_record->setToolTip(
        tr("Keep the last %n frames of each session", nullptr, MsrpTraceModel::framesPerSession));
    connect(m_record, &QCheckBox::toggled, model, &MsrpTraceModel::setRecording);

    m_table->setObjectName(QStringLiteral("traceTable"));
    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("MSRP frames"));
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    const int charWidth = fontMetrics().averageCharWidth();
    m_table->setColumnWidth(MsrpTraceModel::Time, charWidth * 17);
    m_table->setColumnWidth(MsrpTraceModel::Direction, charWidth * 13);
    m_table->setColumnWidth(MsrpTraceModel::Frame, charWidth * 14);
    m_table->setColumnWidth(MsrpTraceModel::MessageId, charWidth * 20);
    // The newest frame stays in sight while nothing is selected.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, m_table, [this] {
        if (!m_table->selectionModel()->hasSelection())
            m_table->scrollToBottom();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MsrpTraceView::showSelected);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MsrpTraceView::updateTitle);
    connect(m_proxy, &QAbstractItemModel::modelReset, m_raw, &QPlainTextEdit::clear);

    m_raw->setObjectName(QStringLiteral("traceRaw"));
    m_raw->setReadOnly(true);
    m_raw->setAccessibleName(tr("Selected MSRP frame"));
    m_raw->setPlaceholderText(tr("Select a frame to see it in full"));
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *filterLabel = new QLabel(tr("Filt&er:"), this);
    filterLabel->setBuddy(m_filter);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(filterLabel);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_record);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_table);
    split->addWidget(m_raw);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    updateTitle();
}

void MsrpTraceView::setSession(const QByteArray &sessionId)
{
    m_model->setSession(sessionId);
    updateTitle();
}

void MsrpTraceView::updateTitle()
{
    const QByteArray id = m_model->session();
    m_title->setText(id.isEmpty() ? tr("No session selected")
                                  : tr("Session %1").arg(QString::fromLatin1(id)));
    m_table->setPlaceholderText(id.isEmpty() ? tr("Select an MSRP session to see its frames")
                                : m_model->isRecording()
                                    ? tr("No frames recorded for this session yet")
                                    : tr("Recording is off"));
}

void MsrpTraceView::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    m_raw->setPlainText(current.isValid() ? current.data(MsrpTraceModel::RawRole).toString()
                                          : QString());
}

} // namespace herald::ui
