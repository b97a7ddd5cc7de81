// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sdp/fileattributes.h"

#include "engine/sdp/sdpgrammar.h"

#include <QLocale>
#include <QTimeZone>

namespace herald::sdp {

using namespace grammar;

Result<FileDate> FileDate::parse(QByteArrayView text)
{
    auto bad = [](const QString &what) {
        return fail(ErrorCode::Malformed, QStringLiteral("file-date: ") + what);
    };
    FileDate fd;
    qsizetype pos = 0;
    if (text.isEmpty())
        return bad(QStringLiteral("no date"));
    while (pos < text.size()) {
        if (pos > 0) {
            if (text[pos] != ' ' || pos + 1 >= text.size() || text[pos + 1] == ' ')
                return bad(QStringLiteral("parameters must be separated by single spaces"));
            ++pos;
        }
        const qsizetype colon = text.indexOf(':', pos);
        if (colon < 0 || colon + 1 >= text.size() || text[colon + 1] != '"')
            return bad(QStringLiteral("expected <name>:\"<date-time>\" at %1")
                           .arg(excerpt(text.sliced(pos))));
        const QByteArrayView label = text.sliced(pos, colon - pos);
        const qsizetype close = text.indexOf('"', colon + 2);
        if (close < 0)
            return bad(QStringLiteral("unterminated date-time"));
        const QByteArrayView date = text.sliced(colon + 2, close - colon - 2);
        if (!toDateTime(date))
            return bad(QStringLiteral("%1 is not an RFC 5322 date-time with a numeric zone")
                           .arg(excerpt(date)));
        std::optional<QByteArray> *slot = nullptr;
        if (label == "creation")
            slot = &fd.creation;
        else if (label == "modification")
            slot = &fd.modification;
        else if (label == "read")
            slot = &fd.read;
        else
            return bad(QStringLiteral("unknown parameter %1").arg(excerpt(label)));
        if (*slot)
            return bad(QStringLiteral("more than one %1 parameter").arg(QString::fromUtf8(label)));
        *slot = date.toByteArray();
        pos = close + 1;
    }
    return fd;
}

QByteArray FileDate::toBytes() const
{
    QByteArray out;
    auto add = [&out](const char *label, const std::optional<QByteArray> &date) {
        if (!date)
            return;
        if (!out.isEmpty())
            out += ' ';
        out += QByteArray(label) + ":\"" + *date + '"';
    };
    add("creation", creation);
    add("modification", modification);
    add("read", read);
    return out;
}

std::optional<QDateTime> FileDate::toDateTime(QByteArrayView dateTime)
{
    // RFC 5547 §6: "numeric timezones (+HHMM or -HHMM) must be used". Qt also reads zone-less
    // and named-zone forms, so the zone is checked here first.
    if (dateTime.size() < 6 || dateTime.size() > 64)
        return std::nullopt;
    const QByteArrayView zone = dateTime.last(5);
    if (dateTime[dateTime.size() - 6] != ' ' || (zone[0] != '+' && zone[0] != '-'))
        return std::nullopt;
    for (qsizetype i = 1; i < 5; ++i) {
        if (zone[i] < '0' || zone[i] > '9')
            return std::nullopt;
    }
    const QDateTime dt = QDateTime::fromString(QString::fromLatin1(dateTime), Qt::RFC2822Date);
    if (!dt.isValid())
        return std::nullopt;
    return dt;
}

QByteArray FileDate::formatDateTime(const QDateTime &dateTime)
{
    const int offset = dateTime.offsetFromUtc();
    const QDateTime local = dateTime.toOffsetFromUtc(offset);
    const int minutes = qAbs(offset) / 60;
    const QString text = QLocale::c().toString(local, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")) +
                         QLatin1Char(' ') + (offset < 0 ? QLatin1Char('-') : QLatin1Char('+')) +
                         QStringLiteral("%1%2")
                             .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                             .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return text.toLatin1();
}

Result<FileRange> FileRange::parse(QByteArrayView text)
{
    const qsizetype dash = text.indexOf('-');
    if (dash < 0)
        return fail(
            ErrorCode::Malformed,
            QStringLiteral("file-range: expected <start>-<stop>, got %1").arg(excerpt(text)));
    const auto start = parseUnsigned(text.first(dash));
    const QByteArrayView stopText = text.sliced(dash + 1);
    // RFC 5547 §6: the first octet of a file is octet 1.
    if (!start || *start == 0)
        return fail(ErrorCode::Malformed,
                    QStringLiteral("file-range: start must be a number from 1"));
    FileRange range{*start, std::nullopt};
    if (stopText != "*") {
        const auto stop = parseUnsigned(stopText);
        if (!stop || *stop < *start)
            return fail(ErrorCode::Malformed,
                        QStringLiteral("file-range: stop must be '*' or a number not below start"));
        range.stop = *stop;
    }
    return range;
}

QByteArray FileRange::toBytes() const
{
    return QByteArray::number(start) + '-' +
           (stop ? QByteArray::number(*stop) : QByteArrayLiteral("*"));
}

} // namespace herald::sdp
