// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringView>

namespace herald::msml {

// The `dest` of a transfer object in the media server's transfer package: where to deliver
// a file or message over MSRP, e.g.
//
//   xmsrp://?offerer=sip:msml@10.0.0.7;answerer=sip:vmds@10.0.0.25;file=/inbox/msg1.amr
//
// Herald sends an INVITE with an MSRP offer from `offerer` to `answerer` and names the file
// `file` in the offer (RFC 5547 a=file-selector). Parameters are separated by ';'. A value
// that itself holds ';' (a SIP URI with parameters) is enclosed in angle brackets, as in a SIP
// name-addr: answerer=<sip:vmds@10.0.0.25;transport=tcp>. Values are taken literally (no
// percent-decoding: a SIP URI's own escapes must reach the SIP stack unchanged).
struct TransferDest
{
    QString authority; // between "xmsrp://" and "?"; kept as written, normally empty
    QString offerer;   // sip:/sips: URI; empty when not given (Herald then uses its own)
    QString answerer;  // sip:/sips: URI; mandatory
    QString file;      // the file's name at the receiver; empty when not given
    // Every other parameter, in order, names as written; a parameter without '=' has an
    // empty value.
    QList<QPair<QString, QString>> params;

    static Result<TransferDest> parse(QStringView text);
    // The canonical text; parse(toString()) == *this for every parsed value.
    QString toString() const;

    friend bool operator==(const TransferDest &, const TransferDest &) = default;
};

} // namespace herald::msml
