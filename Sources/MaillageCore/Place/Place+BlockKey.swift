extension Place {
    /// Places are merged and stored by block: their commune, or their postal code when the commune is unknown.
    public var blockKey: String { codeInsee?.rawValue ?? "cp-\(codePostal)" }
}

extension SourceRecord {
    /// The block of the record's place: records are only compared within a block.
    public var blockKey: String { place.blockKey }
}
