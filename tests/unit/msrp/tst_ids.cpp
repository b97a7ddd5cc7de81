// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "engine/core/ids.h"

#include <QSet>
#include <QTest>

using namespace herald;

class TestIds : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void entropy()
    {
        SystemRandomSource random;
        IdGenerator ids(random);
        // RFC 4975 §7.1 (transaction ids >= 64 bits) and §14.1 (session ids >= 80 bits).
        QVERIFY(IdGenerator::entropyBits(ids.transactionId().size()) >= 64);
        QVERIFY(IdGenerator::entropyBits(ids.sessionId().size()) >= 80);
    }

    void alphabetAndUniqueness()
    {
        SystemRandomSource random;
        IdGenerator ids(random);
        QSet<QByteArray> seen;
        for (int i = 0; i < 20000; ++i) {
            const QByteArray id = ids.sessionId();
            for (char c : id)
                QVERIFY((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 20000);
    }

    void uniformSymbols()
    {
        // Rejection sampling keeps every symbol equally likely: with 620,000 symbols each of the
        // 62 appears 10,000 times on average; a modulo bias of 256 % 62 would skew 8 of them by ~25
        // %.
        SeededRandomSource random(1);
        IdGenerator ids(random);
        QHash<char, int> counts;
        for (char c : ids.alphanumeric(620000))
            ++counts[c];
        QCOMPARE(counts.size(), 62);
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            QVERIFY2(it.value() > 9400 && it.value() < 10600,
                     qPrintable(QString::number(it.value())));
    }

    void systemSourceIsNotSeeded()
    {
        SystemRandomSource a;
        SystemRandomSource b;
        QVERIFY(a.next64() != b.next64());
    }
};

QTEST_APPLESS_MAIN(TestIds)
#include "tst_ids.moc"
