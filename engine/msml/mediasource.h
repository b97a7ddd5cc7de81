// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QString>
#include <QStringView>
#include <QUrl>

namespace herald::msml {

// The `src` of a fileobj: the file to send. Herald reads local files and fetches from
// voicemail storage over HTTP(S); nothing else.
//
// Local files must be absolute (file:///var/spool/x.amr, file://localhost/..., file:/...,
// RFC 8089 §2). Refused: other hosts; RFC 5707's relative style "file://clip.wav" (there
// "clip.wav" is a host name); "." and ".." segments and empty segments, also when
// percent-encoded; a query or fragment; control characters. The executor must still resolve
// `path` under its media root and refuse what escapes it once symlinks are followed: this
// check is syntax only.
struct MediaSource
{
    enum class Scheme { File, Http, Https };

    Scheme scheme = Scheme::File;
    QString uri;  // as written in the document
    QString path; // File: the decoded absolute path; empty otherwise
    QUrl url;     // Http/Https: the parsed URL; empty otherwise

    static Result<MediaSource> parse(QStringView text);

    friend bool operator==(const MediaSource &, const MediaSource &) = default;
};

} // namespace herald::msml
