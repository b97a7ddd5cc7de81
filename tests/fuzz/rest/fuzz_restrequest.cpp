// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// libFuzzer target for the REST request parsers (remote input from HTTP clients): the XML
// web_service <call> and <eventhandler> readers and their JSON counterparts. Whatever the input:
//  - every parser returns (no crash, no assertion, bounded work);
//  - a refusal is a 4xx that names the field at fault;
//  - accepted subscriptions only hold event types an XMS client survives;
//  - every text the parsers took, written back as an attribute, is ASCII only (XMS-REST.md).
// A broken invariant aborts, which libFuzzer and the corpus replay both report.
#include "engine/rest/restjson.h"
#include "engine/rest/webservicexml.h"

#include <QByteArrayView>

#include <cstdint>
#include <cstdlib>

using namespace herald::rest;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

template<typename T>
void checkRefusal(const RestResult<T> &result)
{
    if (result)
        return;
    require(result.error().status >= 400 && result.error().status < 500);
    require(!result.error().field.isEmpty());
}

void checkAscii(const QString &text)
{
    for (const char c : xml::escapeAttribute(text))
        require(static_cast<unsigned char>(c) < 0x80);
}

void checkCall(const RestResult<CallRequest> &call)
{
    checkRefusal(call);
    if (!call)
        return;
    checkAscii(call->sdp);
    checkAscii(call->destinationUri);
    if (call->sendMessage)
        for (const MessagePayload &p : call->sendMessage->payloads) {
            checkAscii(p.content);
            require(!p.contentType.isEmpty());
        }
}

void checkSubscriptions(const RestResult<QList<Subscription>> &subs)
{
    checkRefusal(subs);
    if (!subs)
        return;
    for (const Subscription &s : *subs)
        require(s.type == QStringLiteral("any") || isKnownEventType(s.type));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    checkCall(xml::parseCall(bytes));
    checkCall(json::parseCall(bytes));
    checkSubscriptions(xml::parseEventHandler(bytes));
    checkSubscriptions(json::parseEventHandler(bytes));
    return 0;
}
