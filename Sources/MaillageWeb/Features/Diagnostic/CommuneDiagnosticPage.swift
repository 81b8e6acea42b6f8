import MaillageCore

/// `/diagnostic/communes/:code`: one commune's row of the diagnostic of its perimeter — every need with its coverage,
/// nearest answer and access times, the commune's missing places with their rank in the perimeter, and a map of the
/// nearest answers.
struct CommuneDiagnosticPage: PageModel {
    struct NeedRow {
        var need: String
        var symbol: String
        var cssClass: String
        var coverage: String
        var placesInCommune: String
        var place: String?
        var placeURL: String?
        var placeCommune: String?
        var distance: String?
        var walking: String?
        var cycling: String?
        var bus: String?
        var car: String?
        var outside: Bool
        var marker: String?
    }

    struct GapRow {
        var rank: String
        var need: String
        var reason: String
        /// The register's form, filled from the gap.
        var registerURL: String?
    }

    let template = TemplateName.communeDiagnostic
    var title: String
    var name: String
    var perimeterName: String
    var perimeterURL: String
    var communeURL: String
    var figures: [DiagnosticPage.Figure]
    var qpvs: String?
    var rows: [NeedRow]
    var gaps: [GapRow]
    var hasGaps: Bool
    /// The missing places register of the commune, beside the computed gaps.
    var registered: [MissingPlaceRow]
    var hasRegistered: Bool
    var registerURL: String?
    var map: String
    var assumptions: [String]

    /// What the meetings' tables said of the commune.
    var voices: [WorkshopVoices.Group]
    var hasVoices: Bool

    init(
        diagnostic: Diagnostic, row: Diagnostic.CommuneRow, perimeterQuery: String, index: PlaceIndex, register: [MissingPlace] = [],
        voices: WorkshopVoices = WorkshopVoices(cards: [], meetings: [:])
    ) {
        self.voices = voices.groups
        hasVoices = !voices.groups.isEmpty
        let territory = index.territory
        let commune = row.commune
        title = "Diagnostic — \(commune.name) — Maillage"
        name = commune.name
        perimeterName = diagnostic.perimeter.name
        perimeterURL = SiteURL.diagnostic.path(encodedQuery: perimeterQuery)
        communeURL = SiteURL.commune(.value(commune.code)).path
        let coveredServices = row.cells.filter { cell in
            if case .service = cell.need { return cell.coverage.isWithinReach }
            return false
        }.count
        figures = [
            .init(value: French.integer(commune.population), label: "habitants"),
            .init(value: French.integer(row.places), label: "lieux avec une offre déclarée dans la commune"),
            .init(value: French.integer(row.recordedOnly), label: "lieux recensés sans offre déclarée (non comptés)"),
            .init(value: French.decimal(row.placesPer10k), label: "lieux avec une offre pour 10 000 habitants"),
            .init(value: row.fragility.map { French.decimal($0, digits: 0) } ?? "—", label: "indice de fragilité numérique (100 = moyenne)"),
            .init(value: "\(coveredServices) / 9", label: "services dans la commune ou \(diagnostic.parameters.reach.name)")
        ]
        qpvs = QPVListing.sentence(for: commune.code, in: territory)

        // Each distinct nearest place outside the commune gets a number, on the map and in the table.
        var numbers: [String: Int] = [:]
        var markers: [SVGMap.Marker] = []
        for cell in row.cells {
            guard let answer = cell.nearest, cell.placesInCommune == 0, numbers[answer.placeID] == nil,
                let point = index.entry(id: answer.placeID)?.coordinate
            else { continue }
            numbers[answer.placeID] = numbers.count + 1
            markers.append(
                SVGMap.Marker(
                    point: point, label: String(numbers.count), title: "\(answer.placeName), \(answer.communeName)",
                    style: answer.insidePerimeter ? .match : .outside))
        }
        rows = row.cells.map { cell in
            let answer = cell.nearest
            let times = answer?.times
            return NeedRow(
                need: cell.need.label, symbol: cell.coverage.symbol, cssClass: "cov-\(cell.coverage.rawValue)", coverage: cell.coverage.label,
                placesInCommune: French.integer(cell.placesInCommune), place: answer?.placeName,
                placeURL: answer.map { SiteURL.place(.value($0.placeID)).path }, placeCommune: answer?.communeName,
                distance: answer.map { Distance.french($0.distanceMetres) },
                walking: times.map { TripDuration.french($0.walking) }, cycling: times.map { TripDuration.french($0.cycling) },
                bus: times.map { TripDuration.french($0.bus) }, car: times.map { TripDuration.french($0.car) },
                outside: answer.map { !$0.insidePerimeter } ?? false,
                marker: answer.flatMap { numbers[$0.placeID] }.map(String.init))
        }
        gaps = diagnostic.gaps.enumerated().filter { $0.element.commune == commune.code }.map { rank, gap in
            let asked = MissingPlace.asked(by: gap.need)
            return GapRow(
                rank: String(rank + 1), need: gap.need.label, reason: gap.reason,
                registerURL: commune.epci.map { epci in
                    SiteURL.newMissingPlace.path(
                        query: [
                            ("territoire", epci.rawValue), ("commune", commune.code.rawValue), ("origine", MissingPlace.Origin.diagnostic.rawValue),
                            ("justification", "\(gap.need.label) : \(gap.reason)")
                        ] + asked.services.map { ("services", $0.rawValue) }
                            + asked.needs.map { ("besoins", $0.rawValue) })
                })
        }
        hasGaps = !gaps.isEmpty
        registered = MissingPlaceRow.rows(register, commune: commune.code)
        hasRegistered = !registered.isEmpty
        registerURL = commune.epci.map { SiteURL.missingPlaces.path(query: [("territoire", $0.rawValue)]) }
        let shown = SVGMap.context(home: commune, markers: markers, base: diagnostic.rows.map(\.commune), territory: territory)
        map = SVGMap(
            title: "Réponses les plus proches depuis \(commune.name)",
            description: "\(markers.count) lieux numérotés comme dans le tableau ; la commune est en foncé", communes: shown,
            highlighted: [commune.code], markers: markers
        ).render()
        assumptions = diagnostic.parameters.statements
    }
}

extension CommuneDiagnosticPage {
    var breadcrumbParents: [Breadcrumb] { [Breadcrumb(label: perimeterName, url: perimeterURL)] }
}
