import Foundation
import Hummingbird
import MaillageCore

/// The search parameters shared by the pages and the API, read from a query string and written back to one.
///
/// Multi-valued criteria repeat their name (`services=…&services=…`), with the exact values of the national standard.
struct SearchParameters: Sendable, Equatable {
    /// What the person typed to say where: a commune name, a postal code or an INSEE code.
    var place: String?
    var commune: CommuneCode?
    var latitude: Double?
    var longitude: Double?
    var radiusKm: Double = SearchQuery.defaultRadiusMetres / 1_000
    var services: [Service] = []
    var publics: [TargetPublic] = []
    var supports: [SpecificSupport] = []
    var fees: [Fee] = []
    var accessModes: [AccessMode] = []
    var supportModes: [SupportMode] = []
    var programmes: [NationalProgramme] = []
    var labels: [TrainingLabel] = []
    var itinerancy: [Itinerancy] = []
    var day: Weekday?
    var minute: Int?
    var openAfterSix = false
    var openOnSaturday = false
    var inPerson = false

    init() {}

    init(_ reader: QueryReader) throws(ParameterError) {
        func single(_ name: String) throws(ParameterError) -> String? { try reader.single(name) }
        func list<T: StandardVocabulary>(_ name: String) throws(ParameterError) -> [T] { try reader.list(name) }
        func flag(_ name: String) throws(ParameterError) -> Bool { try reader.flag(name) }
        func number(_ name: String, _ range: ClosedRange<Double>) throws(ParameterError) -> Double? { try reader.number(name, range) }
        place = try single("ou")
        if let text = try single("commune") {
            guard let code = CommuneCode(text) else { throw ParameterError(parameter: "commune", message: "« commune » attend un code INSEE (ex. 59172)") }
            commune = code
        }
        latitude = try number("lat", -90...90)
        longitude = try number("lon", -180...180)
        if (latitude == nil) != (longitude == nil) {
            throw ParameterError(parameter: latitude == nil ? "lat" : "lon", message: "« lat » et « lon » vont ensemble")
        }
        radiusKm = try number("rayon_km", 0.1...(SearchQuery.maximumRadiusMetres / 1_000)) ?? radiusKm
        services = try list("services")
        publics = try list("publics_specifiquement_adresses")
        supports = try list("prise_en_charge_specifique")
        fees = try list("frais_a_charge")
        accessModes = try list("modalites_acces")
        supportModes = try list("modalites_accompagnement")
        programmes = try list("dispositif_programmes_nationaux")
        labels = try list("formations_labels")
        itinerancy = try list("itinerance")
        if let text = try single("jour") {
            guard let day = Weekday.allCases.first(where: { $0.frenchName == text.lowercased() || $0.osmCode.lowercased() == text.lowercased() }) else {
                throw ParameterError(parameter: "jour", message: "« jour » attend un jour de la semaine (lundi … dimanche)")
            }
            self.day = day
        }
        if let text = try single("heure") {
            let parts = text.split(separator: ":")
            guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else {
                throw ParameterError(parameter: "heure", message: "« heure » attend HH:MM (ex. 14:30)")
            }
            minute = h * 60 + m
        }
        if (day == nil) != (minute == nil) {
            throw ParameterError(parameter: day == nil ? "jour" : "heure", message: "« jour » et « heure » vont ensemble")
        }
        openAfterSix = try flag("apres_18h")
        openOnSaturday = try flag("samedi")
        inPerson = try flag("sur_place")
    }

    /// The domain query, with the origin already resolved.
    func query(origin: SearchQuery.Origin?, limit: Int) -> SearchQuery {
        SearchQuery(origin: origin, radiusMetres: radiusKm * 1_000, services: Set(services), publics: Set(publics),
                    specificSupports: Set(supports), fees: Set(fees), accessModes: Set(accessModes), supportModes: Set(supportModes),
                    programmes: Set(programmes), labels: Set(labels), itinerancy: Set(itinerancy),
                    openAt: day.flatMap { day in minute.map { WeeklyMoment(day: day, minute: $0) } },
                    openAfterSix: openAfterSix, openOnSaturday: openOnSaturday, inPerson: inPerson, limit: limit)
    }

    /// The parameters as a query string, so that a search can be shared, bookmarked or exported.
    var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if let place { items.append(("ou", place)) }
        if let commune { items.append(("commune", commune.rawValue)) }
        if let latitude, let longitude { items += [("lat", String(latitude)), ("lon", String(longitude))] }
        if radiusKm != SearchQuery.defaultRadiusMetres / 1_000 { items.append(("rayon_km", String(radiusKm))) }
        items += services.map { ("services", $0.rawValue) } + publics.map { ("publics_specifiquement_adresses", $0.rawValue) }
        items += supports.map { ("prise_en_charge_specifique", $0.rawValue) } + fees.map { ("frais_a_charge", $0.rawValue) }
        items += accessModes.map { ("modalites_acces", $0.rawValue) } + supportModes.map { ("modalites_accompagnement", $0.rawValue) }
        items += programmes.map { ("dispositif_programmes_nationaux", $0.rawValue) } + labels.map { ("formations_labels", $0.rawValue) }
        items += itinerancy.map { ("itinerance", $0.rawValue) }
        if let day, let minute { items += [("jour", day.frenchName), ("heure", TimeSpan.clock(minute))] }
        if openAfterSix { items.append(("apres_18h", "1")) }
        if openOnSaturday { items.append(("samedi", "1")) }
        if inPerson { items.append(("sur_place", "1")) }
        return items
    }

    var queryString: String { URLQuery.encode(queryItems) }
}
