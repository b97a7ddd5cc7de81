// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/core/result.h"
#include "engine/store/records.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace herald::store {

class Store;

enum class TranscriptFormat { Json, Csv };

// A call's transcript as a file an operator can hand on: every message in stored order,
// who sent it, its text (or file reference) and its delivery times.
//
// JSON: one object {"call": {...}, "messages": [...]}, UTF-8, times in RFC 3339 UTC, absent
// values as null. CSV: RFC 4180 (a header row, CRLF line ends, fields holding a comma, a
// double quote, CR or LF enclosed in double quotes with inner quotes doubled), UTF-8
// without a byte order mark. Texts are written exactly as received: nothing is escaped
// or prefixed for spreadsheets.
QByteArray transcriptToJson(const CallRecord &call, const QList<MessageRecord> &messages);
QByteArray transcriptToCsv(const CallRecord &call, const QList<MessageRecord> &messages);

// The CSV columns, in order.
QStringList transcriptCsvColumns();
// One field quoted as RFC 4180 §2 wants it.
QString csvField(const QString &value);

// Loads a call and its transcript from the store and formats it. NotFound for an unknown
// call.
Result<QByteArray> exportTranscript(const Store &store, const QByteArray &callId,
                                    TranscriptFormat format);
// A call's NENA i3 log events (every stored event when callId is empty) as JSON lines.
Result<QByteArray> exportLogEvents(const Store &store, const QByteArray &callId = {});

} // namespace herald::store
