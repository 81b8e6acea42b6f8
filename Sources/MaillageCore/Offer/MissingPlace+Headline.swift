extension MissingPlace {
    /// What the missing place would offer, in a line: its services, then its needs (« Accès internet et matériel
    /// informatique, Ouverture en soirée »).
    public var headline: String {
        (services.map(\.rawValue) + needs.map(\.label)).joined(separator: ", ")
    }
}
