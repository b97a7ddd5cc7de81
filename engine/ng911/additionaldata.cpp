// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/ng911/additionaldata.h"

#include "engine/core/xmlcursor.h"

#include <span>

namespace herald::ng911 {

namespace {

constexpr QStringView xmlNs = u"http://www.w3.org/XML/1998/namespace";
constexpr QStringView vcardNs = u"urn:ietf:params:xml:ns:vcard-4.0";

struct BlockGrammar
{
    AdditionalDataKind kind;
    QStringView ns;
    QStringView root;
    std::span<const QStringView> elements; // DataProviderReference is common to all
    std::span<const QStringView> required;
    std::span<const QStringView> xcardContainers;
};

constexpr QStringView providerElements[] = {
    u"DataProviderString", u"ProviderID", u"ProviderIDSeries",    u"TypeOfProvider",
    u"ContactURI",         u"Language",   u"DataProviderContact", u"SubcontractorPriority"};
constexpr QStringView providerRequired[] = {u"DataProviderString", u"ProviderID",
                                            u"ProviderIDSeries", u"TypeOfProvider", u"ContactURI"};
constexpr QStringView providerXcard[] = {u"DataProviderContact"};
constexpr QStringView serviceElements[] = {u"ServiceEnvironment", u"ServiceType",
                                           u"ServiceMobility"};
constexpr QStringView serviceRequired[] = {u"ServiceType"};
constexpr QStringView deviceElements[] = {u"DeviceClassification", u"DeviceMfgr",
                                          u"DeviceModelNr",        u"UniqueDeviceID",
                                          u"DeviceSpecificData",   u"DeviceSpecificType"};
constexpr QStringView subscriberElements[] = {u"SubscriberData"};
constexpr QStringView subscriberXcard[] = {u"SubscriberData"};
constexpr QStringView commentElements[] = {u"Comment"};

const BlockGrammar grammars[] = {
    {AdditionalDataKind::ProviderInfo, u"urn:ietf:params:xml:ns:EmergencyCallData:ProviderInfo",
     u"EmergencyCallData.ProviderInfo", providerElements, providerRequired, providerXcard},
    {AdditionalDataKind::ServiceInfo,
     u"urn:ietf:params:xml:ns:EmergencyCallData:ServiceInfo",
     u"EmergencyCallData.ServiceInfo",
     serviceElements,
     serviceRequired,
     {}},
    {AdditionalDataKind::DeviceInfo,
     u"urn:ietf:params:xml:ns:EmergencyCallData:DeviceInfo",
     u"EmergencyCallData.DeviceInfo",
     deviceElements,
     {},
     {}},
    {AdditionalDataKind::SubscriberInfo, u"urn:ietf:params:xml:ns:EmergencyCallData:SubscriberInfo",
     u"EmergencyCallData.SubscriberInfo", subscriberElements, subscriberElements, subscriberXcard},
    {AdditionalDataKind::Comment,
     u"urn:ietf:params:xml:ns:EmergencyCallData:Comment",
     u"EmergencyCallData.Comment",
     commentElements,
     {},
     {}},
};

bool contains(std::span<const QStringView> list, QStringView name)
{
    for (QStringView s : list) {
        if (s == name)
            return true;
    }
    return false;
}

class BlockReader
{
public:
    BlockReader(QByteArrayView bytes, const AdditionalDataLimits &limits)
        : m_limits(limits)
        , m_cursor(bytes, {limits.maxBytes, limits.maxDepth})
    {}

    std::optional<AdditionalDataBlock> read(std::optional<AdditionalDataKind> expected)
    {
        std::optional<AdditionalDataBlock> block = readRoot(expected);
        m_cursor.finish();
        if (m_cursor.failed())
            return std::nullopt;
        return block;
    }

    Error error() const { return m_cursor.error(); }

private:
    std::optional<AdditionalDataBlock> readRoot(std::optional<AdditionalDataKind> expected)
    {
        // Find the root first, then the grammar it names.
        if (!m_cursor.nextChild())
            return std::nullopt;
        const BlockGrammar *grammar = nullptr;
        for (const BlockGrammar &g : grammars) {
            if (m_cursor.is(g.ns, g.root))
                grammar = &g;
        }
        if (!grammar) {
            m_cursor.fail(ErrorCode::Unsupported,
                          QStringLiteral("<%1> is not an RFC 7852 block").arg(m_cursor.name()));
            return std::nullopt;
        }
        if (expected && *expected != grammar->kind) {
            m_cursor.fail(ErrorCode::Malformed, QStringLiteral("Call-Info says %1, the body is %2")
                                                    .arg(additionalDataKindName(*expected),
                                                         additionalDataKindName(grammar->kind)));
            return std::nullopt;
        }
        AdditionalDataBlock block;
        block.kind = grammar->kind;
        if (grammar->kind == AdditionalDataKind::SubscriberInfo) {
            const QString privacy = m_cursor.attribute(u"privacyRequested");
            if (privacy != u"true" && privacy != u"false") {
                m_cursor.fail(ErrorCode::Malformed,
                              QStringLiteral("privacyRequested must be true or false"));
                return std::nullopt;
            }
            block.privacyRequested = privacy == u"true";
        }
        bool sawReference = false;
        QList<QString> seen;
        while (m_cursor.nextChild()) {
            if (m_cursor.namespaceUri() != grammar->ns) {
                m_cursor.skip();
                continue;
            }
            const QString name = m_cursor.name().toString();
            if (name == u"DataProviderReference") {
                if (sawReference) {
                    m_cursor.fail(ErrorCode::Malformed,
                                  QStringLiteral("two DataProviderReference elements"));
                    break;
                }
                sawReference = true;
                block.dataProviderReference = m_cursor.readText(m_limits.maxValueChars);
                continue;
            }
            if (!contains(grammar->elements, name)) {
                m_cursor.fail(ErrorCode::Malformed,
                              QStringLiteral("<%1> is not part of %2").arg(name, grammar->root));
                break;
            }
            seen.append(name);
            if (contains(grammar->xcardContainers, name)) {
                readXcard(name, block);
                continue;
            }
            AdditionalDataField field{name, QString(), QString()};
            if (name == u"UniqueDeviceID")
                field.qualifier = m_cursor.attribute(u"TypeOfDeviceID");
            else if (name == u"Comment")
                field.qualifier = m_cursor.attribute(xmlNs, u"lang");
            field.value = m_cursor.readText(m_limits.maxValueChars);
            addField(block, std::move(field));
        }
        if (m_cursor.failed())
            return std::nullopt;
        if (!sawReference || block.dataProviderReference.isEmpty()) {
            m_cursor.fail(ErrorCode::Malformed, QStringLiteral("no DataProviderReference"));
            return std::nullopt;
        }
        for (QStringView required : grammar->required) {
            if (!seen.contains(required)) {
                m_cursor.fail(ErrorCode::Malformed,
                              QStringLiteral("%1 lacks <%2>").arg(grammar->root, required));
                return std::nullopt;
            }
        }
        return block;
    }

    // RFC 6351 xCard: <vcards><vcard><property>...</property>...</vcard></vcards>. Each
    // property becomes one field whose value is its text (a structured value such as <n> or
    // <adr> has its components joined by spaces).
    void readXcard(const QString &container, AdditionalDataBlock &block)
    {
        while (m_cursor.nextChild()) {
            if (!m_cursor.is(vcardNs, u"vcards")) {
                m_cursor.skip();
                continue;
            }
            while (m_cursor.nextChild()) {
                if (!m_cursor.is(vcardNs, u"vcard")) {
                    m_cursor.skip();
                    continue;
                }
                while (m_cursor.nextChild()) {
                    if (m_cursor.namespaceUri() != vcardNs) {
                        m_cursor.skip();
                        continue;
                    }
                    AdditionalDataField field{container + u'.' + m_cursor.name(), QString(),
                                              QString()};
                    field.value = readXcardProperty();
                    addField(block, std::move(field));
                }
            }
        }
    }

    // A property's value elements (<text>, <uri>, <surname>, ...), without its <parameters>
    // (type=work, pref=1), which describe the value rather than being it.
    QString readXcardProperty()
    {
        QStringList parts;
        while (m_cursor.nextChild()) {
            if (m_cursor.is(vcardNs, u"parameters")) {
                m_cursor.skip();
                continue;
            }
            if (const QString text = m_cursor.readAllText(m_limits.maxValueChars); !text.isEmpty())
                parts << text;
        }
        return parts.join(u' ');
    }

    void addField(AdditionalDataBlock &block, AdditionalDataField field)
    {
        if (m_cursor.failed())
            return;
        if (block.fields.size() >= m_limits.maxFields) {
            m_cursor.fail(ErrorCode::LimitExceeded,
                          QStringLiteral("more than %1 fields").arg(m_limits.maxFields));
            return;
        }
        block.fields.append(std::move(field));
    }

    AdditionalDataLimits m_limits;
    XmlCursor m_cursor;
};

} // namespace

QString AdditionalDataBlock::value(QStringView name) const
{
    for (const AdditionalDataField &f : fields) {
        if (f.name == name)
            return f.value;
    }
    return QString();
}

QStringList AdditionalDataBlock::values(QStringView name) const
{
    QStringList out;
    for (const AdditionalDataField &f : fields) {
        if (f.name == name)
            out << f.value;
    }
    return out;
}

Decoded<AdditionalDataBlock> parseAdditionalData(QByteArrayView bytes,
                                                 std::optional<AdditionalDataKind> expected,
                                                 const AdditionalDataLimits &limits)
{
    BlockReader reader(bytes, limits);
    auto block = reader.read(expected);
    if (!block)
        return Decoded<AdditionalDataBlock>::unreadable(bytes.toByteArray(), reader.error());
    return Decoded<AdditionalDataBlock>::readable(std::move(*block), bytes.toByteArray());
}

QByteArray additionalDataMediaType(AdditionalDataKind kind)
{
    return "application/emergencycalldata." + additionalDataKindName(kind).toLatin1().toLower() +
           "+xml";
}

} // namespace herald::ng911
