// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/msmlelements.h"

namespace herald::msml {

namespace {

struct PackageElements
{
    QStringView package;
    QStringView elements; // separated by single spaces
};

// Element names from RFC 5707's sections 7-10 and its schemas (§16), which name a few
// elements the prose does not (tone1, smedia, faxpollstart, ...).
constexpr PackageElements kPackages[] = {
    {u"core package (RFC 5707 §7)",
     u"msml send result event description name value confid dialogid"},
    {u"conference core package (RFC 5707 §8)",
     u"createconference reserve resource modifyconference destroyconference audiomix "
     u"n-loudest asn videolayout root region selector join modifystream unjoin monitor "
     u"stream visual"},
    {u"dialog core package (RFC 5707 §9.6)", u"dialogstart dialogend exit disconnect"},
    {u"dialog base package (RFC 5707 §9.7)",
     u"play audio video media smedia var playexit dtmfgen dtmfgenexit tonegen tone tone1 "
     u"tone2 silence tonegenexit record recordexit dtmf collect pattern detect noinput "
     u"nomatch dtmfexit moml"},
    {u"dialog group package (RFC 5707 §9.8)", u"group groupexit"},
    {u"dialog transform package (RFC 5707 §9.9)",
     u"vad voice tvoice tsilence gain agc gate clamp relay"},
    {u"dialog speech package (RFC 5707 §9.10)", u"speech grammar match speechexit tts"},
    {u"dialog fax detection package (RFC 5707 §9.11)", u"faxdetect faxdetectexit"},
    {u"dialog fax send/receive package (RFC 5707 §9.12)",
     u"faxsend sendobj hdrfooter format rxpoll faxstart faxnegotiate faxpagedone "
     u"faxobjectdone faxopcomplete faxpollstarted faxpollstart faxrcv faxrecv rcvobj txpoll"},
    {u"audit package (RFC 5707 §10)",
     u"audit auditresult confconfig controller dialog duration primitive sipdialog localseq "
     u"remoteseq localuri remoteuri remotetarget routeset localsdp remotesdp"},
};

constexpr QStringView kTransferPackage =
    u"transfer fileobj messageobj content transferstart transferobjstart transferobjdone "
    u"transferexit";

bool listed(QStringView names, QStringView element)
{
    for (QStringView name : names.tokenize(u' ')) {
        if (name == element)
            return true;
    }
    return false;
}

} // namespace

QString rfc5707Package(QStringView element)
{
    for (const PackageElements &package : kPackages) {
        if (listed(package.elements, element))
            return package.package.toString();
    }
    return QString();
}

bool isTransferPackageElement(QStringView element)
{
    return listed(kTransferPackage, element);
}

} // namespace herald::msml
