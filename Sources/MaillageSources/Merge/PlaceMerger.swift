import MaillageCore

/// Merges the source records that describe the same real place into one ``MergedPlace``.
///
/// Records are compared within their commune. Two records are the same place when:
/// 1. they have the same SIRET and the same address (or lie within `siretDistance`);
/// 2. their names are the same once normalised and they lie within `nameDistance` (or one has only its commune's
///    point, e.g. Aidants Connect structures);
/// 3. they have the same house number in the same street (« rue » or « avenue », « bis » or not, postal box and commune
///    left out), and are the same kind of place by their names (two France services, two libraries…) or share a
///    significant word;
/// 4. they are in the same street, one without a house number, and are the same kind of place or one's distinctive
///    name is contained in the other's.
/// Two records whose names say different kinds of place (a town hall and its CCAS) are never merged by rules 2–4, and
/// records located at their address are not merged by rule 4 beyond `streetDistance`.
/// Merging is transitive. Single-valued fields come from the highest-priority source that fills them
/// (see ``SourceKind/priority``), lists are the union; every field keeps the records it came from.
public struct PlaceMerger: Sendable {
    public var siretDistance: Double
    public var nameDistance: Double
    /// Beyond this, two precisely located records are not one place by their street and names alone.
    public var streetDistance: Double

    public init(siretDistance: Double = 150, nameDistance: Double = 300, streetDistance: Double = 1_000) {
        self.siretDistance = siretDistance
        self.nameDistance = nameDistance
        self.streetDistance = streetDistance
    }

    public func merge(_ records: [SourceRecord]) -> [MergedPlace] {
        // Normalising and combining are independent per record and per place: national merges use every core.
        let keys = records.concurrentMap(MatchKey.init)
        var groups = UnionFind(count: records.count)
        var decisions: [Int: [MergeDecision]] = [:]
        let blocks = Dictionary(grouping: records.indices) { records[$0].blockKey }
        for indices in blocks.values where indices.count > 1 {
            for (offset, i) in indices.enumerated() {
                for j in indices[(offset + 1)...] {
                    guard records[i].provenance.source != records[j].provenance.source || records[i].provenance.source == .standard,
                        let decision = decide(records[i], keys[i], records[j], keys[j])
                    else { continue }
                    groups.union(i, j)
                    decisions[i, default: []].append(decision)
                }
            }
        }
        var members: [Int: [Int]] = [:]
        for index in records.indices { members[groups.find(index), default: []].append(index) }
        let finalDecisions = decisions
        return Array(members.values).concurrentMap { indices in
            let sorted = indices.sorted { lhs, rhs in
                let a = records[lhs].provenance, b = records[rhs].provenance
                return a.source != b.source ? a.source < b.source : (a.dateMaj != b.dateMaj ? a.dateMaj > b.dateMaj : a.sourceID < b.sourceID)
            }
            return combine(sorted.map { records[$0] }, decisions: indices.flatMap { finalDecisions[$0] ?? [] })
        }.sorted { $0.id < $1.id }
    }

    private func decide(_ a: SourceRecord, _ ka: MatchKey, _ b: SourceRecord, _ kb: MatchKey) -> MergeDecision? {
        let distance = a.place.coordinate.flatMap { pa in b.place.coordinate.map { pa.distance(to: $0) } }
        let bothPrecise = a.place.precision == .adresse && b.place.precision == .adresse
        let metres = distance.map { "\(Int($0.rounded())) m" } ?? "distance inconnue"
        let sameStreet = ka.sameStreet(as: kb)
        let sameAddress = sameStreet && !ka.houseNumber.isEmpty && ka.houseNumber == kb.houseNumber
        let address = "\(ka.houseNumber.isEmpty ? "" : ka.houseNumber + " ")\(ka.street.sorted().joined(separator: " "))"
        func decision(_ rule: MergeDecision.Rule, _ detail: String) -> MergeDecision {
            MergeDecision(rule: rule, first: a.provenance.key, second: b.provenance.key, detail: detail)
        }
        if !ka.siret.isEmpty, ka.siret == kb.siret, sameAddress || (bothPrecise && (distance ?? .infinity) <= siretDistance) {
            return decision(.siretAndAddress, "SIRET \(ka.siret), \(sameAddress ? "même adresse" : metres)")
        }
        // The town hall and its CCAS, a library and the mission locale it hosts: two places, whatever else they share.
        guard !ka.kind.contradicts(kb.kind) else { return nil }
        if !ka.name.isEmpty, ka.name == kb.name, !bothPrecise || (distance ?? .infinity) <= nameDistance {
            return decision(.nameNearby, "nom « \(ka.name) », \(bothPrecise ? metres : "même commune")")
        }
        let sameKind = ka.kind == kb.kind && ka.kind != .other
        let sharedWords = ka.nameWords.intersection(kb.nameWords).sorted()
        // One number in one street of one commune is one building, even when a file's point is off.
        if sameAddress, sameKind || !sharedWords.isEmpty {
            return decision(
                .sameAddress, "adresse « \(address) », \(sameKind ? "même type de lieu" : "mot commun « \(sharedWords.joined(separator: ", ")) »")")
        }
        // Without a number, two precisely located records this far apart are not one building.
        guard !bothPrecise || (distance ?? .infinity) <= streetDistance else { return nil }
        // One address without its number: the same street is enough with the same kind of place or a name the other contains.
        let eitherLacksNumber = ka.houseNumber.isEmpty || kb.houseNumber.isEmpty
        if sameStreet, eitherLacksNumber, sameKind || ka.nameContained(in: kb) {
            return decision(
                .sameStreetAndName,
                "rue « \(ka.street.sorted().joined(separator: " ")) », \(sameKind ? "même type de lieu" : "nom contenu dans l'autre")")
        }
        return nil
    }

    private func combine(_ members: [SourceRecord], decisions: [MergeDecision]) -> MergedPlace {
        let primary = members[0]
        var place = primary.place
        var sources: [String: [String]] = [:]
        func take<T>(_ column: StandardColumn, _ path: WritableKeyPath<Place, T?>) {
            if let member = members.first(where: { $0.place[keyPath: path] != nil }) {
                place[keyPath: path] = member.place[keyPath: path]
                sources[column.rawValue] = [member.provenance.key]
            }
        }
        func unite<T: Equatable>(_ column: StandardColumn, _ path: WritableKeyPath<Place, [T]>) {
            var values: [T] = []
            for member in members where !member.place[keyPath: path].isEmpty {
                for value in member.place[keyPath: path] where !values.contains(value) { values.append(value) }
                sources[column.rawValue, default: []].append(member.provenance.key)
            }
            place[keyPath: path] = values
        }
        for column in [StandardColumn.id, .nom, .commune, .codePostal, .adresse, .dateMaj] {
            sources[column.rawValue] = [primary.provenance.key]
        }
        place.id = String(primary.provenance.key.map { $0 == ":" ? "-" : $0 })
        place.dateMaj = members.map(\.place.dateMaj).max()!
        if place.pivot.isEmpty, let withPivot = members.first(where: { !$0.place.pivot.isEmpty }) {
            place.pivot = withPivot.place.pivot
            sources[StandardColumn.pivot.rawValue] = [withPivot.provenance.key]
        } else if !place.pivot.isEmpty {
            sources[StandardColumn.pivot.rawValue] = [primary.provenance.key]
        }
        if let located = members.first(where: { $0.place.precision == .adresse }) ?? members.first(where: { $0.place.coordinate != nil }) {
            place.coordinate = located.place.coordinate
            place.precision = located.place.precision
            sources[StandardColumn.latitude.rawValue] = [located.provenance.key]
            sources[StandardColumn.longitude.rawValue] = [located.provenance.key]
        }
        take(.codeInsee, \.codeInsee)
        take(.complementAdresse, \.complementAdresse)
        take(.telephone, \.telephone)
        take(.horaires, \.horaires)
        take(.presentationResume, \.presentationResume)
        take(.presentationDetail, \.presentationDetail)
        take(.source, \.source)
        take(.structureParente, \.structureParente)
        take(.ficheAccesLibre, \.ficheAccesLibre)
        take(.priseRdv, \.priseRdv)
        unite(.typologie, \.typologie)
        unite(.courriels, \.courriels)
        unite(.siteWeb, \.siteWeb)
        unite(.itinerance, \.itinerance)
        unite(.services, \.services)
        unite(.publicsSpecifiquementAdresses, \.publicsSpecifiquementAdresses)
        unite(.priseEnChargeSpecifique, \.priseEnChargeSpecifique)
        unite(.fraisACharge, \.fraisACharge)
        unite(.dispositifProgrammesNationaux, \.dispositifProgrammesNationaux)
        unite(.formationsLabels, \.formationsLabels)
        unite(.autresFormationsLabels, \.autresFormationsLabels)
        unite(.modalitesAcces, \.modalitesAcces)
        unite(.modalitesAccompagnement, \.modalitesAccompagnement)
        place.unmappedValues = members.flatMap(\.place.unmappedValues).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        return MergedPlace(place: place, provenances: members.map(\.provenance), fieldSources: sources, decisions: decisions)
    }
}
