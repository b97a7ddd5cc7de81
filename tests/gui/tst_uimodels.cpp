// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// The console's item models obey the QAbstractItemModel contract and name their columns
// (empty here; tst_psapconsole and tst_labview test them with live traffic).

#include "engine/core/clock.h"
#include "engine/core/randomsource.h"
#include "engine/service/engine.h"
#include "ui/models/incomingcallsmodel.h"
#include "ui/models/msrpsessionsmodel.h"
#include "ui/models/sipdialogsmodel.h"
#include "ui/models/tcpconnectionsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <memory>

using namespace herald;

class TestUiModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void contract_data();
    void contract();

private:
    std::unique_ptr<QAbstractItemModel> makeModel(const QString &name);

    ManualClock m_clock;
    SeededRandomSource m_random{42};
    std::unique_ptr<service::Engine> m_engine;
};

void TestUiModels::init()
{
    service::EngineConfig config;
    config.msrpListenPort = 0;
    config.sip.port = 0;
    m_engine = std::make_unique<service::Engine>(config, m_clock, m_random);
}

void TestUiModels::cleanup()
{
    m_engine.reset();
}

std::unique_ptr<QAbstractItemModel> TestUiModels::makeModel(const QString &name)
{
    if (name == u"incoming calls")
        return std::make_unique<ui::IncomingCallsModel>(*m_engine);
    if (name == u"SIP dialogs")
        return std::make_unique<ui::SipDialogsModel>(m_engine->calls(), m_clock);
    if (name == u"MSRP sessions")
        return std::make_unique<ui::MsrpSessionsModel>(m_engine->msrp());
    if (name == u"TCP connections")
        return std::make_unique<ui::TcpConnectionsModel>(m_engine->msrp());
    return nullptr;
}

void TestUiModels::contract_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("columns");
    QTest::newRow("incoming calls")
        << QStringLiteral("incoming calls") << int(ui::IncomingCallsModel::ColumnCount);
    QTest::newRow("SIP dialogs") << QStringLiteral("SIP dialogs")
                                 << int(ui::SipDialogsModel::ColumnCount);
    QTest::newRow("MSRP sessions")
        << QStringLiteral("MSRP sessions") << int(ui::MsrpSessionsModel::ColumnCount);
    QTest::newRow("TCP connections")
        << QStringLiteral("TCP connections") << int(ui::TcpConnectionsModel::ColumnCount);
}

void TestUiModels::contract()
{
    QFETCH(QString, name);
    QFETCH(int, columns);
    const auto model = makeModel(name);
    QVERIFY(model);
    QAbstractItemModelTester tester(model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);

    // A stopped engine: empty, flat tables with named columns.
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(model->columnCount(), columns);
    QStringList headers;
    for (int column = 0; column < columns; ++column) {
        const QString header = model->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(!header.isEmpty(), qPrintable(QStringLiteral("column %1 unnamed").arg(column)));
        headers.append(header);
    }
    QCOMPARE(QSet<QString>(headers.cbegin(), headers.cend()).size(), headers.size());
    QVERIFY(!model->headerData(columns, Qt::Horizontal).isValid());
    QVERIFY(!model->data(model->index(0, 0)).isValid());
}

QTEST_MAIN(TestUiModels)
#include "tst_uimodels.moc"
