// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/sip/sofiaruntime.h"

#include "engine/sip/siplogging.h"
#include "engine/sip/sipwiretap.h"
#include "engine/sip/sofialogassembler.h"

#include <sofia-sip/su.h>
#include <sofia-sip/su_log.h>

#include <QMutex>

#include <atomic>

#include <cstdarg>
#include <cstdio>

// The module logs of sofia-sip are exported by libsofia-sip-ua but declared in no public
// header (only soa_log is).
extern "C" {
extern su_log_t nua_log[];
extern su_log_t nta_log[];
extern su_log_t tport_log[];
extern su_log_t nea_log[];
extern su_log_t soa_log[];
extern su_log_t sresolv_log[];
extern su_log_t iptsec_log[];
}

namespace herald::sip {

namespace {

QMutex runtimeMutex;
int runtimeUsers = 0;

enum class SofiaVerbosity { Warning, Info, Debug };
std::atomic<SofiaVerbosity> sofiaVerbosity{SofiaVerbosity::Warning};

void emitEntry(const SofiaLogAssembler::Entry &entry)
{
    if (entry.kind == SofiaLogAssembler::Kind::WireMessage) {
        qCDebug(lcSipWire).noquote().nospace() << entry.direction << ' ' << entry.size << " bytes "
                                               << (entry.direction == "recv" ? "from " : "to ")
                                               << entry.transport << '/' << entry.peer << '\n'
                                               << entry.text;
        return;
    }
    const QString text = QString::fromUtf8(entry.text);
    // su_glib prints this at level 1 ("critical") every time a root is created.
    if (entry.text.startsWith("su_source_port_create() returns")) {
        qCDebug(lcSipSofia).noquote() << text;
        return;
    }
    // The tail of a message dump cut at a NUL octet belongs to the wire log.
    if (entry.text.startsWith("   *** message truncated")) {
        qCDebug(lcSipWire).noquote() << text.trimmed();
        return;
    }
    switch (sofiaVerbosity.load()) {
    case SofiaVerbosity::Debug:
        qCDebug(lcSipSofia).noquote() << text;
        break;
    case SofiaVerbosity::Info:
        qCInfo(lcSipSofia).noquote() << text;
        break;
    case SofiaVerbosity::Warning:
        qCWarning(lcSipSofia).noquote() << text;
        break;
    }
}

// su_logger_f: sofia writes lines in fragments, from its own stack thread as well as from
// ours, so each thread assembles its own lines.
void sofiaLogger(void *, char const *fmt, va_list ap)
{
    thread_local SofiaLogAssembler assembler;
    char buffer[2048];
    va_list copy;
    va_copy(copy, ap);
    const int n = std::vsnprintf(buffer, sizeof buffer, fmt, copy);
    va_end(copy);
    if (n <= 0)
        return;
    QByteArray text;
    if (size_t(n) < sizeof buffer) {
        text = QByteArray(buffer, n);
    } else {
        text.resize(n);
        std::vsnprintf(text.data(), size_t(n) + 1, fmt, ap);
    }
    for (SofiaLogAssembler::Entry &entry : assembler.feed(text)) {
        emitEntry(entry);
        // The Lab view's ladder: to the Agent whose stack thread this is (sipwiretap.h).
        if (entry.kind == SofiaLogAssembler::Kind::WireMessage)
            SipWireTap::dispatch(entry.direction == "send", std::move(entry.transport),
                                 std::move(entry.peer), std::move(entry.text));
    }
}

void redirectLogs()
{
    // sofia levels: 0 fatal .. 3 "warnings" .. 9 everything. The environment (SOFIA_DEBUG,
    // NUA_DEBUG, TPORT_DEBUG, ...) still wins: su_log_soft_set_level() leaves set ones alone.
    unsigned level = 1;
    SofiaVerbosity verbosity = SofiaVerbosity::Warning;
    if (lcSipSofia().isDebugEnabled()) {
        level = 7;
        verbosity = SofiaVerbosity::Debug;
    } else if (lcSipSofia().isInfoEnabled()) {
        level = 3;
        verbosity = SofiaVerbosity::Info;
    }
    sofiaVerbosity.store(verbosity);
    // Every module log without its own logger falls back to su_log_default's, and tport's
    // message dump is written with su_log(), i.e. to su_log_default at level 0.
    su_log_redirect(su_log_default, sofiaLogger, nullptr);
    su_log_redirect(su_log_global, sofiaLogger, nullptr);
    for (su_log_t *log : {su_log_default, su_log_global, nua_log, nta_log, tport_log, nea_log,
                          soa_log, sresolv_log, iptsec_log})
        su_log_soft_set_level(log, level);
}

} // namespace

SofiaRuntime::SofiaRuntime()
{
    QMutexLocker lock(&runtimeMutex);
    if (runtimeUsers++ == 0) {
        redirectLogs();
        su_init();
    }
}

SofiaRuntime::~SofiaRuntime()
{
    QMutexLocker lock(&runtimeMutex);
    if (--runtimeUsers == 0)
        su_deinit();
}

} // namespace herald::sip
