// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Herald developers
#include "ui/widgets/locationpanel.h"

#include "ui/models/civiclabels.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <cmath>

namespace herald::ui {

namespace {

QLabel *valueLabel(const char *objectName, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

// A polygon's or prism's middle, for reading out; its first vertex would mislead.
ng911::GeoPosition centreOf(const ng911::GeoShape &shape)
{
    if (shape.type != ng911::ShapeType::Polygon && shape.type != ng911::ShapeType::Prism)
        return shape.centre();
    // RFC 5491 §5.2.2: the ring repeats its first point last; count it once.
    const qsizetype n = std::max<qsizetype>(1, shape.positions.size() - 1);
    ng911::GeoPosition sum;
    for (qsizetype i = 0; i < n; ++i) {
        sum.latitude += shape.positions.at(i).latitude;
        sum.longitude += shape.positions.at(i).longitude;
    }
    sum.latitude /= double(n);
    sum.longitude /= double(n);
    return sum;
}

QString metres(double value)
{
    return QLocale().toString(value, 'f', value < 10 ? 1 : 0);
}

QString hostOf(const QByteArray &uri)
{
    const QString host = QUrl(QString::fromUtf8(uri)).host();
    return host.isEmpty() ? QString::fromUtf8(uri) : host;
}

} // namespace

LocationPanel::LocationPanel(QWidget *parent)
    : QGroupBox(tr("Location"), parent)
{
    setObjectName(QStringLiteral("locationPanel"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("locationStatus"));
    m_status->setAccessibleName(tr("Location status"));
    m_status->setWordWrap(true);

    m_coordinates = valueLabel("locationCoordinates", tr("Coordinates"), this);
    // The first thing read out to a responder: larger, and in a font where 1 and l differ.
    QFont coordinatesFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    coordinatesFont.setPointSizeF(std::max(coordinatesFont.pointSizeF(), 11.0));
    coordinatesFont.setBold(true);
    m_coordinates->setFont(coordinatesFont);
    m_uncertainty = valueLabel("locationUncertainty", tr("Uncertainty"), this);
    m_confidence = valueLabel("locationConfidence", tr("Confidence"), this);
    m_civic = valueLabel("locationCivic", tr("Address"), this);
    m_civic->setStyleSheet(QStringLiteral("font-weight: 600;"));
    m_method = valueLabel("locationMethod", tr("Method"), this);
    m_providedBy = valueLabel("locationProvidedBy", tr("Provided by"), this);
    m_timestamp = valueLabel("locationTimestamp", tr("Determined"), this);

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->addRow(tr("Coordinates:"), m_coordinates);
    m_form->addRow(tr("Uncertainty:"), m_uncertainty);
    m_form->addRow(tr("Confidence:"), m_confidence);
    m_form->addRow(tr("Address:"), m_civic);
    m_form->addRow(tr("Method:"), m_method);
    m_form->addRow(tr("Provided by:"), m_providedBy);
    m_form->addRow(tr("Determined:"), m_timestamp);

    m_rawButton = new QToolButton(this);
    m_rawButton->setObjectName(QStringLiteral("locationRawButton"));
    m_rawButton->setText(tr("Show raw data"));
    m_rawButton->setCheckable(true);
    m_rawButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_raw = new QPlainTextEdit(this);
    m_raw->setObjectName(QStringLiteral("locationRaw"));
    m_raw->setAccessibleName(tr("Raw location data"));
    m_raw->setReadOnly(true);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setMaximumHeight(140);
    m_raw->hide();
    connect(m_rawButton, &QToolButton::toggled, m_raw, &QWidget::setVisible);

    m_historyTitle = new QLabel(tr("Earlier locations"), this);
    m_historyTitle->setObjectName(QStringLiteral("locationHistoryTitle"));
    m_historyTitle->setForegroundRole(QPalette::PlaceholderText);
    m_history = new QListWidget(this);
    m_history->setObjectName(QStringLiteral("locationHistory"));
    m_history->setAccessibleName(tr("Earlier locations"));
    m_history->setMaximumHeight(90);
    m_history->setWordWrap(true);
    m_history->setSelectionMode(QAbstractItemView::NoSelection);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(m_form);
    layout->addWidget(m_rawButton, 0, Qt::AlignLeft);
    layout->addWidget(m_raw);
    layout->addWidget(m_historyTitle);
    layout->addWidget(m_history);
    setData({});
}

QString LocationPanel::coordinatesText(const ng911::GeoPosition &position)
{
    const QLocale locale;
    // Five decimals: about a metre, finer than any handset fix.
    QString text = tr("%1° %2, %3° %4")
                       .arg(locale.toString(std::abs(position.latitude), 'f', 5),
                            position.latitude < 0 ? tr("S") : tr("N"),
                            locale.toString(std::abs(position.longitude), 'f', 5),
                            position.longitude < 0 ? tr("W") : tr("E"));
    if (position.altitude)
        text += tr(", altitude %1 m").arg(metres(*position.altitude));
    return text;
}

QString LocationPanel::uncertaintyText(const ng911::GeoShape &shape)
{
    const QLocale locale;
    switch (shape.type) {
    case ng911::ShapeType::Point:
        return tr("None given (a point)");
    case ng911::ShapeType::Circle:
    case ng911::ShapeType::Sphere:
        return tr("±%1 m (circle)").arg(metres(shape.radius));
    case ng911::ShapeType::Ellipse:
    case ng911::ShapeType::Ellipsoid:
        return tr("±%1 m by ±%2 m (ellipse, %3° from north)")
            .arg(metres(shape.semiMajorAxis), metres(shape.semiMinorAxis),
                 locale.toString(shape.orientation, 'f', 0));
    case ng911::ShapeType::ArcBand:
        return tr("%1–%2 m from the antenna, bearing %3° to %4°")
            .arg(metres(shape.innerRadius), metres(shape.outerRadius),
                 locale.toString(shape.startAngle, 'f', 0),
                 locale.toString(shape.startAngle + shape.openingAngle, 'f', 0));
    case ng911::ShapeType::Polygon:
        return tr("Within a polygon of %n corners", nullptr,
                  int(std::max<qsizetype>(0, shape.positions.size() - 1)));
    case ng911::ShapeType::Prism:
        return tr("Within a polygon of %n corners, %1 m high", nullptr,
                  int(std::max<qsizetype>(0, shape.positions.size() - 1)))
            .arg(metres(shape.height));
    }
    return {};
}

QString LocationPanel::summaryText(const ng911::LocationInfo &location)
{
    QStringList parts;
    if (location.shape)
        parts << coordinatesText(centreOf(*location.shape));
    if (location.civic)
        parts << location.civic->summary(translatedCivicLabels());
    if (!location.method.isEmpty())
        parts << location.method;
    return parts.join(QStringLiteral(" · "));
}

void LocationPanel::setRow(QLabel *label, const QString &text)
{
    label->setText(text);
    m_form->setRowVisible(label, !text.isEmpty());
}

void LocationPanel::setData(const ng911::EmergencyCallData &data)
{
    // Every location of every readable document, in the order received: the last is current.
    QList<const ng911::LocationInfo *> known;
    QStringList notes;
    QByteArray raw;
    for (const ng911::LocationEntry &entry : data.locations) {
        switch (entry.state) {
        case ng911::DataState::Resolved:
            for (const ng911::LocationInfo &info : entry.document->locations)
                known.append(&info);
            break;
        case ng911::DataState::Pending:
            notes << tr("Pending: fetching the location from %1…").arg(hostOf(entry.reference.uri));
            break;
        case ng911::DataState::Unreadable:
            notes << tr("Unreadable location data: %1").arg(entry.problem);
            raw += entry.document.raw() + '\n';
            break;
        case ng911::DataState::Unavailable:
            notes << tr("Location unavailable: %1").arg(entry.problem);
            break;
        }
    }
    if (!data.geolocationHeader.isReadable() && !data.geolocationHeader.raw().isEmpty()) {
        notes
            << tr("Unreadable Geolocation header: %1").arg(data.geolocationHeader.problem().detail);
        raw += data.geolocationHeader.raw() + '\n';
    }

    const ng911::LocationInfo *latest = known.isEmpty() ? nullptr : known.last();
    if (latest && notes.isEmpty())
        notes << (known.size() > 1 ? tr("Latest of %n locations", nullptr, int(known.size()))
                                   : tr("As received with the call"));
    if (notes.isEmpty())
        notes << tr("No location was received with this call.");
    m_status->setText(notes.join(u'\n'));
    const bool problem = !raw.isEmpty() || (!latest && !data.locations.isEmpty());
    m_status->setStyleSheet(problem ? QStringLiteral("color: #8a3b00; font-weight: 600;")
                                    : QStringLiteral("color: #4a5663;"));

    const ng911::GeoShape *shape = latest && latest->shape ? &*latest->shape : nullptr;
    setRow(m_coordinates, shape ? coordinatesText(centreOf(*shape)) : QString());
    setRow(m_uncertainty, shape ? uncertaintyText(*shape) : QString());
    setRow(m_confidence, latest ? (latest->confidence ? tr("%1 %").arg(*latest->confidence)
                                                      : tr("%1 % (not stated; RFC 5491 default)")
                                                            .arg(latest->confidenceOrDefault()))
                                : QString());
    setRow(m_civic,
           latest && latest->civic ? latest->civic->summary(translatedCivicLabels()) : QString());
    setRow(m_method, latest ? latest->method : QString());
    setRow(m_providedBy, latest ? latest->providedBy : QString());
    setRow(m_timestamp,
           latest && latest->timestamp.isValid()
               ? QLocale().toString(latest->timestamp.toLocalTime(), QLocale::ShortFormat)
               : QString());

    m_raw->setPlainText(QString::fromUtf8(raw).trimmed());
    m_rawButton->setVisible(!raw.isEmpty());
    if (raw.isEmpty())
        m_rawButton->setChecked(false);

    m_history->clear();
    for (qsizetype i = known.size() - 2; i >= 0; --i) // newest first
        m_history->addItem(summaryText(*known.at(i)));
    m_historyTitle->setVisible(known.size() > 1);
    m_history->setVisible(known.size() > 1);
}

} // namespace herald::ui
