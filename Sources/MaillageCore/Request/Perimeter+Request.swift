extension Perimeter {
    /// What a request may name as its perimeter: any of these (none gives the default EPCI; several, their union).
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

        /// The perimeter named, checked against the territory; `focus` when nothing is named; the union of the
        /// communes when several are named (`epci=…&communes=…`: an EPCI and communes around it).
        /// - Parameters:
        ///   - maxCommunes: the longest list of communes accepted (a list, not a département or région).
        ///   - names: whether the list may name communes (« Denain, St Amand les Eaux ») as pages and the command line
        ///     let people write them; the API takes INSEE codes only, as its document says.
        public func resolve(
            in territory: TerritoryData, default focus: Siren, maxCommunes: Int = 500, names: Bool = false
        ) throws(ParameterError) -> Perimeter {
            let parts = [
                Request(communes: communes), Request(epci: epci), Request(departement: departement), Request(region: region),
                Request(france: france)
            ].filter { !$0.items.isEmpty }
            guard parts.count > 1 else { return try resolveOne(in: territory, default: focus, maxCommunes: maxCommunes, names: names) }
            var codes: [CommuneCode] = [], titles: [String] = []
            for part in parts {
                let perimeter = try part.resolveOne(in: territory, default: focus, maxCommunes: maxCommunes, names: names)
                codes += perimeter.communes
                titles.append(perimeter.name)
            }
            return Perimeter(name: titles.joined(separator: " + "), communes: Array(Set(codes)).sorted())
        }

        private func resolveOne(in territory: TerritoryData, default focus: Siren, maxCommunes: Int, names: Bool) throws(ParameterError) -> Perimeter
        {
            if let communes {
                let count = communes.split(separator: ",").count
                guard count <= maxCommunes else {
                    throw ParameterError(parameter: "communes", message: "« communes » attend au plus \(maxCommunes) communes (ici \(count))")
                }
                let codes: [CommuneCode]
                let wellFormed = communes.split(separator: ",").allSatisfy { CommuneCode(String($0).trimmed) != nil }
                do throws(TerritoryData.UnknownCommune) {
                    guard names || wellFormed else { throw TerritoryData.UnknownCommune(text: "") }
                    codes = try territory.communeCodes(inList: communes, preferring: territory.coveredEPCIs(around: focus))
                } catch {
                    let expected =
                        names
                        ? "des noms ou codes INSEE de communes, séparés par des virgules : \(error.message)"
                        : "des codes INSEE de communes connues, séparés par des virgules"
                    throw ParameterError(parameter: "communes", message: "« communes » attend \(expected)", namesNothingKnown: wellFormed)
                }
                guard !codes.isEmpty else { throw ParameterError(parameter: "communes", message: "« communes » attend au moins une commune") }
                return .communes(codes, in: territory)
            }
            if france { return Perimeter(name: "France entière", communes: territory.communes.keys.sorted()) }
            if let departement {
                let code = departement.trimmed.uppercased()
                let members = territory.communes.keys.filter { $0.department == code }.sorted()
                guard !members.isEmpty else {
                    throw ParameterError(
                        parameter: "departement", message: "« departement » attend le code d'un département de la base (59, 2A, 971…)",
                        namesNothingKnown: CommuneCode(code + "001") != nil || CommuneCode(code + "01") != nil)
                }
                return Perimeter(name: "Département \(code)", communes: members)
            }
            if let region {
                guard let found = Region.named(code: region.trimmed) else {
                    throw ParameterError(
                        parameter: "region", message: "« region » attend le code INSEE d'une région (32 pour les Hauts-de-France…)",
                        namesNothingKnown: region.count == 2 && region.allSatisfy(\.isNumber))
                }
                let departments = Set(found.departments)
                let members = territory.communes.keys.filter { departments.contains($0.department) }.sorted()
                guard !members.isEmpty else {
                    throw ParameterError(
                        parameter: "region", message: "aucune commune de la région \(found.name) dans la base", namesNothingKnown: true)
                }
                return Perimeter(name: "Région \(found.name)", communes: members)
            }
            let text = epci ?? focus.rawValue
            guard let siren = Siren(text), let found = territory.epcis[siren] else {
                throw ParameterError(
                    parameter: "epci", message: "« epci » attend le SIREN d'un EPCI connu (9 chiffres)", namesNothingKnown: Siren(text) != nil)
            }
            return .epci(found)
        }
    }
}
