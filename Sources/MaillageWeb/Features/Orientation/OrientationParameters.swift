import Hummingbird
import MaillageCore

/// The guided orientation form: a person's needs and constraints, turned into a search. Nothing is stored.
struct OrientationParameters: Sendable {
    enum Mobility: String, CaseIterable, Sendable {
        case pied, bus, voiture
        /// How far the person can reasonably go.
        var radiusKm: Double {
            switch self {
            case .pied: 2;
            case .bus: 10;
            case .voiture: 25
            }
        }
        var label: String {
            switch self {
            case .pied: "à pied (2 km)";
            case .bus: "en bus (10 km)";
            case .voiture: "en voiture (25 km)"
            }
        }
    }

    /// The person's age band: some places address young people or seniors specifically, others only them.
    enum AgeBand: String, CaseIterable, Sendable {
        case moins26 = "moins-de-26", adulte = "26-59", plus60 = "60-et-plus"
        var label: String {
            switch self {
            case .moins26: "moins de 26 ans"
            case .adulte: "26 à 59 ans"
            case .plus60: "60 ans et plus"
            }
        }
        /// The standard's public this band belongs to, if it names one.
        var targetPublic: TargetPublic? {
            switch self {
            case .moins26: .jeunes
            case .adulte: nil
            case .plus60: .seniors
            }
        }
    }

    enum Equipment: String, CaseIterable, Sendable {
        case aucun, smartphone, ordinateur
        var label: String {
            switch self {
            case .aucun: "aucun appareil"
            case .smartphone: "un smartphone seulement"
            case .ordinateur: "un ordinateur"
            }
        }
    }

    enum Language: String, CaseIterable, Sendable {
        case francais, anglais, autre
        var label: String {
            switch self {
            case .francais: "parle et lit le français"
            case .anglais: "parle anglais, peu le français"
            case .autre: "parle une autre langue, peu le français"
            }
        }
        var support: SpecificSupport? {
            switch self {
            case .francais: nil
            case .anglais: .languesEtrangeresAnglais
            case .autre: .languesEtrangeresAutres
            }
        }
    }

    var needs: [Service] = []
    var place: String?
    var supports: [SpecificSupport] = []
    var language: Language = .francais
    var age: AgeBand?
    var equipment: Equipment?
    var internetAtHome = true
    var mobility: Mobility = .bus
    var freeOnly = false
    var availability: [WeeklySlot] = []

    init() {}

    init(_ reader: QueryReader) throws(ParameterError) {
        needs = try reader.list(OrientationField.besoin)
        place = try reader.single(OrientationField.ou)
        supports = try reader.list(OrientationField.priseEnChargeSpecifique)
        language = try reader.choice(OrientationField.langue) ?? .francais
        age = try reader.choice(OrientationField.age)
        equipment = try reader.choice(OrientationField.equipement)
        internetAtHome = try !reader.flag(OrientationField.sansInternet)
        mobility = try reader.choice(OrientationField.mobilite) ?? .bus
        freeOnly = try reader.flag(OrientationField.gratuit)
        for value in try reader.all(OrientationField.dispo) {
            let parts = value.split(separator: "-", maxSplits: 1).map(String.init)
            guard parts.count == 2, let day = Weekday.allCases.first(where: { $0.frenchName == parts[0] }),
                let part = WeeklySlot.Part(rawValue: parts[1])
            else {
                throw ParameterError(
                    parameter: OrientationField.dispo.rawValue, message: "« dispo » attend jour-moment, ex. mardi-matin, samedi-apres-midi")
            }
            availability.append(WeeklySlot(day: day, part: part))
        }
    }

    /// Whether the person needs help in person (no device or no connection at home).
    var needsInPerson: Bool { equipment == .aucun || !internetAtHome }

    func query(origin: SearchQuery.Origin?, limit: Int) -> SearchQuery {
        var specific = Set(supports)
        if let support = language.support { specific.insert(support) }
        return SearchQuery(
            origin: origin, radiusMetres: mobility.radiusKm * 1_000, services: Set(needs),
            publics: age?.targetPublic.map { [$0] } ?? [], specificSupports: specific,
            fees: freeOnly ? [.gratuit] : [], availability: availability, inPerson: needsInPerson, limit: limit)
    }

    var queryItems: [(String, String)] {
        var items = needs.map { (OrientationField.besoin.rawValue, $0.rawValue) }
        if let place { items.append((OrientationField.ou.rawValue, place)) }
        items += supports.map { (OrientationField.priseEnChargeSpecifique.rawValue, $0.rawValue) }
        if language != .francais { items.append((OrientationField.langue.rawValue, language.rawValue)) }
        if let age { items.append((OrientationField.age.rawValue, age.rawValue)) }
        if let equipment { items.append((OrientationField.equipement.rawValue, equipment.rawValue)) }
        if !internetAtHome { items.append((OrientationField.sansInternet.rawValue, "1")) }
        items.append((OrientationField.mobilite.rawValue, mobility.rawValue))
        if freeOnly { items.append((OrientationField.gratuit.rawValue, "1")) }
        items += availability.map { slot in
            (OrientationField.dispo.rawValue, "\(slot.day.frenchName)-\(WeeklySlot.Part.allCases.first { $0.span == slot.span }!.rawValue)")
        }
        return items
    }

    /// The person's situation in one sentence, for the results and the sheet.
    var summary: String {
        var parts: [String] = []
        if !needs.isEmpty { parts.append("besoin : " + needs.map { $0.rawValue.lowercased() }.joined(separator: ", ")) }
        if let age { parts.append(age.label) }
        if let equipment { parts.append("équipement : \(equipment.label)") }
        if !internetAtHome { parts.append("pas d'internet à domicile") }
        if language != .francais { parts.append(language.label) }
        if !supports.isEmpty { parts.append("prise en charge : " + supports.map(\.rawValue).joined(separator: ", ")) }
        parts.append("se déplace \(mobility.label)")
        if freeOnly { parts.append("gratuit uniquement") }
        if !availability.isEmpty { parts.append("disponible : " + availability.map(\.label).joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }
}
