import MaillageCore

/// Gives each place its INSEE commune code and a coordinate, using the territory reference:
/// code as given, else postal code + commune name, else the point's commune, else a name found in the address.
/// A place with no coordinate gets its commune's representative point and the `commune` precision flag.
public struct PlaceLocator: Sendable {
    public let territory: TerritoryData

    public init(territory: TerritoryData) { self.territory = territory }

    /// Fills `codeInsee`, `commune`, `coordinate` and `precision`; returns what is worth a warning.
    public func locate(_ place: inout Place) -> [(field: String, message: String)] {
        var warnings: [(String, String)] = []
        if let point = place.coordinate, !Self.isPlausible(point) {
            warnings.append(("latitude/longitude", "coordonnées « \(point.latitude), \(point.longitude) » invalides : ignorées"))
            place.coordinate = nil
        }
        let resolved = resolveCommune(of: place)
        if let commune = resolved.commune {
            place.codeInsee = commune.code
            place.commune = commune.name
            if resolved.uncertain {
                warnings.append(("code_insee", "commune déduite du code postal « \(place.codePostal) » parmi plusieurs : \(commune.name)"))
            }
        } else if place.codeInsee == nil {
            warnings.append(("code_insee", "commune introuvable (code postal « \(place.codePostal) », commune « \(place.commune) »)"))
        }
        if let point = place.coordinate {
            place.precision = .adresse
            if let commune = resolved.commune, let boundary = commune.boundary, !boundary.contains(point) {
                let swapped = Coordinate(latitude: point.longitude, longitude: point.latitude)
                if boundary.contains(swapped) {
                    warnings.append(("latitude/longitude", "latitude et longitude inversées : corrigées"))
                    place.coordinate = swapped
                } else if commune.centroid.distance(to: point) > Self.farFromCommune {
                    // A point far outside its commune says nothing reliable of where the place is.
                    warnings.append(
                        (
                            "latitude/longitude",
                            "coordonnées « \(point.latitude), \(point.longitude) » à \(Int(commune.centroid.distance(to: point) / 1000)) km de \(commune.name) : placé au centre de la commune"
                        ))
                    place.coordinate = commune.centroid
                    place.precision = .commune
                } else if let actual = territory.commune(containing: point) {
                    warnings.append(("latitude/longitude", "coordonnées situées à \(actual.name), hors de la commune déclarée \(commune.name)"))
                }
            }
        } else if let commune = resolved.commune {
            place.coordinate = commune.centroid
            place.precision = .commune
            warnings.append(("latitude/longitude", "pas de coordonnées : placé au centre de la commune"))
        } else {
            place.precision = .none
        }
        return warnings
    }

    private func resolveCommune(of place: Place) -> (commune: Commune?, uncertain: Bool) {
        if let code = place.codeInsee, let commune = territory.commune(code) { return (commune, false) }
        let byPostal = territory.communes(postalCode: place.codePostal)
        let named = place.commune.folded
        if !named.isEmpty {
            let matches = byPostal.filter { $0.name.folded == named || Self.isArrondissement($0.name.folded, of: named) }
            if matches.count == 1 { return (matches[0], false) }
            if byPostal.isEmpty, case let byName = territory.communes(named: place.commune), byName.count == 1 { return (byName[0], false) }
        }
        if let point = place.coordinate, let commune = territory.commune(containing: point) { return (commune, false) }
        if byPostal.count == 1 { return (byPostal[0], false) }
        guard !byPostal.isEmpty else { return (nil, false) }
        let text = " \(place.nom.folded) \(place.adresse.folded) \(named) "
        let mentioned = byPostal.filter { text.contains(" \($0.name.folded) ") }
        if mentioned.count == 1 { return (mentioned[0], false) }
        if let point = place.coordinate {
            return (byPostal.min { $0.centroid.distance(to: point) < $1.centroid.distance(to: point) }, false)
        }
        return (byPostal.max { $0.population < $1.population }, true)
    }

    /// "marseille 11" names the arrondissement "marseille 11e arrondissement".
    private static func isArrondissement(_ reference: String, of named: String) -> Bool {
        guard reference.hasSuffix("arrondissement"), let number = named.split(separator: " ").last, Int(number) != nil else { return false }
        let city = named.split(separator: " ").dropLast().joined(separator: " ")
        return reference.hasPrefix("\(city) \(Int(number)!)e ") || reference.hasPrefix("\(city) \(Int(number)!)er ")
    }

    /// How far from its commune's centre a point outside the commune's boundary may lie and still be an address (the
    /// boundaries are simplified; beyond this, the point is a mistake: swapped, another place's, a default).
    static let farFromCommune = 15_000.0

    /// Metropolitan France and overseas territories, never (0, 0).
    static func isPlausible(_ point: Coordinate) -> Bool {
        !(abs(point.latitude) < 0.001 && abs(point.longitude) < 0.001) && point.latitude > -30 && point.latitude < 52
    }
}
