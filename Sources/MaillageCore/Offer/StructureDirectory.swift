/// The structures of the network, recognised from the places: places with the same SIREN (the first 9 digits of
/// their SIRET) or RNA belong to one organisation; otherwise places naming the same parent structure in one
/// territory; otherwise a place is its own structure. Hand completions are laid over what was recognised.
public struct StructureDirectory: Sendable {
    public let structures: [Structure]
    private let byID: [String: Int]
    private let byPlace: [String: Int]

    public init(places: [MergedPlace], territory: TerritoryData, completions: [StructureCompletion] = []) {
        // Places by position, not copied: 25,000 national places are grouped at start-up.
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (position, merged) in places.enumerated() {
            let epci = merged.place.codeInsee.flatMap { territory.commune($0)?.epci }
            let key = Self.key(of: merged.place, territory: epci)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(position)
        }
        let completed = Dictionary(completions.map { ($0.structureID, $0) }, uniquingKeysWith: { _, last in last })
        // Each name is folded once, for its kind and for the alphabetical order (not at every comparison of the sort).
        let unsorted = order.map { key -> (folded: String, structure: Structure) in
            let members = groups[key]!.map { places[$0].place }
            let first = members[0]
            let name = first.structureParente.flatMap(Self.readableName) ?? Self.commonName(members) ?? Self.unnamed(first)
            let folded = name.folded
            let communes = Array(Set(members.compactMap(\.codeInsee))).sorted { $0.rawValue < $1.rawValue }
            var structure = Structure(
                id: key, name: name, kind: StructureKind.guess(typologie: members.flatMap(\.typologie), foldedName: folded),
                identifier: first.pivot.isEmpty ? nil : (key.hasPrefix("siren-") && members.count > 1 ? String(first.pivot.prefix(9)) : first.pivot),
                placeIDs: members.map(\.id), communes: communes,
                contactEmail: members.lazy.compactMap(\.courriels.first).first, contactPhone: members.lazy.compactMap(\.telephone).first,
                territory: first.codeInsee.flatMap { territory.commune($0)?.epci })
            guard let completion = completed[key] else { return (folded, structure) }
            structure.name = completion.name
            structure.kind = completion.kind
            structure.contactEmail = completion.contactEmail
            structure.contactPhone = completion.contactPhone
            structure.communes = Array(Set(communes + completion.communes)).sorted { $0.rawValue < $1.rawValue }
            structure.isCompleted = true
            return (completion.name.folded, structure)
        }
        let structures = unsorted.sorted { ($0.folded, $0.structure.id) < ($1.folded, $1.structure.id) }.map(\.structure)
        self.structures = structures
        byID = Dictionary(uniqueKeysWithValues: structures.enumerated().map { ($1.id, $0) })
        byPlace = Dictionary(
            structures.enumerated().flatMap { offset, structure in structure.placeIDs.map { ($0, offset) } },
            uniquingKeysWith: { first, _ in first })
    }

    public subscript(id: String) -> Structure? { byID[id].map { structures[$0] } }

    /// The structure a place belongs to.
    public func structure(ofPlace id: String) -> Structure? { byPlace[id].map { structures[$0] } }

    /// The structures of a territory.
    public func structures(in territory: Siren) -> [Structure] { structures.filter { $0.territory == territory } }

    /// The identifier a place's structure gets.
    static func key(of place: Place, territory: Siren?) -> String {
        let pivot = place.pivot.uppercased()
        if pivot.count >= 9, pivot.allSatisfy(\.isNumber) { return "siren-" + pivot.prefix(9) }
        if pivot.count == 10, pivot.hasPrefix("W") { return "rna-" + pivot }
        if let parent = place.structureParente?.folded.nonBlank {
            return "parent-\(territory?.rawValue ?? "0")-" + parent.split(separator: " ").joined(separator: "-").prefix(60)
        }
        return "lieu-" + place.id
    }

    /// The shortest of the places' readable names: usually the organisation's (« CCAS » rather than « CCAS – antenne
    /// Nord »); nil when every place is named by a number.
    private static func commonName(_ places: [Place]) -> String? {
        places.compactMap { readableName($0.nom) }.min { ($0.count, $0) < ($1.count, $1) }
    }

    /// A name as French writes it (« Centre Communal d'Action Sociale de Haspres » for a source's capitals), its runs of
    /// spaces made one; nil when it is blank or only a number (a source that wrote the SIRET where the name goes:
    /// « 265 901 785 00 »).
    static func readableName(_ name: String) -> String? {
        let words = name.split(whereSeparator: \.isWhitespace)
        guard words.contains(where: { $0.contains(where: \.isLetter) }) else { return nil }
        return words.joined(separator: " ").displayCased
    }

    /// What to call a structure no source names: its identifier and commune, said as such.
    private static func unnamed(_ place: Place) -> String {
        let kind = place.pivot.count == 14 && place.pivot.allSatisfy(\.isNumber) ? "SIRET" : "identifiant"
        return "Structure sans nom déclaré" + (place.pivot.isEmpty ? "" : " (\(kind) \(place.pivot))")
            + (place.commune.isEmpty ? "" : ", \(place.commune.displayCased)")
    }
}
