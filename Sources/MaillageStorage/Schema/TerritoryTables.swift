/// The names of the territory reference tables — EPCI and their members, communes and their postal codes, QPV,
/// fragility, broadband, adjacency — and their columns: the only place they are spelled.
enum TerritoryTables {
    enum EPCI {
        static let table = "epcis"
        static let siren = "siren"
        static let name = "name"
        static let kind = "kind"
        static let population = "population"
    }

    /// The member communes of each EPCI.
    enum Member {
        static let table = "epci_members"
        static let epciSiren = "epci_siren"
        static let communeCode = "commune_code"
    }

    enum Commune {
        static let table = "communes"
        static let code = "code"
        static let name = "name"
        static let postalCode = "postal_code"
        static let population = "population"
        static let latitude = "latitude"
        static let longitude = "longitude"
        static let areaKm2 = "area_km2"
        static let epciSiren = "epci_siren"
        /// The commune's polygons, as JSON.
        static let boundary = "boundary"
    }

    /// Every postal code of each commune.
    enum PostalCode {
        static let table = "commune_postal_codes"
        static let postalCode = "postal_code"
        static let communeCode = "commune_code"
    }

    enum QPV {
        static let table = "qpvs"
        static let code = "code"
        static let communeNames = "commune_names"
        static let population = "population"
    }

    /// The communes each QPV lies in.
    enum QPVCommune {
        static let table = "qpv_communes"
        static let qpvCode = "qpv_code"
        static let communeCode = "commune_code"
    }

    enum Fragility {
        static let table = "fragility"
        static let communeCode = "commune_code"
        static let globalScore = "global_score"
        static let accessScore = "access_score"
        static let skillsScore = "skills_score"
        static let irisCount = "iris_count"
    }

    enum Broadband {
        static let table = "broadband"
        static let communeCode = "commune_code"
        static let premises = "premises"
        static let ineligible = "ineligible"
        static let atLeast8 = "at_least_8"
        static let atLeast30 = "at_least_30"
        static let atLeast100 = "at_least_100"
    }

    /// Pairs of neighbouring communes, the smaller code first.
    enum Adjacency {
        static let table = "commune_adjacency"
        static let a = "a"
        static let b = "b"
    }
}
