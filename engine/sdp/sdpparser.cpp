// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// SessionDescription::parse(): the strict, bounded line parser. Remote SDP reaches nothing
// else in Herald (PLATFORM.md §2, §10), so every rule here is also a security boundary: each
// line is looked at once, no loop runs without consuming input, and every count and length
// has a limit.
#include "engine/sdp/sdpfields.h"
#include "engine/sdp/sdpgrammar.h"
#include "engine/sdp/sessiondescription.h"

namespace herald::sdp {

namespace {

using namespace grammar;

// The order of RFC 8866 §5 for the session part; t=, r= and z= share one rank and are
// sequenced by the timing rules.
int sessionRank(char type)
{
    switch (type) {
    case 'v':
        return 0;
    case 'o':
        return 1;
    case 's':
        return 2;
    case 'i':
        return 3;
    case 'u':
        return 4;
    case 'e':
        return 5;
    case 'p':
        return 6;
    case 'c':
        return 7;
    case 'b':
        return 8;
    case 't':
    case 'r':
    case 'z':
        return 9;
    case 'k':
        return 10;
    case 'a':
        return 11;
    case 'm':
        return 12;
    default:
        return -1;
    }
}

int mediaRank(char type)
{
    switch (type) {
    case 'm':
        return 0;
    case 'i':
        return 1;
    case 'c':
        return 2;
    case 'b':
        return 3;
    case 'k':
        return 4;
    case 'a':
        return 5;
    default:
        return -1;
    }
}

class Parser
{
public:
    Parser(QByteArrayView text, const ParseLimits &limits)
        : m_text(text)
        , m_limits(limits)
    {}

    Result<SessionDescription> run();

private:
    tl::unexpected<Error> error(QString what) const
    {
        return fail(ErrorCode::Malformed,
                    QStringLiteral("SDP line %1: %2").arg(m_lineNumber).arg(what));
    }
    tl::unexpected<Error> limit(QString what) const
    {
        return fail(ErrorCode::LimitExceeded,
                    QStringLiteral("SDP line %1: %2").arg(m_lineNumber).arg(what));
    }

    Result<void> line(char type, QByteArrayView value);
    Result<void> sessionLine(char type, QByteArrayView value);
    Result<void> mediaLine(char type, QByteArrayView value);

    // A field parser's error, located on the current line.
    tl::unexpected<Error> located(const Error &e) const
    {
        return fail(e.code, QStringLiteral("SDP line %1: %2").arg(m_lineNumber).arg(e.detail));
    }
    Result<QByteArray> text(char type, QByteArrayView value) const;

    Result<void> finishMedia();

    QByteArrayView m_text;
    const ParseLimits &m_limits;
    SessionDescription m_sdp;
    int m_lineNumber = 0;
    int m_mediaLine = 0; // line of the current m=
    int m_rank = -1;     // rank of the previous line in the current section
    char m_previous = 0; // type of the previous line
    bool m_inMedia = false;
    bool m_sawOrigin = false;
    bool m_sawName = false;
    bool m_zoneInTiming = false;
};

Result<SessionDescription> Parser::run()
{
    if (m_text.size() > m_limits.maxBytes) {
        return fail(ErrorCode::LimitExceeded,
                    QStringLiteral("SDP body is %1 bytes, the limit is %2")
                        .arg(m_text.size())
                        .arg(m_limits.maxBytes));
    }
    if (m_text.isEmpty())
        return fail(ErrorCode::Malformed, QStringLiteral("SDP body is empty"));

    qsizetype pos = 0;
    bool sawBlank = false;
    while (pos < m_text.size()) {
        ++m_lineNumber;
        if (m_lineNumber > m_limits.maxLines)
            return limit(QStringLiteral("more than %1 lines").arg(m_limits.maxLines));
        qsizetype end = m_text.indexOf('\n', pos);
        const qsizetype next = end < 0 ? m_text.size() : end + 1;
        if (end < 0)
            end = m_text.size(); // a last line without a line end is accepted
        QByteArrayView content = m_text.sliced(pos, end - pos);
        if (content.endsWith('\r') && end < m_text.size())
            content.chop(1);
        pos = next;

        if (content.size() > m_limits.maxLineLength) {
            return limit(QStringLiteral("line is %1 bytes long, the limit is %2")
                             .arg(content.size())
                             .arg(m_limits.maxLineLength));
        }
        if (content.isEmpty()) {
            sawBlank = true;
            continue;
        }
        if (sawBlank)
            return error(QStringLiteral("a blank line precedes this line"));
        for (qsizetype i = 0; i < content.size(); ++i) {
            if (isControl(content[i])) {
                return error(
                    QStringLiteral("control character 0x%1 at column %2")
                        .arg(static_cast<unsigned char>(content[i]), 2, 16, QLatin1Char('0'))
                        .arg(i + 1));
            }
        }
        if (!isValidUtf8(content))
            return error(QStringLiteral("not valid UTF-8"));
        if (content.size() < 2 || content[1] != '=' || content[0] < 'a' || content[0] > 'z')
            return error(QStringLiteral("expected <letter>=<value>, got %1").arg(excerpt(content)));
        if (auto ok = line(content[0], content.sliced(2)); !ok)
            return tl::unexpected(ok.error());
    }

    if (m_lineNumber == 0 || m_rank < 0)
        return fail(ErrorCode::Malformed, QStringLiteral("SDP body has no lines"));
    if (auto ok = finishMedia(); !ok)
        return tl::unexpected(ok.error());
    if (!m_sawOrigin)
        return fail(ErrorCode::Malformed, QStringLiteral("SDP has no o= line"));
    if (!m_sawName)
        return fail(ErrorCode::Malformed, QStringLiteral("SDP has no s= line"));
    return std::move(m_sdp);
}

Result<void> Parser::line(char type, QByteArrayView value)
{
    if (m_rank < 0) {
        if (type != 'v')
            return error(
                QStringLiteral("the first line must be v=, got %1=").arg(QLatin1Char(type)));
        if (value != "0")
            return error(QStringLiteral("unsupported SDP version %1").arg(excerpt(value)));
        m_rank = 0;
        m_previous = 'v';
        return {};
    }
    if (type == 'm') {
        if (auto ok = finishMedia(); !ok)
            return ok;
        if (m_sdp.media.size() >= m_limits.maxMediaSections)
            return limit(
                QStringLiteral("more than %1 media sections").arg(m_limits.maxMediaSections));
        if (!m_sawOrigin || !m_sawName)
            return error(QStringLiteral("m= before the o= and s= lines"));
        auto m = fields::media(value, m_limits.maxFormatsPerMedia);
        if (!m)
            return located(m.error());
        m_sdp.media.append(std::move(*m));
        m_mediaLine = m_lineNumber;
        m_inMedia = true;
        m_rank = 0;
        m_previous = 'm';
        return {};
    }
    auto ok = m_inMedia ? mediaLine(type, value) : sessionLine(type, value);
    m_previous = type;
    return ok;
}

Result<void> Parser::sessionLine(char type, QByteArrayView value)
{
    const int rank = sessionRank(type);
    if (rank < 0)
        return error(QStringLiteral("unknown line type %1= (RFC 8866 §5)").arg(QLatin1Char(type)));
    if (type == 'v')
        return error(QStringLiteral("second v= line"));
    if (rank < m_rank) {
        return error(QStringLiteral("%1= is out of order (after %2=)")
                         .arg(QLatin1Char(type))
                         .arg(QLatin1Char(m_previous)));
    }
    const bool repeated = rank == m_rank && m_previous == type;
    const bool multiple =
        type == 'e' || type == 'p' || type == 'b' || type == 'a' || type == 't' || type == 'r';
    if (repeated && !multiple)
        return error(QStringLiteral("more than one %1= line").arg(QLatin1Char(type)));
    m_rank = rank;

    switch (type) {
    case 'o': {
        auto o = fields::origin(value);
        if (!o)
            return located(o.error());
        m_sdp.origin = std::move(*o);
        m_sawOrigin = true;
        return {};
    }
    case 's':
        if (!m_sawOrigin)
            return error(QStringLiteral("s= before o="));
        // RFC 8866 wants at least one character; RFC 5547 prints "s=", so an empty name is
        // tolerated (see the class comment).
        m_sdp.sessionName = value.toByteArray();
        m_sawName = true;
        return {};
    case 'i':
    case 'u':
    case 'e':
    case 'p':
    case 'k': {
        if (!m_sawName)
            return error(QStringLiteral("%1= before s=").arg(QLatin1Char(type)));
        auto t = text(type, value);
        if (!t)
            return tl::unexpected(t.error());
        if (type == 'i')
            m_sdp.information = std::move(*t);
        else if (type == 'u')
            m_sdp.uri = std::move(*t);
        else if (type == 'e')
            m_sdp.emails.append(std::move(*t));
        else if (type == 'p')
            m_sdp.phones.append(std::move(*t));
        else
            m_sdp.key = std::move(*t);
        return {};
    }
    case 'c': {
        auto c = fields::connection(value);
        if (!c)
            return located(c.error());
        m_sdp.connection = std::move(*c);
        return {};
    }
    case 'b': {
        auto b = fields::bandwidth(value);
        if (!b)
            return located(b.error());
        m_sdp.bandwidths.append(std::move(*b));
        return {};
    }
    case 't': {
        if (!m_sawName)
            return error(QStringLiteral("t= before s="));
        auto t = fields::timing(value);
        if (!t)
            return located(t.error());
        m_sdp.timings.append(std::move(*t));
        m_zoneInTiming = false;
        return {};
    }
    case 'r':
        if (m_sdp.timings.isEmpty())
            return error(QStringLiteral("r= without a preceding t="));
        if (m_zoneInTiming)
            return error(QStringLiteral("r= after z="));
        if (!fields::isTimeFieldList(value, 3))
            return error(QStringLiteral("r= is not a list of times: %1").arg(excerpt(value)));
        m_sdp.timings.last().repeats.append(value.toByteArray());
        return {};
    case 'z':
        if (m_sdp.timings.isEmpty())
            return error(QStringLiteral("z= without a preceding t="));
        if (m_zoneInTiming)
            return error(QStringLiteral("more than one z= line"));
        if (!fields::isTimeFieldList(value, 2) || splitOnSingleSpaces(value).size() % 2 != 0)
            return error(
                QStringLiteral("z= is not a list of time/offset pairs: %1").arg(excerpt(value)));
        m_sdp.timings.last().zoneAdjustments = value.toByteArray();
        m_zoneInTiming = true;
        return {};
    case 'a': {
        if (!m_sawName)
            return error(QStringLiteral("a= before s="));
        auto a = fields::attribute(value, m_limits.maxAttributeValueLength);
        if (!a)
            return located(a.error());
        m_sdp.attributes.append(std::move(*a));
        return {};
    }
    default:
        break;
    }
    return error(QStringLiteral("unexpected %1= line").arg(QLatin1Char(type)));
}

Result<void> Parser::mediaLine(char type, QByteArrayView value)
{
    const int rank = mediaRank(type);
    if (rank < 0)
        return error(
            QStringLiteral("%1= is not allowed in a media section").arg(QLatin1Char(type)));
    if (rank < m_rank) {
        return error(QStringLiteral("%1= is out of order in a media section (after %2=)")
                         .arg(QLatin1Char(type))
                         .arg(QLatin1Char(m_previous)));
    }
    const bool repeated = rank == m_rank && m_previous == type;
    if (repeated && (type == 'i' || type == 'k'))
        return error(
            QStringLiteral("more than one %1= line in a media section").arg(QLatin1Char(type)));
    m_rank = rank;

    MediaDescription &m = m_sdp.media.last();
    switch (type) {
    case 'i':
    case 'k': {
        auto t = text(type, value);
        if (!t)
            return tl::unexpected(t.error());
        (type == 'i' ? m.information : m.key) = std::move(*t);
        return {};
    }
    case 'c': {
        auto c = fields::connection(value);
        if (!c)
            return located(c.error());
        m.connections.append(std::move(*c));
        return {};
    }
    case 'b': {
        auto b = fields::bandwidth(value);
        if (!b)
            return located(b.error());
        m.bandwidths.append(std::move(*b));
        return {};
    }
    case 'a': {
        auto a = fields::attribute(value, m_limits.maxAttributeValueLength);
        if (!a)
            return located(a.error());
        m.attributes.append(std::move(*a));
        return {};
    }
    default:
        break;
    }
    return error(QStringLiteral("unexpected %1= line").arg(QLatin1Char(type)));
}

// RFC 8866 §5.7: c= at session level, or in every media section. A rejected stream (port 0)
// carries no transport address, so it may do without.
Result<void> Parser::finishMedia()
{
    if (!m_inMedia)
        return {};
    const MediaDescription &m = m_sdp.media.last();
    if (m.port != 0 && m.connections.isEmpty() && !m_sdp.connection) {
        return fail(
            ErrorCode::Malformed,
            QStringLiteral(
                "SDP line %1: media section %2 (m=%3) has no c= line and the session has none")
                .arg(m_mediaLine)
                .arg(m_sdp.media.size())
                .arg(QString::fromUtf8(m.media)));
    }
    return {};
}

Result<QByteArray> Parser::text(char type, QByteArrayView value) const
{
    if (value.isEmpty())
        return error(QStringLiteral("empty %1= line").arg(QLatin1Char(type)));
    return value.toByteArray();
}

} // namespace

Result<SessionDescription> SessionDescription::parse(QByteArrayView text, const ParseLimits &limits)
{
    return Parser(text, limits).run();
}

} // namespace herald::sdp
