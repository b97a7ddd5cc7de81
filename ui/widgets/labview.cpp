// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/labview.h"

#include "engine/service/engine.h"
#include "ui/models/msrpsessionsmodel.h"
#include "ui/models/msrptracemodel.h"
#include "ui/models/sipdialogsmodel.h"
#include "ui/models/sipladdermodel.h"
#include "ui/models/tcpconnectionsmodel.h"
#include "ui/widgets/msrptraceview.h"
#include "ui/widgets/placeholdertableview.h"
#include "ui/widgets/progressdelegate.h"
#include "ui/widgets/sipladderview.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSet>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace herald::ui {

namespace {

// Identifiers (random ids, URIs) are shown up to this many average characters, their middle
// elided (the full text is the cell's tooltip); never narrower than minimumChars.
constexpr int identifierChars = 17;
constexpr int minimumChars = 6;
// The last column (the transfer's progress bar, the pending count) stretches over what is
// left, but keeps its contents' width up to this much, so a bar and its "91 bytes of 191
// bytes" stay readable.
constexpr int lastColumnChars = 24;
// When even headers do not fit (long translations), columns give way down to this.
constexpr int squeezedChars = 4;
// Rows each table (SIP dialogs, MSRP sessions, TCP connections: the last rarely has more
// than one, connections are shared by sessions) shows before the details pane takes the
// rest of the height.
constexpr int tableRowsShown[] = {2, 2, 1};
// The SIP ladder's messages the details pane is sized for, when the window allows.
constexpr int ladderRungsWanted = 10;

// Keeps every column of a live table inside its viewport: columns follow their contents
// (the header's text counts too), and when the table is narrower than that, identifiers are
// shrunk first (elided in the middle), then the other columns, so no column hides behind a
// horizontal scrollbar. The last column stretches over the rest. Refitted when rows change
// (once per batched round of the live models) and when the viewport is resized; a column
// the user resized by hand keeps its width.
class ColumnFitter : public QObject
{
public:
    ColumnFitter(QTableView *view, QList<int> identifierColumns, int lastChars = lastColumnChars)
        : QObject(view)
        , m_view(view)
        , m_identifiers(std::move(identifierColumns))
        , m_lastChars(lastChars)
    {
        QHeaderView *header = view->horizontalHeader();
        // A stretched last section never shrinks below the width it had when the stretch was
        // set: that width is its header's, so that the columns before it can be fitted.
        header->setStretchLastSection(false);
        header->setSectionResizeMode(QHeaderView::Interactive);
        if (const int last = header->count() - 1; last >= 0)
            header->resizeSection(last, header->sectionSizeHint(last));
        header->setStretchLastSection(true);
        // Only the rows in sight are measured (by default QTableView measures up to a thousand
        // more: 160 ms per fit with 1,000 sessions); scrolling brings others into the measure.
        header->setResizeContentsPrecision(0);
        view->setTextElideMode(Qt::ElideMiddle);
        view->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        view->viewport()->installEventFilter(this);
        view->installEventFilter(this);
        connect(header, &QHeaderView::sectionResized, this, [this](int section) {
            // Only a drag of the header's handle counts (a model reset also resizes sections).
            if (!m_applying && QGuiApplication::mouseButtons() != Qt::NoButton &&
                section + 1 < m_view->model()->columnCount())
                m_userSized.insert(section);
        });
        // Rows come in bursts (fifty sessions in a turn of the event loop): one fit per turn.
        m_timer.setSingleShot(true);
        m_timer.setInterval(0);
        connect(&m_timer, &QTimer::timeout, this, &ColumnFitter::fit);
        QAbstractItemModel *model = view->model();
        const auto later = [this] { m_timer.start(); };
        connect(model, &QAbstractItemModel::rowsInserted, this, later);
        connect(model, &QAbstractItemModel::rowsRemoved, this, later);
        connect(model, &QAbstractItemModel::dataChanged, this, later);
        connect(model, &QAbstractItemModel::modelReset, this, later);
        connect(model, &QAbstractItemModel::layoutChanged, this, later);
        connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, later);
    }

    void fit()
    {
        QAbstractItemModel *model = m_view->model();
        const int columns = model ? model->columnCount() : 0;
        // A hidden table would be measured over all its rows (QTableView measures the visible
        // ones only when it is shown): it is fitted when it shows.
        if (columns < 2 || !m_view->isVisible())
            return;
        QHeaderView *header = m_view->horizontalHeader();
        const int charWidth = m_view->fontMetrics().averageCharWidth();
        const int last = columns - 1;
        QList<int> want(columns), floor(columns);
        for (int c = 0; c < last; ++c) {
            const int title = header->sectionSizeHint(c);
            if (m_userSized.contains(c) || header->isSectionHidden(c)) {
                want[c] = floor[c] = header->isSectionHidden(c) ? 0 : header->sectionSize(c);
                continue;
            }
            // Only the rows in sight are measured: a thousand rows cost no more than ten.
            want[c] = std::max(title, contentWidth(c));
            if (m_identifiers.contains(c)) {
                want[c] = std::min(want[c], std::max(title, charWidth * identifierChars));
                floor[c] = std::min(want[c], std::max(charWidth * minimumChars, 24));
            } else {
                floor[c] = std::min(want[c], title);
            }
        }
        const int lastMin = std::max(header->sectionSizeHint(last),
                                     std::min(contentWidth(last), charWidth * m_lastChars));
        // Room for a vertical scrollbar is kept even before it shows: a row more would bring
        // it, narrow the viewport, and push the last column out by its width.
        QScrollBar *vertical = m_view->verticalScrollBar();
        const int available = m_view->viewport()->width() -
                              (vertical->isVisible() ? 0 : vertical->sizeHint().width());
        int excess = std::accumulate(want.begin(), want.end() - 1, 0) + lastMin - available;
        // Identifiers give way first, then the rest, each in proportion to its slack; if
        // headers alone are too wide (a long translation), every column, eliding its header.
        const auto shrink = [&](bool identifiers) {
            if (excess <= 0)
                return;
            int slack = 0;
            for (int c = 0; c < last; ++c)
                if (m_identifiers.contains(c) == identifiers)
                    slack += want[c] - floor[c];
            if (slack <= 0)
                return;
            const int take = std::min(excess, slack);
            int taken = 0;
            for (int c = 0; c < last; ++c) {
                if (m_identifiers.contains(c) != identifiers || want[c] == floor[c])
                    continue;
                const int share =
                    int((qint64(want[c] - floor[c]) * take + slack - 1) / slack); // rounded up
                const int cut = std::min({share, want[c] - floor[c], take - taken});
                want[c] -= cut;
                taken += cut;
            }
            excess -= taken;
        };
        shrink(true);
        shrink(false);
        for (int c = 0; c < last; ++c)
            if (!m_userSized.contains(c))
                floor[c] = std::min(want[c], std::max(charWidth * squeezedChars, 32));
        shrink(true);
        shrink(false);
        m_applying = true;
        for (int c = 0; c < last; ++c)
            if (!header->isSectionHidden(c) && header->sectionSize(c) != want[c])
                header->resizeSection(c, want[c]);
        m_applying = false;
    }

protected:
    // QTableView hides the measure (protected); QAbstractItemView has it public.
    int contentWidth(int column) const
    {
        return static_cast<const QAbstractItemView *>(m_view)->sizeHintForColumn(column);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if ((watched == m_view->viewport() && event->type() == QEvent::Resize) ||
            (watched == m_view && event->type() == QEvent::Show))
            fit();
        return QObject::eventFilter(watched, event);
    }

private:
    QTableView *m_view;
    QList<int> m_identifiers;
    int m_lastChars;
    QSet<int> m_userSized;
    QTimer m_timer;
    bool m_applying = false;
};

// Rows of a live table at the height their text needs: the Lab shows more of them.
void makeCompact(QTableView *view)
{
    view->verticalHeader()->setMinimumSectionSize(0);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
}

// A titled table; the title's mnemonic (Alt+letter) moves the focus to the table.
PlaceholderTableView *addSection(QSplitter *splitter, QAbstractItemModel *model,
                                 const QString &objectName, const QString &title,
                                 const QString &accessibleName, const QString &placeholder,
                                 const QList<int> &identifierColumns)
{
    auto *section = new QWidget(splitter);
    auto *label = new QLabel(title, section);
    label->setObjectName(QStringLiteral("sectionTitle"));
    auto *view = new PlaceholderTableView(section);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setPlaceholderText(placeholder);
    view->setAccessibleName(accessibleName);
    label->setBuddy(view);
    makeCompact(view);
    new ColumnFitter(view, identifierColumns);

    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(label);
    layout->addWidget(view, 1);
    splitter->addWidget(section);
    return view;
}

// The height a titled table needs to show its header and `rows` rows.
int sectionHeight(const PlaceholderTableView *view, int rows)
{
    const auto *section = view->parentWidget();
    const int title = section->layout()->itemAt(0)->widget()->sizeHint().height();
    return title + section->layout()->spacing() + view->horizontalHeader()->sizeHint().height() +
           rows * view->verticalHeader()->defaultSectionSize() + 2 * view->frameWidth();
}

} // namespace

LabView::LabView(service::Engine &engine, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("labView"));
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("labSplitter"));
    m_splitter->setChildrenCollapsible(false);

    m_sipDialogsModel = new SipDialogsModel(engine.calls(), engine.clock(), this);
    m_msrpSessionsModel = new MsrpSessionsModel(engine.msrp(), this);
    m_tcpConnectionsModel = new TcpConnectionsModel(engine.msrp(), this);
    m_sipDialogs = addSection(
        m_splitter, m_sipDialogsModel, QStringLiteral("sipDialogsView"), tr("SIP &dialogs"),
        tr("SIP dialogs"), tr("No SIP dialogs"),
        {SipDialogsModel::CallId, SipDialogsModel::Remote, SipDialogsModel::MsrpSession});
    m_msrpSessions = addSection(m_splitter, m_msrpSessionsModel, QStringLiteral("msrpSessionsView"),
                                tr("&MSRP sessions"), tr("MSRP sessions"), tr("No MSRP sessions"),
                                {MsrpSessionsModel::Session, MsrpSessionsModel::Peer});
    m_tcpConnections =
        addSection(m_splitter, m_tcpConnectionsModel, QStringLiteral("tcpConnectionsView"),
                   tr("&TCP connections"), tr("TCP connections"), tr("No TCP connections"),
                   {TcpConnectionsModel::Peer});
    m_msrpSessions->setItemDelegateForColumn(
        MsrpSessionsModel::Transfer,
        new ProgressDelegate(MsrpSessionsModel::ProgressRole, m_msrpSessions));

    // The chosen session's frames and the chosen dialog's messages, recorded from now on.
    m_traceModel = new MsrpTraceModel(engine.msrp(), this);
    m_traceModel->setRecording(true);
    m_ladderModel = new SipLadderModel(engine.sip(), this);
    m_ladderModel->setRecording(true);
    m_details = new QTabWidget(m_splitter);
    m_details->setObjectName(QStringLiteral("labDetails"));
    m_traceView = new MsrpTraceView(m_traceModel, m_details);
    m_ladderView = new SipLadderView(m_ladderModel, m_details);
    // The frames' table follows the same rule as the tables above: every column in sight.
    // Its last column, a body excerpt, gives way first: the frame in full is beside it.
    new ColumnFitter(m_traceView->table(), {MsrpTraceModel::MessageId}, 0);
    m_traceView->table()->setTextElideMode(Qt::ElideRight); // a body excerpt reads from its start
    m_details->addTab(m_traceView, tr("MSRP tra&ce"));
    m_details->addTab(m_ladderView, tr("SIP &ladder"));
    m_splitter->addWidget(m_details);
    connect(m_msrpSessions->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_traceView->setSession(
                    current.data(MsrpSessionsModel::SessionIdRole).toByteArray());
                m_details->setCurrentWidget(m_traceView);
            });
    connect(m_sipDialogs->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QString callId =
                    current.siblingAtColumn(SipDialogsModel::CallId).data().toString();
                m_ladderView->setCall(current.data(SipDialogsModel::CallIdRole).toULongLong(),
                                      tr("Call-ID %1").arg(callId));
                m_details->setCurrentWidget(m_ladderView);
            });
    // Extra height goes to the details (a ladder reads top to bottom); the tables keep theirs.
    for (int i = 0; i < 3; ++i)
        m_splitter->setStretchFactor(i, 1);
    m_splitter->setStretchFactor(3, 4);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_layoutChosen = true; });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(layout->contentsMargins().left(), 4,
                               layout->contentsMargins().right(), 4);
    layout->addWidget(m_splitter);
}

QByteArray LabView::saveLayout() const
{
    return m_splitter->saveState();
}

bool LabView::restoreLayout(const QByteArray &state)
{
    if (state.isEmpty() || !m_splitter->restoreState(state))
        return false;
    m_layoutChosen = true;
    return true;
}

int LabView::ladderRungHeight() const
{
    // SipLadderDelegate's row: two lines of text (the message, the arrow) and their gaps.
    return m_ladderView->fontMetrics().height() * 2 + 10;
}

void LabView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (!m_layoutChosen)
        applyDefaultLayout();
}

// Until the user moves a handle (or a saved layout is restored): each table gets its title,
// header and tableRowsShown rows, the details the rest (never less than 40 %), and when that
// is more than the ladder's ladderRungsWanted rungs need, the tables share the surplus.
void LabView::applyDefaultLayout()
{
    const int total = m_splitter->height() - 3 * m_splitter->handleWidth();
    if (total <= 0)
        return;
    QList<int> tables;
    const PlaceholderTableView *views[] = {m_sipDialogs, m_msrpSessions, m_tcpConnections};
    for (int i = 0; i < 3; ++i)
        tables.append(sectionHeight(views[i], tableRowsShown[i]));
    const int tablesHeight = std::accumulate(tables.begin(), tables.end(), 0);
    // The details' own chrome: its tab bar, the ladder's title line and lane header.
    const int chrome =
        m_details->tabBar()->sizeHint().height() + 3 * m_ladderView->fontMetrics().height() + 24;
    const int detailsWanted = chrome + ladderRungsWanted * ladderRungHeight();
    int details = std::max(total - tablesHeight, total * 2 / 5);
    if (details > detailsWanted) {
        const int surplus = (details - detailsWanted) / 3;
        for (int &table : tables)
            table += surplus;
        details = detailsWanted + (details - detailsWanted) % 3;
    }
    tables.append(std::max(details, total - std::accumulate(tables.begin(), tables.end(), 0)));
    m_splitter->setSizes(tables);
}

} // namespace herald::ui
