// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/psapview.h"

#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace herald::ui {

PsapView::PsapView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("psapView"));

    m_title = new QLabel(tr("No call selected"), this);
    m_title->setObjectName(QStringLiteral("viewTitle"));
    m_title->setAccessibleName(tr("Selected call"));
    m_endCall = new QPushButton(tr("&End call"), this);
    m_endCall->setObjectName(QStringLiteral("endCallButton"));
    m_endCall->setEnabled(false);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_endCall);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(createConversation());
    splitter->addWidget(createCallerDetails());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({600, 340});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);
}

QWidget *PsapView::createConversation()
{
    auto *box = new QGroupBox(tr("Conversation"));
    box->setObjectName(QStringLiteral("conversationBox"));

    auto *transcript = new QLabel(tr("Accept a call from the Incoming texts queue to see "
                                     "its conversation here."),
                                  box);
    transcript->setObjectName(QStringLiteral("transcriptPlaceholder"));
    transcript->setAlignment(Qt::AlignCenter);
    transcript->setWordWrap(true);
    transcript->setFrameShape(QFrame::StyledPanel);
    transcript->setForegroundRole(QPalette::PlaceholderText);
    transcript->setBackgroundRole(QPalette::Base);
    transcript->setAutoFillBackground(true);
    transcript->setAccessibleName(tr("Conversation transcript"));

    m_reply = new QPlainTextEdit(box);
    m_reply->setObjectName(QStringLiteral("replyEdit"));
    m_reply->setPlaceholderText(tr("Type a reply…"));
    m_reply->setAccessibleName(tr("Reply"));
    m_reply->setTabChangesFocus(true);
    m_reply->setMaximumHeight(m_reply->fontMetrics().lineSpacing() * 4);
    m_reply->setEnabled(false);

    m_send = new QPushButton(tr("&Send"), box);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setEnabled(false);

    auto *replyRow = new QHBoxLayout;
    replyRow->addWidget(m_reply, 1);
    replyRow->addWidget(m_send, 0, Qt::AlignBottom);

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(transcript, 1);
    layout->addLayout(replyRow);
    return box;
}

QWidget *PsapView::createCallerDetails()
{
    auto *box = new QGroupBox(tr("Caller"));
    box->setObjectName(QStringLiteral("callerBox"));
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);

    // What RFC 6442 (PIDF-LO) and RFC 7852 (additional data) will fill in.
    const QString unknown = tr("—");
    const struct
    {
        const char *objectName;
        QString label;
    } rows[] = {
        {"callbackValue", tr("Callback number")}, {"locationValue", tr("Location")},
        {"uncertaintyValue", tr("Uncertainty")},  {"methodValue", tr("Method")},
        {"providerValue", tr("Provider")},
    };
    for (const auto &row : rows) {
        auto *value = new QLabel(unknown, box);
        value->setObjectName(QString::fromLatin1(row.objectName));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setAccessibleName(row.label);
        form->addRow(row.label + u':', value);
    }
    return box;
}

} // namespace herald::ui
