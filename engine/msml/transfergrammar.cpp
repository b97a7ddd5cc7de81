// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/msml/msmlgrammar.h"

// The media server's transfer package: <transfer> and what it holds, and the <send>,
// <exit> and <disconnect> actions (RFC 5707 §9.6.3 - §9.6.5) its shadow elements run.
namespace herald::msml::detail {

bool Grammar::parseTransfer(Transfer &transfer)
{
    const QString element = QStringLiteral("transfer");
    if (!allowOnly(element, {u"id", u"initial", u"iterate", u"retry", u"maxtime"}) ||
        !optionalMomlId(element, u"id", transfer.id) ||
        !optionalMomlId(element, u"initial", transfer.initial))
        return false;
    if (has(u"iterate")) {
        const auto iterate = Iterate::parse(attribute(u"iterate"));
        if (!iterate)
            return refuseValue(element, u"iterate", iterate.error().detail);
        transfer.iterate = *iterate;
    }
    if (!optionalCount(element, u"retry", transfer.retry) ||
        !optionalDuration(element, u"maxtime", transfer.maxtime))
        return false;

    QStringList objids;
    const auto uniqueObjid = [&](const QString &objid) {
        if (objid.isEmpty())
            return true;
        if (objids.contains(objid))
            return refuse(
                ErrorReason::DuplicateInstance, currentName(),
                QStringLiteral("objid \"%1\" is used twice in one <transfer>").arg(objid));
        objids.append(objid);
        return true;
    };

    for (;;) {
        const Step step = nextChild(element);
        if (step == Step::Failed)
            return false;
        if (step == Step::End)
            break;
        const QString name = currentName();
        if (name == u"fileobj") {
            FileObject object;
            if (!parseFileObject(object) || !uniqueObjid(object.objid))
                return false;
            transfer.objects.append(std::move(object));
        } else if (name == u"messageobj") {
            MessageObject object;
            if (!parseMessageObject(object) || !uniqueObjid(object.objid))
                return false;
            transfer.objects.append(std::move(object));
        } else {
            std::optional<ShadowHandler> *slot = nullptr;
            if (name == u"transferstart")
                slot = &transfer.onStart;
            else if (name == u"transferobjstart")
                slot = &transfer.onObjectStart;
            else if (name == u"transferobjdone")
                slot = &transfer.onObjectDone;
            else if (name == u"transferexit")
                slot = &transfer.onExit;
            if (!slot)
                return refuseChild(element);
            if (slot->has_value())
                return refuse(ErrorReason::ForbiddenContent, name,
                              QStringLiteral("<%1> given twice").arg(name));
            ShadowHandler handler;
            if (!parseShadowHandler(name, handler))
                return false;
            *slot = std::move(handler);
        }
    }
    if (transfer.objects.isEmpty())
        return refuse(ErrorReason::MissingContent, element,
                      QStringLiteral("<transfer> needs at least one <fileobj> or <messageobj>"));
    return true;
}

bool Grammar::parseFileObject(FileObject &object)
{
    const QString element = QStringLiteral("fileobj");
    if (!allowOnly(element, {u"objid", u"src", u"dest", u"contenttype", u"delete", u"overwrite",
                             u"append", u"retry", u"wait"}) ||
        !optionalMomlId(element, u"objid", object.objid))
        return false;
    QString src;
    if (!required(element, u"src", src))
        return false;
    auto source = MediaSource::parse(src);
    if (!source)
        return refuseValue(element, u"src", source.error().detail);
    object.src = std::move(*source);
    if (!destination(element, object.dest))
        return false;
    object.contentType = attribute(u"contenttype");
    if (has(u"contenttype") && !isMimeType(object.contentType))
        return refuseValue(element, u"contenttype",
                           QStringLiteral("\"%1\" is not a MIME type").arg(object.contentType));
    return optionalBoolean(element, u"delete", object.deleteSource) &&
           optionalBoolean(element, u"overwrite", object.overwrite) &&
           optionalBoolean(element, u"append", object.append) &&
           optionalCount(element, u"retry", object.retry) &&
           optionalDuration(element, u"wait", object.wait) && expectEnd(element);
}

bool Grammar::parseMessageObject(MessageObject &object)
{
    const QString element = QStringLiteral("messageobj");
    if (!allowOnly(element, {u"objid", u"dest", u"retry", u"wait"}) ||
        !optionalMomlId(element, u"objid", object.objid) || !destination(element, object.dest) ||
        !optionalCount(element, u"retry", object.retry) ||
        !optionalDuration(element, u"wait", object.wait))
        return false;

    bool haveContent = false;
    for (;;) {
        const Step step = nextChild(element);
        if (step == Step::Failed)
            return false;
        if (step == Step::End)
            break;
        if (xml().name() != u"content")
            return refuseChild(element);
        const QString content = QStringLiteral("content");
        if (haveContent)
            return refuse(ErrorReason::ForbiddenContent, content,
                          QStringLiteral("<messageobj> holds one <content>"));
        haveContent = true;
        if (!allowOnly(content, {u"contenttype"}))
            return false;
        object.contentType = attribute(u"contenttype");
        if (has(u"contenttype") && !isMimeType(object.contentType))
            return refuseValue(content, u"contenttype",
                               QStringLiteral("\"%1\" is not a MIME type").arg(object.contentType));
        if (!readText(content, object.content))
            return false;
        if (object.content.isEmpty())
            return refuse(ErrorReason::MissingContent, content,
                          QStringLiteral("<content> is empty"));
    }
    if (!haveContent)
        return refuse(ErrorReason::MissingContent, element,
                      QStringLiteral("<messageobj> needs a <content>"));
    return true;
}

bool Grammar::parseShadowHandler(const QString &element, ShadowHandler &handler)
{
    if (!allowOnly(element, {}))
        return false;
    for (;;) {
        const Step step = nextChild(element);
        if (step == Step::Failed)
            return false;
        if (step == Step::End)
            return true;
        const QString name = currentName();
        if (name != u"send" && name != u"exit" && name != u"disconnect")
            return refuseChild(element);
        // RFC 5707 §16.3.2 sendType: any <send>s, then at most one <exit> or <disconnect>.
        if (!handler.actions.isEmpty() && handler.actions.last().kind != DialogAction::Kind::Send)
            return refuse(
                ErrorReason::ForbiddenContent, name,
                QStringLiteral("<%1> after <%2>'s <exit>/<disconnect>").arg(name, element));
        DialogAction action;
        if (!parseDialogAction(action))
            return false;
        handler.actions.append(std::move(action));
    }
}

bool Grammar::parseDialogAction(DialogAction &action)
{
    const QString element = currentName();
    if (element == u"send") {
        action.kind = DialogAction::Kind::Send;
        if (!allowOnly(element, {u"event", u"target", u"namelist"}) ||
            !required(element, u"event", action.event) ||
            !required(element, u"target", action.target))
            return false;
        // RFC 5707 §16.3.2 momlEvent / momlTarget.
        if (!isMomlId(action.event))
            return refuseValue(element, u"event",
                               QStringLiteral("\"%1\" is not an event name").arg(action.event));
        if (!isMomlId(action.target))
            return refuseValue(element, u"target",
                               QStringLiteral("\"%1\" is not a target").arg(action.target));
    } else {
        action.kind =
            element == u"exit" ? DialogAction::Kind::Exit : DialogAction::Kind::Disconnect;
        if (!allowOnly(element, {u"namelist"}))
            return false;
    }
    action.namelist = parseNamelist(attribute(u"namelist"));
    return expectEnd(element);
}

} // namespace herald::msml::detail
