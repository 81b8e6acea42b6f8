import Foundation
import MaillageCore

/// A place in a list: name, address, distance, why it fits and what does not.
struct PlaceSummary {
    var number: String
    var url: String
    var name: String
    var address: String
    var commune: String
    var distance: String?
    var summary: String
    var gaps: String?
    var isPartial: Bool
    var isOutside: Bool
    /// What a field worker needs on the spot: the telephone, whether it is open now, how to get in, what its national
    /// programmes mean.
    var phone: String?
    var openNow: String?
    var access: String
    var programmes: [String]

    init(match: SearchResult.Match, number: Int, now: Date = Date()) {
        let place = match.entry.place
        self.number = String(number)
        url = SiteURL.place(.value(place.id)).path
        name = place.nom.displayCased
        address = place.streetAddress
        commune = "\(place.codePostal) \(place.commune)"
        distance = match.distance
        // The distance has its own place in the item: the summary says why the place fits.
        summary =
            match.reasons.isEmpty
            ? (place.services.isEmpty ? "offre non déclarée" : place.services.map(\.rawValue).joined(separator: " · "))
            : match.reasons.joined(separator: " · ")
        gaps = match.gaps.isEmpty ? nil : match.gaps.joined(separator: " · ")
        isPartial = !match.isFullMatch
        isOutside = match.isOutsideTerritory
        phone = place.telephone.map(PlacePage.frenchPhone)
        openNow = PlacePage.openingStatus(of: match.entry, at: now)?.text
        access = place.accessInstructions.joined(separator: " ")
        programmes = place.dispositifProgrammesNationaux.compactMap(\.plainDescription)
    }

    /// A place listed without a query (commune and territory pages).
    init(entry: PlaceIndex.Entry, number: Int) {
        self.init(
            match: SearchResult.Match(
                entry: entry, distanceMetres: nil, reasons: entry.place.services.map(\.rawValue), gaps: [],
                isOutsideTerritory: false), number: number)
    }
}
