extension PlaceIndex {
    /// The services a structure's places offer together.
    public func services(of structure: Structure) -> Set<Service> {
        Set(structure.placeIDs.compactMap(entry(id:)).flatMap(\.place.services))
    }

    /// Where a structure is: its place in `commune` when it has one there, else its first place that has coordinates.
    public func coordinate(of structure: Structure, in commune: CommuneCode? = nil) -> Coordinate? {
        let places = structure.placeIDs.compactMap(entry(id:))
        return places.first { commune != nil && $0.place.codeInsee == commune }?.coordinate ?? places.lazy.compactMap(\.coordinate).first
    }
}
