// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/settingsdialog.h"

#include "ui/widgets/consolelanguage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace herald::ui {

namespace {

const QColor problemColour(0x9b, 0x1c, 0x1c);

} // namespace

SettingsDialog::SettingsDialog(QSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_loaded(ConsoleSettings::load(settings, &m_credentialProblem))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Herald settings"));
    setMinimumWidth(560);

    auto *sip = new QGroupBox(tr("SIP"));
    auto *sipForm = new QFormLayout(sip);
    m_identity =
        addLineEdit(sipForm, tr("&Identity:"), QStringLiteral("sipIdentity"), tr("SIP identity"));
    m_identity->setPlaceholderText(tr("sip:psap@example.org"));
    m_sipPort = addPort(sipForm, tr("SIP por&t:"), QStringLiteral("sipPort"), tr("SIP port"));
    m_proxy = addLineEdit(sipForm, tr("Outbound &proxy:"), QStringLiteral("outboundProxy"),
                          tr("Outbound proxy"));
    m_proxy->setPlaceholderText(tr("None (e.g. sip:proxy.example.org)"));
    m_username =
        addLineEdit(sipForm, tr("&User name:"), QStringLiteral("sipUsername"), tr("SIP user name"));
    m_password =
        addLineEdit(sipForm, tr("Pass&word:"), QStringLiteral("sipPassword"), tr("SIP password"));
    m_password->setEchoMode(QLineEdit::Password);

    auto *services = new QGroupBox(tr("MSRP and REST"));
    auto *servicesForm = new QFormLayout(services);
    m_msrpPort =
        addPort(servicesForm, tr("&MSRP port:"), QStringLiteral("msrpPort"), tr("MSRP port"));
    m_restPort = addLineEdit(servicesForm, tr("R&EST port:"), QStringLiteral("restPort"),
                             tr("REST API port"));
    m_restPort->setPlaceholderText(tr("Off (e.g. 8081, on 127.0.0.1)"));
    m_restToken = addLineEdit(servicesForm, tr("&REST token:"), QStringLiteral("restToken"),
                              tr("REST API token"));
    m_restToken->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_restToken->setPlaceholderText(tr("None"));

    auto *console = new QGroupBox(tr("Media, alert and language"));
    auto *consoleForm = new QFormLayout(console);
    auto *browseMedia = new QPushButton(tr("&Browse…"));
    browseMedia->setObjectName(QStringLiteral("browseMediaRoot"));
    browseMedia->setAccessibleName(tr("Choose the media root folder"));
    connect(browseMedia, &QPushButton::clicked, this, &SettingsDialog::browseFolder);
    m_mediaRoot = addLineEdit(consoleForm, tr("Me&dia root:"), QStringLiteral("mediaRoot"),
                              tr("Media root folder"), browseMedia);
    m_mediaRoot->setPlaceholderText(tr("None: MSML plays no local files"));
    auto *browseSound = new QPushButton(tr("Brow&se…"));
    browseSound->setObjectName(QStringLiteral("browseAlertSound"));
    browseSound->setAccessibleName(tr("Choose the alert sound"));
    connect(browseSound, &QPushButton::clicked, this, &SettingsDialog::browseSound);
    m_alertSound = addLineEdit(consoleForm, tr("&Alert sound:"), QStringLiteral("alertSound"),
                               tr("Alert sound file"), browseSound);
    m_alertSound->setPlaceholderText(tr("The built-in chime"));
    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("language"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System default"), QString());
    for (const ConsoleLanguage::Language &language : ConsoleLanguage::available())
        m_language->addItem(language.nativeName, language.code);
    auto *languageLabel = new QLabel(tr("&Language:"));
    languageLabel->setBuddy(m_language);
    consoleForm->addRow(languageLabel, m_language);

    m_restartNotice = new QLabel(tr("Restart Herald to apply these changes. The alert sound "
                                    "changes at once."));
    m_restartNotice->setObjectName(QStringLiteral("restartNotice"));
    m_restartNotice->setWordWrap(true);
    m_restartNotice->setVisible(false);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Save the settings"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Discard the changes"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    // Each form sizes its label column alone; one width for all three makes the fields of the
    // three groups start at one line, as a reader's eye expects.
    int labelWidth = 0;
    QList<QWidget *> labels;
    for (QFormLayout *form : {sipForm, servicesForm, consoleForm}) {
        for (int row = 0; row < form->rowCount(); ++row) {
            if (QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
                item && item->widget()) {
                labels.append(item->widget());
                labelWidth = std::max(labelWidth, item->widget()->sizeHint().width());
            }
        }
    }
    for (QWidget *label : labels)
        label->setMinimumWidth(labelWidth);

    auto *layout = new QVBoxLayout(this);
    auto *note = new QLabel(tr("SIP, MSRP, REST and media settings and the language take "
                               "effect the next time Herald starts; options given on the "
                               "command line win over them."));
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addWidget(sip);
    layout->addWidget(services);
    layout->addWidget(console);
    layout->addWidget(m_restartNotice);
    layout->addWidget(m_buttons);

    // Top to bottom, as the fields are laid out.
    const QList<QWidget *> order = {m_identity,
                                    m_sipPort,
                                    m_proxy,
                                    m_username,
                                    m_password,
                                    m_msrpPort,
                                    m_restPort,
                                    m_restToken,
                                    m_mediaRoot,
                                    browseMedia,
                                    m_alertSound,
                                    browseSound,
                                    m_language,
                                    m_buttons->button(QDialogButtonBox::Ok),
                                    m_buttons->button(QDialogButtonBox::Cancel)};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order[i - 1], order[i]);

    setValues(m_loaded);
    for (QLineEdit *edit : findChildren<QLineEdit *>())
        connect(edit, &QLineEdit::textChanged, this, [this] {
            validate();
            updateRestartNotice();
        });
    for (QSpinBox *spin : {m_sipPort, m_msrpPort})
        connect(spin, &QSpinBox::valueChanged, this, [this] {
            validate();
            updateRestartNotice();
        });
    connect(m_language, &QComboBox::currentIndexChanged, this,
            &SettingsDialog::updateRestartNotice);
    validate();
    m_identity->setFocus();
}

QLineEdit *SettingsDialog::addLineEdit(QFormLayout *form, const QString &label, const QString &name,
                                       const QString &accessibleName, QWidget *trailing)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(name);
    edit->setAccessibleName(accessibleName);
    auto *caption = new QLabel(label);
    caption->setBuddy(edit);
    if (trailing) {
        auto *line = new QHBoxLayout;
        line->addWidget(edit, 1);
        line->addWidget(trailing);
        form->addRow(caption, line);
    } else {
        form->addRow(caption, edit);
    }
    addProblemLabel(form, edit);
    return edit;
}

QSpinBox *SettingsDialog::addPort(QFormLayout *form, const QString &label, const QString &name,
                                  const QString &accessibleName)
{
    auto *spin = new QSpinBox;
    spin->setObjectName(name);
    spin->setAccessibleName(accessibleName);
    // 0 would be "any free port": peers could not be told where Herald listens.
    spin->setRange(1, 65535);
    spin->setGroupSeparatorShown(false);
    auto *caption = new QLabel(label);
    caption->setBuddy(spin);
    form->addRow(caption, spin);
    return spin;
}

void SettingsDialog::addProblemLabel(QFormLayout *form, QWidget *field)
{
    auto *problem = new QLabel;
    problem->setObjectName(field->objectName() + QStringLiteral("Problem"));
    QPalette palette = problem->palette();
    palette.setColor(QPalette::WindowText, problemColour);
    problem->setPalette(palette);
    problem->setWordWrap(true);
    problem->setVisible(false);
    form->addRow(QString(), problem);
    m_problems.insert(field, problem);
}

void SettingsDialog::showProblem(QWidget *field, const QString &problem)
{
    QLabel *label = m_problems.value(field);
    Q_ASSERT(label);
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
    // Screen readers read the reason with the field.
    field->setAccessibleDescription(problem);
}

ConsoleSettings SettingsDialog::values() const
{
    ConsoleSettings values;
    values.sipIdentity = m_identity->text().trimmed();
    values.sipPort = quint16(m_sipPort->value());
    values.outboundProxy = m_proxy->text().trimmed();
    values.sipUsername = m_username->text();
    values.sipPassword = m_password->text();
    values.msrpPort = quint16(m_msrpPort->value());
    ConsoleSettings::checkRestPort(m_restPort->text(), values.msrpPort, values.sipPort,
                                   &values.restPort);
    values.restToken = m_restToken->text();
    values.mediaRoot = m_mediaRoot->text().trimmed();
    values.alertSound = m_alertSound->text().trimmed();
    values.language = m_language->currentData().toString();
    return values;
}

void SettingsDialog::setValues(const ConsoleSettings &values)
{
    m_identity->setText(values.sipIdentity);
    m_sipPort->setValue(values.sipPort);
    m_proxy->setText(values.outboundProxy);
    m_username->setText(values.sipUsername);
    m_password->setText(values.sipPassword);
    m_msrpPort->setValue(values.msrpPort);
    m_restPort->setText(values.restPort == 0 ? QString() : QString::number(values.restPort));
    m_restToken->setText(values.restToken);
    m_mediaRoot->setText(values.mediaRoot);
    m_alertSound->setText(values.alertSound);
    const int language = m_language->findData(values.language);
    m_language->setCurrentIndex(language < 0 ? 0 : language);
}

bool SettingsDialog::validate()
{
    const ConsoleSettings now = values();
    const QString restPortProblem =
        ConsoleSettings::checkRestPort(m_restPort->text(), now.msrpPort, now.sipPort);
    const bool restOn = restPortProblem.isEmpty() && now.restPort != 0;
    const QList<std::pair<QWidget *, QString>> checks = {
        {m_identity, ConsoleSettings::checkSipUri(now.sipIdentity, false)},
        {m_proxy, ConsoleSettings::checkSipUri(now.outboundProxy, false)},
        {m_username, QString()},
        {m_password, ConsoleSettings::checkCredentials(now.sipUsername, now.sipPassword)},
        {m_restPort, restPortProblem},
        {m_restToken, ConsoleSettings::checkToken(now.restToken, restOn)},
        {m_mediaRoot, ConsoleSettings::checkFolder(now.mediaRoot)},
        {m_alertSound, ConsoleSettings::checkSound(now.alertSound)},
    };
    bool valid = true;
    for (const auto &[field, problem] : checks) {
        showProblem(field, problem);
        valid = valid && problem.isEmpty();
    }
    // Not a reason to refuse: saving writes a new credential file, which is the remedy.
    if (valid && !m_credentialProblem.isEmpty())
        showProblem(m_password, m_credentialProblem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    return valid;
}

QString SettingsDialog::problem(const QString &fieldName) const
{
    for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it)
        if (it.key()->objectName() == fieldName)
            return it.value()->text();
    return {};
}

bool SettingsDialog::restartNoticeShown() const
{
    return !m_restartNotice->isHidden();
}

void SettingsDialog::updateRestartNotice()
{
    m_restartNotice->setVisible(m_loaded.needsRestartComparedTo(values()));
}

bool SettingsDialog::save()
{
    if (!validate()) {
        for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it)
            if (!it.value()->text().isEmpty()) {
                it.key()->setFocus(Qt::OtherFocusReason);
                break;
            }
        return false;
    }
    const ConsoleSettings saved = values();
    if (auto stored = saved.save(m_settings); !stored) {
        m_credentialProblem = stored.error().detail;
        showProblem(m_password, m_credentialProblem);
        m_password->setFocus(Qt::OtherFocusReason);
        return false;
    }
    m_credentialProblem.clear();
    showProblem(m_password, QString());
    Q_EMIT settingsSaved(saved);
    return true;
}

void SettingsDialog::accept()
{
    if (save())
        QDialog::accept();
}

void SettingsDialog::browseFolder()
{
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Choose the media root"), m_mediaRoot->text());
    if (!folder.isEmpty())
        m_mediaRoot->setText(folder);
}

void SettingsDialog::browseSound()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Choose the alert sound"), m_alertSound->text(), tr("WAV sounds (*.wav)"));
    if (!file.isEmpty())
        m_alertSound->setText(file);
}

} // namespace herald::ui
