// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/credentialfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace herald::ui {

namespace {

// Far beyond two secrets; a bigger file is not ours.
constexpr qint64 maxFileBytes = 64 * 1024;
constexpr mode_t ownerOnly = S_IRUSR | S_IWUSR;
constexpr mode_t groupOrOthers = S_IRWXG | S_IRWXO;

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Closes a descriptor on every way out.
class Descriptor
{
public:
    explicit Descriptor(int fd)
        : m_fd(fd)
    {}
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    int get() const { return m_fd; }
    // close() reports the write errors NFS defers to it.
    int release()
    {
        const int result = ::close(m_fd);
        m_fd = -1;
        return result;
    }

private:
    int m_fd;
};

bool writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace

CredentialFile::CredentialFile(QString path)
    : m_path(std::move(path))
{}

CredentialFile CredentialFile::besideSettings(const QSettings &settings)
{
    const QFileInfo ini(settings.fileName());
    return CredentialFile(
        ini.dir().filePath(ini.completeBaseName() + QStringLiteral(".credentials")));
}

Result<QMap<QString, QString>> CredentialFile::read(bool *corrected) const
{
    if (corrected)
        *corrected = false;
    const QByteArray name = QFile::encodeName(m_path);
    // O_NOFOLLOW: a link planted in our place must not make us read (or later chmod) another
    // file; the checks below run on what was opened, not on a name that may change meanwhile.
    Descriptor fd(::open(name.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0) {
        const int error = errno;
        if (error == ENOENT)
            return QMap<QString, QString>();
        if (error == ELOOP)
            return fail(ErrorCode::InvalidArgument,
                        tr("%1 is a symbolic link; credentials were not read from it").arg(m_path));
        return fail(ErrorCode::Io, tr("Cannot read %1: %2").arg(m_path, systemError(error)));
    }
    struct stat info = {};
    if (::fstat(fd.get(), &info) != 0)
        return fail(ErrorCode::Io, tr("Cannot read %1: %2").arg(m_path, systemError(errno)));
    if (!S_ISREG(info.st_mode))
        return fail(ErrorCode::InvalidArgument,
                    tr("%1 is not a regular file; credentials were not read from it").arg(m_path));
    if (info.st_uid != ::geteuid())
        return fail(ErrorCode::InvalidArgument,
                    tr("%1 belongs to another user; credentials were not read from it. Remove "
                       "it, or save the settings again to replace it")
                        .arg(m_path));
    if ((info.st_mode & groupOrOthers) != 0) {
        if (::fchmod(fd.get(), ownerOnly) != 0)
            return fail(ErrorCode::Io, tr("%1 can be read by other users and its mode cannot "
                                          "be changed to 0600: %2")
                                           .arg(m_path, systemError(errno)));
        if (corrected)
            *corrected = true;
    }
    if (info.st_size > maxFileBytes)
        return fail(ErrorCode::LimitExceeded,
                    tr("%1 is too large to hold credentials").arg(m_path));

    QByteArray content(qsizetype(info.st_size), Qt::Uninitialized);
    qsizetype got = 0;
    while (got < content.size()) {
        const ssize_t n = ::read(fd.get(), content.data() + got, size_t(content.size() - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail(ErrorCode::Io, tr("Cannot read %1: %2").arg(m_path, systemError(errno)));
        if (n == 0)
            break;
        got += n;
    }
    content.truncate(got);

    QMap<QString, QString> secrets;
    int lineNumber = 0;
    for (const QByteArray &line : content.split('\n')) {
        ++lineNumber;
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype equals = line.indexOf('=');
        if (equals <= 0)
            return fail(ErrorCode::Malformed,
                        tr("%1, line %2: not a \"key=value\" line").arg(m_path).arg(lineNumber));
        secrets.insert(QString::fromUtf8(line.first(equals)),
                       QString::fromUtf8(QByteArray::fromPercentEncoding(line.mid(equals + 1))));
    }
    return secrets;
}

Result<void> CredentialFile::write(const QMap<QString, QString> &secrets) const
{
    QByteArray content = QByteArrayLiteral(
        "# Herald console credentials (owner only, mode 0600); the settings are in the .ini "
        "beside it.\n");
    bool any = false;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        if (it.value().isEmpty())
            continue;
        // Percent-encoding keeps every value on one line whatever it holds.
        content += it.key().toUtf8() + '=' + it.value().toUtf8().toPercentEncoding() + '\n';
        any = true;
    }
    const QByteArray name = QFile::encodeName(m_path);
    if (!any) {
        if (::unlink(name.constData()) != 0 && errno != ENOENT)
            return fail(ErrorCode::Io, tr("Cannot remove %1: %2").arg(m_path, systemError(errno)));
        return {};
    }

    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder))
        return fail(ErrorCode::Io, tr("Cannot create the folder %1").arg(folder));
    const QByteArray temporary = name + QByteArrayLiteral(".new");
    // A leftover of an interrupted save (or something planted) is not written through.
    if (::unlink(temporary.constData()) != 0 && errno != ENOENT)
        return fail(
            ErrorCode::Io,
            tr("Cannot replace %1: %2").arg(QFile::decodeName(temporary), systemError(errno)));
    Descriptor fd(::open(temporary.constData(),
                         O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, ownerOnly));
    if (fd.get() < 0)
        return fail(
            ErrorCode::Io,
            tr("Cannot write %1: %2").arg(QFile::decodeName(temporary), systemError(errno)));
    // Created 0600 (less only under a stricter umask); exactly 0600 whatever the umask.
    const bool written =
        ::fchmod(fd.get(), ownerOnly) == 0 && writeAll(fd.get(), content) && ::fsync(fd.get()) == 0;
    const int writeError = errno;
    if (!written || fd.release() != 0) {
        const int error = written ? errno : writeError;
        ::unlink(temporary.constData());
        return fail(ErrorCode::Io, tr("Cannot write %1: %2").arg(m_path, systemError(error)));
    }
    if (::rename(temporary.constData(), name.constData()) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return fail(ErrorCode::Io, tr("Cannot write %1: %2").arg(m_path, systemError(error)));
    }
    return {};
}

} // namespace herald::ui
