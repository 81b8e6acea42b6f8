import MaillageCore

/// How a commune's page names its quartiers prioritaires. The open data at hand is the 2015 list, which gives each
/// quarter a code, its population and its communes but not its name: the text says so rather than showing bare codes.
enum QPVListing {
    /// « 2 quartiers prioritaires (liste 2015) : QP059057 (1 234 habitants) ; QP059059, partagé avec Bellaing et
    /// Wallers (2 345 habitants). Les données ouvertes utilisées donnent leur code, pas leur nom. »; nil when none.
    static func sentence(for commune: CommuneCode, in territory: TerritoryData) -> String? {
        let qpvs = territory.qpvs(touching: [commune])
        guard !qpvs.isEmpty else { return nil }
        let items = qpvs.map { qpv -> String in
            let others = territory.communes(sortedByName: qpv.communes.filter { $0 != commune }).map(\.name)
            let shared = others.isEmpty ? "" : ", partagé avec " + French.list(others)
            return "\(qpv.code)\(shared) (\(French.count(qpv.population, "habitant", "habitants")))"
        }
        let heading = French.count(qpvs.count, "quartier prioritaire", "quartiers prioritaires")
        let pronoun = qpvs.count == 1 ? "son code, pas son nom" : "leur code, pas leur nom"
        return "\(heading) (liste 2015) : \(items.joined(separator: " ; ")). Les données ouvertes utilisées donnent \(pronoun)."
    }
}
