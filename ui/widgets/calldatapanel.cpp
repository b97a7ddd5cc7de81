// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/calldatapanel.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace herald::ui {

namespace {

QLabel *selectable(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

CallDataPanel::CallDataPanel(QWidget *parent)
    : QGroupBox(tr("Call data"), parent)
{
    setObjectName(QStringLiteral("callDataPanel"));
    m_layout = new QVBoxLayout(this);
    setData({});
}

QString CallDataPanel::blockTitle(ng911::AdditionalDataKind kind)
{
    switch (kind) {
    case ng911::AdditionalDataKind::ProviderInfo:
        return tr("Service provider");
    case ng911::AdditionalDataKind::ServiceInfo:
        return tr("Service");
    case ng911::AdditionalDataKind::DeviceInfo:
        return tr("Device");
    case ng911::AdditionalDataKind::SubscriberInfo:
        return tr("Subscriber");
    case ng911::AdditionalDataKind::Comment:
        return tr("Comment");
    }
    return {};
}

QString CallDataPanel::fieldLabel(const QString &field)
{
    // RFC 7852 §4.1-§4.5 element names, and the xCard properties (RFC 6351) inside them.
    static const struct
    {
        const char *name;
        const char *label;
    } labels[] = {
        {"DataProviderString", QT_TR_NOOP("Provider")},
        {"ProviderID", QT_TR_NOOP("Provider ID")},
        {"ProviderIDSeries", QT_TR_NOOP("ID series")},
        {"TypeOfProvider", QT_TR_NOOP("Provider type")},
        {"ContactURI", QT_TR_NOOP("Contact")},
        {"Language", QT_TR_NOOP("Language")},
        {"DataProviderContact.fn", QT_TR_NOOP("Contact name")},
        {"DataProviderContact.tel", QT_TR_NOOP("Contact telephone")},
        {"DataProviderContact.email", QT_TR_NOOP("Contact e-mail")},
        {"SubcontractorPrincipal", QT_TR_NOOP("Subcontracted for")},
        {"SubcontractorPriority", QT_TR_NOOP("Subcontractor priority")},
        {"ServiceEnvironment", QT_TR_NOOP("Environment")},
        {"ServiceType", QT_TR_NOOP("Service type")},
        {"ServiceMobility", QT_TR_NOOP("Mobility")},
        {"DeviceClassification", QT_TR_NOOP("Device class")},
        {"DeviceMfgr", QT_TR_NOOP("Manufacturer")},
        {"DeviceModelNr", QT_TR_NOOP("Model")},
        {"UniqueDeviceID", QT_TR_NOOP("Device ID")},
        {"DeviceSpecificData", QT_TR_NOOP("Device data")},
        {"DeviceSpecificType", QT_TR_NOOP("Device data type")},
        {"SubscriberData.fn", QT_TR_NOOP("Name")},
        {"SubscriberData.tel", QT_TR_NOOP("Telephone")},
        {"SubscriberData.email", QT_TR_NOOP("E-mail")},
        {"SubscriberData.adr", QT_TR_NOOP("Address")},
        {"SubscriberData.lang", QT_TR_NOOP("Language")},
        {"SubscriberData.bday", QT_TR_NOOP("Born")},
        {"Comment", QT_TR_NOOP("Comment")},
    };
    for (const auto &entry : labels)
        if (field == QLatin1String(entry.name))
            return tr(entry.label);
    return field;
}

void CallDataPanel::setData(const ng911::EmergencyCallData &data)
{
    // Rebuilt whole: a handful of labels, changed a few times per call.
    delete m_content;
    m_content = new QWidget(this);
    m_layout->addWidget(m_content);
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    if (data.additionalData.isEmpty()) {
        auto *none = new QLabel(tr("No additional data was received with this call."), m_content);
        none->setObjectName(QStringLiteral("callDataPlaceholder"));
        none->setWordWrap(true);
        none->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(none);
    }
    for (const ng911::AdditionalDataEntry &entry : data.additionalData) {
        const QString kind = ng911::additionalDataKindName(entry.reference.kind);
        const QString prefix = QStringLiteral("adr.") + kind + u'.';
        auto *title = new QLabel(blockTitle(entry.reference.kind), m_content);
        title->setObjectName(prefix + QStringLiteral("title"));
        title->setStyleSheet(
            QStringLiteral("font-weight: 600; color: #1f3a5a; border-bottom: 1px solid #c8cfd7;"));
        layout->addWidget(title);

        if (entry.state != ng911::DataState::Resolved) {
            QString status;
            switch (entry.state) {
            case ng911::DataState::Pending:
                status = tr("Pending: fetching from %1…")
                             .arg(QUrl(QString::fromUtf8(entry.reference.uri)).host());
                break;
            case ng911::DataState::Unreadable:
                status = tr("Unreadable: %1").arg(entry.problem);
                break;
            case ng911::DataState::Unavailable:
                status = tr("Unavailable: %1").arg(entry.problem);
                break;
            case ng911::DataState::Resolved:
                break;
            }
            auto *label = selectable(status, prefix + QStringLiteral("status"), m_content);
            label->setStyleSheet(entry.state == ng911::DataState::Pending
                                     ? QStringLiteral("color: #4a5663; font-style: italic;")
                                     : QStringLiteral("color: #8a3b00;"));
            layout->addWidget(label);
            if (entry.state == ng911::DataState::Unreadable) {
                auto *button = new QToolButton(m_content);
                button->setObjectName(prefix + QStringLiteral("rawButton"));
                button->setText(tr("Show raw data"));
                button->setCheckable(true);
                auto *raw = new QPlainTextEdit(QString::fromUtf8(entry.block.raw()), m_content);
                raw->setObjectName(prefix + QStringLiteral("raw"));
                raw->setAccessibleName(tr("Raw additional data"));
                raw->setReadOnly(true);
                raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
                raw->setMaximumHeight(120);
                raw->hide();
                connect(button, &QToolButton::toggled, raw, &QWidget::setVisible);
                layout->addWidget(button, 0, Qt::AlignLeft);
                layout->addWidget(raw);
            }
            continue;
        }
        auto *form = new QFormLayout;
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setRowWrapPolicy(QFormLayout::WrapLongRows);
        form->setVerticalSpacing(2);
        if (entry.block->privacyRequested) {
            auto *privacy = selectable(tr("The subscriber asked for privacy."),
                                       prefix + QStringLiteral("privacy"), m_content);
            privacy->setStyleSheet(QStringLiteral("color: #8a3b00;"));
            form->addRow(privacy);
        }
        for (const ng911::AdditionalDataField &field : entry.block->fields) {
            const QString value = field.qualifier.isEmpty()
                                      ? field.value
                                      : tr("%1 (%2)").arg(field.value, field.qualifier);
            QLabel *label = selectable(value, prefix + field.name, m_content);
            label->setAccessibleName(fieldLabel(field.name));
            form->addRow(fieldLabel(field.name) + u':', label);
        }
        layout->addLayout(form);
    }
}

} // namespace herald::ui
