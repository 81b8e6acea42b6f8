import MaillageCore

extension MeetingFigures {
    /// « 20 participants, 3 animateurs, 41 cartes »: the figures in a line.
    var headline: String {
        [
            French.count(participants, "participant", "participants"), French.count(animateurs, "animateur", "animateurs"),
            French.count(cards, "carte", "cartes")
        ].joined(separator: ", ")
    }

    /// « La rencontre en chiffres », a line each, as the facilitators write it up.
    func lines(in territory: TerritoryData) -> [String] {
        var lines: [String] = []
        let profiles = byProfile.map { French.count($0.count, $0.key.label.lowercased(), $0.key.pluralLabel) }
        lines.append(
            French.count(participants, "participant", "participants")
                + (profiles.isEmpty ? "" : ", issus d'horizons divers : " + French.list(profiles)))
        lines.append(French.count(animateurs, "animateur", "animateurs"))
        lines.append(
            French.count(structures, "structure représentée", "structures représentées") + ", "
                + French.count(communes, "commune représentée", "communes représentées"))
        if invited > participants + animateurs {
            lines.append("\(French.count(invited, "personne invitée ou inscrite", "personnes invitées ou inscrites"))")
        }
        let kinds = byKind.map { French.count($0.count, $0.key.label.lowercased(), $0.key.columnLabel.lowercased()) }
        lines.append(French.count(cards, "carte", "cartes") + (kinds.isEmpty ? "" : " : " + French.list(kinds)))
        if byTable.count > 1 {
            lines.append(
                "Par table : "
                    + byTable.map { "\(territory.commune($0.key)?.name ?? $0.key.rawValue) \(French.integer($0.count))" }.joined(separator: ", "))
        }
        return lines
    }
}
