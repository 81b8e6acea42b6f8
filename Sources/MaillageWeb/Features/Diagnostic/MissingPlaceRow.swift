import MaillageCore

/// A missing place of the register as the commune pages list it, beside what the data shows.
struct MissingPlaceRow {
    var number: Int
    var services: String
    var status: String
    var supporters: String

    /// The register's entries for one commune.
    static func rows(_ register: [MissingPlace], commune: CommuneCode) -> [MissingPlaceRow] {
        register.filter { $0.commune == commune }.map {
            MissingPlaceRow(
                number: $0.id, services: ($0.services.map(\.rawValue) + $0.needs.map(\.label)).joined(separator: " · "),
                status: $0.status.label, supporters: French.count($0.supporters, "soutien", "soutiens"))
        }
    }
}
