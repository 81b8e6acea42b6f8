import MaillageCore

/// A commune in a territory's table: its population, the places declaring an offer and those only recorded.
struct CommunePlacesRow {
    var url: String
    var name: String
    var population: String
    var offering: String
    var recordedOnly: String
    var hasNoOffer: Bool

    init(_ commune: Commune, count: PlaceCount) {
        url = SiteURL.commune(.value(commune.code)).path
        name = commune.name
        population = French.integer(commune.population)
        offering = French.integer(count.offering)
        recordedOnly = French.integer(count.recordedOnly)
        hasNoOffer = count.offering == 0
    }

    /// The rows of a territory's communes, and their total.
    static func rows(of members: [Commune], index: PlaceIndex) -> (rows: [CommunePlacesRow], total: PlaceCount) {
        let counts = members.map { index.placeCount(in: $0.code) }
        return (zip(members, counts).map(CommunePlacesRow.init), counts.reduce(PlaceCount(), +))
    }

    /// « 17 lieux déclarent une offre d'aide au numérique · 36 lieux recensés sans offre déclarée ».
    static func headline(_ count: PlaceCount) -> String {
        let offering = count.offering < 2 ? "déclare" : "déclarent"
        var text = "\(French.count(count.offering, "lieu", "lieux")) \(offering) une offre d'aide au numérique"
        if count.recordedOnly > 0 { text += " · \(French.count(count.recordedOnly, "lieu recensé", "lieux recensés")) sans offre déclarée" }
        return text
    }
}
