// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#pragma once

#include "engine/msml/mediasource.h"
#include "engine/msml/msmlvalues.h"
#include "engine/msml/responsecode.h"
#include "engine/msml/transferdest.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>
#include <variant>

// The parts of MSML (RFC 5707) and of the media server's `transfer` package that Herald
// executes, as plain values. The parser fills them, the writer writes them; an attribute the
// document did not give is an empty QString or an empty optional, so that writing a parsed
// document gives the same document back.
namespace herald::msml {

// <send>, <exit> and <disconnect> inside a dialog (RFC 5707 §9.6.3 - §9.6.5).
struct DialogAction
{
    enum class Kind { Send, Exit, Disconnect };

    Kind kind = Kind::Send;
    QString event;        // Send only: the event name
    QString target;       // Send only: "source", a primitive ("transfer"), "group", ...
    QStringList namelist; // shadow variables to report, e.g. transfer.objid

    friend bool operator==(const DialogAction &, const DialogAction &) = default;
};

// A shadow element of the transfer package (<transferstart>, <transferobjstart>,
// <transferobjdone>, <transferexit>): what to do when that moment comes. Like the fax
// package's status elements (RFC 5707 §9.12.1.4 - 9.12.1.9), an empty element is a request
// with no actions of its own; the executor decides what an empty request reports.
struct ShadowHandler
{
    QList<DialogAction> actions; // in document order; Exit/Disconnect can only be last

    friend bool operator==(const ShadowHandler &, const ShadowHandler &) = default;
};

// <fileobj>: one file to deliver.
struct FileObject
{
    QString objid;                    // reported as transfer.objid; unique within its transfer
    MediaSource src;                  // mandatory
    TransferDest dest;                // mandatory
    QString contentType;              // e.g. "audio/amr"; empty when not given
    std::optional<bool> deleteSource; // delete="true": remove src once delivered
    std::optional<bool> overwrite;    // the receiver may replace a file of that name
    std::optional<bool> append;       // the receiver appends to a file of that name
    std::optional<int> retry;         // further attempts after a failed delivery
    std::optional<std::chrono::milliseconds> wait; // pause before each retry

    friend bool operator==(const FileObject &, const FileObject &) = default;
};

// <messageobj>: an inline message to deliver, from its <content> child.
struct MessageObject
{
    QString objid;
    TransferDest dest; // mandatory
    std::optional<int> retry;
    std::optional<std::chrono::milliseconds> wait;
    QString contentType; // <content contenttype="...">; empty means text/plain
    QString content;     // the text, exactly as in the document (not trimmed)

    friend bool operator==(const MessageObject &, const MessageObject &) = default;
};

using TransferObject = std::variant<FileObject, MessageObject>;

// <transfer>: the primitive of the transfer package.
struct Transfer
{
    QString id;      // the primitive's id (momlID); empty when not given
    QString initial; // initial state, as written (RFC 5707 primitives use e.g. "suspend")
    std::optional<Iterate> iterate;
    std::optional<int> retry;
    std::optional<std::chrono::milliseconds> maxtime;

    QList<TransferObject> objects; // at least one, delivered in document order

    std::optional<ShadowHandler> onStart;       // <transferstart>
    std::optional<ShadowHandler> onObjectStart; // <transferobjstart>
    std::optional<ShadowHandler> onObjectDone;  // <transferobjdone>
    std::optional<ShadowHandler> onExit;        // <transferexit>

    friend bool operator==(const Transfer &, const Transfer &) = default;
};

// <dialogstart> (RFC 5707 §9.6.1).
struct DialogStart
{
    QString target; // conn:... or conf:...
    QString name;   // instance name; empty: the media server assigns one
    QString type;   // dialog language as written; empty when not given (inline MSML)
    QString src;    // URI of an external dialog document; empty for an inline dialog
    QString mark;

    std::optional<Transfer> transfer; // the inline dialog's primitive
    QList<DialogAction> actions;      // <send>/<exit>/<disconnect> after the primitive

    // "conn:abc/dialog:12345" (RFC 5707 §6.2); empty when the name is not given.
    QString dialogId() const;

    friend bool operator==(const DialogStart &, const DialogStart &) = default;
};

// <dialogend> (RFC 5707 §9.6.2).
struct DialogEnd
{
    QString id; // a dialog identifier, conn:abc/dialog:12345
    QString mark;

    friend bool operator==(const DialogEnd &, const DialogEnd &) = default;
};

// <send> directly under <msml> (RFC 5707 §7.2): an event for an object in the media server,
// e.g. target="conn:abc/dialog:12345" event="terminate".
struct CoreSend
{
    QString event;
    QString target;
    QString valuelist;
    QString mark;

    friend bool operator==(const CoreSend &, const CoreSend &) = default;
};

using Operation = std::variant<DialogStart, DialogEnd, CoreSend>;

// A request: operations executed in document order as one transaction (RFC 5707 §5).
struct Request
{
    QList<Operation> operations;

    friend bool operator==(const Request &, const Request &) = default;
};

// <result> (RFC 5707 §7.3), the answer to a request.
struct ResultDocument
{
    int response = 200;
    QString mark;
    QString description;   // why, for an error; empty when not given
    QStringList dialogIds; // <dialogid>: dialogs created without a client-given name
    QStringList confIds;   // <confid>

    static ResultDocument ok() { return ResultDocument{}; }
    static ResultDocument error(ResponseCode code, QString description);

    friend bool operator==(const ResultDocument &, const ResultDocument &) = default;
};

// <event> (RFC 5707 §7.4): what a running dialog reports, with its namelist values.
struct EventDocument
{
    QString name;                          // e.g. "transfer.objectdone", "msml.dialog.exit"
    QString id;                            // the dialog, e.g. "conn:abc/dialog:12345"
    QList<QPair<QString, QString>> values; // <name>/<value> pairs in order

    friend bool operator==(const EventDocument &, const EventDocument &) = default;
};

// One <msml> document: a request, a result or an event.
struct Document
{
    QString version = QStringLiteral("1.1");
    std::variant<Request, ResultDocument, EventDocument> body;

    bool isRequest() const { return std::holds_alternative<Request>(body); }
    bool isResult() const { return std::holds_alternative<ResultDocument>(body); }
    bool isEvent() const { return std::holds_alternative<EventDocument>(body); }
    const Request *request() const { return std::get_if<Request>(&body); }
    const ResultDocument *result() const { return std::get_if<ResultDocument>(&body); }
    const EventDocument *event() const { return std::get_if<EventDocument>(&body); }

    friend bool operator==(const Document &, const Document &) = default;
};

} // namespace herald::msml
