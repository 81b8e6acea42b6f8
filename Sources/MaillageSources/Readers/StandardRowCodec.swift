import Foundation
import MaillageCore

/// The one mapping between a ``Place`` and a row of the national standard (column name → text), used by the CSV and
/// JSON readers and writers alike. Decoding validates every column like a table-schema validator.
public enum StandardRowCodec {
    /// Placeholder written when a place's `pivot` is unknown (the convention of the national exports).
    public static let unknownPivot = "00000000000000"

    public static func encode(_ place: Place) -> [StandardColumn: String] {
        func join<T: RawRepresentable<String>>(_ values: [T]) -> String { values.map(\.rawValue).joined(separator: "|") }
        var row: [StandardColumn: String] = [
            .id: place.id, .pivot: place.pivot.isEmpty ? unknownPivot : place.pivot, .nom: place.nom, .commune: place.commune,
            .codePostal: place.codePostal, .codeInsee: place.codeInsee?.rawValue ?? "", .adresse: place.adresse,
            .complementAdresse: place.complementAdresse ?? "", .typologie: join(place.typologie),
            .telephone: place.telephone ?? "", .courriels: place.courriels.joined(separator: "|"),
            .siteWeb: place.siteWeb.joined(separator: "|"), .horaires: place.horaires ?? "",
            .presentationResume: place.presentationResume ?? "", .presentationDetail: place.presentationDetail ?? "",
            .source: place.source ?? "", .itinerance: join(place.itinerance), .structureParente: place.structureParente ?? "",
            .dateMaj: place.dateMaj.description, .services: join(place.services),
            .publicsSpecifiquementAdresses: join(place.publicsSpecifiquementAdresses),
            .priseEnChargeSpecifique: join(place.priseEnChargeSpecifique), .fraisACharge: join(place.fraisACharge),
            .dispositifProgrammesNationaux: join(place.dispositifProgrammesNationaux),
            .formationsLabels: join(place.formationsLabels), .autresFormationsLabels: place.autresFormationsLabels.joined(separator: "|"),
            .modalitesAcces: join(place.modalitesAcces), .modalitesAccompagnement: join(place.modalitesAccompagnement),
            .ficheAccesLibre: place.ficheAccesLibre ?? "", .priseRdv: place.priseRdv ?? ""
        ]
        row[.latitude] = place.precision == .adresse ? place.coordinate.map { String($0.latitude) } ?? "" : ""
        row[.longitude] = place.precision == .adresse ? place.coordinate.map { String($0.longitude) } ?? "" : ""
        return row
    }

    /// A rejected column: which, what it held, what the standard expects.
    public struct Problem: Sendable, Hashable {
        public var column: StandardColumn
        public var value: String
        public var expected: String

        public init(column: StandardColumn, value: String, expected: String) {
            self.column = column
            self.value = value
            self.expected = expected
        }
    }

    /// Decodes and validates a row; any problem rejects the row.
    public static func decode(_ row: [StandardColumn: String]) -> Result<Place, ProblemList> {
        var problems: [Problem] = []
        func text(_ column: StandardColumn) -> String { (row[column] ?? "").trimmed }
        func check(_ column: StandardColumn, _ ok: Bool, _ expected: String) {
            if !ok { problems.append(Problem(column: column, value: text(column), expected: expected)) }
        }
        for column in StandardColumn.allCases where column.isRequired {
            check(column, !text(column).isEmpty, "une valeur (champ obligatoire)")
        }
        let pivot = text(.pivot)
        check(
            .pivot, pivot.isEmpty || matches(pivot, length: 9...14, allowed: { $0.isASCII && ($0.isLetter || $0.isNumber) }),
            "9 à 14 lettres ou chiffres (SIRET, RNA ou RIDET)")
        check(.codePostal, text(.codePostal).isEmpty || matches(text(.codePostal), length: 5...5, allowed: \.isNumber), "5 chiffres")
        let insee = text(.codeInsee)
        check(.codeInsee, insee.isEmpty || CommuneCode(insee)?.rawValue == insee, "un code INSEE de 5 caractères (ex. 59172, 2A004)")
        let date = CalendarDay(text(.dateMaj))
        check(
            .dateMaj, text(.dateMaj).isEmpty || (date != nil && text(.dateMaj).count == 10 && text(.dateMaj).contains("-")),
            "une date AAAA-MM-JJ")
        let phone = text(.telephone)
        check(
            .telephone, phone.isEmpty || (phone.hasPrefix("+") && matches(String(phone.dropFirst()), length: 8...12, allowed: \.isNumber)),
            "un numéro international (+33 suivi de 9 chiffres)")
        let latitude = text(.latitude), longitude = text(.longitude)
        check(.latitude, latitude.isEmpty || Double(latitude).map { (-90...90).contains($0) } == true, "un nombre entre -90 et 90")
        check(.longitude, longitude.isEmpty || Double(longitude).map { (-180...180).contains($0) } == true, "un nombre entre -180 et 180")
        check(.presentationResume, text(.presentationResume).count <= 280, "au plus 280 caractères")

        let typologie: [Typology] = values(.typologie, row, &problems)
        let itinerance: [Itinerancy] = values(.itinerance, row, &problems)
        let services: [Service] = values(.services, row, &problems)
        let publics: [TargetPublic] = values(.publicsSpecifiquementAdresses, row, &problems)
        let supports: [SpecificSupport] = values(.priseEnChargeSpecifique, row, &problems)
        let fees: [Fee] = values(.fraisACharge, row, &problems)
        let programmes: [NationalProgramme] = values(.dispositifProgrammesNationaux, row, &problems)
        let labels: [TrainingLabel] = values(.formationsLabels, row, &problems)
        let accesses: [AccessMode] = values(.modalitesAcces, row, &problems)
        let modes: [SupportMode] = values(.modalitesAccompagnement, row, &problems)
        guard problems.isEmpty, let date else { return .failure(ProblemList(problems: problems)) }

        var place = Place(
            id: text(.id), pivot: pivot == unknownPivot ? "" : pivot, nom: text(.nom), commune: text(.commune),
            codePostal: text(.codePostal), codeInsee: CommuneCode(insee), adresse: text(.adresse), dateMaj: date)
        place.complementAdresse = text(.complementAdresse).nonBlank
        place.coordinate = PlaceFields.coordinate(Double(latitude), Double(longitude))
        place.typologie = typologie
        place.telephone = phone.nonBlank
        place.courriels = PlaceFields.list(text(.courriels), separator: "|")
        place.siteWeb = PlaceFields.list(text(.siteWeb), separator: "|")
        place.horaires = text(.horaires).nonBlank
        place.presentationResume = text(.presentationResume).nonBlank
        place.presentationDetail = text(.presentationDetail).nonBlank
        place.source = text(.source).nonBlank
        place.itinerance = itinerance
        place.structureParente = text(.structureParente).nonBlank
        place.services = services
        place.publicsSpecifiquementAdresses = publics
        place.priseEnChargeSpecifique = supports
        place.fraisACharge = fees
        place.dispositifProgrammesNationaux = programmes
        place.formationsLabels = labels
        place.autresFormationsLabels = PlaceFields.list(text(.autresFormationsLabels), separator: "|")
        place.modalitesAcces = accesses
        place.modalitesAccompagnement = modes
        place.ficheAccesLibre = text(.ficheAccesLibre).nonBlank
        place.priseRdv = text(.priseRdv).nonBlank
        return .success(place)
    }

    public struct ProblemList: Error, Sendable { public var problems: [Problem] }

    private static func values<T: StandardVocabulary>(_ column: StandardColumn, _ row: [StandardColumn: String], _ problems: inout [Problem]) -> [T] {
        var result: [T] = []
        for item in (row[column] ?? "").split(separator: StandardColumn.valueSeparator) {
            let value = item.trimmed
            if value.isEmpty { continue }
            if let parsed = T(standardValue: value) {
                if !result.contains(parsed) { result.append(parsed) }
            } else {
                problems.append(Problem(column: column, value: value, expected: "une valeur parmi : \(T.allowedValuesDescription)"))
            }
        }
        return result
    }

    private static func matches(_ text: String, length: ClosedRange<Int>, allowed: (Character) -> Bool) -> Bool {
        length.contains(text.count) && text.allSatisfy(allowed)
    }
}
