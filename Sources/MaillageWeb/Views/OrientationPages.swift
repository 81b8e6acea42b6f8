import MaillageCore

/// `/orienter`: the guided form (needs explained in plain French, constraints), then the ranked answers.
struct OrientationPage: PageModel {
    struct Option {
        var id: String
        var name: String
        var value: String
        var label: String
        var hint: String?
        var checked: Bool
    }

    let template = "orient"
    var title = "Orienter une personne — Maillage"
    var place: String
    var needs: [Option]
    var supports: [Option]
    var languages: [Option]
    var equipments: [Option]
    var withoutInternet: Bool
    var mobilities: [Option]
    var freeOnly: Bool
    var slots: [Option]
    var error: String?
    var hasResults: Bool
    var summary: String?
    var origin: String?
    var results: [Result]
    var noLocalMatch: Bool
    var neighbours: [Result]
    var hasNeighbours: Bool

    struct Result {
        var place: PlaceSummary
        var sheetURL: String
    }

    init(parameters: OrientationParameters, result: SearchResult?, error: String? = nil) {
        place = parameters.place ?? ""
        needs = Service.allCases.enumerated().map { i, s in
            Option(id: "besoin-\(i)", name: "besoin", value: s.rawValue, label: s.rawValue, hint: s.plainDescription, checked: parameters.needs.contains(s))
        }
        supports = [SpecificSupport.surdite, .deficienceVisuelle, .handicapsMoteurs, .handicapsMentaux, .illettrisme].enumerated().map { i, s in
            Option(id: "pec-\(i)", name: "prise_en_charge_specifique", value: s.rawValue, label: s.rawValue, checked: parameters.supports.contains(s))
        }
        languages = OrientationParameters.Language.allCases.map {
            Option(id: "langue-\($0.rawValue)", name: "langue", value: $0.rawValue, label: $0.label, checked: parameters.language == $0)
        }
        equipments = OrientationParameters.Equipment.allCases.map {
            Option(id: "equipement-\($0.rawValue)", name: "equipement", value: $0.rawValue, label: $0.label, checked: parameters.equipment == $0)
        }
        withoutInternet = !parameters.internetAtHome
        mobilities = OrientationParameters.Mobility.allCases.map {
            Option(id: "mobilite-\($0.rawValue)", name: "mobilite", value: $0.rawValue, label: $0.label, checked: parameters.mobility == $0)
        }
        freeOnly = parameters.freeOnly
        slots = Weekday.allCases.dropLast().flatMap { day in
            WeeklySlot.Part.allCases.map { part in
                let slot = WeeklySlot(day: day, part: part)
                return Option(id: "dispo-\(day.frenchName)-\(part.rawValue)", name: "dispo", value: "\(day.frenchName)-\(part.rawValue)",
                              label: slot.label, checked: parameters.availability.contains(slot))
            }
        }
        self.error = error
        hasResults = result != nil
        summary = result == nil ? nil : parameters.summary
        origin = result?.originCommune.map { "\($0.name) (\($0.code))" }
        func wrap(_ matches: [SearchResult.Match], offset: Int) -> [Result] {
            matches.enumerated().map { number, match in
                Result(place: PlaceSummary(match: match, number: offset + number + 1),
                       sheetURL: SiteURL.orientSheet.path(query: [("lieu", match.entry.place.id)] + parameters.queryItems))
            }
        }
        results = wrap((result?.matches ?? []) + (result?.partialMatches ?? []), offset: 0)
        noLocalMatch = result?.noLocalMatch ?? false
        neighbours = wrap(result?.neighbourMatches ?? [], offset: results.count)
        hasNeighbours = !neighbours.isEmpty
    }
}

/// `/orienter/fiche`: the orientation sheet to print or hand over. Generated, never saved.
struct OrientationSheet: PageModel {
    struct Day {
        var name: String
        var hours: String
    }

    let template = "sheet"
    var title: String
    var name: String
    var address: String
    var phone: String?
    var emails: String?
    var bookingURL: String?
    var instructions: [String]
    var days: [Day]
    var hasDays: Bool
    var rawHours: String?
    var needs: String
    var bring: [String]
    var reasons: String
    var gaps: String?
    var summary: String
    var backURL: String

    init(entry: PlaceIndex.Entry, match: SearchResult.Match?, parameters: OrientationParameters) {
        let place = entry.place
        title = "Fiche d'orientation : \(place.nom) — Maillage"
        name = place.nom
        address = [place.adresse, place.complementAdresse, "\(place.codePostal) \(place.commune)"].compactMap { $0 }.joined(separator: ", ")
        phone = place.telephone.map(PlacePage.frenchPhone)
        emails = place.courriels.isEmpty ? nil : place.courriels.joined(separator: ", ")
        bookingURL = place.priseRdv
        let modes = place.modalitesAcces.isEmpty ? [AccessMode.sePresenter] : place.modalitesAcces
        instructions = modes.map(\.instruction)
        days = entry.schedule.map { $0.frenchWeek.map { Day(name: $0.day.frenchName.capitalized, hours: $0.hours) } } ?? []
        hasDays = !days.isEmpty
        rawHours = entry.schedule == nil ? place.horaires : nil
        let needs = parameters.needs.isEmpty ? place.services : parameters.needs
        self.needs = needs.map(\.rawValue).joined(separator: ", ")
        var bring = ["ce document"]
        for item in needs.flatMap(\.whatToBring) where !bring.contains(item) { bring.append(item) }
        self.bring = bring
        reasons = match?.summary ?? ""
        gaps = match.flatMap { $0.gaps.isEmpty ? nil : $0.gaps.joined(separator: " · ") }
        summary = parameters.summary
        backURL = SiteURL.orientResults.path(query: parameters.queryItems)
    }
}
