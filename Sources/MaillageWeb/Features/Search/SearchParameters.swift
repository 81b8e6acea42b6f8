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
        func single(_ field: SearchField) throws(ParameterError) -> String? { try reader.single(field) }
        func list<T: StandardVocabulary>(_ field: SearchField) throws(ParameterError) -> [T] { try reader.list(field) }
        func flag(_ field: SearchField) throws(ParameterError) -> Bool { try reader.flag(field) }
        func number(_ field: SearchField, _ range: ClosedRange<Double>) throws(ParameterError) -> Double? { try reader.number(field, range) }
        place = try single(.ou)
        if let text = try single(.commune) {
            guard let code = CommuneCode(text) else {
                throw ParameterError(parameter: SearchField.commune.rawValue, message: "« commune » attend un code INSEE (ex. 59172)")
            }
            commune = code
        }
        latitude = try number(.lat, -90...90)
        longitude = try number(.lon, -180...180)
        if (latitude == nil) != (longitude == nil) {
            throw ParameterError(parameter: (latitude == nil ? SearchField.lat : .lon).rawValue, message: "« lat » et « lon » vont ensemble")
        }
        radiusKm = try number(.rayonKm, 0.1...(SearchQuery.maximumRadiusMetres / 1_000)) ?? radiusKm
        services = try list(.services)
        publics = try list(.publicsSpecifiquementAdresses)
        supports = try list(.priseEnChargeSpecifique)
        fees = try list(.fraisACharge)
        accessModes = try list(.modalitesAcces)
        supportModes = try list(.modalitesAccompagnement)
        programmes = try list(.dispositifProgrammesNationaux)
        labels = try list(.formationsLabels)
        itinerancy = try list(.itinerance)
        if let text = try single(.jour) {
            guard let day = Weekday.allCases.first(where: { $0.frenchName == text.lowercased() || $0.osmCode.lowercased() == text.lowercased() })
            else {
                throw ParameterError(parameter: SearchField.jour.rawValue, message: "« jour » attend un jour de la semaine (lundi … dimanche)")
            }
            self.day = day
        }
        if let text = try single(.heure) {
            let parts = text.split(separator: ":")
            guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else {
                throw ParameterError(parameter: SearchField.heure.rawValue, message: "« heure » attend HH:MM (ex. 14:30)")
            }
            minute = h * 60 + m
        }
        if (day == nil) != (minute == nil) {
            throw ParameterError(parameter: (day == nil ? SearchField.jour : .heure).rawValue, message: "« jour » et « heure » vont ensemble")
        }
        openAfterSix = try flag(.apres18h)
        openOnSaturday = try flag(.samedi)
        inPerson = try flag(.surPlace)
    }

    /// The domain query, with the origin already resolved.
    func query(origin: SearchQuery.Origin?, limit: Int) -> SearchQuery {
        SearchQuery(
            origin: origin, radiusMetres: radiusKm * 1_000, services: Set(services), publics: Set(publics),
            specificSupports: Set(supports), fees: Set(fees), accessModes: Set(accessModes), supportModes: Set(supportModes),
            programmes: Set(programmes), labels: Set(labels), itinerancy: Set(itinerancy),
            openAt: day.flatMap { day in minute.map { WeeklyMoment(day: day, minute: $0) } },
            openAfterSix: openAfterSix, openOnSaturday: openOnSaturday, inPerson: inPerson, limit: limit)
    }

    /// The parameters as a query string, so that a search can be shared, bookmarked or exported.
    var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if let place { items.append((SearchField.ou.rawValue, place)) }
        if let commune { items.append((SearchField.commune.rawValue, commune.rawValue)) }
        if let latitude, let longitude { items += [(SearchField.lat.rawValue, String(latitude)), (SearchField.lon.rawValue, String(longitude))] }
        if radiusKm != SearchQuery.defaultRadiusMetres / 1_000 { items.append((SearchField.rayonKm.rawValue, String(radiusKm))) }
        items +=
            services.map { (SearchField.services.rawValue, $0.rawValue) }
            + publics.map { (SearchField.publicsSpecifiquementAdresses.rawValue, $0.rawValue) }
        items +=
            supports.map { (SearchField.priseEnChargeSpecifique.rawValue, $0.rawValue) }
            + fees.map { (SearchField.fraisACharge.rawValue, $0.rawValue) }
        items +=
            accessModes.map { (SearchField.modalitesAcces.rawValue, $0.rawValue) }
            + supportModes.map { (SearchField.modalitesAccompagnement.rawValue, $0.rawValue) }
        items +=
            programmes.map { (SearchField.dispositifProgrammesNationaux.rawValue, $0.rawValue) }
            + labels.map { (SearchField.formationsLabels.rawValue, $0.rawValue) }
        items += itinerancy.map { (SearchField.itinerance.rawValue, $0.rawValue) }
        if let day, let minute { items += [(SearchField.jour.rawValue, day.frenchName), (SearchField.heure.rawValue, TimeSpan.clock(minute))] }
        if openAfterSix { items.append((SearchField.apres18h.rawValue, "1")) }
        if openOnSaturday { items.append((SearchField.samedi.rawValue, "1")) }
        if inPerson { items.append((SearchField.surPlace.rawValue, "1")) }
        return items
    }

    var queryString: String { URLQuery.encode(queryItems) }
}
