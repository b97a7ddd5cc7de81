// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The console's Settings dialog (issue 8, item 4): values round-trip through QSettings (an INI
// file in a temporary folder, never the user's) and the credential file beside it, which alone
// holds the secrets (mode 0600; a plaintext secret an older console left in the INI moves
// there); invalid values are refused with the reason beside the field, every focusable control
// has an accessible name and a keyboard path, and a change that needs a restart says so.

#include "tests/support/testsupport.h"
#include "ui/widgets/consolesettings.h"
#include "ui/widgets/credentialfile.h"
#include "ui/widgets/settingsdialog.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>
#include <unistd.h>

using namespace herald;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void roundTrip();
    void refusesInvalid_data();
    void refusesInvalid();
    void accessibleNames();
    void keyboardReachesEveryControl();
    void mnemonicsAreUnique();
    void fieldsAlignAcrossGroups();
    void restartNotice();
    void secretsOnlyInCredentialFile();
    void migratesPlaintextSecrets();
    void tightensLooseMode();
    void refusesForeignCredentialFile_data();
    void refusesForeignCredentialFile();
    void saveFailureShownBesidePassword();

private:
    QString iniPath() const { return m_dir.filePath(QStringLiteral("herald.ini")); }
    QString credentialPath() const { return m_dir.filePath(QStringLiteral("herald.credentials")); }
    ui::ConsoleSettings sample() const;
    QLineEdit *lineEdit(const QString &name) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ui::SettingsDialog> m_dialog;
};

void TestSettingsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestSettingsDialog::init()
{
    const QString path = iniPath();
    QFile::remove(path);
    QFile::remove(credentialPath());
    m_settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
    m_dialog = std::make_unique<ui::SettingsDialog>(*m_settings);
}

void TestSettingsDialog::cleanup()
{
    m_dialog.reset();
    m_settings.reset();
}

ui::ConsoleSettings TestSettingsDialog::sample() const
{
    ui::ConsoleSettings values;
    values.sipIdentity = QStringLiteral("sip:psap-desk-4@psap.example.org");
    values.sipPort = 5070;
    values.outboundProxy = QStringLiteral("sip:proxy.example.org;transport=tcp");
    values.sipUsername = QStringLiteral("desk4");
    values.sipPassword = QStringLiteral("s3cret-pass");
    values.msrpPort = 2856;
    values.restPort = 8081;
    values.restToken = QStringLiteral("0123456789abcdef-token");
    values.mediaRoot = m_dir.path();
    values.alertSound = QString();
    values.language = QStringLiteral("fr");
    return values;
}

QLineEdit *TestSettingsDialog::lineEdit(const QString &name) const
{
    return m_dialog->findChild<QLineEdit *>(name);
}

void TestSettingsDialog::roundTrip()
{
    // Defaults before anything was saved: SIP's and MSRP's registered ports.
    QCOMPARE(m_dialog->values(), ui::ConsoleSettings());
    QCOMPARE(m_dialog->values().sipPort, quint16(5060));
    QCOMPARE(m_dialog->values().msrpPort, quint16(2855));

    const QString sound = m_dir.filePath(QStringLiteral("chime.wav"));
    QFile file(sound);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("RIFF....WAVE");
    file.close();
    ui::ConsoleSettings values = sample();
    values.alertSound = sound;
    m_dialog->setValues(values);
    QCOMPARE(m_dialog->values(), values);
    QVERIFY(m_dialog->save());

    // Another dialog on a fresh QSettings over the same file reads them back.
    m_dialog.reset();
    m_settings.reset();
    QSettings reread(m_dir.filePath(QStringLiteral("herald.ini")), QSettings::IniFormat);
    QCOMPARE(ui::ConsoleSettings::load(reread), values);
    ui::SettingsDialog again(reread);
    QCOMPARE(again.values(), values);
    QCOMPARE(reread.value(QStringLiteral("sip/port")).toInt(), 5070);
    QCOMPARE(reread.value(QStringLiteral("console/language")).toString(), QStringLiteral("fr"));
    QCOMPARE(reread.value(QStringLiteral("rest/port")).toInt(), 8081);
}

void TestSettingsDialog::refusesInvalid_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problemField");
    QTest::newRow("identity without scheme") << "sipIdentity"
                                             << "psap@example.org"
                                             << "sipIdentity";
    QTest::newRow("identity with a space") << "sipIdentity"
                                           << "sip:psap @example.org"
                                           << "sipIdentity";
    QTest::newRow("proxy as a host name") << "outboundProxy"
                                          << "proxy.example.org"
                                          << "outboundProxy";
    QTest::newRow("user name with a colon") << "sipUsername"
                                            << "desk:4"
                                            << "sipPassword";
    QTest::newRow("user name without password") << "sipPassword"
                                                << ""
                                                << "sipPassword";
    QTest::newRow("REST port not a number") << "restPort"
                                            << "http"
                                            << "restPort";
    QTest::newRow("REST port 0") << "restPort"
                                 << "0"
                                 << "restPort";
    QTest::newRow("REST port too large") << "restPort"
                                         << "70000"
                                         << "restPort";
    QTest::newRow("REST port is MSRP's") << "restPort"
                                         << "2856"
                                         << "restPort";
    QTest::newRow("REST port is SIP's") << "restPort"
                                        << "5070"
                                        << "restPort";
    QTest::newRow("REST port without token") << "restToken"
                                             << ""
                                             << "restToken";
    QTest::newRow("short REST token") << "restToken"
                                      << "abc"
                                      << "restToken";
    QTest::newRow("REST token with a space") << "restToken"
                                             << "0123456789 abcdef"
                                             << "restToken";
    QTest::newRow("relative media root") << "mediaRoot"
                                         << "media"
                                         << "mediaRoot";
    QTest::newRow("missing media root") << "mediaRoot"
                                        << "/nonexistent/herald-media"
                                        << "mediaRoot";
    QTest::newRow("missing alert sound") << "alertSound"
                                         << "/nonexistent/chime.wav"
                                         << "alertSound";
}

void TestSettingsDialog::refusesInvalid()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, problemField);
    m_dialog->setValues(sample());
    QVERIFY(m_dialog->validate());
    QVERIFY(m_dialog->save());
    QLineEdit *edit = lineEdit(field);
    QVERIFY2(edit, qPrintable(field));
    edit->setText(value);

    QVERIFY(!m_dialog->validate());
    QVERIFY(!m_dialog->problem(problemField).isEmpty());
    // The reason is shown beside the field and read with it.
    auto *label = m_dialog->findChild<QLabel *>(problemField + QStringLiteral("Problem"));
    QVERIFY(label);
    QVERIFY(!label->isHidden());
    QCOMPARE(label->text(), m_dialog->problem(problemField));
    QCOMPARE(lineEdit(problemField)->accessibleDescription(), label->text());
    auto *buttons = m_dialog->findChild<QDialogButtonBox *>();
    QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());

    // Refused: nothing is saved and the dialog stays open.
    m_dialog->show();
    QVERIFY(!m_dialog->save());
    m_dialog->accept();
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(ui::ConsoleSettings::load(*m_settings), sample());

    // Corrected, it is accepted again.
    m_dialog->setValues(sample());
    QVERIFY(m_dialog->validate());
    QVERIFY(m_dialog->problem(problemField).isEmpty());
    QVERIFY(label->isHidden());
}

void TestSettingsDialog::accessibleNames()
{
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    int checked = 0;
    for (QWidget *widget : m_dialog->findChildren<QWidget *>()) {
        if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisibleTo(m_dialog.get()))
            continue;
        // A spin box's or combo box's inner editor is announced as its owner.
        if (qobject_cast<QAbstractSpinBox *>(widget->parentWidget()) ||
            qobject_cast<QComboBox *>(widget->parentWidget()))
            continue;
        QVERIFY2(!widget->accessibleName().isEmpty(),
                 qPrintable(QStringLiteral("%1 (%2) has no accessible name")
                                .arg(widget->objectName(),
                                     QString::fromUtf8(widget->metaObject()->className()))));
        ++checked;
    }
    // Eleven fields, two browse buttons, OK and Cancel.
    QCOMPARE(checked, 15);
}

void TestSettingsDialog::keyboardReachesEveryControl()
{
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QApplication::setActiveWindow(m_dialog.get());
    QTRY_VERIFY(m_dialog->isActiveWindow());
    m_dialog->findChild<QLineEdit *>(QStringLiteral("sipIdentity"))->setFocus();
    QTRY_VERIFY(QApplication::focusWidget());

    QStringList visited;
    for (int i = 0; i < 20; ++i) {
        QWidget *focus = QApplication::focusWidget();
        QWidget *owner = focus;
        if (qobject_cast<QAbstractSpinBox *>(focus->parentWidget()))
            owner = focus->parentWidget();
        const QString name = owner->accessibleName();
        if (visited.contains(name))
            break;
        visited.append(name);
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    // In reading order, top to bottom.
    const QStringList expected = {
        QStringLiteral("SIP identity"),       QStringLiteral("SIP port"),
        QStringLiteral("Outbound proxy"),     QStringLiteral("SIP user name"),
        QStringLiteral("SIP password"),       QStringLiteral("MSRP port"),
        QStringLiteral("REST API port"),      QStringLiteral("REST API token"),
        QStringLiteral("Media root folder"),  QStringLiteral("Choose the media root folder"),
        QStringLiteral("Alert sound file"),   QStringLiteral("Choose the alert sound"),
        QStringLiteral("Language"),           QStringLiteral("Save the settings"),
        QStringLiteral("Discard the changes")};
    QCOMPARE(visited, expected);
}

// Alt+letter reaches each field: every label and button has its own mnemonic.
// The three groups' fields start at one x (each QFormLayout would size its labels alone).
void TestSettingsDialog::fieldsAlignAcrossGroups()
{
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QSet<int> lefts;
    QStringList fields;
    for (QLabel *label : m_dialog->findChildren<QLabel *>()) {
        QWidget *field = label->buddy();
        if (!field)
            continue;
        lefts.insert(field->mapTo(m_dialog.get(), QPoint(0, 0)).x());
        fields.append(field->objectName());
    }
    QVERIFY2(fields.size() >= 10, qPrintable(fields.join(u' ')));
    QVERIFY2(lefts.size() == 1,
             qPrintable(QStringLiteral("fields start at %1 different x").arg(lefts.size())));
}

void TestSettingsDialog::mnemonicsAreUnique()
{
    QStringList letters;
    auto collect = [&letters](const QString &text) {
        const qsizetype at = QString(text).remove(QStringLiteral("&&")).indexOf(u'&');
        if (at >= 0)
            letters.append(QString(text).remove(QStringLiteral("&&")).mid(at + 1, 1).toLower());
    };
    int buddies = 0;
    for (QLabel *label : m_dialog->findChildren<QLabel *>())
        if (label->buddy()) {
            collect(label->text());
            ++buddies;
        }
    for (QPushButton *button : m_dialog->findChildren<QPushButton *>())
        collect(button->text());
    QCOMPARE(buddies, 11);
    QStringList unique = letters;
    unique.removeDuplicates();
    QCOMPARE(unique.size(), letters.size());
    QVERIFY(letters.size() >= 13);
}

void TestSettingsDialog::restartNotice()
{
    m_dialog->show();
    QVERIFY(!m_dialog->restartNoticeShown());
    // The alert sound applies at once: no restart.
    const QString sound = m_dir.filePath(QStringLiteral("alert.wav"));
    QFile file(sound);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    lineEdit(QStringLiteral("alertSound"))->setText(sound);
    QVERIFY(m_dialog->validate());
    QVERIFY(!m_dialog->restartNoticeShown());
    // A port is bound at start.
    m_dialog->findChild<QSpinBox *>(QStringLiteral("msrpPort"))->setValue(2999);
    QVERIFY(m_dialog->restartNoticeShown());
    m_dialog->findChild<QSpinBox *>(QStringLiteral("msrpPort"))->setValue(2855);
    QVERIFY(!m_dialog->restartNoticeShown());
    auto *language = m_dialog->findChild<QComboBox *>(QStringLiteral("language"));
    language->setCurrentIndex(language->findData(QStringLiteral("es")));
    QVERIFY(m_dialog->restartNoticeShown());
}

// The secrets are in the credential file, mode 0600, and nowhere in the INI.
void TestSettingsDialog::secretsOnlyInCredentialFile()
{
    m_dialog->setValues(sample());
    QVERIFY(m_dialog->save());
    const QByteArray ini = test::readFile(iniPath());
    QVERIFY2(ini.contains("desk4"), ini.constData()); // the INI was written
    QVERIFY2(!ini.contains("s3cret-pass"), ini.constData());
    QVERIFY2(!ini.contains("0123456789abcdef-token"), ini.constData());
    QVERIFY(!m_settings->contains(QStringLiteral("sip/password")));

    struct stat info = {};
    QCOMPARE(::stat(QFile::encodeName(credentialPath()).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0600));
    QCOMPARE(info.st_uid, ::geteuid());
    QVERIFY(test::readFile(credentialPath()).contains("s3cret-pass"));
    QVERIFY(!QFile::exists(credentialPath() + QStringLiteral(".new")));

    // A password with what a line-based file could trip on still round-trips.
    ui::ConsoleSettings values = sample();
    values.sipPassword = QStringLiteral("p=w%d\n#é\r\n\t") + QChar(0x20AC);
    QVERIFY(values.save(*m_settings));
    QSettings reread(iniPath(), QSettings::IniFormat);
    QCOMPARE(ui::ConsoleSettings::load(reread).sipPassword, values.sipPassword);

    // No secrets left: no credential file.
    values.sipUsername.clear();
    values.sipPassword.clear();
    values.restPort = 0;
    values.restToken.clear();
    QVERIFY(values.save(*m_settings));
    QVERIFY(!QFile::exists(credentialPath()));
    QCOMPARE(ui::ConsoleSettings::load(reread), values);
}

// An older console wrote the password and the token into the INI: the first load moves them.
void TestSettingsDialog::migratesPlaintextSecrets()
{
    m_dialog.reset();
    m_settings->setValue(QStringLiteral("sip/username"), QStringLiteral("desk4"));
    m_settings->setValue(QStringLiteral("sip/password"), QStringLiteral("legacy-pass"));
    m_settings->setValue(QStringLiteral("rest/token"), QStringLiteral("legacy-token-0123456789"));
    m_settings->sync();
    QVERIFY(test::readFile(iniPath()).contains("legacy-pass"));

    QString problem;
    const ui::ConsoleSettings loaded = ui::ConsoleSettings::load(*m_settings, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(loaded.sipPassword, QStringLiteral("legacy-pass"));
    QCOMPARE(loaded.restToken, QStringLiteral("legacy-token-0123456789"));
    const QByteArray ini = test::readFile(iniPath());
    QVERIFY2(!ini.contains("legacy-pass"), ini.constData());
    QVERIFY2(!ini.contains("legacy-token"), ini.constData());
    QVERIFY(ini.contains("desk4"));
    QCOMPARE(QFile::permissions(credentialPath()),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                 QFileDevice::WriteUser);
    // Read back from the credential file alone.
    QSettings reread(iniPath(), QSettings::IniFormat);
    QCOMPARE(ui::ConsoleSettings::load(reread), loaded);

    // A stale INI entry beside a credential file: the file's (newer) value wins, the INI's goes.
    m_settings->setValue(QStringLiteral("sip/password"), QStringLiteral("older-pass"));
    m_settings->sync();
    QCOMPARE(ui::ConsoleSettings::load(*m_settings).sipPassword, QStringLiteral("legacy-pass"));
    QVERIFY(!test::readFile(iniPath()).contains("older-pass"));
}

// A credential file others may read (copied by hand, a loose umask) is made 0600 at load.
void TestSettingsDialog::tightensLooseMode()
{
    ui::CredentialFile file(credentialPath());
    QVERIFY(file.write({{QStringLiteral("sip/password"), QStringLiteral("pw")}}));
    QCOMPARE(::chmod(QFile::encodeName(credentialPath()).constData(), 0644), 0);
    bool corrected = false;
    const auto secrets = file.read(&corrected);
    QVERIFY(secrets);
    QVERIFY(corrected);
    QCOMPARE(secrets->value(QStringLiteral("sip/password")), QStringLiteral("pw"));
    struct stat info = {};
    QCOMPARE(::stat(QFile::encodeName(credentialPath()).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0600));
    QVERIFY(file.read(&corrected));
    QVERIFY(!corrected);
}

// A credential file that is a link or another user's is not read: the dialog says why beside
// the password, and saving replaces it with one of ours.
void TestSettingsDialog::refusesForeignCredentialFile_data()
{
    QTest::addColumn<bool>("otherOwner");
    QTest::newRow("symbolic link") << false;
    QTest::newRow("another user's") << true;
}

void TestSettingsDialog::refusesForeignCredentialFile()
{
    QFETCH(bool, otherOwner);
    m_dialog.reset();
    const QString elsewhere = m_dir.filePath(QStringLiteral("elsewhere"));
    QFile::remove(elsewhere);
    ui::CredentialFile foreign(otherOwner ? credentialPath() : elsewhere);
    QVERIFY(foreign.write({{QStringLiteral("sip/password"), QStringLiteral("planted")}}));
    if (otherOwner) {
        // Giving a file away takes root (CI runs as root).
        if (::geteuid() != 0)
            QSKIP("not root: cannot give a file to another user");
        QCOMPARE(::chown(QFile::encodeName(credentialPath()).constData(), 65534, 65534), 0);
    } else {
        QVERIFY(QFile::link(elsewhere, credentialPath()));
    }

    QString problem;
    const ui::ConsoleSettings loaded = ui::ConsoleSettings::load(*m_settings, &problem);
    QVERIFY(loaded.sipPassword.isEmpty());
    QVERIFY(problem.contains(credentialPath()));

    m_dialog = std::make_unique<ui::SettingsDialog>(*m_settings);
    QCOMPARE(m_dialog->problem(QStringLiteral("sipPassword")), problem);
    QVERIFY(!m_dialog->findChild<QLabel *>(QStringLiteral("sipPasswordProblem"))->isHidden());
    // Not a reason to refuse OK: saving is the remedy.
    QVERIFY(m_dialog->validate());
    m_dialog->setValues(sample());
    QVERIFY(m_dialog->save());
    QVERIFY(m_dialog->problem(QStringLiteral("sipPassword")).isEmpty());
    QVERIFY(!QFileInfo(credentialPath()).isSymLink());
    QCOMPARE(QFileInfo(credentialPath()).ownerId(), ::geteuid());
    QCOMPARE(ui::ConsoleSettings::load(*m_settings, &problem).sipPassword,
             QStringLiteral("s3cret-pass"));
    // The link's target was not written through.
    if (!otherOwner)
        QVERIFY(test::readFile(elsewhere).contains("planted"));
}

// When the credential file cannot be written, the dialog says so beside the password, stays
// open, and the password is not written anywhere else instead.
void TestSettingsDialog::saveFailureShownBesidePassword()
{
    // A directory where the temporary file goes cannot be replaced by a file.
    const QString blocker = credentialPath() + QStringLiteral(".new");
    QVERIFY(QDir().mkpath(blocker + QStringLiteral("/x")));
    m_dialog->setValues(sample());
    m_dialog->show();
    m_dialog->accept();
    QVERIFY(m_dialog->isVisible());
    QVERIFY(!m_dialog->problem(QStringLiteral("sipPassword")).isEmpty());
    QVERIFY(!m_dialog->findChild<QLabel *>(QStringLiteral("sipPasswordProblem"))->isHidden());
    QVERIFY(!test::readFile(iniPath()).contains("s3cret-pass"));
    QVERIFY(!QFile::exists(credentialPath()));
    QVERIFY(QDir(blocker).removeRecursively());
    QVERIFY(m_dialog->save());
    QVERIFY(m_dialog->problem(QStringLiteral("sipPassword")).isEmpty());
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
