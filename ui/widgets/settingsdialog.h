// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "ui/widgets/consolesettings.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSettings;
class QSpinBox;

namespace herald::ui {

// The console's settings: SIP identity, port, outbound proxy and credentials, the MSRP port,
// the REST API's port (off by default) and token, the media root, the alert sound and the
// language. Reads and writes them with ConsoleSettings on the QSettings it is given (the
// secrets in the owner-only credential file beside it). Every field is checked as it is typed,
// with the reason beside it; OK refuses to close while one is wrong. A notice says when the
// changes need Herald restarted. Every control has a mnemonic label and an accessible name.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QSettings &settings, QWidget *parent = nullptr);

    // What the fields say now.
    ConsoleSettings values() const;
    void setValues(const ConsoleSettings &values);
    // Checks every field and shows why one is refused; true when all are acceptable.
    bool validate();
    // Saves the fields when they are all acceptable; false (nothing saved) otherwise.
    bool save();
    // The reason shown beside a field (by its object name); empty when it is acceptable.
    QString problem(const QString &fieldName) const;
    bool restartNoticeShown() const;

    void accept() override;

Q_SIGNALS:
    // save() stored new values (the window applies what it can at once: the alert sound).
    void settingsSaved(const herald::ui::ConsoleSettings &settings);

private:
    QLineEdit *addLineEdit(QFormLayout *form, const QString &label, const QString &name,
                           const QString &accessibleName, QWidget *trailing = nullptr);
    QSpinBox *addPort(QFormLayout *form, const QString &label, const QString &name,
                      const QString &accessibleName);
    void addProblemLabel(QFormLayout *form, QWidget *field);
    void showProblem(QWidget *field, const QString &problem);
    void browseFolder();
    void browseSound();
    void updateRestartNotice();

    QSettings &m_settings;
    // Why the credential file was not read or written; shown beside the password until a save
    // succeeds (saving replaces a refused file).
    // Declared before m_loaded, which fills it.
    QString m_credentialProblem;
    ConsoleSettings m_loaded;
    QLineEdit *m_identity = nullptr;
    QSpinBox *m_sipPort = nullptr;
    QLineEdit *m_proxy = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QSpinBox *m_msrpPort = nullptr;
    QLineEdit *m_restPort = nullptr;
    QLineEdit *m_restToken = nullptr;
    QLineEdit *m_mediaRoot = nullptr;
    QLineEdit *m_alertSound = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_restartNotice = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QHash<QWidget *, QLabel *> m_problems;
};

} // namespace herald::ui
