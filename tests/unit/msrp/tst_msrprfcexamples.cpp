// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
//
// Every MSRP message printed in RFC 4975, 4976, 5547 and 7701 (../shared/corpora/rfc-examples/msrp)
// goes through the parser. The printed examples are not wire captures: where the RFC's body
// disagrees with its own Byte-Range, extraction-notes.json says so, and this test asserts that
// the codec notices exactly those disagreements rather than hiding them.
#include "engine/msrp/codec/msrpframecollector.h"
#include "engine/msrp/codec/msrpserializer.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace herald;
using namespace herald::msrp;

namespace {

// RFC 4976 prints long headers over several lines, indenting the continuation and mostly
// ending the broken line with "\" (once it forgets the backslash). That is the RFC's
// typography, not MSRP: MSRP has no header folding. Join such lines back into one.
QByteArray unfoldRfcLineContinuations(QByteArray text)
{
    static const QRegularExpression fold(QStringLiteral(" ?\\\\?\r\n[ \t]+"));
    // Only in the header block: bodies keep their own indentation.
    qsizetype end = text.indexOf("\r\n\r\n");
    if (end < 0)
        end = text.size();
    QString head = QString::fromUtf8(text.first(end));
    head.replace(fold, QStringLiteral(" "));
    return head.toUtf8() + text.sliced(end);
}

} // namespace

class TestMsrpRfcExamples : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (test::corporaDir().isEmpty())
            QSKIP("../shared/corpora is absent (HERALD_CORPORA_DIR); the RFC examples cannot be "
                  "read");
        const QString notesPath =
            test::corporaDir() + QStringLiteral("/rfc-examples/extraction-notes.json");
        const auto notes = QJsonDocument::fromJson(test::readFile(notesPath)).array();
        QVERIFY2(!notes.isEmpty(), qPrintable(notesPath));
        static const QRegularExpression quirk(
            QStringLiteral("Byte-Range says (\\d+) octets, printed body has (\\d+)"));
        for (const auto &v : notes) {
            const QJsonObject o = v.toObject();
            for (const auto &n : o.value(QStringLiteral("notes")).toArray()) {
                const auto m = quirk.match(n.toString());
                if (m.hasMatch())
                    m_printedLength.insert(o.value(QStringLiteral("file")).toString(),
                                           m.captured(2).toULongLong());
            }
        }
        QVERIFY(m_printedLength.size() >= 10);
    }

    void example_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(test::corporaDir() + QStringLiteral("/rfc-examples/msrp"));
        const QStringList files =
            dir.entryList({QStringLiteral("*.msrp")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 50);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void example()
    {
        QFETCH(QString, path);
        const QString name = QFileInfo(path).fileName();
        const QByteArray raw = test::readFile(path);
        const QByteArray wire = unfoldRfcLineContinuations(raw);
        if (wire != raw) {
            // Folded as printed, the continuation lines have no header name: a real parser
            // must refuse them rather than guess.
            QVERIFY(!parseFrames(raw).has_value());
        }

        auto frames = parseFrames(wire);
        QVERIFY2(frames.has_value(), frames ? "" : qPrintable(frames.error().detail));
        QCOMPARE(frames->size(), 1);
        const Frame &f = frames->front();

        // The file name carries the method or status and the transaction id.
        const QStringList parts = name.section(QLatin1Char('.'), 0, -2).split(QLatin1Char('-'));
        const QString what = parts.at(parts.size() - 2);
        QCOMPARE(QString::fromLatin1(f.transactionId), parts.last());
        if (f.isRequest())
            QCOMPARE(QString::fromLatin1(f.method), what);
        else
            QCOMPARE(QString::number(f.statusCode), what);

        // RFC 4975 §5.1 prints two SEND fragments without their paths.
        const bool fragment = name.startsWith(QLatin1String("rfc4975-s5.1-"));
        QCOMPARE(checkHead(f).has_value(), !fragment);

        // Byte-Range against the printed body: exactly the files the notes list disagree.
        const auto printed = m_printedLength.constFind(name);
        const bool agrees = checkBodyLength(f, quint64(f.body.size())).has_value();
        if (printed != m_printedLength.cend()) {
            QVERIFY2(!agrees,
                     "extraction-notes.json lists a Byte-Range quirk the codec did not see");
            QCOMPARE(quint64(f.body.size()), *printed);
        } else {
            QVERIFY2(agrees, "Byte-Range disagrees with a body the notes call consistent");
        }

        // Round trip: what the serializer writes parses back to the same frame.
        auto again = parseFrames(Serializer::serialize(f));
        QVERIFY(again.has_value());
        QCOMPARE(again->size(), 1);
        QCOMPARE(again->front(), f);
    }

private:
    QHash<QString, quint64> m_printedLength;
};

QTEST_APPLESS_MAIN(TestMsrpRfcExamples)
#include "tst_msrprfcexamples.moc"
