/// What someone added by hand to a structure recognised from the data: its name, kind, contact and communes served.
public struct StructureCompletion: Hashable, Codable, Sendable {
    public var structureID: String
    public var name: String
    public var kind: StructureKind
    public var contactEmail: String?
    public var contactPhone: String?
    /// Communes served beyond its places' own.
    public var communes: [CommuneCode]

    public init(structureID: String, name: String, kind: StructureKind, contactEmail: String?, contactPhone: String?, communes: [CommuneCode]) {
        self.structureID = structureID
        self.name = name
        self.kind = kind
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
        self.communes = communes
    }
}
