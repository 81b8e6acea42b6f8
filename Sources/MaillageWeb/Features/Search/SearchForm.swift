import MaillageCore

/// The filters of the search form, with the current values checked (so a search is kept in the URL and the page).
struct SearchForm {
    struct Choice {
        var id: String
        var name: String
        var value: String
        var label: String
        var hint: String?
        var checked: Bool
    }

    struct Group {
        var legend: String
        var choices: [Choice]
    }

    struct DayOption {
        var value: String
        var label: String
        var selected: Bool
    }

    /// The form's field names.
    let fields = SearchField.names
    var place: String
    var radius: String
    var groups: [Group]
    var days: [DayOption]
    var time: String
    var openAfterSix: Bool
    var openOnSaturday: Bool
    var inPerson: Bool

    init(_ parameters: SearchParameters, describeServices: Bool = false) {
        place = parameters.place ?? parameters.commune?.rawValue ?? ""
        radius = parameters.radiusKm.truncatingRemainder(dividingBy: 1) == 0 ? String(Int(parameters.radiusKm)) : String(parameters.radiusKm)
        func group<T: StandardVocabulary>(_ legend: String, _ field: SearchField, _ selected: [T], hint: ((T) -> String)? = nil) -> Group {
            Group(
                legend: legend,
                choices: T.allCases.enumerated().map { index, value in
                    Choice(
                        id: "\(field.rawValue)-\(index)", name: field.rawValue, value: value.rawValue, label: value.rawValue, hint: hint?(value),
                        checked: selected.contains(value))
                })
        }
        groups = [
            group("Besoin (services)", .services, parameters.services, hint: describeServices ? { $0.plainDescription } : nil),
            group("Public", .publicsSpecifiquementAdresses, parameters.publics),
            group("Prise en charge spécifique", .priseEnChargeSpecifique, parameters.supports),
            group("Frais à charge", .fraisACharge, parameters.fees),
            group("Modalités d'accès", .modalitesAcces, parameters.accessModes),
            group("Modalités d'accompagnement", .modalitesAccompagnement, parameters.supportModes),
            group("Dispositifs nationaux", .dispositifProgrammesNationaux, parameters.programmes),
            group("Formations et labels", .formationsLabels, parameters.labels),
            group("Itinérance", .itinerance, parameters.itinerancy)
        ]
        days =
            [DayOption(value: "", label: "—", selected: parameters.day == nil)]
            + Weekday.allCases.map { DayOption(value: $0.frenchName, label: $0.frenchName, selected: parameters.day == $0) }
        time = parameters.minute.map(TimeSpan.clock) ?? ""
        openAfterSix = parameters.openAfterSix
        openOnSaturday = parameters.openOnSaturday
        inPerson = parameters.inPerson
    }
}
