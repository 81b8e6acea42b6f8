extension SnapshotComparison {
    /// What changed, a sentence each, for the report and the page: places, missing places, then coverage.
    public func lines(communeName: (CommuneCode) -> String) -> [String] {
        var lines: [String] = []
        if !placesAdded.isEmpty {
            lines.append(
                "\(placesAdded.count == 1 ? "1 lieu ajouté" : "\(placesAdded.count) lieux ajoutés") à l'annuaire : "
                    + placesAdded.map { $0.name + ($0.commune.map { " (\(communeName($0)))" } ?? "") }.frenchList)
        }
        if !placesRemoved.isEmpty {
            lines.append(
                "\(placesRemoved.count == 1 ? "1 lieu retiré" : "\(placesRemoved.count) lieux retirés") de l'annuaire : "
                    + placesRemoved.map(\.name).frenchList)
        }
        for entry in missingAdded {
            lines.append("Lieu manquant n° \(entry.id) inscrit au registre : \(entry.summary) (\(entry.status.label.lowercased()))")
        }
        for change in missingChanged {
            lines.append(
                "Lieu manquant n° \(change.entry.id) (\(change.entry.summary)) : \(change.before.label.lowercased()) → \(change.entry.status.label.lowercased())"
            )
        }
        for entry in missingRemoved { lines.append("Lieu manquant n° \(entry.id) retiré du registre : \(entry.summary)") }
        if let change = coverageRuleChange {
            lines.append(
                "La règle de couverture a changé entre les deux rencontres (version \(change.before) → \(change.after)) : la couverture des "
                    + "communes n'est pas comparée, ses écarts viendraient de la règle et non du territoire.")
        }
        let better = coverageChanges.filter(\.isBetter), worse = coverageChanges.filter { !$0.isBetter }
        for (changes, word) in [(better, "mieux couvert"), (worse, "moins bien couvert")] where !changes.isEmpty {
            lines.append(
                "\(changes.count) couple\(changes.count > 1 ? "s" : "") commune × besoin \(word)\(changes.count > 1 ? "s" : "") : "
                    + changes.map { "\(communeName($0.commune)), \(Self.needLabel($0.need)) (\($0.before.label) → \($0.after.label))" }.joined(
                        separator: " ; "))
        }
        let count = { (tallies: [Tally<CardKind>], kind: CardKind) in tallies.first { $0.key == kind }?.count ?? 0 }
        let kinds = CardKind.allCases.filter { count(cardsBefore, $0) + count(cardsAfter, $0) > 0 }
        if !kinds.isEmpty {
            lines.append(
                "Cartes des tables, d'une rencontre à l'autre : "
                    + kinds.map { "\($0.columnLabel.lowercased()) \(count(cardsBefore, $0)) → \(count(cardsAfter, $0))" }.joined(separator: ", "))
        }
        return lines
    }

    public static func needLabel(_ key: String) -> String { Need.all.first { $0.key == key }?.label ?? key }
}
