import Foundation
import MaillageCore

/// `/lieux/:id`: every field of the standard in plain French, the week's hours, where each fact comes from.
struct PlacePage: PageModel {
    struct Field {
        var label: String
        var value: String
        var source: String?
        /// Nobody confirmed the fact for more than six months.
        var isStale: Bool
    }

    struct Link {
        var label: String
        var url: String
    }

    struct Day {
        var name: String
        var hours: String
        var isToday: Bool
    }

    struct SourceRow {
        var source: String
        var identifier: String
        var date: String
    }

    let template = TemplateName.place
    var title: String
    var name: String
    var address: String
    var communeURL: String?
    var communeName: String
    var status: String?
    var isOpenNow: Bool
    var hasSchedule: Bool
    var days: [Day]
    var rawHours: String?
    /// Where the hours come from and when they were last said.
    var hoursSource: String?
    var hoursProblem: String?
    var fields: [Field]
    var links: [Link]
    var sources: [SourceRow]
    var decisions: [String]
    var hasDecisions: Bool
    var completeness: String
    var precisionNote: String?
    var unmapped: [String]
    var hasUnmapped: Bool
    var map: String?
    var structureName: String?
    var structureURL: String?
    var declareURL: String?
    var reportURL: String
    var quality: Int
    var qualityProblems: [String]
    var hasQualityProblems: Bool

    /// - Parameter merged: the place with the merge's explanations (field sources, decisions).
    init(entry: PlaceIndex.Entry, merged: MergedPlace, index: PlaceIndex, structure: Structure?, canDeclare: Bool, now: Date = Date()) {
        let place = entry.place
        title = "\(place.nom) — Maillage"
        name = place.nom.displayCased
        address = place.postalAddress
        communeURL = place.codeInsee.map { SiteURL.commune(.value($0)).path }
        communeName = place.commune
        let moment = Self.parisMoment(now)
        let today = CalendarDay(now)
        hasSchedule = entry.schedule != nil
        let opening = Self.openingStatus(of: entry, at: now)
        isOpenNow = opening?.isOpen ?? false
        status = opening?.text
        days =
            entry.schedule.map { $0.frenchWeek.map { Day(name: $0.day.frenchName.capitalized, hours: $0.hours, isToday: $0.day == moment.day) } }
            ?? []
        rawHours = place.horaires
        hoursProblem = entry.openingHours.flatMap { hours in
            hours.problem.map { problem in hours.suggestion.map { "\(problem) ; lecture proposée : « \($0) »" } ?? problem }
        }
        func provenances(_ column: StandardColumn) -> [Provenance] {
            (merged.fieldSources[column.rawValue] ?? []).compactMap { key in merged.provenances.first { $0.key == key } }
        }
        var fields: [Field] = []
        func add(_ label: String, _ column: StandardColumn, _ values: [String]) {
            guard !values.isEmpty else { return }
            let origins = provenances(column)
            let newest = origins.map(\.dateMaj).max()
            fields.append(
                Field(
                    label: label, value: values.joined(separator: " · "),
                    source: origins.isEmpty ? nil : origins.map { "\($0.source.label), \($0.dateMaj.french)" }.joined(separator: " ; "),
                    isStale: newest.map { $0.days(until: today) > PlaceQuality.confirmationDays } ?? false))
        }
        hoursSource = provenances(.horaires).map { "\($0.source.label), \($0.dateMaj.french)" }.first
        add("Services", .services, place.services.map(\.rawValue))
        add(
            "Publics spécifiquement adressés", .publicsSpecifiquementAdresses,
            place.publicsSpecifiquementAdresses.isEmpty ? ["Tout public"] : place.publicsSpecifiquementAdresses.map(\.rawValue))
        add("Prise en charge spécifique", .priseEnChargeSpecifique, place.priseEnChargeSpecifique.map(\.rawValue))
        add("Frais à charge", .fraisACharge, place.fraisACharge.map(\.rawValue))
        add("Modalités d'accès", .modalitesAcces, place.modalitesAcces.map(\.rawValue))
        add("Modalités d'accompagnement", .modalitesAccompagnement, place.modalitesAccompagnement.map(\.rawValue))
        add("Dispositifs et programmes nationaux", .dispositifProgrammesNationaux, place.dispositifProgrammesNationaux.map(\.rawValue))
        add("Formations et labels", .formationsLabels, place.formationsLabels.map(\.rawValue))
        add("Autres formations et labels", .autresFormationsLabels, place.autresFormationsLabels)
        add("Typologie", .typologie, place.typologie.map(\.rawValue))
        add("Itinérance", .itinerance, place.itinerance.map(\.rawValue))
        add("Téléphone", .telephone, place.telephone.map { [Self.frenchPhone($0)] } ?? [])
        add("Courriels", .courriels, place.courriels)
        add("Présentation", .presentationResume, place.presentationResume.map { [$0] } ?? [])
        add("Présentation détaillée", .presentationDetail, place.presentationDetail.map { [$0] } ?? [])
        add("Structure parente", .structureParente, place.structureParente.map { [$0] } ?? [])
        add("SIRET / RNA", .pivot, place.pivot.isEmpty ? [] : [place.pivot])
        add("Code INSEE", .codeInsee, place.codeInsee.map { [$0.rawValue] } ?? [])
        add("Source déclarée", .source, place.source.map { [$0] } ?? [])
        add("Date de mise à jour", .dateMaj, [place.dateMaj.description])
        self.fields = fields
        links =
            place.siteWeb.map { Link(label: "Site web", url: $0) }
            + (place.priseRdv.map { [Link(label: "Prendre rendez-vous en ligne", url: $0)] } ?? [])
            + (place.ficheAccesLibre.map { [Link(label: "Fiche d'accessibilité (Accès libre)", url: $0)] } ?? [])
        sources = merged.provenances.map { SourceRow(source: $0.source.label, identifier: $0.sourceID, date: $0.dateMaj.description) }
        decisions = merged.decisions.map { "\($0.first) + \($0.second) : \($0.rule.label) (\($0.detail))" }
        hasDecisions = !decisions.isEmpty
        completeness = "\(place.completeness) %"
        precisionNote = place.precision == .commune ? "Adresse non géolocalisée par la source : le lieu est placé au centre de la commune." : nil
        unmapped = place.unmappedValues.map { "\($0.field) : \($0.value)" }
        hasUnmapped = !unmapped.isEmpty
        structureName = structure?.name
        structureURL = structure.map { SiteURL.structure(.value($0.id)).path }
        declareURL = canDeclare ? SiteURL.declarePlace(.value(place.id)).path : nil
        reportURL = SiteURL.reportPlace(.value(place.id)).path
        let quality = PlaceQuality(place: place, confirmedOn: place.dateMaj, today: today)
        self.quality = quality.score
        qualityProblems = quality.problems
        hasQualityProblems = !quality.problems.isEmpty
        map = place.coordinate.flatMap { point in
            let nearby = index.territory.communes.values.filter { $0.centroid.distance(to: point) < 6_000 }
            return SVGMap(
                title: "Situation de \(place.nom)", description: "Le lieu et les communes alentour", communes: Array(nearby),
                highlighted: Set(place.codeInsee.map { [$0] } ?? []),
                markers: [SVGMap.Marker(point: point, label: "1", title: place.nom, style: .match)], width: 360, height: 300
            ).render()
        }
    }

    /// `+33327xxxxxx` → `03 27 xx xx xx`.
    static func frenchPhone(_ number: String) -> String {
        guard number.hasPrefix("+33"), number.count == 12 else { return number }
        let digits = Array("0" + number.dropFirst(3))
        return stride(from: 0, to: 10, by: 2).map { String(digits[$0..<$0 + 2]) }.joined(separator: " ")
    }

    /// Whether the place is open at `now`, in words; nil when its hours are unknown.
    static func openingStatus(of entry: PlaceIndex.Entry, at now: Date) -> (text: String, isOpen: Bool)? {
        guard let hours = entry.hours else { return nil }
        let moment = parisMoment(now)
        let today = CalendarDay(now)
        let state = hours.state(on: today, atMinute: moment.minute, holidays: entry.holidays)
        return (
            status(state, hours: hours, at: OpeningHoursExpression.Moment(day: today, minute: moment.minute), holidays: entry.holidays),
            state.kind == .open
        )
    }

    /// « Ouvert maintenant · ferme à 12 h », « Fermé maintenant · ouvre lundi à 9 h · aujourd'hui jour férié (Noël) ».
    static func status(
        _ state: OpeningState, hours: OpeningHoursExpression, at now: OpeningHoursExpression.Moment, holidays: PublicHolidays
    ) -> String {
        func when(_ moment: OpeningHoursExpression.Moment) -> String {
            let clock = "à \(TimeSpan.frenchClock(moment.minute))"
            switch now.day.days(until: moment.day) {
            case 0: return clock
            case 1: return "demain \(clock)"
            default: return "\(moment.day.weekday.frenchName) \(clock)"
            }
        }
        var parts: [String]
        switch state.kind {
        case .open: parts = ["Ouvert maintenant"] + [hours.nextChange(after: now, holidays: holidays).map { "ferme \(when($0))" }].compactMap { $0 }
        case .closed: parts = ["Fermé maintenant"] + [hours.nextOpening(after: now, holidays: holidays).map { "ouvre \(when($0))" }].compactMap { $0 }
        case .unknown: parts = ["Ouverture à confirmer maintenant"]
        }
        if let comment = state.comment { parts.append("« \(comment) »") }
        if let holiday = holidays.name(of: now.day) { parts.append("aujourd'hui jour férié (\(holiday))") }
        return parts.joined(separator: " · ")
    }

    /// The weekday and minute in France now.
    static func parisMoment(_ date: Date) -> WeeklyMoment {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .current
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        return WeeklyMoment(day: Weekday(gregorianWeekday: parts.weekday ?? 2), minute: (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }
}

extension PlacePage {
    var breadcrumbParents: [Breadcrumb] { communeURL.map { [Breadcrumb(label: communeName.displayCased, url: $0)] } ?? [] }
}
