/// A "lieu de médiation numérique" with the 32 fields of the national standard v1.0.2.
///
/// Multi-valued fields are typed lists of the standard's vocabularies. Values that no vocabulary knows are kept in
/// ``unmappedValues`` rather than dropped.
public struct Place: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    /// SIRET, RNA or RIDET of the structure (`pivot`).
    public var pivot: String
    public var nom: String
    public var commune: String
    public var codePostal: String
    public var codeInsee: CommuneCode?
    public var adresse: String
    public var complementAdresse: String?
    public var coordinate: Coordinate?
    public var typologie: [Typology]
    public var telephone: String?
    public var courriels: [String]
    public var siteWeb: [String]
    /// OSM `opening_hours`, as written by the source (parse with ``OpeningHours``).
    public var horaires: String?
    public var presentationResume: String?
    public var presentationDetail: String?
    public var source: String?
    public var itinerance: [Itinerancy]
    public var structureParente: String?
    public var dateMaj: CalendarDay
    public var services: [Service]
    public var publicsSpecifiquementAdresses: [TargetPublic]
    public var priseEnChargeSpecifique: [SpecificSupport]
    public var fraisACharge: [Fee]
    public var dispositifProgrammesNationaux: [NationalProgramme]
    public var formationsLabels: [TrainingLabel]
    public var autresFormationsLabels: [String]
    public var modalitesAcces: [AccessMode]
    public var modalitesAccompagnement: [SupportMode]
    public var ficheAccesLibre: String?
    public var priseRdv: String?

    /// How precise ``coordinate`` is.
    public var precision: LocationPrecision
    /// Source values no vocabulary table could map, kept as written.
    public var unmappedValues: [UnmappedValue]

    public init(
        id: String, pivot: String, nom: String, commune: String, codePostal: String, codeInsee: CommuneCode?,
        adresse: String, dateMaj: CalendarDay
    ) {
        self.id = id
        self.pivot = pivot
        self.nom = nom
        self.commune = commune
        self.codePostal = codePostal
        self.codeInsee = codeInsee
        self.adresse = adresse
        self.dateMaj = dateMaj
        self.typologie = []
        self.courriels = []
        self.siteWeb = []
        self.itinerance = []
        self.services = []
        self.publicsSpecifiquementAdresses = []
        self.priseEnChargeSpecifique = []
        self.fraisACharge = []
        self.dispositifProgrammesNationaux = []
        self.formationsLabels = []
        self.autresFormationsLabels = []
        self.modalitesAcces = []
        self.modalitesAccompagnement = []
        self.precision = .none
        self.unmappedValues = []
    }
}
