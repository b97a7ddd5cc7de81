// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace herald::rest {

using MetricLabels = QList<std::pair<QByteArray, QString>>;

// Writes the Prometheus text exposition format 0.0.4: per family one "# HELP" and one
// "# TYPE" line, then its samples "name{label="value",...} number". Sans-I/O: bytes out.
class PrometheusText
{
public:
    static constexpr const char *contentType = "text/plain; version=0.0.4; charset=utf-8";

    // type: counter, gauge, histogram, summary or untyped.
    void family(const QByteArray &name, const char *type, const QString &help);
    void sample(const QByteArray &name, const MetricLabels &labels, double value);
    void sample(const QByteArray &name, double value) { sample(name, {}, value); }

    const QByteArray &text() const { return m_text; }

    // HELP text: backslash and line feed escaped.
    static QByteArray escapeHelp(const QString &help);
    // Label values: backslash, double quote and line feed escaped.
    static QByteArray escapeLabelValue(const QString &value);
    // Go's float formatting as Prometheus parses it: integers without exponent, +Inf, NaN.
    static QByteArray formatValue(double value);

private:
    QByteArray m_text;
};

} // namespace herald::rest
