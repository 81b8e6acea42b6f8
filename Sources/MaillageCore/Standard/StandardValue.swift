/// One value of any vocabulary of the standard, so that a mapping table can target several columns.
public enum StandardValue: Hashable, Sendable {
    case service(Service)
    case targetPublic(TargetPublic)
    case specificSupport(SpecificSupport)
    case fee(Fee)
    case programme(NationalProgramme)
    case supportMode(SupportMode)
    case accessMode(AccessMode)
    case typology(Typology)
}

extension Place {
    /// Adds a standard value to the matching column, once.
    public mutating func add(_ value: StandardValue) {
        switch value {
        case .service(let v): Self.append(v, to: &services)
        case .targetPublic(let v): Self.append(v, to: &publicsSpecifiquementAdresses)
        case .specificSupport(let v): Self.append(v, to: &priseEnChargeSpecifique)
        case .fee(let v): Self.append(v, to: &fraisACharge)
        case .programme(let v): Self.append(v, to: &dispositifProgrammesNationaux)
        case .supportMode(let v): Self.append(v, to: &modalitesAccompagnement)
        case .accessMode(let v): Self.append(v, to: &modalitesAcces)
        case .typology(let v): Self.append(v, to: &typologie)
        }
    }

    private static func append<T: Equatable>(_ value: T, to list: inout [T]) {
        if !list.contains(value) { list.append(value) }
    }
}
