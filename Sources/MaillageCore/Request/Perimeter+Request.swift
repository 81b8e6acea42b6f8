extension Perimeter {
    /// What a request may name as its perimeter: at most one of these (none gives the default EPCI).
    public struct Request: Sendable, Equatable {
        /// INSEE codes separated by commas.
        public var communes: String?
        /// The SIREN of an EPCI.
        public var epci: String?
        /// A département code (`59`, `2A`, `971`).
        public var departement: String?
        /// A région code (`32`).
        public var region: String?
        /// Every commune of the reference.
        public var france = false

        public init(communes: String? = nil, epci: String? = nil, departement: String? = nil, region: String? = nil, france: Bool = false) {
            self.communes = communes
            self.epci = epci
            self.departement = departement
            self.region = region
            self.france = france
        }

        /// The parameters as named, to carry the same perimeter on in links (empty when nothing is named).
        public var items: [(String, String)] {
            [("communes", communes), ("epci", epci), ("departement", departement), ("region", region), ("france", france ? "1" : nil)]
                .compactMap { name, value in value.map { (name, $0) } }
        }

        /// The perimeter named, checked against the territory; `focus` when nothing is named.
        /// - Parameter maxCommunes: the longest list of communes accepted (a list, not a département or région).
        public func resolve(in territory: TerritoryData, default focus: Siren, maxCommunes: Int = 500) throws(ParameterError) -> Perimeter {
            let named = [communes != nil, epci != nil, departement != nil, region != nil, france].filter { $0 }.count
            guard named <= 1 else {
                throw ParameterError(parameter: "perimetre", message: "un seul périmètre à la fois : communes, epci, departement, region ou france")
            }
            if let communes {
                guard let codes = try? territory.communeCodes(inList: communes), !codes.isEmpty, codes.count <= maxCommunes else {
                    throw ParameterError(parameter: "communes",
                                         message: "« communes » attend jusqu'à \(maxCommunes) codes INSEE connus, séparés par des virgules")
                }
                return .communes(codes, in: territory)
            }
            if france { return Perimeter(name: "France entière", communes: territory.communes.keys.sorted()) }
            if let departement {
                let code = departement.trimmed.uppercased()
                let members = territory.communes.keys.filter { $0.department == code }.sorted()
                guard !members.isEmpty else {
                    throw ParameterError(parameter: "departement", message: "« departement » attend le code d'un département de la base (59, 2A, 971…)")
                }
                return Perimeter(name: "Département \(code)", communes: members)
            }
            if let region {
                guard let found = Region.named(code: region.trimmed) else {
                    throw ParameterError(parameter: "region", message: "« region » attend le code INSEE d'une région (32 pour les Hauts-de-France…)")
                }
                let departments = Set(found.departments)
                let members = territory.communes.keys.filter { departments.contains($0.department) }.sorted()
                guard !members.isEmpty else {
                    throw ParameterError(parameter: "region", message: "aucune commune de la région \(found.name) dans la base")
                }
                return Perimeter(name: "Région \(found.name)", communes: members)
            }
            let text = epci ?? focus.rawValue
            guard let siren = Siren(text), let found = territory.epcis[siren] else {
                throw ParameterError(parameter: "epci", message: "« epci » attend le SIREN d'un EPCI connu (9 chiffres)")
            }
            return .epci(found)
        }
    }
}
