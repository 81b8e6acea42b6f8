/// An actor of the network: an organisation that runs places (a CCAS, a social centre, a library network…), distinct
/// from the places themselves. Built from the imported data (`pivot`, `structure_parente`, names), completed by hand.
public struct Structure: Hashable, Sendable, Identifiable {
    /// `siren-…`, `rna-…`, `parent-…` or `lieu-…`: how the structure was recognised.
    public var id: String
    public var name: String
    public var kind: StructureKind
    /// The SIREN, SIRET or RNA when the structure has one.
    public var identifier: String?
    /// Its places, by identifier.
    public var placeIDs: [String]
    /// The communes it serves (its places' communes unless completed by hand).
    public var communes: [CommuneCode]
    public var contactEmail: String?
    public var contactPhone: String?
    /// The territory (EPCI) of its first place's commune.
    public var territory: Siren?
    /// Whether someone completed it by hand.
    public var isCompleted: Bool

    public init(
        id: String, name: String, kind: StructureKind, identifier: String?, placeIDs: [String], communes: [CommuneCode],
        contactEmail: String? = nil, contactPhone: String? = nil, territory: Siren?, isCompleted: Bool = false
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.identifier = identifier
        self.placeIDs = placeIDs
        self.communes = communes
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
        self.territory = territory
        self.isCompleted = isCompleted
    }
}
