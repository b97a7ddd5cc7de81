// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/rest/emergencyevents.h"

namespace herald::rest {

namespace {

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

void addLocation(EventData &out, const QString &prefix, const ng911::LocationInfo &info)
{
    if (info.shape) {
        const ng911::GeoShape &shape = *info.shape;
        out.append({prefix + QStringLiteral("shape"), ng911::shapeTypeName(shape.type)});
        out.append({prefix + QStringLiteral("latitude"), number(shape.centre().latitude)});
        out.append({prefix + QStringLiteral("longitude"), number(shape.centre().longitude)});
        if (shape.centre().altitude)
            out.append({prefix + QStringLiteral("altitude"), number(*shape.centre().altitude)});
        out.append({prefix + QStringLiteral("uncertainty"), number(shape.horizontalUncertainty())});
    }
    // RFC 5491 §5: no <confidence> means 95 %.
    out.append(
        {prefix + QStringLiteral("confidence"), QString::number(info.confidenceOrDefault())});
    if (info.civic)
        out.append({prefix + QStringLiteral("civic"), info.civic->summary()});
    if (!info.method.isEmpty())
        out.append({prefix + QStringLiteral("method"), info.method});
    if (!info.providedBy.isEmpty())
        out.append({prefix + QStringLiteral("provided_by"), info.providedBy});
    if (info.timestamp.isValid())
        out.append(
            {prefix + QStringLiteral("timestamp"), info.timestamp.toUTC().toString(Qt::ISODate)});
}

} // namespace

EventData locationEventData(const ng911::EmergencyCallData &data)
{
    // One entry per location, flattened over documents (a PIDF-LO may hold several), so that
    // location_latest points at what the console shows.
    EventData out;
    EventData entries;
    int index = 0;
    int latest = -1;
    for (const ng911::LocationEntry &entry : data.locations) {
        auto open = [&] {
            const QString prefix = QStringLiteral("location[%1].").arg(index++);
            entries.append({prefix + QStringLiteral("state"), ng911::dataStateName(entry.state)});
            entries.append(
                {prefix + QStringLiteral("reference"), QString::fromUtf8(entry.reference.uri)});
            return prefix;
        };
        if (entry.state != ng911::DataState::Resolved) {
            const QString prefix = open();
            if (!entry.problem.isEmpty())
                entries.append({prefix + QStringLiteral("problem"), entry.problem});
            if (entry.state == ng911::DataState::Unreadable)
                entries.append(
                    {prefix + QStringLiteral("raw"), QString::fromUtf8(entry.document.raw())});
            continue;
        }
        for (const ng911::LocationInfo &info : entry.document->locations) {
            latest = index;
            addLocation(entries, open(), info);
        }
    }
    out.append({QStringLiteral("location_count"), QString::number(index)});
    if (latest >= 0)
        out.append({QStringLiteral("location_latest"), QString::number(latest)});
    out.append(entries);
    return out;
}

EventData emergencyEventData(const ng911::EmergencyCallData &data)
{
    EventData out;
    if (!data.service.urn.isEmpty())
        out.append({QStringLiteral("service_urn"), QString::fromUtf8(data.service.urn)});
    // RFC 6881 §15: a test call is never dispatched; say so explicitly on every call.
    out.append({QStringLiteral("test_call"),
                data.service.isTest() ? QStringLiteral("yes") : QStringLiteral("no")});
    if (!data.callback.number.isEmpty())
        out.append({QStringLiteral("callback_number"), data.callback.number});
    if (data.isEmpty())
        return out;
    out.append(locationEventData(data));
    for (qsizetype i = 0; i < data.additionalData.size(); ++i) {
        const ng911::AdditionalDataEntry &entry = data.additionalData.at(i);
        const QString prefix = QStringLiteral("additional_data[%1].").arg(i);
        out.append({prefix + QStringLiteral("purpose"),
                    QStringLiteral("EmergencyCallData.") +
                        ng911::additionalDataKindName(entry.reference.kind)});
        out.append({prefix + QStringLiteral("state"), ng911::dataStateName(entry.state)});
        if (!entry.problem.isEmpty())
            out.append({prefix + QStringLiteral("problem"), entry.problem});
        if (entry.state == ng911::DataState::Unreadable)
            out.append({prefix + QStringLiteral("raw"), QString::fromUtf8(entry.block.raw())});
        if (entry.state != ng911::DataState::Resolved)
            continue;
        for (const ng911::AdditionalDataField &field : entry.block->fields)
            out.append({prefix + field.name, field.value});
    }
    return out;
}

} // namespace herald::rest
