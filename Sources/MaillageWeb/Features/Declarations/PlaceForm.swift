import MaillageCore
import MaillageSources

/// The declaration form of a place: every declarable column of the standard v1.0.2 as a text field or, for its closed
/// vocabularies, as checkboxes; and the opening-hours editor (days × ranges, yearly closures, public holidays), or the
/// raw OSM text when the hours say more than the editor can show.
struct PlaceForm {
    /// The text cells the form holds, by column, as typed (normalised where unambiguous).
    var values: [StandardColumn: String]
    /// The hours editor; nil when the raw OSM text is edited.
    var hours: HoursForm?
    /// What is wrong, in French, one line per problem.
    var errors: [String] = []

    /// The columns a correction may change: a place that moves to another commune is a new place, and the old one
    /// is reported closed.
    static let correctionColumns = StandardField.declarable.filter { ![StandardColumn.commune, .codePostal, .codeInsee].contains($0) }
    /// The columns a new place is declared with.
    static let newPlaceColumns = StandardField.declarable

    /// Columns shown as free text, in the form's order, with their length limit.
    static let textColumns: [(column: StandardColumn, limit: Int)] = [
        (.nom, 300), (.pivot, 20), (.structureParente, 300), (.adresse, 300), (.complementAdresse, 300), (.commune, 100), (.codePostal, 5),
        (.codeInsee, 5), (.latitude, 20), (.longitude, 20), (.telephone, 30), (.courriels, 500), (.siteWeb, 1_000), (.priseRdv, 500),
        (.ficheAccesLibre, 500), (.presentationResume, 280), (.presentationDetail, 5_000), (.autresFormationsLabels, 500), (.source, 300)
    ]

    /// The form of a place as it is.
    init(place: Place) {
        values = Dictionary(uniqueKeysWithValues: StandardField.declarable.map { ($0, StandardField.text($0, of: place)) })
        // near-OSM hours (`9h-12h`) fill the editor with their valid rewriting, for the structure to confirm
        hours = place.horaires.map { HoursForm(osm: OpeningHours(osm: $0).suggestion ?? $0) } ?? HoursForm()
    }

    /// The form as posted.
    init(reader: QueryReader, columns: [StandardColumn]) {
        values = [:]
        for (column, limit) in Self.textColumns where columns.contains(column) {
            do {
                values[column] = StandardField.normalised(column, try reader.text(column.rawValue, maximumLength: limit) ?? "")
            } catch {
                errors.append("\(column.label) : au plus \(limit) caractères")
            }
        }
        for column in Self.vocabularyColumns where columns.contains(column) {
            values[column] = ((try? reader.all(column.rawValue)) ?? []).joined(separator: "|")
        }
        if (try? reader.single(PlaceFormField.horairesMode)) == "texte" {
            hours = nil
            values[.horaires] = (try? reader.text(PlaceFormField.horairesTexte, maximumLength: 500)) ?? ""
        } else {
            let (form, problems) = Self.readHours(reader)
            hours = form
            errors += problems
            values[.horaires] = form.osm ?? ""
        }
    }

    /// The vocabulary columns, each shown as a group of checkboxes.
    static let vocabularyColumns: [StandardColumn] = [
        .services, .publicsSpecifiquementAdresses, .priseEnChargeSpecifique, .fraisACharge, .modalitesAcces, .modalitesAccompagnement,
        .itinerance, .dispositifProgrammesNationaux, .formationsLabels, .typologie
    ]

    /// The values a vocabulary column allows.
    static func allowedValues(_ column: StandardColumn) -> [String] {
        switch column {
        case .services: Service.allCases.map(\.rawValue)
        case .publicsSpecifiquementAdresses: TargetPublic.allCases.map(\.rawValue)
        case .priseEnChargeSpecifique: SpecificSupport.allCases.map(\.rawValue)
        case .fraisACharge: Fee.allCases.map(\.rawValue)
        case .modalitesAcces: AccessMode.allCases.map(\.rawValue)
        case .modalitesAccompagnement: SupportMode.allCases.map(\.rawValue)
        case .itinerance: Itinerancy.allCases.map(\.rawValue)
        case .dispositifProgrammesNationaux: NationalProgramme.allCases.map(\.rawValue)
        case .formationsLabels: TrainingLabel.allCases.map(\.rawValue)
        case .typologie: Typology.allCases.map(\.rawValue)
        default: []
        }
    }

    /// Checks the values against the standard on a copy of `place`; returns the place as it would be, or nil with
    /// ``errors`` filled.
    mutating func apply(to place: Place, columns: [StandardColumn]) -> Place? {
        var copy = place
        let problems = StandardField.set(values.filter { columns.contains($0.key) }, on: &copy)
        errors += problems.map { "\($0.column.label) : « \(String($0.value.prefix(80))) » ne convient pas — attendu : \($0.expected)" }
        return errors.isEmpty ? copy : nil
    }

    /// The fields that differ from the place as it is, in the standard's order, with their new and previous cells.
    static func changes(from current: Place, to proposed: Place, columns: [StandardColumn]) -> [DeclaredField] {
        columns.compactMap { column in
            let before = StandardField.text(column, of: current), after = StandardField.text(column, of: proposed)
            return before == after ? nil : DeclaredField(column: column, proposed: after, previous: before)
        }
    }

    /// The hours editor as posted: `h-<jour>-<n>-debut`/`fin` (HH:MM), `feries`, `fermeture-<n>-du`/`au` (JJ/MM).
    static func readHours(_ reader: QueryReader) -> (HoursForm, [String]) {
        var form = HoursForm()
        var problems: [String] = []
        for day in Weekday.allCases {
            for n in 1...HoursForm.rangesPerDay {
                let start = (try? reader.single(PlaceFormField.hours(day, n, end: false))) ?? nil
                let end = (try? reader.single(PlaceFormField.hours(day, n, end: true))) ?? nil
                guard start != nil || end != nil else { continue }
                guard let from = start.flatMap(minutes), let to = end.flatMap(minutes), from < to else {
                    problems.append("Horaires, \(day.frenchName) plage \(n) : indiquez une heure de début et une heure de fin qui la suit (HH:MM)")
                    continue
                }
                form.days[day.rawValue].append(TimeSpan(start: from, end: to))
            }
        }
        form.closedOnPublicHolidays = ((try? reader.flag(PlaceFormField.feries)) ?? false)
        for n in 1...HoursForm.closureCount {
            let from = (try? reader.single(PlaceFormField.closure(n, last: false))) ?? nil,
                to = (try? reader.single(PlaceFormField.closure(n, last: true))) ?? nil
            guard from != nil || to != nil else { continue }
            guard let a = from.flatMap(dayMonth), let b = to.flatMap(dayMonth),
                let closure = AnnualClosure(fromMonth: a.month, fromDay: a.day, toMonth: b.month, toDay: b.day)
            else {
                problems.append("Fermeture annuelle \(n) : indiquez deux dates JJ/MM (ex. 01/08 et 15/08)")
                continue
            }
            form.closures.append(closure)
        }
        if form.osm == nil && (!form.closures.isEmpty || form.closedOnPublicHolidays) {
            problems.append("Horaires : indiquez au moins une plage d'ouverture avant les fermetures")
        }
        return (form, problems)
    }

    /// `09:30` → 570.
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440 else {
            return nil
        }
        return h * 60 + m
    }

    /// `15/08` → (8, 15).
    static func dayMonth(_ text: String) -> (month: Int, day: Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let d = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        return (m, d)
    }
}
