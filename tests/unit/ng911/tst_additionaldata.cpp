// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// RFC 7852 additional-data blocks. The documents in tests/data/ng911/adr-*.xml follow the
// examples of RFC 7852 §4.1-§4.5 (see tests/data/ng911/README.md).
#include "engine/ng911/additionaldata.h"
#include "tests/support/testsupport.h"

#include <QTest>

using namespace herald;
using namespace herald::ng911;

Q_DECLARE_METATYPE(herald::ErrorCode)
Q_DECLARE_METATYPE(herald::ng911::AdditionalDataKind)

namespace {

QByteArray dataFile(const QByteArray &name)
{
    return herald::test::readFile(herald::test::sourceDir() + QStringLiteral("/tests/data/ng911/") +
                                  QString::fromLatin1(name));
}

} // namespace

class TestAdditionalData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void providerInfo()
    {
        const auto block =
            parseAdditionalData(dataFile("adr-providerinfo.xml"), AdditionalDataKind::ProviderInfo);
        QVERIFY2(block, qPrintable(block.problem().detail));
        QCOMPARE(block->kind, AdditionalDataKind::ProviderInfo);
        QCOMPARE(block->dataProviderReference, QStringLiteral("string0987654321@example.org"));
        QCOMPARE(block->value(u"DataProviderString"), QStringLiteral("Example VoIP Provider"));
        QCOMPARE(block->value(u"TypeOfProvider"), QStringLiteral("Client"));
        QCOMPARE(block->value(u"ContactURI"), QStringLiteral("tel:+1-201-555-0123"));
        QCOMPARE(block->value(u"DataProviderContact.fn"), QStringLiteral("Hannes Tschofenig"));
        // xCard <parameters> (type=work) are not part of the value.
        QCOMPARE(block->value(u"DataProviderContact.tel"), QStringLiteral("tel:+358 50 4871445"));
        QCOMPARE(block->value(u"DataProviderContact.n"),
                 QStringLiteral("Hannes Tschofenig Dipl. Ing."));
    }

    void serviceInfo()
    {
        const auto block = parseAdditionalData(dataFile("adr-serviceinfo.xml"));
        QVERIFY2(block, qPrintable(block.problem().detail));
        QCOMPARE(block->kind, AdditionalDataKind::ServiceInfo);
        QCOMPARE(block->value(u"ServiceEnvironment"), QStringLiteral("Business"));
        QCOMPARE(block->values(u"ServiceType"),
                 QStringList({QStringLiteral("wireless"), QStringLiteral("MLTS-hosted")}));
        QCOMPARE(block->value(u"ServiceMobility"), QStringLiteral("Mobile"));
    }

    void deviceInfo()
    {
        const auto block = parseAdditionalData(dataFile("adr-deviceinfo.xml"));
        QVERIFY2(block, qPrintable(block.problem().detail));
        QCOMPARE(block->kind, AdditionalDataKind::DeviceInfo);
        QCOMPARE(block->value(u"DeviceMfgr"), QStringLiteral("Nokia"));
        QCOMPARE(block->value(u"DeviceModelNr"), QStringLiteral("Lumia 800"));
        QCOMPARE(block->fields.last().name, QStringLiteral("UniqueDeviceID"));
        QCOMPARE(block->fields.last().qualifier, QStringLiteral("IMEI"));
        QCOMPARE(block->fields.last().value, QStringLiteral("35788104"));
    }

    void subscriberInfo()
    {
        const auto block = parseAdditionalData(dataFile("adr-subscriberinfo.xml"));
        QVERIFY2(block, qPrintable(block.problem().detail));
        QCOMPARE(block->kind, AdditionalDataKind::SubscriberInfo);
        QVERIFY(!block->privacyRequested);
        QCOMPARE(block->value(u"SubscriberData.fn"), QStringLiteral("Simon Perreault"));
        QCOMPARE(block->value(u"SubscriberData.tel"),
                 QStringLiteral("tel:+1-418-656-9254;ext=102"));
        QCOMPARE(block->value(u"SubscriberData.adr"),
                 QStringLiteral("2875 boul. Laurier, suite D2-630 Quebec QC G1V 2M2 Canada"));
        QCOMPARE(block->value(u"SubscriberData.email"),
                 QStringLiteral("simon.perreault@viagenie.ca"));
    }

    void comment()
    {
        const auto block = parseAdditionalData(dataFile("adr-comment.xml"));
        QVERIFY2(block, qPrintable(block.problem().detail));
        QCOMPARE(block->kind, AdditionalDataKind::Comment);
        QCOMPARE(block->fields.size(), 2);
        QCOMPARE(block->fields[0].value, QStringLiteral("This is an example text."));
        QCOMPARE(block->fields[0].qualifier, QStringLiteral("en"));
        QCOMPARE(block->fields[1].qualifier, QStringLiteral("de"));
    }

    void mediaType()
    {
        QCOMPARE(additionalDataMediaType(AdditionalDataKind::DeviceInfo),
                 QByteArray("application/emergencycalldata.deviceinfo+xml"));
    }

    void unreadable_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<std::optional<AdditionalDataKind>>("expected");
        QTest::addColumn<ErrorCode>("code");
        const QByteArray device = dataFile("adr-deviceinfo.xml");
        const QByteArray provider = dataFile("adr-providerinfo.xml");
        using K = std::optional<AdditionalDataKind>;
        QTest::newRow("kind mismatch")
            << device << K(AdditionalDataKind::Comment) << ErrorCode::Malformed;
        QTest::newRow("unknown element")
            << QByteArray(device).replace("DeviceMfgr>", "DeviceMaker>") << K()
            << ErrorCode::Malformed;
        QTest::newRow("no reference")
            << QByteArray(device).replace("DataProviderReference>", "DeviceSpecificType>") << K()
            << ErrorCode::Malformed;
        QTest::newRow("two references")
            << QByteArray(device).replace(
                   "<dev:DeviceMfgr>Nokia</dev:DeviceMfgr>",
                   "<dev:DataProviderReference>x</dev:DataProviderReference>")
            << K() << ErrorCode::Malformed;
        QTest::newRow("provider lacks ContactURI")
            << QByteArray(provider).replace("<ad:ContactURI>tel:+1-201-555-0123</ad:ContactURI>",
                                            "")
            << K() << ErrorCode::Malformed;
        QTest::newRow("privacy missing")
            << dataFile("adr-subscriberinfo.xml").replace(" privacyRequested=\"false\"", "") << K()
            << ErrorCode::Malformed;
        QTest::newRow("not a block")
            << QByteArray("<presence xmlns='urn:ietf:params:xml:ns:pidf'/>") << K()
            << ErrorCode::Unsupported;
        QTest::newRow("dtd") << QByteArray(QByteArray("<!DOCTYPE x [<!ENTITY lol 'lol'>]>") +
                                           device)
                             << K() << ErrorCode::Unsupported;
        QTest::newRow("entity") << QByteArray(device).replace("Nokia", "&lol;") << K()
                                << ErrorCode::Unsupported;
        QTest::newRow("value too long")
            << QByteArray(device).replace("Nokia", QByteArray(3000, 'N')) << K()
            << ErrorCode::LimitExceeded;
        QTest::newRow("not xml") << QByteArray("DeviceMfgr=Nokia") << K() << ErrorCode::Malformed;
        QTest::newRow("empty") << QByteArray() << K() << ErrorCode::Malformed;
    }

    void unreadable()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(std::optional<AdditionalDataKind>, expected);
        QFETCH(ErrorCode, code);
        const auto block = parseAdditionalData(bytes, expected);
        QVERIFY(!block);
        QCOMPARE(block.raw(), bytes);
        QVERIFY(!block.problem().detail.isEmpty());
        QCOMPARE(errorCodeName(block.problem().code), errorCodeName(code));
    }
};

QTEST_GUILESS_MAIN(TestAdditionalData)
#include "tst_additionaldata.moc"
